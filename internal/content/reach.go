package content

import (
	"bytes"
	"reflect"
)

// Reach is what a change to one part of a document reaches beyond the
// document itself: the outputs that must be made again. It is bantin's
// one dependency model: [Changed] reads it to tell the dev server which
// outputs an edit touches (and whether it must rebuild everything),
// site.Refresh updates exactly the page fields of the [Inputs], and the
// build cache keys each per-document result by the document's bytes (so
// any part of it), plus, for rendered Markdown, the URLs its links
// resolve to, checked on every hit.
type Reach uint8

const (
	// Own is the page's own HTML.
	Own Reach = 1 << iota
	// Lists are the list pages that show the page (their cards show its
	// summary, image, date, reading time), the home page and 404 page.
	Lists
	// Feeds are the RSS and Atom feeds that hold the page.
	Feeds
	// Sitemap is sitemap.xml, which holds every page's lastmod.
	Sitemap
	// Search is the search index (text, headings, keywords).
	Search
	// Everything is the whole site: the part changes other pages' URLs,
	// order, sections, terms, menus, related pages or print editions.
	Everything
)

// Input is one part of a document whose change reaches no further than
// Reach.
type Input struct {
	Name   string
	Fields []string // the FrontMatter fields it is made of; none for the body
	Reach  Reach
}

// Inputs are the parts of a document that reach less than [Everything].
// Every other part (title, date, publishDate, expiryDate, draft, slug,
// url, aliases, type, layout, weight, linkTitle, cascade, articles, print,
// params, terms, the file's place and resources) reaches Everything, and
// so do image and images: the page's sharing copy is planned and made by
// the build's image stage, which a dev-server update does not run.
var Inputs = []Input{
	{Name: "body", Reach: Own | Lists | Feeds | Search},
	{Name: "summary", Fields: []string{"Summary"}, Reach: Own | Lists | Feeds},
	{Name: "description", Fields: []string{"Description"}, Reach: Own | Lists | Feeds},
	{Name: "lastmod", Fields: []string{"Lastmod"}, Reach: Own | Lists | Feeds | Sitemap},
	{Name: "keywords", Fields: []string{"Keywords"}, Reach: Own | Lists | Search}, // lists: a site's own list layouts may show them
}

// Changed returns what changing document a into b reaches: the union of
// the Reach of every Input that differs, or Everything when any other part
// differs. Zero means the two are the same document.
func Changed(a, b *Doc) Reach {
	if !sameBeyondInputs(a, b) {
		return Everything
	}
	var r Reach
	for _, in := range Inputs {
		if !in.same(a, b) {
			r |= in.Reach
		}
	}
	return r
}

// SameShape reports whether two versions of a document differ only in
// Inputs, which no other page's shape depends on.
func SameShape(a, b *Doc) bool { return Changed(a, b)&Everything == 0 }

func (in Input) same(a, b *Doc) bool {
	if len(in.Fields) == 0 {
		return bytes.Equal(a.Text(), b.Text()) && a.BodyLine == b.BodyLine
	}
	fa, fb := reflect.ValueOf(a.Front), reflect.ValueOf(b.Front)
	for _, f := range in.Fields {
		if !reflect.DeepEqual(fa.FieldByName(f).Interface(), fb.FieldByName(f).Interface()) {
			return false
		}
	}
	return true
}

// sameBeyondInputs reports whether a and b agree in every part that is
// not an Input.
func sameBeyondInputs(a, b *Doc) bool {
	fa, fb := withoutInputs(a.Front), withoutInputs(b.Front)
	return reflect.DeepEqual(fa, fb) && reflect.DeepEqual(a.Terms, b.Terms) &&
		a.Path == b.Path && a.Kind == b.Kind && a.Section == b.Section && a.Taxonomy == b.Taxonomy && a.Term == b.Term &&
		a.Bundle == b.Bundle && reflect.DeepEqual(a.Resources, b.Resources) && a.Hidden == b.Hidden
}

// withoutInputs is f with the fields of every Input zeroed.
func withoutInputs(f FrontMatter) FrontMatter {
	v := reflect.ValueOf(&f).Elem()
	for _, in := range Inputs {
		for _, name := range in.Fields {
			field := v.FieldByName(name)
			field.Set(reflect.Zero(field.Type()))
		}
	}
	return f
}
