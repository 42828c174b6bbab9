package main

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"time"

	"bantin/internal/build"
	"bantin/internal/cache"
	"bantin/internal/diag"
	"bantin/internal/output"
	"bantin/internal/uptodate"
)

// upToDate is the up-to-date check of one build (internal/uptodate): the
// fingerprints taken before it, and where its stamp is kept.
type upToDate struct {
	store   *cache.Store
	key     cache.Key
	options uptodate.Digest
	inputs  uptodate.Digest // taken by fresh, before the build reads a file
	guard   *uptodate.Guard // the site, as the build reads it
}

// newUpToDate returns the check of the build, or nil when the build is
// not checked: --noCache (the stamp lives in the cache), PDFs (Chromium
// and the system's fonts are inputs no fingerprint here can hold), a
// system without change times, or a program that cannot read its own
// executable (a new bantin could not be told from the old).
func newUpToDate(f *buildFlags, site fs.FS, dest string, opts build.Options) (*upToDate, error) {
	if opts.Cache == nil || f.pdf || !uptodate.Supported || len(cache.Program()) == 0 {
		return nil, nil
	}
	source, err := realPath(f.source)
	if err != nil {
		return nil, err
	}
	realDest, err := realPath(dest)
	if err != nil {
		return nil, err
	}
	return &upToDate{store: opts.Cache, key: uptodate.Key(source, realDest), guard: uptodate.NewGuard(site),
		options: optionsDigest(f, source, realDest)}, nil
}

// optionsDigest fingerprints everything besides the site's files that
// the output depends on: the running program and the flags that change
// what is written.
func optionsDigest(f *buildFlags, source, dest string) uptodate.Digest {
	only := make([]string, 0, len(f.only))
	for p := range f.only {
		only = append(only, p)
	}
	sort.Strings(only)
	raw, _ := json.Marshal(struct {
		Program                         []byte
		Source, Dest, BaseURL, ZoneInfo string
		Drafts, Future, Expired, Minify bool
		PDF, Press                      bool
		Only                            []string
	}{cache.Program(), source, dest, f.baseURL, os.Getenv("ZONEINFO"),
		f.drafts, f.future, f.expired, f.minify, f.pdf, f.press, only})
	return sha256.Sum256(raw)
}

// fresh fingerprints the site's files and, when compare is true, returns
// the stamp of the last build if the destination holds exactly what this
// build would write, else nil and why. The destination is listed while
// the files are hashed.
func (u *upToDate) fresh(now time.Time, dest string, compare bool) (*uptodate.Stamp, string) {
	var st *uptodate.Stamp
	if compare {
		st = uptodate.Load(u.store, u.key)
	}
	type listing struct {
		d   uptodate.Digest
		err error
	}
	listed := make(chan listing, 1)
	if st != nil && st.Options == u.options {
		go func() {
			d, _, err := uptodate.Output(dest)
			listed <- listing{d, err}
		}()
	}
	u.inputs = uptodate.Inputs(u.guard)
	if !compare {
		return nil, "--force"
	}
	why := st.Stale(now, u.options, u.inputs, func() (uptodate.Digest, error) {
		l := <-listed
		return l.d, l.err
	})
	if why != "" {
		return nil, why
	}
	return st, ""
}

// record stores the stamp of a build that succeeded and whose output was
// just swapped in. A build that read a file the fingerprint does not
// cover records nothing, and says so.
func (u *upToDate) record(res *build.Result, dest string, stderr io.Writer) {
	if p := u.guard.Outside(); p != "" {
		fmt.Fprintf(stderr, "bantin build: this build read %s, which the up-to-date check does not fingerprint: the next build runs in full\n", p)
		return
	}
	out, _, err := uptodate.Output(dest)
	if err == nil {
		err = uptodate.Save(u.store, u.key, uptodate.Stamp{Inputs: u.inputs, Options: u.options, Output: out, Files: res.Stats.Files,
			Built: res.Now, Until: res.Until, Warnings: res.Diags.Items()})
	}
	if err != nil {
		fmt.Fprintf(stderr, "bantin build: could not record this build for the up-to-date check (%v): the next build runs in full\n", err)
	}
}

// upToDateLine is what a build that found nothing to do prints.
func upToDateLine(st *uptodate.Stamp, dest string, now time.Time) string {
	built := st.Built.Local()
	when := built.Format("15:04:05")
	if y, m, d := now.Local().Date(); built.Year() != y || built.Month() != m || built.Day() != d {
		when = built.Format("2006-01-02 15:04:05")
	}
	return fmt.Sprintf("up to date: nothing changed since the build of %s → %s (%d files)", when, dest, st.Files)
}

// skipIfUpToDate prints the stored warnings and the up-to-date line and
// returns true when the destination already holds what the build would
// write; with --verbose it says why a build runs.
func skipIfUpToDate(f *buildFlags, u *upToDate, dest string, now time.Time, stdout, stderr io.Writer) bool {
	if u == nil {
		return false
	}
	st, why := u.fresh(now, dest, !f.force && f.profiles.cpu == "" && f.profiles.mem == "")
	if st == nil {
		if f.verbose {
			fmt.Fprintf(stdout, "building: %s\n", why)
		}
		return false
	}
	output.RemoveLeftovers(dest)
	diag.Print(stderr, st.Warnings, f.verbosity())
	fmt.Fprintln(stdout, upToDateLine(st, dest, now))
	return true
}
