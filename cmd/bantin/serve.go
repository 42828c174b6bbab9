package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"strconv"
	"time"

	"bantin/internal/serve"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	var f buildFlags
	fs := flag.NewFlagSet("bantin serve", flag.ContinueOnError)
	f.register(fs)
	bind := fs.String("bind", "127.0.0.1", "the address to listen on; the default answers this computer only")
	port := fs.Int("port", 1313, "the port to listen on (0: any free port)")
	open := fs.Bool("open", false, "open the site in the default browser")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: bantin serve [flags]\n\nBuilds the site into memory, serves it and rebuilds it as you edit; open pages reload themselves.\n\nFlags:")
		fs.PrintDefaults()
	}
	if status, done := parseFlags(fs, args, stderr); done {
		return status
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(*bind, strconv.Itoa(*port)))
	if err != nil {
		fmt.Fprintf(stderr, "bantin serve: %v\n", err)
		return exitUsage
	}
	url := "http://" + ln.Addr().String() + "/"
	opts := f.options()
	if opts.BaseURL == "" {
		opts.BaseURL = url
	}
	srv := serve.New(f.source, opts, stderr)
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
	httpSrv := &http.Server{Handler: hosts.Guard(srv.Handler()), ReadHeaderTimeout: 10 * time.Second}
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

func openBrowser(url string, stderr io.Writer) {
	if err := exec.Command("xdg-open", url).Start(); err != nil {
		fmt.Fprintf(stderr, "could not open a browser (%v); open %s yourself\n", err, url)
	}
}
