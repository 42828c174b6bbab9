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
// reads correctly: what it published is there, the whole records it
// wrote after are found again and published, and the half-written one
// at the end is ignored and cut off.
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
	es := Entries(dir)
	if len(es) != 10 {
		t.Fatalf("%d published entries, want the 10 flushed", len(es))
	}
	// Ten more were put after the flush: eight written (the buffer is
	// written every four), two still buffered when the writer died. Cut
	// the eighth in half, as if the writer died while writing it.
	pack := es[0].Pack
	n := es[9].Length + 1 // the records of entries 10 to 19 (one more digit)
	afterSixteenth := es[9].Offset + es[9].Length + 7*n
	if err := os.Truncate(pack, afterSixteenth+n/2); err != nil {
		t.Fatal(err)
	}
	s := openAt(t, dir)
	for i := range 17 {
		mustGet(t, s, "ns", key(i), bigPayload(i))
	}
	for i := 17; i < 20; i++ {
		if _, ok := s.Get("ns", key(i)); ok {
			t.Errorf("entry %d (half-written or never written) answered", i)
		}
	}
	if st := s.Stats(); st.Rejected != 0 {
		t.Errorf("Stats = %+v", st)
	}
	if n := len(Entries(dir)); n != 17 {
		t.Errorf("%d entries published after the recovery, want 17", n)
	}
	if info, err := os.Stat(pack); err != nil || info.Size() != afterSixteenth {
		t.Errorf("the half-written tail was not cut: %v", err)
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
