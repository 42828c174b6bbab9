package main

import (
	"os"
	"testing"
)

// asBantinEnv makes the test binary run as bantin with the arguments
// after "--" (TestKilledBuildLeavesPreviousSite kills it midway).
const asBantinEnv = "BANTIN_TEST_AS_BANTIN"

// TestMain keeps the build cache of every test in a temporary folder, not
// in the user's cache folder.
func TestMain(m *testing.M) {
	if os.Getenv(asBantinEnv) != "" {
		os.Exit(run(os.Args[len(os.Args)-argCount():], os.Stdout, os.Stderr))
	}
	dir, err := os.MkdirTemp("", "bantin-test-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CACHE_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// argCount is how many of the test binary's last arguments are bantin's:
// the ones after "--".
func argCount() int {
	for i, a := range os.Args {
		if a == "--" {
			return len(os.Args) - i - 1
		}
	}
	return 0
}
