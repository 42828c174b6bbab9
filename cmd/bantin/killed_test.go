package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"bantin/internal/corpus"
	"bantin/internal/tooltest"
)

// A real build killed with SIGKILL while it writes its files leaves the
// previous site as it was, and the next build removes the killed one's
// temporary folder.
func TestKilledBuildLeavesPreviousSite(t *testing.T) {
	src := t.TempDir()
	files := map[string]string{}
	for name, f := range corpus.Generate(corpus.Options{Pages: 1000}) {
		files[name] = string(f.Data)
	}
	tooltest.WriteFiles(t, src, files)
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	if status, _, errOut := runCLI("build", "--source", src, "--destination", dest, "--noCache", "--quiet"); status != exitOK {
		t.Fatalf("first build: %s", errOut)
	}
	before := treeOf(t, dest)
	// The killed build has other input: had it finished, the destination
	// would differ.
	tooltest.WriteFiles(t, src, map[string]string{"content/gioi-thieu.md": "+++\ntitle = \"Giới thiệu mới\"\nid = \"gt0001\"\n+++\nTrang mới.\n"})
	cmd := exec.Command(os.Args[0], "-test.run=^$", "--", "build", "--source", src, "--destination", dest, "--noCache", "--quiet")
	cmd.Env = append(os.Environ(), asBantinEnv+"=1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	tmp := ""
	for deadline := time.Now().Add(60 * time.Second); tmp == "" && time.Now().Before(deadline); time.Sleep(2 * time.Millisecond) {
		matches, _ := filepath.Glob(filepath.Join(parent, ".public-new-*", "*", "*", "index.html"))
		if len(matches) > 0 {
			tmp = filepath.Join(parent, strings.Split(strings.TrimPrefix(matches[0], parent+string(filepath.Separator)), string(filepath.Separator))[0])
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || tmp == "" {
		t.Fatalf("the build was not killed while writing (temporary folder %q, %v)", tmp, cmd.ProcessState)
	}
	after := treeOf(t, dest)
	if len(after) != len(before) {
		t.Fatalf("the destination holds %d files after the kill, %d before", len(after), len(before))
	}
	for p, data := range before {
		if !bytes.Equal(after[p], data) {
			t.Fatalf("%s changed although the build was killed", p)
		}
	}
	if _, err := os.Stat(tmp); err != nil {
		t.Fatalf("the killed build's temporary folder should be there until the next build: %v", err)
	}
	if status, _, errOut := runCLI("build", "--source", src, "--destination", dest, "--noCache", "--quiet"); status != exitOK {
		t.Fatalf("next build: %s", errOut)
	}
	if got := treeOf(t, dest)["gioi-thieu/index.html"]; !bytes.Contains(got, []byte("Giới thiệu mới")) {
		t.Error("the next build did not publish the new page")
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("beside the destination after the next build: %v, want only public", names)
	}
}
