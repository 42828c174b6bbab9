package config

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"bantin/internal/diag"
)

// Print holds the imprint rules of printed publications, by content type
// ([print.rules.leaflet], …). A site's rule for a type replaces the
// default rule of that type whole: laws and licences change.
type Print struct {
	Rules map[string]PrintRule `toml:"rules"`
}

// PrintRule says what a publication of one type must print about itself.
type PrintRule struct {
	Required   []string `toml:"required"`   // imprint keys that must be filled (ImprintKeys)
	NotForSale bool     `toml:"notForSale"` // print the line "Tài liệu không bán"
	MaxPages   int      `toml:"maxPages"`   // the most pages a print may have; 0: no limit
	Source     string   `toml:"source"`     // where the rule comes from
}

// ImprintKeys are the keys of a publication's [print] front matter that a
// rule can require.
var ImprintKeys = []string{"publisher", "responsible", "licence", "copies", "size", "printer", "printerAddress", "date", "deposit", "periodicity"}

// defaultPrintRules are the rules bantin starts from. They follow the
// fields issue #17 lists from the law; check them against the current text
// of the law and against your licence, and change them in config.toml.
func defaultPrintRules() map[string]PrintRule {
	notForSale := PrintRule{
		Required:   []string{"publisher", "responsible", "licence", "copies", "size", "printer", "printerAddress", "date", "deposit"},
		NotForSale: true,
		Source:     "Luật Xuất bản 2012 (19/2012/QH13), Điều 27, và các thông tư hướng dẫn: thông tin ghi trên tài liệu không kinh doanh",
	}
	return map[string]PrintRule{
		"leaflet":  notForSale,
		"handbook": notForSale,
		"bulletin": {
			Required: []string{"publisher", "responsible", "licence", "copies", "printer", "periodicity"},
			Source:   "Luật Báo chí: bản tin ghi tên bản tin, cơ quan chủ quản, người chịu trách nhiệm, giấy phép, nơi in, số lượng in, định kỳ; khuôn khổ và số trang theo giấy phép (đặt maxPages)",
		},
	}
}

// setDefaults fills in the default rule of each type the site does not
// set, and reports required keys that no publication could have.
func (p *Print) setDefaults(pos func(key ...string) diag.Pos, dl *diag.List) {
	rules := defaultPrintRules()
	for kind, rule := range p.Rules {
		for i, key := range rule.Required {
			if !slices.Contains(ImprintKeys, key) {
				dl.Errorf(pos("print", "rules", kind, "required", strconv.Itoa(i)), "print.rules.%s: %q is not an imprint key; the keys are %s", kind, key, strings.Join(ImprintKeys, ", "))
			}
		}
		if rule.MaxPages < 0 {
			dl.Errorf(pos("print", "rules", kind, "maxPages"), "print.rules.%s: maxPages must be 0 (no limit) or more", kind)
		}
		rules[kind] = rule
	}
	for kind := range rules {
		sort.Strings(rules[kind].Required)
	}
	p.Rules = rules
}
