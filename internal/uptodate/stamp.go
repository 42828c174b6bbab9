package uptodate

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

	"bantin/internal/cache"
	"bantin/internal/diag"
)

// Digest is a SHA-256 fingerprint.
type Digest [32]byte

// MarshalText writes the digest in hex.
func (d Digest) MarshalText() ([]byte, error) { return []byte(hex.EncodeToString(d[:])), nil }

// UnmarshalText reads a digest written by MarshalText.
func (d *Digest) UnmarshalText(b []byte) error {
	n, err := hex.Decode(d[:], b)
	if err == nil && n != len(d) {
		err = fmt.Errorf("digest of %d bytes", n)
	}
	return err
}

// Stamp is what a successful build records: the fingerprints it was
// built from and of what it wrote, the clock interval its output holds
// for, and the warnings it printed.
type Stamp struct {
	Format   int
	Inputs   Digest // Inputs of the site, taken before the build read it
	Options  Digest // the options and the program (see the CLI's options)
	Output   Digest // Output of the destination, just after it was swapped in
	Files    int    // files the build wrote (its summary's count)
	Built    time.Time
	Until    time.Time // zero: no date of the site bounds the output
	Warnings []diag.Diagnostic
}

// stampFormat is the layout of Stamp; a stamp of another is ignored.
const stampFormat = 1

// namespace is where stamps live in the build cache.
const namespace = "uptodate"

// Key names the stamp of one source folder built into one destination
// (both absolute, symbolic links resolved).
func Key(source, dest string) cache.Key {
	return cache.NewKey([]byte(namespace), []byte(source), []byte(dest))
}

// Load returns the stamp stored under k, or nil when there is none or it
// is damaged (the cache checks every entry's checksum) or of another
// format.
func Load(store *cache.Store, k cache.Key) *Stamp {
	raw, ok := store.Get(namespace, k)
	if !ok {
		return nil
	}
	var s Stamp
	if err := json.Unmarshal(raw, &s); err != nil || s.Format != stampFormat {
		return nil
	}
	return &s
}

// Save stores s under k, replacing the stamp there.
func Save(store *cache.Store, k cache.Key, s Stamp) error {
	s.Format = stampFormat
	raw, err := json.Marshal(s)
	if err != nil {
		return err
	}
	return store.Put(namespace, k, raw)
}

// Stale says why a build with these options, at now, from inputs, into a
// destination whose manifest output gives, would not write exactly what
// the destination holds; "" when it would (the build can be skipped). A
// nil stamp is stale.
func (s *Stamp) Stale(now time.Time, options, inputs Digest, output func() (Digest, error)) string {
	switch {
	case s == nil:
		return "no record of a build into this destination"
	case s.Options != options:
		return "the options or the program changed"
	case now.Before(s.Built):
		return "the clock reads earlier than the last build"
	case !s.Until.IsZero() && !now.Before(s.Until):
		return fmt.Sprintf("a page's publish or expiry date came (%s)", s.Until.Format(time.RFC3339))
	case s.Inputs != inputs:
		return "the site's files changed"
	}
	d, err := output()
	switch {
	case err != nil:
		return "the destination cannot be read: " + err.Error()
	case d != s.Output:
		return "the destination changed since the last build"
	}
	return ""
}
