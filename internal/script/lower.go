package script

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/evanw/esbuild/pkg/api"
)

// Engines are the oldest browsers the scripts run in (engineNames says
// them).
var Engines = []api.Engine{{Name: api.EngineChrome, Version: "49"}, {Name: api.EngineSafari, Version: "10"}}

// Lower returns src (a script named name, for messages) lowered to ES2015
// and minified, or an error that says what could not be lowered and where.
func Lower(name string, src []byte) ([]byte, error) {
	rw, err := rewriteProperties(string(src))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	text := rw.prelude + rw.body
	res := api.Transform(text, api.TransformOptions{
		Sourcefile:        name,
		Loader:            api.LoaderJS,
		Target:            api.ES2015,
		Engines:           Engines,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		Charset:           api.CharsetUTF8,
		LegalComments:     api.LegalCommentsNone,
		LogLevel:          api.LogLevelSilent,
	})
	if msgs := append(res.Errors, res.Warnings...); len(msgs) > 0 {
		return nil, messages(name, msgs, utf8.RuneCountInString(rw.prelude))
	}
	// esbuild turns a regular expression literal the target cannot parse
	// (named groups, the s flag, lookbehind…) into new RegExp(…), moving
	// the failure to run time: that is a failure here.
	if strings.Count(string(res.Code), "new RegExp(") > strings.Count(text, "new RegExp(") {
		return nil, fmt.Errorf("%s: error: a regular expression uses syntax that %s lack (esbuild left it to new RegExp at run time)", name, engineNames())
	}
	return res.Code, nil
}

// messages puts esbuild's messages in bantin's path:line:col form. Lines
// are those of the script after its \p{…} classes were rewritten, which
// keeps the line breaks; on the first line, columns leave out the
// prelude's characters (prelude of them) put before the script. After a
// rewritten literal, columns on its line are those of the rewritten text.
func messages(name string, msgs []api.Message, prelude int) error {
	var lines []string
	for _, m := range msgs {
		pos := name
		if l := m.Location; l != nil {
			col := l.Column // bytes; bantin counts characters
			if col <= len(l.LineText) {
				col = utf8.RuneCountInString(l.LineText[:col])
			}
			if l.Line == 1 {
				col = max(col-prelude, 0)
			}
			pos = fmt.Sprintf("%s:%d:%d", name, l.Line, col+1)
		}
		lines = append(lines, pos+": error: "+m.Text)
	}
	return fmt.Errorf("%s", strings.Join(lines, "\n"))
}

func engineNames() string { return "Chrome 49 and Safari 10" }
