package site

import (
	"html/template"

	"bantin/internal/markdown"
	"bantin/internal/textstore"
)

// Text is a page's rendered HTML or plain text, or a part of it, kept in
// the build's text store (internal/textstore) and read when a template or
// a stage uses it: the site model holds where texts are, not the texts.
type Text struct {
	store *textstore.Store
	ref   textstore.Ref
}

// String reads the text.
func (t Text) String() string {
	if t.store == nil {
		return ""
	}
	return t.store.String(t.ref)
}

// HTML reads the text as HTML: bantin's own Markdown output, written
// unescaped by templates.
func (t Text) HTML() template.HTML { return template.HTML(t.String()) }

// Len is the text's length in bytes.
func (t Text) Len() int { return t.ref.Len() }

// slice is the part [i, j) of t.
func (t Text) slice(i, j int) Text { return Text{t.store, t.ref.Slice(i, j)} }

// StoreText keeps s in st.
func StoreText(st *textstore.Store, s string) Text { return Text{st, st.PutString(s)} }

// JoinTexts stores the texts one after the other as one new text, in the
// store of the first that has one.
func JoinTexts(texts ...Text) Text {
	var st *textstore.Store
	var b []byte
	for _, t := range texts {
		b = append(b, t.String()...)
		if st == nil {
			st = t.store
		}
	}
	if st == nil {
		return Text{}
	}
	return Text{st, st.Put(b)}
}

// Section is a part of a page under one ## heading (the first has none):
// markdown.Section with its HTML and text in the text store.
type Section struct {
	ID      string   // the heading's id
	Title   string   // the heading's text
	Classes []string // the heading's classes: ## Bìa {.bia}
	Line    int      // the heading's line in the file
	body    Text
	plain   Text
}

// Body is the section's HTML after its heading.
func (s Section) Body() template.HTML { return s.body.HTML() }

// BodyText is the section's HTML as a Text, to build on without reading it.
func (s Section) BodyText() Text { return s.body }

// Plain is the section's text after its heading.
func (s Section) Plain() string { return s.plain.String() }

// PlainText is the section's text as a Text.
func (s Section) PlainText() Text { return s.plain }

// Rendered is a document's rendered Markdown with its HTML, text,
// sections and table of contents in the text store; the rest (ids and
// links to check, the summary, counts) is small and stays in memory.
type Rendered struct {
	Content   Text
	Plain     Text
	sections  sectionsRecord
	toc       Text
	Summary   string
	WordCount int
	IDs       []string
	Anchors   []markdown.Anchor
	HasCode   bool
}

// StoreRendered moves r's HTML, text, sections and table of contents into
// st: the page's HTML once, each section's HTML a part of it.
func StoreRendered(st *textstore.Store, r *markdown.Result) *Rendered {
	return &Rendered{
		Content: Text{st, st.Put(r.HTML)}, Plain: StoreText(st, r.Plain),
		sections: storeSections(st, r.Sections), toc: storeTOC(st, r.TOC),
		Summary: r.Summary, WordCount: r.WordCount, IDs: r.IDs, Anchors: r.Anchors, HasCode: r.HasCode,
	}
}

// Sections are the page's parts under each ## heading (the first holds
// what comes before the first heading), read from the text store.
func (p *Page) Sections() []Section { return decodeSections(p.ContentText, p.sections) }

// TOC is the page's table of contents: its h2 and h3 headings.
func (p *Page) TOC() []markdown.Heading { return decodeTOC(p.toc) }
