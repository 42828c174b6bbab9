package corpus

// HugoDir is the folder, inside a corpus written by [Write], that holds
// the Hugo project building the same content/: hugo.toml (which points
// contentDir at ../content) and a small theme in layouts/. Hugo runs with
// --source DIR/hugo; bantin with --source DIR reads config.toml and never
// looks into hugo/.
const HugoDir = "hugo"

// HugoProject returns the files of that Hugo project, by path inside
// HugoDir. The theme is simple but does what a bulletin's theme does on
// every page: a menu of sections, the date, reading time, table of
// contents, tags and authors linked, previous/next in the section and
// five related pages (by shared tags: an index on the three topics, which
// a third of the pages share each, made Hugo score every page against
// thousands, 70 s at 10,000 pages); list pages (home, sections,
// taxonomies, terms) are paginated by 20 with summaries. Hugo's default
// outputs add an RSS feed per list page and sitemap.xml. No search index,
// no QR codes, no print editions: bantin's extra work stays in its figures.
func HugoProject() map[string]string {
	return map[string]string{
		"hugo.toml":           hugoConfig,
		"layouts/baseof.html": hugoBaseof,
		"layouts/single.html": hugoSingle,
		"layouts/list.html":   hugoList,
		"layouts/home.html":   hugoHome,
	}
}

const hugoConfig = `baseURL = "https://danvan.example.vn/"
title = "Bản tin Dân vận"
locale = "vi"
contentDir = "../content"
enableRobotsTXT = false

[pagination]
pagerSize = 20

[taxonomies]
tag = "tags"
topic = "topics"
author = "authors"

[markup.highlight]
noClasses = false

[related]
includeNewer = true
threshold = 80
toLower = false
[[related.indices]]
name = "tags"
weight = 100
`

const hugoBaseof = `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title>
<link rel="canonical" href="{{ .Permalink }}">
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .Permalink }}">{{ end }}
</head>
<body>
<header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
<nav>{{ range site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav>
</header>
<main>{{ block "main" . }}{{ end }}</main>
<footer>{{ site.Title }}</footer>
</body>
</html>
`

const hugoSingle = `{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "02/01/2006" }}</time> · {{ .ReadingTime }} phút đọc
{{ range .GetTerms "authors" }} · <a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</p>
{{ with .GetTerms "tags" }}<ul class="the">{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
{{ .TableOfContents }}
{{ .Content }}
<nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">← {{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }} →</a>{{ end }}</nav>
{{ with site.RegularPages.Related . | first 5 }}<h2>Bài liên quan</h2>
<ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
</article>
{{ end }}
`

const hugoList = `{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
{{ $pager := .Paginate .Pages }}
{{ range $pager.Pages }}<article>
<h2><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></h2>
{{ if .Date }}<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "02/01/2006" }}</time></p>{{ end }}
{{ .Summary }}
</article>{{ end }}
{{ partial "pagination.html" . }}
{{ end }}
`

const hugoHome = `{{ define "main" }}
<h1>{{ site.Title }}</h1>
{{ $pager := .Paginate site.RegularPages }}
{{ range $pager.Pages }}<article>
<h2><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></h2>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "02/01/2006" }}</time></p>
{{ .Summary }}
</article>{{ end }}
{{ partial "pagination.html" . }}
{{ end }}
`
