package output

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// writeForeverEnv makes the test binary a build that streams files into
// the destination it names until it is killed.
const writeForeverEnv = "BANTIN_TEST_WRITE_FOREVER"

func TestMain(m *testing.M) {
	if dest := os.Getenv(writeForeverEnv); dest != "" {
		writeForever(dest)
	}
	os.Exit(m.Run())
}

func writeForever(dest string) {
	d, err := NewDir(dest)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	page := bytes.Repeat([]byte("<p>Dân vận khéo</p>\n"), 500)
	for i := 0; ; i++ {
		if err := d.Write(File{Path: fmt.Sprintf("bai-viet/%d/index.html", i), Data: page}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
}

// A build killed with SIGKILL while it streams files leaves the previous
// site as it was; the next build removes its temporary folder.
func TestKilledBuildLeavesPreviousSite(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	if err := WriteDir(dest, []File{{Path: "index.html", Data: []byte("trang cũ")}}); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), writeForeverEnv+"="+dest)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	tmp := waitForPages(t, root, 50)
	cmd.Process.Signal(syscall.SIGKILL)
	err := cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("the writer was not killed mid-write (%v): %s", err, stderr.String())
	}
	assertOnly(t, dest, "index.html", "trang cũ")
	if _, err := os.Stat(tmp); err != nil {
		t.Fatalf("the killed build's temporary folder should still be there until the next build: %v", err)
	}
	if err := WriteDir(dest, []File{{Path: "index.html", Data: []byte("trang mới")}}); err != nil {
		t.Fatal(err)
	}
	assertOnly(t, dest, "index.html", "trang mới")
	if entries, _ := os.ReadDir(root); len(entries) != 1 {
		t.Errorf("beside the destination after the next build: %v, want only public", names(entries))
	}
}

// waitForPages waits until a temporary folder under root holds at least n
// pages, and returns it.
func waitForPages(t *testing.T, root string, n int) string {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		matches, _ := filepath.Glob(filepath.Join(root, ".public-new-*", "bai-viet", "*"))
		if len(matches) >= n {
			return filepath.Dir(filepath.Dir(matches[0]))
		}
	}
	t.Fatalf("no temporary folder with %d pages appeared under %s", n, root)
	return ""
}

func assertOnly(t *testing.T, dest, name, want string) {
	t.Helper()
	entries, err := os.ReadDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	got := names(entries)
	if strings.Join(got, " ") != Marker+" "+name {
		t.Errorf("%s holds %v, want %s and %s", dest, got, Marker, name)
	}
	if b, _ := os.ReadFile(filepath.Join(dest, name)); string(b) != want {
		t.Errorf("%s = %q, want %q", name, b, want)
	}
}

func names(entries []os.DirEntry) []string {
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}
