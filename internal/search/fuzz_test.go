package search

import "testing"

// FuzzTokenize: every token has a key, an NFC exact form that tokenizes
// to itself, and tokenizing never panics. (Go and JS agreement is
// TestJSTextTable, over testdata/text-cases.json.)
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"Dân vận khéo", "hoà hòa HOÀ", "\u0301", "ΰİ", "a. \u0301 b", "Luật Đất đai 2024, số 31/2024/QH15", "ǅǈ ﬁ", "x\u200by", "１２３ ＡＢＣ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkTokens(t, s) })
}
