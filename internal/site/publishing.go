package site

// Publishing is what internal/publication makes of a site's leaflets,
// handbooks and bulletin issues: each one's layout, the print editions
// and the catalogue page. It is data the build keeps in Site.Publishing;
// a page finds its own through methods (Panels, Questions, Articles,
// PrintURL, PDFURL…), and so does its print edition, through Edition.
type Publishing struct {
	Of        map[*Page]*Publication // by the publication's page
	Prints    []*Page                // print editions, in the order of s.Pages
	Catalogue *Page                  // the catalogue of printed publications
}

// Publication is the layout of one publication.
type Publication struct {
	Panels    map[string]*Panel // a leaflet's six panels, by name
	Questions []Question        // a handbook's questions, numbered
	Articles  []*Page           // a bulletin issue's articles, in order
	PrintURL  string            // the print edition's site-relative URL
	PDFURL    string            // the PDF's site-relative URL, when PDFs are built
	// PressPDFURL and BookletPDFURL: the press copy and (handbooks) the
	// imposed booklet, when PDFs are built for the press.
	PressPDFURL, BookletPDFURL string
}

// publication is p's layout, or its edition's; nil for other pages.
func (p *Page) publication() *Publication {
	if p.Site == nil || p.Site.Publishing == nil {
		return nil
	}
	if p.Edition != nil {
		p = p.Edition
	}
	return p.Site.Publishing.Of[p]
}

// Panels are a leaflet's six panels, by name.
func (p *Page) Panels() map[string]*Panel {
	if pub := p.publication(); pub != nil {
		return pub.Panels
	}
	return nil
}

// Questions are a handbook's questions, numbered.
func (p *Page) Questions() []Question {
	if pub := p.publication(); pub != nil {
		return pub.Questions
	}
	return nil
}

// Articles are a bulletin issue's articles, in order.
func (p *Page) Articles() []*Page {
	if pub := p.publication(); pub != nil {
		return pub.Articles
	}
	return nil
}

// PrintURL is the site-relative URL of the page's print edition, if any.
func (p *Page) PrintURL() string {
	return p.pubURL(func(pub *Publication) string { return pub.PrintURL })
}

// PDFURL is the site-relative URL of the publication's PDF, when PDFs are
// built.
func (p *Page) PDFURL() string { return p.pubURL(func(pub *Publication) string { return pub.PDFURL }) }

// PressPDFURL is that of its press copy, when PDFs are built for the press.
func (p *Page) PressPDFURL() string {
	return p.pubURL(func(pub *Publication) string { return pub.PressPDFURL })
}

// BookletPDFURL is that of a handbook's imposed booklet, when PDFs are
// built for the press.
func (p *Page) BookletPDFURL() string {
	return p.pubURL(func(pub *Publication) string { return pub.BookletPDFURL })
}

func (p *Page) pubURL(of func(*Publication) string) string {
	if pub := p.publication(); pub != nil {
		return of(pub)
	}
	return ""
}
