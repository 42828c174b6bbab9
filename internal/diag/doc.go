// Package diag carries the problems a build finds in its input.
//
// A [Pos] names a place in a source file: the path relative to the site root
// ("content/bai-viet/x.md"), a 1-based line and a 1-based column counted in
// runes, so that a column points at the same character an editor shows for
// Vietnamese text.
//
// A [Diagnostic] is a positioned message with a [Severity]. A [List] collects
// every problem of a build in one pass, is safe for concurrent use, sorts by
// file, line, column and message so that parallel work prints the same way
// every time, and returns an error from [List.Err] only when it holds at
// least one error (warnings alone are not an error).
//
// Printed form, one per line:
//
//	content/bai-viet/x.md:3:7: error: message
//	config.toml:12:1: warning: message
//
// A position with no line prints as the path alone; with no column, as
// path:line.
package diag
