// Command bantin builds the dân vận bulletin site.
//
//	bantin build [--source DIR] [--destination DIR] [--baseURL URL] [--drafts] [--future] [--expired]
//	bantin new KIND PATH
//	bantin version
//
// Exit status: 0 on success, 1 when the content, layouts or config have
// errors (each printed as path:line:col: error: message), 2 on a usage
// error. This package parses flags and prints; the work is in
// internal/build.
package main
