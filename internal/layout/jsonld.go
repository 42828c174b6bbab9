package layout

import (
	"bantin/internal/site"
)

// The schema.org types bantin writes, as structs: encoding/json writes a
// struct's fields in order without the key sorting maps need.
type (
	ldGraph struct {
		Context string `json:"@context"`
		Graph   []any  `json:"@graph"`
	}
	ldThing struct {
		Type string `json:"@type"`
		Name string `json:"name"`
		URL  string `json:"url,omitempty"`
	}
	ldCollection struct {
		Type       string  `json:"@type"`
		ID         string  `json:"@id"`
		URL        string  `json:"url"`
		Name       string  `json:"name"`
		InLanguage string  `json:"inLanguage"`
		IsPartOf   ldThing `json:"isPartOf"`
	}
	ldArticle struct {
		Type             string    `json:"@type"`
		ID               string    `json:"@id"`
		MainEntityOfPage string    `json:"mainEntityOfPage"`
		URL              string    `json:"url"`
		Headline         string    `json:"headline"`
		Description      string    `json:"description,omitempty"`
		InLanguage       string    `json:"inLanguage"`
		DatePublished    string    `json:"datePublished,omitempty"`
		DateModified     string    `json:"dateModified,omitempty"`
		Image            []string  `json:"image,omitempty"`
		Author           []ldThing `json:"author,omitempty"`
		Publisher        ldThing   `json:"publisher"`
	}
	ldListItem struct {
		Type     string `json:"@type"`
		Position int    `json:"position"`
		Name     string `json:"name"`
		Item     string `json:"item"`
	}
	ldBreadcrumbs struct {
		Type            string       `json:"@type"`
		ItemListElement []ldListItem `json:"itemListElement"`
	}
)

// jsonLD returns the schema.org description of p for a
// <script type="application/ld+json"> element: NewsArticle for articles
// and bulletin issues, Article for other pages, CollectionPage for lists,
// and the BreadcrumbList of p's ancestors.
func jsonLD(p *site.Page) ldGraph {
	graph := []any{mainEntity(p)}
	if crumbs := breadcrumbList(p); crumbs != nil {
		graph = append(graph, crumbs)
	}
	return ldGraph{Context: "https://schema.org", Graph: graph}
}

type (
	ldAnswer struct {
		Type string `json:"@type"`
		Text string `json:"text"`
	}
	ldQuestion struct {
		Type           string   `json:"@type"`
		Name           string   `json:"name"`
		AcceptedAnswer ldAnswer `json:"acceptedAnswer"`
	}
	ldFAQ struct {
		Type       string       `json:"@type"`
		ID         string       `json:"@id"`
		URL        string       `json:"url"`
		Name       string       `json:"name"`
		InLanguage string       `json:"inLanguage"`
		MainEntity []ldQuestion `json:"mainEntity"`
	}
)

func mainEntity(p *site.Page) any {
	if len(p.Questions()) > 0 {
		faq := ldFAQ{Type: "FAQPage", ID: p.Permalink, URL: p.Permalink, Name: p.Title, InLanguage: p.Site.Config.LanguageCode}
		for _, q := range p.Questions() {
			faq.MainEntity = append(faq.MainEntity, ldQuestion{Type: "Question", Name: q.Text, AcceptedAnswer: ldAnswer{Type: "Answer", Text: q.Plain()}})
		}
		return faq
	}
	cfg := p.Site.Config
	publisher := ldThing{Type: "Organization", Name: p.Site.Title, URL: cfg.AbsURL("/")}
	if p.IsList() {
		return ldCollection{Type: "CollectionPage", ID: p.Permalink, URL: p.Permalink, Name: p.Title, InLanguage: cfg.LanguageCode,
			IsPartOf: ldThing{Type: "WebSite", Name: p.Site.Title, URL: cfg.AbsURL("/")}}
	}
	a := ldArticle{Type: "Article", ID: p.Permalink, MainEntityOfPage: p.Permalink, URL: p.Permalink,
		Headline: truncate(110, p.Title), Description: p.Description, InLanguage: cfg.LanguageCode, Publisher: publisher}
	if p.Type == "article" || p.Type == "bulletin" {
		a.Type = "NewsArticle"
	}
	if !p.Date.IsZero() {
		a.DatePublished = isoDate(p.Date, cfg.Location)
		a.DateModified = isoDate(p.Lastmod, cfg.Location)
	}
	if img := p.ImageURL(); img != "" {
		a.Image = []string{img}
	}
	for _, name := range p.Terms["authors"] {
		a.Author = append(a.Author, ldThing{Type: "Person", Name: name})
	}
	return a
}

func breadcrumbList(p *site.Page) *ldBreadcrumbs {
	chain := append(p.Ancestors(), p)
	if len(chain) < 2 {
		return nil
	}
	b := &ldBreadcrumbs{Type: "BreadcrumbList"}
	for i, q := range chain {
		b.ItemListElement = append(b.ItemListElement, ldListItem{Type: "ListItem", Position: i + 1, Name: q.Title, Item: q.Permalink})
	}
	return b
}
