package markdown

import "github.com/yuin/goldmark/ast"

// hasFencedCode reports whether doc holds a fenced code block anywhere (in
// a list or a quote too): only those are highlighted, so only pages with
// one need the code stylesheet.
func hasFencedCode(doc ast.Node) bool {
	found := false
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Kind() == ast.KindFencedCodeBlock {
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}
