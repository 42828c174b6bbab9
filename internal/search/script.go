package search

import (
	"bytes"
	_ "embed"
	"sync"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/js"
)

var (
	//go:embed js/vi.js
	viJS []byte
	//go:embed js/search.js
	searchJS []byte
)

// Script returns the search page's script: vi.js and search.js in one
// function scope, minified. It is made once per process.
var Script = sync.OnceValue(func() []byte {
	src := bytes.Join([][]byte{[]byte("(function(){\"use strict\";"), viJS, searchJS, []byte("})();\n")}, []byte("\n"))
	var out bytes.Buffer
	m := minify.New()
	if err := js.Minify(m, &out, bytes.NewReader(src), nil); err != nil {
		return src // the embedded sources are tested to minify; this is not reached
	}
	return out.Bytes()
})
