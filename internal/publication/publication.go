package publication

import (
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"

	"bantin/internal/config"
	"bantin/internal/diag"
	"bantin/internal/site"
)

// Content types.
const (
	Leaflet  = "leaflet"
	Handbook = "handbook"
	Bulletin = "bulletin"
)

// CatalogueURL is where the catalogue of publications is published.
const CatalogueURL = "/an-pham/"

// Prepare lays out every publication of s and returns the layouts, their
// print editions and the catalogue page, changing no page: the build keeps
// the result in s.Publishing, where pages find their own. title is the
// catalogue's title. pdfs(source) says whether a publication also gets the
// URL of its PDF, beside it (/to-gap/x/x.pdf), and with press, those of its
// press copy (x-nha-in.pdf) and, for a handbook, its imposed booklet
// (x-dong-ghim.pdf).
func Prepare(s *site.Site, ix *site.Index, title string, pdfs func(source string) bool, press bool, dl *diag.List) *site.Publishing {
	out := &site.Publishing{Of: map[*site.Page]*site.Publication{}}
	var pubs []*site.Page
	bySource := make(map[string]*site.Page, len(s.Pages))
	for _, q := range s.Pages {
		bySource[q.Source] = q
	}
	for _, p := range s.Pages {
		pub := &site.Publication{}
		switch p.Type {
		case Leaflet:
			pub.Panels = panels(p, dl)
		case Handbook:
			pub.Questions = questions(p, dl)
		case Bulletin:
			pub.Articles = articles(p, bySource, dl)
		default:
			continue
		}
		pubs = append(pubs, p)
		checkImprint(p, s.Config.Print.Rules[p.Type], pdfs(p.Source), dl)
		if pdfs(p.Source) {
			stem := p.RelPermalink + path.Base(strings.TrimSuffix(p.URL, "/"))
			pub.PDFURL = stem + ".pdf"
			if press {
				pub.PressPDFURL = stem + PressSuffix
				if p.Type == Handbook {
					pub.BookletPDFURL = stem + BookletSuffix
				}
			}
		}
		edition := ix.PrintEdition(p)
		pub.PrintURL = edition.RelPermalink
		out.Of[p] = pub
		out.Prints = append(out.Prints, edition)
	}
	out.Catalogue = ix.MadeUp(s, KindCatalogue, title, CatalogueURL)
	out.Catalogue.Pages = pubs
	return out
}

// Press copies and imposed booklets go beside the reading copy x.pdf, with
// these endings instead of ".pdf".
const (
	PressSuffix   = "-nha-in.pdf"
	BookletSuffix = "-dong-ghim.pdf"
)

// KindCatalogue is the kind of the publications catalogue page.
const KindCatalogue = site.KindCatalogue

// PanelNames are the six panels of a leaflet in reading order.
var PanelNames = []string{"bia", "vat", "trong-1", "trong-2", "trong-3", "sau"}

func panels(p *site.Page, dl *diag.List) map[string]*site.Panel {
	secs := p.Sections()
	if len(secs) == 0 {
		return nil
	}
	intro, heads := secs[0], secs[1:]
	marked := 0
	for _, s := range heads {
		if panelOf(s) != "" {
			marked++
		}
	}
	out := map[string]*site.Panel{}
	if marked == 0 {
		if len(heads) != len(PanelNames) {
			dl.Errorf(p.Doc.Pos(), "a leaflet has six panels, one per ## heading; this one has %d", len(heads))
			return nil
		}
		for i, s := range heads {
			out[PanelNames[i]] = panel(PanelNames[i], s)
		}
	} else {
		lines := map[string]int{}
		for _, s := range heads {
			name := panelOf(s)
			pos := diag.Pos{File: p.Source, Line: s.Line, Col: 1}
			switch {
			case name == "":
				dl.Errorf(pos, "heading %q marks no panel; mark it {.%s} or another of %s", s.Title, PanelNames[0], strings.Join(PanelNames, ", "))
			case lines[name] != 0:
				dl.Errorf(pos, "panel .%s is marked twice (first at line %d)", name, lines[name])
			default:
				lines[name] = s.Line
				out[name] = panel(name, s)
			}
		}
		for _, name := range PanelNames {
			if lines[name] == 0 {
				dl.Errorf(p.Doc.Pos(), "the leaflet has no panel .%s", name)
			}
		}
	}
	if cover := out["bia"]; cover != nil && intro.BodyText().Len() > 0 {
		cover.ContentText = site.JoinTexts(intro.BodyText(), cover.ContentText)
	}
	return out
}

func panelOf(s site.Section) string {
	for _, c := range s.Classes {
		for _, name := range PanelNames {
			if c == name {
				return name
			}
		}
	}
	return ""
}

func panel(name string, s site.Section) *site.Panel {
	return &site.Panel{Name: name, Title: s.Title, Line: s.Line, ContentText: s.BodyText()}
}

var numbered = regexp.MustCompile(`^Câu\s+(\d+)\s*[.:]\s*`)

func questions(p *site.Page, dl *diag.List) []site.Question {
	var out []site.Question
	for i, s := range p.Sections()[1:] {
		n := i + 1
		pos := diag.Pos{File: p.Source, Line: s.Line, Col: 1}
		text := s.Title
		if m := numbered.FindStringSubmatch(text); m != nil {
			if written, _ := strconv.Atoi(m[1]); written != n {
				dl.Errorf(pos, "question %d is numbered %q; number it %d or leave the number out", n, "Câu "+m[1], n)
			}
			text = strings.TrimPrefix(text, m[0])
		}
		if strings.TrimSpace(s.Plain()) == "" {
			dl.Errorf(pos, "question %d has no answer", n)
		}
		out = append(out, site.Question{Number: n, ID: fmt.Sprintf("cau-%d", n), Text: text, AnswerText: s.BodyText(), PlainText: s.PlainText()})
	}
	return out
}

func articles(p *site.Page, bySource map[string]*site.Page, dl *diag.List) []*site.Page {
	var out []*site.Page
	for i, rel := range p.Doc.Front.Articles {
		q := bySource["content/"+strings.TrimPrefix(rel, "/")]
		if q == nil {
			dl.Errorf(p.Doc.Pos("articles", strconv.Itoa(i)), "article %q is not a page of this build (a path under content/, such as bai-viet/ten-bai.md; drafts and future pages are left out)", rel)
			continue
		}
		out = append(out, q)
	}
	return out
}

// checkImprint reports each imprint key that the type's print rule needs
// and the publication's [print] front matter lacks: an error when its PDF
// is to be printed, else a warning — when it has a [print] table at all
// (one without is online only until it is printed).
func checkImprint(p *site.Page, rule config.PrintRule, printing bool, dl *diag.List) {
	hasTable := p.Doc.Meta != nil && p.Doc.Meta.Has("print")
	if !printing && !hasTable {
		return
	}
	var missing []string
	imprint := p.Imprint()
	for _, key := range rule.Required {
		if !imprint.Has(key) {
			missing = append(missing, key)
		}
	}
	if len(missing) == 0 {
		return
	}
	pos := p.Doc.Pos("print") // the table's line, else the front matter's first
	report := dl.Warnf
	if printing {
		report = dl.Errorf
	}
	report(pos, "the imprint lacks %s: a %s needs them in print (config print.rules.%s)", strings.Join(missing, ", "), p.Type, p.Type)
}
