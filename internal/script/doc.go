// Package script makes the site's own scripts (the search page's and the
// theme's reading tools) run in old browsers: back to ES2015 (Chrome 49,
// Safari 10), minified.
//
// [Lower] first rewrites the Unicode property classes of regular
// expression literals — \p{L}, \p{Ll}, \p{Lu}, \p{N}, \p{Nd}, \p{Mn}, alone
// or several in one [...] class — as explicit ranges made from Go's own
// Unicode tables (so the browser splits words exactly where Go's
// unicode.IsLetter, IsDigit and Mn do), and drops those literals' u flag:
// astral characters become surrogate-pair alternatives. A \p{…} it cannot
// rewrite (a negated class, a class with other members, another property)
// is an error. Then esbuild (github.com/evanw/esbuild/pkg/api) lowers the
// syntax to ES2015 and minifies it; anything esbuild cannot lower to that
// target — an error or a warning — fails with esbuild's message and
// position. Browser APIs are not polyfilled: a script that needs one tests
// for it.
package script
