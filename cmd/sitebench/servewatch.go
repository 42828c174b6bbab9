package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// client asks the server; a request made before the server is listening
// fails at once and is asked again, one made before it serves waits.
var client = &http.Client{Timeout: 5 * time.Minute}

func get(url string) (string, int, error) {
	resp, err := client.Get(url)
	if err != nil {
		return "", 0, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), resp.StatusCode, err
}

// The server's log lines sitebench serve waits for (internal/serve).
var (
	madeLine   = regexp.MustCompile(`^made \d+ pages in `)
	updateLine = regexp.MustCompile(`^(updated|rebuilt) \d+ files in (\S+?)(;|$)`)
	cacheLine  = regexp.MustCompile(`cache: (\d+) hits, (\d+) misses`)
)

// logLine is one line of the server's log and when it was written.
type logLine struct {
	text string
	at   time.Time
	took time.Duration // of an update line: the time the server gives
	full bool          // of an update line: the whole site was rebuilt
}

// logWatch keeps the server's log, line by line, with the time each line
// came.
type logWatch struct {
	mu    sync.Mutex
	buf   bytes.Buffer
	part  string
	lines []logLine
	from  int // await looks at lines from here on (mark)
}

func newLogWatch() *logWatch { return &logWatch{} }

func (w *logWatch) Write(p []byte) (int, error) {
	now := time.Now()
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	text := w.part + string(p)
	parts := strings.Split(text, "\n")
	w.part = parts[len(parts)-1]
	for _, l := range parts[:len(parts)-1] {
		w.lines = append(w.lines, logLine{text: l, at: now})
	}
	return len(p), nil
}

func (w *logWatch) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// mark makes await look only at the lines written from now on.
func (w *logWatch) mark() {
	w.mu.Lock()
	w.from = len(w.lines)
	w.mu.Unlock()
}

// await returns the first line since the mark that re matches.
func (w *logWatch) await(re *regexp.Regexp, limit time.Duration) (logLine, error) {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		w.mu.Lock()
		for _, l := range w.lines[w.from:] {
			if m := re.FindStringSubmatch(l.text); m != nil {
				w.mu.Unlock()
				if re == updateLine {
					l.took, _ = time.ParseDuration(m[2])
					l.full = m[1] == "rebuilt"
				}
				return l, nil
			}
		}
		w.mu.Unlock()
		time.Sleep(2 * time.Millisecond)
	}
	return logLine{}, fmt.Errorf("the server's log has no line matching %q within %s", re, limit)
}

// cacheCounts reads the first build's "cache: H hits, M misses".
func cacheCounts(log string) (hits, misses int) {
	if m := cacheLine.FindStringSubmatch(log); m != nil {
		hits, _ = strconv.Atoi(m[1])
		misses, _ = strconv.Atoi(m[2])
	}
	return hits, misses
}

// events is an open stream of the server's live-reload events.
type events struct {
	resp *http.Response
	r    *bufio.Reader
}

// openEvents connects to the event stream and waits for its first
// comment, so that no event sent afterwards is missed.
func openEvents(url string) (*events, error) {
	resp, err := (&http.Client{}).Get(url)
	if err != nil {
		return nil, err
	}
	e := &events{resp: resp, r: bufio.NewReader(resp.Body)}
	line, err := e.r.ReadString('\n')
	if err != nil || !strings.HasPrefix(line, ":") {
		resp.Body.Close()
		return nil, fmt.Errorf("%s: the event stream did not open (%q, %v)", url, line, err)
	}
	return e, nil
}

func (e *events) close() { e.resp.Body.Close() }

// await reads events until one named name whose data holds want, and
// returns the time since start when it came.
func (e *events) await(name, want string, start time.Time, limit time.Duration) (time.Duration, error) {
	timer := time.AfterFunc(limit, e.close)
	defer timer.Stop()
	event := ""
	for {
		line, err := e.r.ReadString('\n')
		if err != nil {
			return 0, fmt.Errorf("no %s event naming %s within %s: %v", name, want, limit, err)
		}
		line = strings.TrimRight(line, "\n")
		switch {
		case strings.HasPrefix(line, "event: "):
			event = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: ") && event == name && strings.Contains(line, want):
			return time.Since(start), nil
		}
	}
}
