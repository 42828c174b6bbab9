// Package highlight colours fenced code blocks with chroma.
//
// Code is written with CSS classes (no inline styles), so one stylesheet
// serves every page and a site can restyle code from its own CSS.
// [Extender] plugs chroma into goldmark; [Stylesheet] writes the CSS for a
// chroma style ("github" by default), published at /css/chroma.css.
package highlight
