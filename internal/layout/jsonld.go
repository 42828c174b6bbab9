package layout

import (
	"time"

	"bantin/internal/site"
)

// jsonLD returns the schema.org description of p for a
// <script type="application/ld+json"> element: NewsArticle for articles
// and bulletin issues, Article for other pages, CollectionPage for lists,
// and the BreadcrumbList of p's ancestors.
func jsonLD(p *site.Page) map[string]any {
	graph := []any{mainEntity(p)}
	if crumbs := breadcrumbList(p); crumbs != nil {
		graph = append(graph, crumbs)
	}
	return map[string]any{"@context": "https://schema.org", "@graph": graph}
}

func mainEntity(p *site.Page) map[string]any {
	cfg := p.Site.Config
	if p.IsList() {
		return map[string]any{"@type": "CollectionPage", "@id": p.Permalink, "url": p.Permalink, "name": p.Title, "inLanguage": cfg.LanguageCode,
			"isPartOf": map[string]any{"@type": "WebSite", "name": p.Site.Title, "url": cfg.AbsURL("/")}}
	}
	typ := "Article"
	if p.Type == "article" || p.Type == "bulletin" {
		typ = "NewsArticle"
	}
	m := map[string]any{
		"@type": typ, "@id": p.Permalink, "mainEntityOfPage": p.Permalink, "url": p.Permalink,
		"headline": truncate(110, p.Title), "inLanguage": cfg.LanguageCode,
		"publisher": map[string]any{"@type": "Organization", "name": p.Site.Title, "url": cfg.AbsURL("/")},
	}
	if p.Description != "" {
		m["description"] = p.Description
	}
	if !p.Date.IsZero() {
		m["datePublished"] = p.Date.In(cfg.Location).Format(time.RFC3339)
		m["dateModified"] = p.Lastmod.In(cfg.Location).Format(time.RFC3339)
	}
	if img := p.ImageURL(); img != "" {
		m["image"] = []string{img}
	}
	var authors []any
	for _, a := range p.Terms["authors"] {
		authors = append(authors, map[string]any{"@type": "Person", "name": a})
	}
	if authors != nil {
		m["author"] = authors
	}
	return m
}

func breadcrumbList(p *site.Page) map[string]any {
	chain := append(p.Ancestors(), p)
	if len(chain) < 2 {
		return nil
	}
	items := make([]any, len(chain))
	for i, q := range chain {
		items[i] = map[string]any{"@type": "ListItem", "position": i + 1, "name": q.Title, "item": q.Permalink}
	}
	return map[string]any{"@type": "BreadcrumbList", "itemListElement": items}
}
