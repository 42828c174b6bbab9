// Package shortcode parses Hugo's shortcode calls out of a Markdown body.
//
// Syntax, as Hugo has it:
//
//	{{< name >}}                      a call whose output is HTML
//	{{< name "a" `b` c >}}            positional arguments: "quoted" (with \"
//	                                  and \\ escapes), `raw`, or a bare word
//	{{< name key="value" k2=v >}}     named arguments (not mixed with positional)
//	{{< name >}}inner{{< /name >}}    a pair: Inner is the text between
//	{{% name %}}inner{{% /name %}}    a pair whose inner text is Markdown
//	{{< name />}}                     self-closed: never paired
//	{{</* name */>}}                  an escape: written as {{< name >}}, not called
//
// A tag may span lines. Names are letters, digits, "_", "-", "." and "/".
// A closing tag pairs with the nearest open call of the same name; the
// calls opened between them stay unpaired (their templates decide whether
// that is an error: see Call.Paired). Calls nest: a pair's calls are its
// Children.
//
// Calls inside code are left alone: fenced code blocks (``` or ~~~, to the
// matching fence), and inline code spans (a run of backticks to the next
// run of the same length, within the paragraph). Escapes are unescaped
// everywhere, code included, so that a page can show the syntax.
//
// Errors carry the byte offset where they start: a tag that is not closed
// by >}} or %}}, a closing tag with no open call, a pair whose closing tag
// uses the other delimiter, positional and named arguments mixed, an
// argument that is not a word, a quoted string or key=value, typographic
// quotes (“ ”) where straight ones are meant.
//
// [Parse] returns offsets only; callers turn them into line:col with
// diag.Lines, adding the line where the body starts.
package shortcode
