package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// Exit statuses.
const (
	exitOK      = 0
	exitContent = 1
	exitUsage   = 2
)

const usage = `bantin builds the dân vận bulletin site from Markdown.

Usage:
  bantin serve [flags]      preview the site as you edit it (http://127.0.0.1:1313/)
  bantin build [flags]      build the site into a folder (default public/); --pdf prints PDFs too
  bantin pdf [flags] [PATH…] build the site and print its leaflets, handbooks and bulletin issues to PDF
  bantin new KIND "Tiêu đề" start a new page; KIND is article, leaflet, handbook or bulletin
  bantin new site DIR       start a new site in DIR
  bantin fix ids            write the missing id lines into the pages' front matter
  bantin version            print the version, VCS revision and Go version

Run "bantin COMMAND --help" for a command's flags.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one command line and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "build":
		return runBuild(args[1:], stdout, stderr)
	case "pdf":
		return runPDF(args[1:], stdout, stderr)
	case "serve", "server":
		return runServe(args[1:], stdout, stderr)
	case "new":
		return runNew(args[1:], stdout, stderr)
	case "fix":
		return runFix(args[1:], stdout, stderr)
	case "version":
		return runVersion(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "bantin: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

// parseFlags parses a subcommand's flags; done is true when run should
// return status at once (help asked for, or a usage error).
func parseFlags(fs *flag.FlagSet, args []string, stderr io.Writer) (status int, done bool) {
	fs.SetOutput(stderr)
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return exitOK, true
	case err != nil:
		return exitUsage, true
	}
	return exitOK, false
}
