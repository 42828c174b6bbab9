package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing/fstest"
	"time"

	"bantin/internal/build"
	"bantin/internal/output"
)

// The judged question set: ALQAC 2023 (Automated Legal Question Answering
// Competition), as published in github.com/DucLong06/ALQAC2023 — 2,249
// articles of 11 Vietnamese laws, and questions each judged with the
// articles that answer it. The questions of its training set are the
// tuning split; those of its private test, published with their answers
// after the competition, are the held-out split. The data has no licence
// of its own (laws are not under copyright in Viet Nam, Art. 15 of the
// Law on Intellectual Property; the questions are ALQAC's), so it is not
// copied into this repository: -qa reads it from a clone.
const (
	qaArticles = "data/training/all_articles_2023.json"
	qaTuning   = "data/raw/train.json"
	qaHeldOut  = "data/raw/private_test.json"
)

// question is one judged question: its text and the pages that answer it.
type question struct {
	ID    string
	Text  string
	Pages map[string]bool // URL paths of the articles that answer it
	// Written is the keyword query a reader wrote for it (-keywords), or
	// "" when the keywords are simulated.
	Written string
}

type qaSet struct {
	site    fstest.MapFS
	pages   map[string]string // article "law@number" → URL path
	tuning  []question
	heldOut []question
	// every question id of each split, judged or not (a keyword file
	// may give keywords to a question left out for want of its articles)
	tuningIDs, heldOutIDs map[string]bool
	articles              []string // article texts, for the keyword reader's frequencies
}

// loadQA reads the ALQAC files under dir and makes a site of one page per
// article: title "Điều N. Heading (Law)", body the article's text.
func loadQA(dir string) (*qaSet, error) {
	var arts map[string]string
	if err := readJSON(filepath.Join(dir, qaArticles), &arts); err != nil {
		return nil, err
	}
	keys := make([]string, 0, len(arts))
	for k := range arts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	s := &qaSet{pages: map[string]string{}, site: fstest.MapFS{
		"config.toml": {Data: []byte("title = \"Hỏi đáp pháp luật\"\nbaseURL = \"https://phapluat.example.vn/\"\n")},
	}}
	for i, k := range keys {
		law, num, _ := strings.Cut(k, "@")
		head, body, _ := strings.Cut(arts[k], "\n")
		title := fmt.Sprintf("Điều %s. %s (%s)", num, strings.TrimSpace(head), law)
		name := fmt.Sprintf("dieu-%04d", i)
		s.pages[k] = "/bai-viet/" + name + "/"
		date := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour)
		md := fmt.Sprintf("+++\ntitle = %q\ndate = %s\n+++\n%s\n", title, date.Format("2006-01-02T15:04:05"), escapeMarkdown(body))
		s.site["content/bai-viet/"+name+".md"] = &fstest.MapFile{Data: []byte(md)}
		s.articles = append(s.articles, title+"\n"+body)
	}
	var err error
	if s.tuning, s.tuningIDs, err = s.questions(filepath.Join(dir, qaTuning)); err != nil {
		return nil, err
	}
	if s.heldOut, s.heldOutIDs, err = s.questions(filepath.Join(dir, qaHeldOut)); err != nil {
		return nil, err
	}
	return s, nil
}

// escapeMarkdown keeps an article's text as text: its lines start with
// "1.", "a)" and the like, which are fine as Markdown, but a line starting
// with "#", ">" or "-" or holding "<" or "*" would not be.
func escapeMarkdown(s string) string {
	r := strings.NewReplacer("<", "&lt;", "*", `\*`, "_", `\_`, "`", "\\`", "{{", "{ {")
	lines := strings.Split(r.Replace(s), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "#") || strings.HasPrefix(l, ">") || strings.HasPrefix(l, "-") || strings.HasPrefix(l, "+") || strings.HasPrefix(l, "=") {
			lines[i] = `\` + l
		}
	}
	return strings.Join(lines, "\n")
}

// questions reads the judged questions of one split, and the ids of all
// its questions.
func (s *qaSet) questions(path string) ([]question, map[string]bool, error) {
	var raw []struct {
		ID       string `json:"question_id"`
		Text     string `json:"text"`
		Relevant []struct {
			Law     string `json:"law_id"`
			Article string `json:"article_id"`
		} `json:"relevant_articles"`
	}
	if err := readJSON(path, &raw); err != nil {
		return nil, nil, err
	}
	var out []question
	ids := map[string]bool{}
	for _, r := range raw {
		ids[r.ID] = true
		q := question{ID: r.ID, Text: strings.TrimSpace(r.Text), Pages: map[string]bool{}}
		for _, a := range r.Relevant {
			if p, ok := s.pages[a.Law+"@"+a.Article]; ok {
				q.Pages[p] = true
			}
		}
		if len(q.Pages) > 0 { // a question whose articles are not in the corpus cannot be judged
			out = append(out, q)
		}
	}
	return out, ids, nil
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("%w (clone github.com/DucLong06/ALQAC2023 and pass its folder to -qa)", err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// buildQA builds the question set's site into dir.
func buildQA(s *qaSet, dir string) error {
	res := build.Build(s.site, build.Options{Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)})
	if res.Diags.HasErrors() {
		return fmt.Errorf("build: %v", res.Diags)
	}
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	return output.WriteDir(filepath.Clean(dir), res.Files)
}
