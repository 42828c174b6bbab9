// Command sitebench measures bantin against Hugo and against the floor —
// goldmark alone, on all cores — on the same generated content, in one run.
//
//	go run ./cmd/sitebench                         # 1,000 and 10,000 pages, 5 runs each
//	go run ./cmd/sitebench -sizes 100k -runs 1     # 100,000 pages
//	go run ./cmd/sitebench -hugo none              # without Hugo
//	go run ./cmd/sitebench -sizes 100k -runs 1 -maxrss 12GB -work /tmp/sb
//
// For each size it writes the corpus of corpus.Bench (Hugo's content
// layout: content/SECTION/*.md with TOML front matter; bantin's
// config.toml at the top, Hugo's project with hugo.toml and a small theme
// in hugo/, see corpus.HugoProject) into -work, on tmpfs (/dev/shm) by
// default, and runs in turns, -runs times each (round r starts with tool
// r mod 3, so no tool always runs first or after the same one):
//
//   - bantin: a binary built from the working tree with go build, as
//     `bantin build --source DIR --destination OUT --quiet`, everything on
//     (search, QR codes, feeds, related pages, print editions; no PDFs),
//     with an empty build cache each run (XDG_CACHE_HOME in the work
//     folder): cold builds; right after each, the same command again with
//     the same cache and destination and nothing changed ("bantin warm":
//     the up-to-date check, internal/uptodate; a warm run that built in
//     full anyway is counted in its output row);
//   - Hugo v0.163.3: `hugo --source DIR/hugo --destination OUT` with a
//     fresh --cacheDir. The binary is -hugo PATH, else the one in
//     $XDG_CACHE_HOME/bantin/sitebench/hugo-v0.163.3/, installed there
//     with `go install github.com/gohugoio/hugo@v0.163.3` (nice, GOFLAGS=-p=1;
//     minutes) when missing — never when the CI variable is set. When
//     Hugo cannot be had, the table says "—" and the log says why;
//   - the floor: `sitebench floor DIR`, this same binary, which reads every
//     .md file under DIR/content on all cores, then converts each body
//     with goldmark and the extensions bantin's renderer uses (GFM,
//     footnotes, definition lists, typographer, chroma with classes,
//     heading ids, attributes) on all cores, and throws the HTML away. It
//     prints how long reading and converting took.
//
// After the runs of a size (up to 20,000 pages, -stages=false to skip),
// `sitebench stages DIR` runs build.Build in a child process once, writing
// nothing, and prints the wall time of each of bantin's stages: the read
// stage beside the floor's read, markdown beside its convert.
//
// `sitebench serve [-runs 5] [-size 10k] [-page content/bai-viet/trang-00001.md] [SITE]`
// measures the dev server instead: it copies SITE (a folder, never edited
// in place; by default it writes corpus.Bench(-size)) into -work, starts
// `bantin serve --source COPY --port P --cacheDir C` once untimed to fill
// the cache (the same port every run, so the same baseURL and cache keys),
// then -runs times, in turns with the floor on the same site: starts it
// again and asks, from the process's start, every 5 ms for `/`, the
// -page's URL and /tim-kiem/du-lieu/manifest.json until each answers 200,
// waits for the log line "made N pages" (the background pass is over),
// opens /__bantin/events, appends a sentence to -page's body and times
// the write → the page served with that sentence and → the reload event
// naming the page; the server's own "updated N files in …" is a row too.
// It prints the medians and their ratios to the floor's wall time, and
// whether the edit took the fast path and the cache was warm.
//
// -maxrss guards a shared machine: a child whose resident memory (read
// from /proc five times a second) passes it is killed, the tool gets no
// more runs at that size, and its column says "killed at …". -work on disk
// rather than tmpfs keeps a large output from counting against memory.
//
// Each output folder is emptied before each run (untimed). Every run is a
// child process: wall time from its start to its exit, CPU time (user +
// system) and peak RSS (ru_maxrss) from wait4's rusage of that child. The
// table (Markdown, to paste into the README) shows the medians, each
// figure on its own, the ratios bantin/floor, warm/floor and bantin/Hugo, the files
// each tool wrote, and the load average before and after: on a shared
// machine that says how far to trust the figures. Progress goes to
// stderr, the tables to stdout; the work folder is removed at the end
// unless -keep.
package main
