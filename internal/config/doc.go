// Package config reads the site's config file into a typed [Config].
//
// The file is the first of hugo.toml, hugo.yaml, hugo.yml, hugo.json,
// config.toml, config.yaml, config.yml, config.json at the site root (Hugo's
// order), read in the syntax its extension names; JSON is read as YAML,
// which gives every key its position. Two of them at once is an error that
// names both. No file gives the defaults.
//
// Keys (all optional):
//
//	title         site name shown in the header and feeds
//	baseURL       absolute URL the site is published at ("https://danvan.example.vn/");
//	              its path, if any, prefixes every URL. Default http://localhost:1313/
//	              with a warning. The --baseURL flag overrides it.
//	languageCode  <html lang> and the UI-string table; default "vi"
//	timeZone      IANA zone for dates without a zone and for displayed dates;
//	              default "Asia/Ho_Chi_Minh" (the zone database is built in)
//	description   site description for meta tags and feeds
//	copyright     footer line
//	image         the site's sharing image (Open Graph) for pages without their own
//	[feeds]       limit: items per feed (default 20); fullContent: whole pages
//	              in feeds instead of summaries (default false)
//	[pagination]  pagerSize: pages per list page (default 10)
//	[markup]      unsafe: pass raw HTML in Markdown through (default false: escaped)
//	              typographer: curly quotes, dashes, ellipses (default true)
//	              highlightStyle: chroma style for code (default "github")
//	              lineNumbers: number code lines (default false)
//	[images]      requireAlt: an image without alt text is an error, not a
//	              warning (default false; for sites bound by the accessibility
//	              circular)
//	[taxonomies]  Hugo's form, singular = "plural" (tag = "tags"): the plural
//	              is the front-matter key, the folder under content/ and the URL
//	              (/tags/); the display name comes from content/tags/_index.md's
//	              title, else the UI string named by the plural.
//	              bantin's own form, plural = "display name" (topics = "Chủ đề"):
//	              the URL is the slugged name (/chu-de/). A value that is a
//	              lower-case word (a-z, 0-9, - and _) is Hugo's plural; any other
//	              value is a display name. Default topics = "Chủ đề",
//	              tags = "Thẻ", authors = "Tác giả".
//	[types]       section folder = content type; defaults bai-viet = "article",
//	              to-gap = "leaflet", so-tay = "handbook", ban-tin = "bulletin"
//	[related]     count: links per page in "Bài liên quan" and "Tin khác" (default 5)
//	[qr]          level: error correction L, M, Q or H (default M);
//	              printLevel: the same for codes in print editions (default Q:
//	              a printed code must survive smudges and folds);
//	              sizeMM: printed size (default 25); dpi: PNG resolution (default 300);
//	              social, socialLabel: the board's fanpage or Zalo URL, shown as a
//	              site-wide code in the footer
//	[print.rules.TYPE] the imprint a printed publication of TYPE must carry:
//	              required (keys of its [print] front matter: publisher,
//	              responsible, licence, copies, size, printer, printerAddress,
//	              date, deposit, periodicity), notForSale (print "Tài liệu
//	              không bán"), maxPages (0: no limit), source (where the rule
//	              comes from). A site's rule for a type replaces the default
//	              one: leaflet and handbook (tài liệu không kinh doanh) need all
//	              but periodicity and print "Tài liệu không bán"; a bulletin
//	              needs publisher, responsible, licence, copies, printer,
//	              periodicity. A missing key is an error for bantin pdf, a
//	              warning for bantin build.
//	[[menus.NAME]] name, url, weight: menu entries, sorted by weight then order
//	[params]      free-form values for templates (.Site.Params)
//
// Numbers have ranges; a value outside its range is an error at the key's
// line and column (and the build uses the default):
//
//	pagination.pagerSize  1 … 1000
//	feeds.limit           1 … 1000
//	related.count         1 … 50
//	qr.dpi                72 … 1200
//	qr.sizeMM             5 … 300 (inf and nan are out of range)
//
// Hugo's names for settings bantin has are read as bantin's: [menu] as
// [menus], paginate as pagination.pagerSize, markup.goldmark.renderer.unsafe
// as markup.unsafe, markup.highlight.style and lineNos as
// markup.highlightStyle and lineNumbers. Hugo settings bantin does not have
// (theme, permalinks, outputs, languages, …) are one warning each that says
// so.
//
// Unknown keys are warnings at their line; a value of the wrong type is an
// error at its line; timeZone, baseURL, qr.level and qr.social errors stand
// at their key.
package config
