// Command bantin builds the dân vận bulletin site.
//
//	bantin serve [--source DIR] [--port N] [--baseURL URL|/PATH/] [-D] [--verbose|--quiet]
//	bantin build [--source DIR] [--destination DIR] [--baseURL URL] [-D] [--minify] [--force] [--verbose|--quiet]
//	bantin pdf [flags] [PATH…]
//	bantin new KIND "Tiêu đề" | KIND PATH | [content] PATH | site DIR
//	bantin fix ids [--source DIR]
//	bantin version
//
// Warnings of one kind print as one line with a count and the next few
// places (--verbose prints them all, --quiet none); errors print after the
// warnings, every one. A folder without content/ is refused with one line
// saying what to do. serve answers under the path of the baseURL (the
// flag's, which may be a path alone, else the config's) and redirects /
// there; a port in use is named, with --port 0 suggested.
//
// build first asks internal/uptodate whether the destination already
// holds what it would write (same program, flags, input files, clock
// interval and destination as the last build recorded in the cache);
// then it prints "up to date: …" and the recorded warnings and writes
// nothing. --force, --noCache, --pdf and the profile flags always build.
//
// Exit status: 0 on success, 1 when the content, layouts or config have
// errors (each printed as path:line:col: error: message) or the port is in
// use, 2 on a usage error. This package parses flags and prints; the work
// is in internal/build.
package main
