package serve

import (
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
)

// Hosts decides which Host headers the server answers. A page on another
// site cannot make the browser send one of them, which defeats DNS
// rebinding: an attacker's name that resolves to 127.0.0.1 still arrives
// as Host: attacker.example.
type Hosts struct {
	names map[string]bool // lower-case host names and IP literals
	anyIP bool            // any IP literal (bound to every interface)
}

// NewHosts allows the loopback names (localhost, *.localhost, 127.0.0.1,
// ::1), the bound address, and the host of baseURL when one is given.
// Bound to every interface (0.0.0.0 or ::), it also allows any IP literal
// and the machine's host name: that is what other devices on the network
// use.
func NewHosts(bind, baseURL string) *Hosts {
	h := &Hosts{names: map[string]bool{"localhost": true, "127.0.0.1": true, "::1": true}}
	ip := net.ParseIP(strings.Trim(bind, "[]"))
	switch {
	case ip != nil && ip.IsUnspecified():
		h.anyIP = true
		if name, err := os.Hostname(); err == nil {
			h.names[strings.ToLower(name)] = true
		}
	case bind != "":
		h.names[strings.ToLower(strings.Trim(bind, "[]"))] = true
	}
	if u, err := url.Parse(baseURL); err == nil && u.Hostname() != "" {
		h.names[strings.ToLower(u.Hostname())] = true
	}
	return h
}

// Allowed reports whether a request's Host header names this server.
func (h *Hosts) Allowed(host string) bool {
	name := host
	if n, _, err := net.SplitHostPort(host); err == nil {
		name = n
	}
	name = strings.ToLower(strings.TrimSuffix(strings.Trim(name, "[]"), "."))
	switch {
	case name == "":
		return false
	case h.names[name], strings.HasSuffix(name, ".localhost"):
		return true
	}
	ip := net.ParseIP(name)
	return ip != nil && (ip.IsLoopback() || h.anyIP)
}

// Guard answers 403 to a request whose Host header is not allowed.
func (h *Hosts) Guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !h.Allowed(r.Host) {
			http.Error(w, "bantin serve: this address is not served here (Host "+r.Host+" is not allowed; see bantin serve --bind)", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// readOnly answers 405 to any method but GET and HEAD.
func readOnly(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		next(w, r)
	}
}
