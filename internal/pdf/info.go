package pdf

import (
	"bytes"
	"fmt"

	"github.com/pdfcpu/pdfcpu/pkg/api"
)

// Info is a PDF's document information.
type Info struct {
	Title, Author, Subject string
	Keywords               []string
}

// SetInfo returns pdf with its document information set.
func SetInfo(pdf []byte, info Info) ([]byte, error) {
	props := map[string]string{}
	for k, v := range map[string]string{"Title": info.Title, "Author": info.Author, "Subject": info.Subject} {
		if v != "" {
			props[k] = v
		}
	}
	conf := pdfcpuConfig()
	var out bytes.Buffer
	if err := api.AddProperties(bytes.NewReader(pdf), &out, props, conf); err != nil {
		return nil, fmt.Errorf("set PDF information: %w", err)
	}
	if len(info.Keywords) == 0 {
		return out.Bytes(), nil
	}
	var withKeywords bytes.Buffer
	if err := api.AddKeywords(bytes.NewReader(out.Bytes()), &withKeywords, info.Keywords, conf); err != nil {
		return nil, fmt.Errorf("set PDF keywords: %w", err)
	}
	return withKeywords.Bytes(), nil
}
