package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	neturl "net/url"
	"os"
	"os/exec"
	"os/signal"
	"path"
	"strconv"
	"strings"
	"syscall"
	"time"

	"bantin/internal/config"
	"bantin/internal/diag"
	"bantin/internal/serve"
	"bantin/internal/sitefs"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	var f buildFlags
	fs := flag.NewFlagSet("bantin serve", flag.ContinueOnError)
	f.register(fs)
	f.memory.register(fs, "the server")
	bind := fs.String("bind", "127.0.0.1", "the address to listen on; the default answers this computer only")
	port := fs.Int("port", 1313, "the port to listen on (0: any free port)")
	fs.IntVar(port, "p", 1313, "Hugo's name for --port")
	open := fs.Bool("open", false, "open the site in the default browser")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: bantin serve [flags]\n\nBuilds the site into memory, serves it and rebuilds it as you edit; open pages reload themselves.\n\nFlags:")
		fs.PrintDefaults()
	}
	if status, done := parseFlags(fs, args, stderr); done {
		return status
	}
	if !hasContent(f.source, stderr) {
		return exitContent
	}
	if err := f.memory.apply(0); err != nil { // the server keeps the site in memory: no limit by default
		fmt.Fprintf(stderr, "bantin serve: %v\n", err)
		return exitUsage
	}
	base, err := servePath(f.source, f.baseURL)
	if err != nil {
		fmt.Fprintf(stderr, "bantin serve: %v\n", err)
		return exitUsage
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(*bind, strconv.Itoa(*port)))
	if err != nil {
		fmt.Fprintf(stderr, "bantin serve: %s\n", listenProblem(*bind, *port, err))
		return exitContent
	}
	url := "http://" + ln.Addr().String() + base
	opts, err := f.options()
	if err != nil {
		fmt.Fprintf(stderr, "bantin serve: %v (or serve with --noCache)\n", err)
		return exitUsage
	}
	defer closeCache(opts.Cache, stderr, "bantin serve")
	opts.BaseURL = url // pages link to this server, under the baseURL's path
	srv := serve.NewVerbosity(f.source, opts, stderr, f.verbosity())
	fmt.Fprintf(stdout, "bantin serving %s (Ctrl+C to stop)\n", url)
	if *open {
		openBrowser(url, stderr)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		if err := srv.Watch(ctx); err != nil {
			fmt.Fprintf(stderr, "bantin serve: watch: %v\n", err)
		}
	}()
	hosts := serve.NewHosts(*bind, f.baseURL)
	httpSrv := &http.Server{Handler: hosts.Guard(srv.HandlerAt(base)), ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		httpSrv.Shutdown(shutdown)
	}()
	if err := httpSrv.Serve(ln); err != nil && err != http.ErrServerClosed {
		fmt.Fprintf(stderr, "bantin serve: %v\n", err)
		return exitContent
	}
	return exitOK
}

// servePath is the path the site is served under: that of --baseURL (a
// full URL or a path alone, "/danvan/"), else that of the config's
// baseURL, else "/".
func servePath(source, flagURL string) (string, error) {
	raw := flagURL
	if raw == "" {
		raw = "/"
		if site, err := sitefs.Open(source); err == nil { // else the build reports it
			var dl diag.List
			raw = config.Load(site, "", &dl).Base.Path
		}
	}
	u, err := neturl.Parse(raw)
	if err != nil || (u.Scheme == "" && !strings.HasPrefix(raw, "/")) {
		return "", fmt.Errorf("--baseURL %q must be a URL such as https://danvan.example.vn/danvan/ or a path such as /danvan/", flagURL)
	}
	p := path.Clean("/" + u.Path)
	if p != "/" {
		p += "/"
	}
	return p, nil
}

// listenProblem explains why the server could not listen.
func listenProblem(bind string, port int, err error) string {
	if errors.Is(err, syscall.EADDRINUSE) {
		return fmt.Sprintf("port %d is already in use (another bantin serve or hugo server?); stop it, or choose another port with --port, or --port 0 for any free one", port)
	}
	return fmt.Sprintf("cannot listen on %s: %v", net.JoinHostPort(bind, strconv.Itoa(port)), err)
}

func openBrowser(url string, stderr io.Writer) {
	if err := exec.Command("xdg-open", url).Start(); err != nil {
		fmt.Fprintf(stderr, "could not open a browser (%v); open %s yourself\n", err, url)
	}
}
