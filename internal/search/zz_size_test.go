package search

import (
	"testing"
)

func SizeBreakdown(t testing.TB, as []*Analysis) {
	var keys, forms, pairs, frag, formsN, keysN, pairsN, keyStr, formStr, sameForm int
	for _, a := range as {
		d := decoder{b: a.data, at: a.keysAt}
		for range a.keys {
			k := d.string()
			keyStr += len(k)
			d.count()
			n := d.count()
			for range n {
				f := d.string()
				formStr += len(f)
				if string(f) == string(k) {
					sameForm++
				}
				d.count()
				formsN++
			}
			keysN++
		}
		keys += a.pairsAt - a.keysAt
		pairsN += a.pairs
		pairs += len(a.data) - len(a.frag) - a.pairsAt
		frag += len(a.frag)
	}
	_ = forms
	t.Logf("keys+forms %d bytes (%d keys, key strings %d; %d forms, form strings %d, %d same as key), pairs %d bytes (%d), frag %d", keys, keysN, keyStr, formsN, formStr, sameForm, pairs, pairsN, frag)
}
