package search

import (
	"bytes"
	_ "embed"
	"sync"

	"bantin/internal/script"
)

var (
	//go:embed js/vi.js
	viJS []byte
	//go:embed js/search.js
	searchJS []byte
)

// Script returns the search page's script: vi.js and search.js in one
// function scope, lowered to ES2015 (Chrome 49, Safari 10) and minified by
// script.Lower, or why they could not be. It is made once per process.
var Script = sync.OnceValues(func() ([]byte, error) {
	src := bytes.Join([][]byte{[]byte("(function(){\"use strict\";"), viJS, searchJS, []byte("})();\n")}, []byte("\n"))
	return script.Lower("internal/search/js/search.js", src)
})
