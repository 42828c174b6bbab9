package cache

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// killedWriterEnv, when set, makes TestKilledWriter the writer that is
// killed: it writes into the folder the variable names.
const killedWriterEnv = "BANTIN_CACHE_KILLED_WRITER"

// bigPayload is a payload a quarter of the writer's buffer long, so that
// every fourth Put writes the buffer to the pack.
func bigPayload(i int) string { return fmt.Sprint(i, strings.Repeat("-", bufferBytes/4)) }

// A build killed midway (kill -9) leaves a cache that the next build
// reads correctly: what it wrote is published (each written buffer is), and
// a record half-written at the end is ignored and cut off.
func TestKilledWriter(t *testing.T) {
	if dir := os.Getenv(killedWriterEnv); dir != "" {
		writeUntilKilled(dir)
		return
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledWriter$")
	cmd.Env = append(os.Environ(), killedWriterEnv+"="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ready, _ := bufio.NewReader(out).ReadString('\n')
	cmd.Process.Kill() // SIGKILL: no Close, no deferred call
	cmd.Wait()
	if ready != "ready\n" {
		t.Fatalf("the writer said %q", ready)
	}
	// Ten entries flushed, ten more put: eight written (the buffer is
	// written and published every four), two still buffered when it died.
	es := Entries(dir)
	if len(es) != 18 {
		t.Fatalf("%d published entries, want 18", len(es))
	}
	// As if it died while writing a record: half of one at the end.
	pack := es[0].Pack
	whole, err := os.ReadFile(pack)
	if err != nil {
		t.Fatal(err)
	}
	half := whole[es[17].Offset : es[17].Offset+es[17].Length/2]
	if err := os.WriteFile(pack, append(whole, half...), 0o644); err != nil {
		t.Fatal(err)
	}
	s := openAt(t, dir)
	for i := range 18 {
		mustGet(t, s, "ns", key(i), bigPayload(i))
	}
	for i := 18; i < 20; i++ {
		if _, ok := s.Get("ns", key(i)); ok {
			t.Errorf("entry %d (never written) answered", i)
		}
	}
	if st := s.Stats(); st.Rejected != 0 {
		t.Errorf("Stats = %+v", st)
	}
	if n := len(Entries(dir)); n != 18 {
		t.Errorf("%d entries published after the recovery, want 18", n)
	}
	if info, err := os.Stat(pack); err != nil || info.Size() != int64(len(whole)) {
		t.Errorf("the half-written record was not cut off: %v", err)
	}
}

// writeUntilKilled puts ten entries and flushes them, puts ten more, and
// waits to be killed.
func writeUntilKilled(dir string) {
	s, err := Open(dir)
	if err != nil {
		fmt.Println(err)
		return
	}
	for i := range 20 {
		if i == 10 {
			s.Flush()
		}
		s.Put("ns", key(i), []byte(bigPayload(i)))
	}
	fmt.Println("ready")
	select {}
}
