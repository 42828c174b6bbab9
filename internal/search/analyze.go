package search

import (
	"maps"
	"runtime"
	"slices"
	"strings"
	"time"

	"bantin/internal/site"
)

// Field weights: a syllable in the title counts as four in the body, one in
// a heading or a topic/tag as two.
const (
	weightTitle   = 4
	weightHeading = 2
	weightTerm    = 2
	weightBody    = 1
)

// functionWords are Vietnamese grammatical words. A pair of two of them
// ("và các", "của những") is not indexed: no one searches for such a
// phrase, and they are the commonest pairs of all.
var functionWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`và của là có được những các cho với một không này đã để thì mà ở như từ
		trong khi sẽ cũng đến về theo tại do bị hay hoặc nhưng nên rằng vì nếu ra lại còn đang vào lên đó
		nhiều rất các này kia ấy thế gì ai đâu sao bao`) {
		functionWords[w] = true
	}
}

// Analyze reads what the index needs from one page: the syllables of its
// title, headings (a handbook's questions), terms, keywords and text, with
// their weighted frequencies and exact forms, its pairs, its length, and
// its fragment (dates in loc). It reads Title, Terms, Keywords,
// Questions, Sections, Plain, RelPermalink and Date, after
// publication.Prepare; the result holds no reference to p, so the caller
// may drop the page's text afterwards. It is safe to call concurrently.
func Analyze(p *site.Page, loc *time.Location) *Analysis {
	an := takeAnalyzer()
	defer an.release()
	an.reset()
	secs, questions := p.Sections(), p.Questions() // each read once from the text store
	an.add(p.Title, weightTitle)
	for _, h := range headings(secs, questions) {
		an.add(h, weightHeading)
	}
	an.titledPairs = len(an.pairOrder)                      // the pairs so far are in the title or a heading
	for _, tax := range slices.Sorted(maps.Keys(p.Terms)) { // one order, so one binary form
		for _, t := range p.Terms[tax] {
			an.add(t, weightTerm)
		}
	}
	for _, k := range p.Keywords {
		an.add(k, weightTerm)
	}
	length := an.add(p.Plain(), weightBody)
	return an.encode(length, fragment(p, secs, questions, loc))
}

// analyzers keeps a few analyzers with their word tables between calls:
// one a core is enough, as Analyze is CPU work.
var analyzers = make(chan *analyzer, runtime.GOMAXPROCS(0))

func takeAnalyzer() *analyzer {
	select {
	case an := <-analyzers:
		return an
	default:
		return newAnalyzer()
	}
}

func (an *analyzer) release() {
	select {
	case analyzers <- an:
	default:
	}
}

// headings are the ## titles of a page, or a handbook's questions.
func headings(secs []site.Section, questions []site.Question) []string {
	var out []string
	for _, q := range questions {
		out = append(out, q.Text)
	}
	if len(out) > 0 {
		return out
	}
	for _, s := range secs {
		if s.Title != "" {
			out = append(out, s.Title)
		}
	}
	return out
}
