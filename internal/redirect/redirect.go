package redirect

import (
	"bytes"
	"html/template"
)

var page = template.Must(template.New("redirect").Parse(`<!DOCTYPE html>
<html lang="{{ .Lang }}">
<head>
<meta charset="utf-8">
<title>{{ .Target }}</title>
<link rel="canonical" href="{{ .Target }}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={{ .Target }}">
</head>
<body>
<p>{{ .Text }} <a href="{{ .Target }}">{{ .Target }}</a></p>
</body>
</html>
`))

// HTML returns a page that redirects to target (an absolute or
// root-relative URL). text is shown before the link ("Đang chuyển đến").
func HTML(target, lang, text string) []byte {
	var b bytes.Buffer
	if err := page.Execute(&b, struct{ Target, Lang, Text string }{target, lang, text}); err != nil {
		panic(err) // the template and its data are fixed: an error is a defect
	}
	return b.Bytes()
}
