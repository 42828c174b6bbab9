// Package script makes the site's own scripts (the search page's and the
// theme's reading tools) run in old browsers: back to ES2015 (Chrome 49,
// Safari 10), minified.
//
// [Lower] first rewrites the Unicode property classes of regular
// expression literals — \p{L}, \p{Ll}, \p{Lu}, \p{N}, \p{Nd}, \p{Mn}, alone
// or several in one [...] class — as explicit ranges made from Go's own
// Unicode tables (so the browser splits words exactly where Go's
// unicode.IsLetter, IsDigit and Mn do), and drops those literals' u flag:
// astral characters become surrogate-pair alternatives. The ranges are not
// spelled out in each literal: a prelude, put on the script's first line,
// declares each property used once, as compact base-36 gaps and lengths
// that a small function turns into the class when the script starts
// (the search script: 59 → 26 KB, 14.1 → 10.6 KB with gzip), and the
// literals become RegExps built from those strings — shared, made once,
// when they have no g or y flag; made where they stood otherwise, as a
// literal makes a fresh object each time. Names starting bantinUnicode
// are reserved for the prelude. A \p{…} it cannot
// rewrite (a negated class, a class with other members, another property)
// is an error. Then esbuild (github.com/evanw/esbuild/pkg/api) lowers the
// syntax to ES2015 and minifies it; anything esbuild cannot lower to that
// target — an error or a warning — fails with esbuild's message and
// position. Browser APIs are not polyfilled: a script that needs one tests
// for it.
package script
