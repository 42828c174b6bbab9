package tooltest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// npmRoot is the folder of globally installed npm packages: BANTIN_NODE_MODULES
// when set, else what `npm root -g` prints.
var npmRoot = sync.OnceValue(func() string {
	if dir := os.Getenv("BANTIN_NODE_MODULES"); dir != "" {
		return dir
	}
	out, err := exec.Command("npm", "root", "-g").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
})

// NpmFile returns the path of file inside the npm package pkg, installed
// globally (`npm install -g pkg`, as .ci/run does) or under
// BANTIN_NODE_MODULES; it skips the test, or fails it when Required, when
// the file is not there.
func NpmFile(t testing.TB, pkg, file string) string {
	t.Helper()
	if root := npmRoot(); root != "" {
		p := filepath.Join(root, pkg, filepath.FromSlash(file))
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	missing(t, "npm package "+pkg+" not found (npm install -g "+pkg+", or set BANTIN_NODE_MODULES)")
	return ""
}

// VNU returns the command that runs the Nu HTML checker: java and the
// vnu.jar of the npm package vnu-jar.
func VNU(t testing.TB) []string {
	t.Helper()
	java := Require(t, "java", "default-jre-headless")
	return []string{java, "-jar", NpmFile(t, "vnu-jar", "build/dist/vnu.jar")}
}
