package site

// ShortLink is a page's short, stable link and the QR code files that hold
// it.
type ShortLink struct {
	ID  string // the page's short code ("dvk001"); "" when it has no id
	URL string // absolute short link that redirects to the page (its permalink when it has no id); what the QR code holds
	QR  QRFiles
}

// ShortLinks are the short links of a site's pages: data that
// shortlink.Assign returns, not fields it writes into the pages, so that
// the stages before and after it (print editions, pagination) need no
// order. A page finds its own with ShortID, ShortURL and QR.
type ShortLinks map[*Page]ShortLink

// link is p's short link: a print edition carries its publication's, a
// later pager of a list the list's.
func (p *Page) link() ShortLink {
	if p.Site == nil {
		return ShortLink{}
	}
	owner := p
	if p.Kind == KindPrint && p.Edition != nil {
		owner = p.Edition
	}
	if p.pagerOf != nil {
		owner = p.pagerOf
	}
	return p.Site.ShortLinks[owner]
}

// ShortID is the page's short code ("dvk001"), or "".
func (p *Page) ShortID() string { return p.link().ID }

// ShortURL is the absolute short link that redirects to the page: what
// its QR code holds.
func (p *Page) ShortURL() string { return p.link().URL }

// QR are the URLs of the page's QR code files; empty for a page without a
// folder of its own.
func (p *Page) QR() QRFiles { return p.link().QR }
