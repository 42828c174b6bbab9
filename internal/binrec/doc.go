// Package binrec writes and reads the small binary records bantin keeps
// of its own data (cached Markdown results, the text store's sections and
// tables of contents): numbers as uvarints, strings and byte strings as a
// length and their bytes, lists as a count and their items.
//
// A Writer appends; a Reader reads in the same order and never panics: at
// the first problem (a cut record, a length past its end) it notes the
// damage, every later read returns zero values, and OK reports false.
package binrec
