package main

import (
	"fmt"
	"os"
)

// queries are the measured queries: common syllables, phrases, marks and
// none, a typo, and words of the corpus's made-up vocabulary.
var queries = []string{
	"dân vận", "và", "của", "quy định pháp luật", "dan chu co so", "lao động", "đất đai", "hòa giải tranh chấp",
	"bảo hiểm xã hội", "tin nguong ton giao", "công khai minh bạch", "khu phố", "nguoi lao dong", "giam sat kiem tra",
	"hop dong lao dong", "doanh nghiệp", "moi truong", "thanh nien", "dan vam kheo", "ngân sách phường",
}

func run(pages, vocab int, pagefind bool, keep string) error {
	dir := keep
	if dir == "" {
		tmp, err := os.MkdirTemp("", "searchbench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp + "/site"
	}
	f, err := buildSite(dir, pages, vocab)
	if err != nil {
		return err
	}
	fmt.Printf("%+v\n", f)
	srv := serveGzip(dir)
	defer srv.Close()
	b, err := newBrowser()
	if err != nil {
		return err
	}
	defer b.cancel()
	res, err := measureBantin(b, srv.URL, queries)
	if err != nil {
		return err
	}
	for _, r := range res {
		fmt.Printf("%-24s %8.0f B %3d req %6.2f ms %6d results\n", r.Query, r.Bytes, r.Requests, r.Ms, r.Results)
	}
	return nil
}
