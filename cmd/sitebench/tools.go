package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// HugoVersion is the Hugo sitebench compares with.
const HugoVersion = "v0.163.3"

// buildBantin compiles cmd/bantin of the module in the current folder into
// dir, so that the figures are those of the working tree.
func buildBantin(dir string) (string, error) {
	out := filepath.Join(dir, "bantin")
	cmd := exec.Command("go", "build", "-o", out, "bantin/cmd/bantin")
	if b, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build bantin/cmd/bantin (run sitebench inside the bantin module): %w\n%s", err, b)
	}
	return out, nil
}

// hugoCacheDir is where sitebench keeps the Hugo it installs:
// $XDG_CACHE_HOME/bantin/sitebench/hugo-v0.163.3 (~/.cache/… by default).
func hugoCacheDir() (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(base, "bantin", "sitebench", "hugo-"+HugoVersion), nil
}

// findHugo returns the Hugo to run: the one named by flag (a path), else
// the one in the cache folder, else it installs it there with go install
// (minutes: Hugo is big) — unless CI is set, where it never installs.
// With flag "none", or when Hugo cannot be had, it returns "" and says why
// on log.
func findHugo(flag string, log io.Writer) string {
	if flag == "none" {
		return ""
	}
	if flag != "" {
		return flag
	}
	dir, err := hugoCacheDir()
	if err != nil {
		fmt.Fprintf(log, "Hugo: left out: no cache folder: %v\n", err)
		return ""
	}
	bin := filepath.Join(dir, "hugo")
	if _, err := os.Stat(bin); err == nil {
		return bin
	}
	if os.Getenv("CI") != "" {
		fmt.Fprintf(log, "Hugo: left out: %s is missing and CI is set (sitebench never installs Hugo in CI)\n", bin)
		return ""
	}
	fmt.Fprintf(log, "Hugo: installing github.com/gohugoio/hugo@%s into %s (takes minutes)…\n", HugoVersion, dir)
	if err := installHugo(dir); err != nil {
		fmt.Fprintf(log, "Hugo: left out: it could not be installed: %v\n", err)
		return ""
	}
	return bin
}

// installHugo runs go install with GOBIN=dir, one package at a time and at
// low priority: the machine may be shared.
func installHugo(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	argv := []string{"go", "install", "github.com/gohugoio/hugo@" + HugoVersion}
	if nice, err := exec.LookPath("nice"); err == nil {
		argv = append([]string{nice, "-n", "19"}, argv...)
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = append(os.Environ(), "GOBIN="+dir, "GOFLAGS=-p=1")
	cmd.Dir = os.TempDir() // outside any module
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%w\n%s", err, tail(string(b)))
	}
	if _, err := os.Stat(filepath.Join(dir, "hugo")); err != nil {
		return errors.New("go install succeeded but wrote no hugo binary")
	}
	return nil
}

// version asks a tool for its version line.
func version(bin string, args ...string) string {
	b, err := exec.Command(bin, args...).Output()
	if err != nil {
		return "unknown (" + err.Error() + ")"
	}
	return strings.TrimSpace(strings.SplitN(string(b), "\n", 2)[0])
}
