// Command searchbench measures bantin's search on a generated corpus of
// Vietnamese pages, and Pagefind 1.6.0 on the same built site when npx is
// available, and prints the figures side by side. See README.md.
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	pages := flag.Int("pages", 10000, "pages in the generated corpus")
	vocab := flag.Int("vocabulary", 20000, "distinct words of the corpus (Zipf)")
	pagefind := flag.Bool("pagefind", true, "also measure Pagefind 1.6.0 (needs npx)")
	keep := flag.String("keep", "", "build the site in this folder and keep it")
	qa := flag.String("qa", "", "a clone of github.com/DucLong06/ALQAC2023: measure the judged questions instead")
	firstVisit := flag.Bool("first-visit", true, "with -qa: also measure each held-out question's bytes on a first visit")
	ways := flag.String("typed", "marks,bare,keywords", "with -qa: the ways of typing measured: marks (the question as written), bare (without marks), keywords")
	keywordFile := flag.String("keywords", "", "with -qa: a file of keyword queries written for the questions (split<TAB>id<TAB>query), used instead of the simulated keywords")
	flag.Parse()
	if *qa != "" {
		chosen, err := chooseTypings(*ways)
		if err != nil {
			fmt.Fprintln(os.Stderr, "searchbench:", err)
			os.Exit(2)
		}
		if err := runQA(*qa, *keywordFile, *pagefind, *firstVisit, *keep, chosen); err != nil {
			fmt.Fprintln(os.Stderr, "searchbench:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*pages, *vocab, *pagefind, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "searchbench:", err)
		os.Exit(1)
	}
}
