// Package gzipfiles serves a folder of a built site over HTTP as a static
// host does: the types such hosts compress on the fly (nginx's gzip_types,
// Netlify, Cloudflare: HTML, CSS, JavaScript, JSON, text, XML, SVG) are sent
// gzipped to a browser that accepts it; every other file (images, fonts,
// files a tool gzips itself) goes as it is. The benchmark commands
// (searchbench, lighthouse) measure pages through it.
package gzipfiles
