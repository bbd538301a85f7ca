// Package web serves Verdict's practice site: the single-page application
// built from web/src into web/dist (by `make web`) and embedded in the binary,
// so building Verdict needs no npm.
package web

import (
	"bytes"
	"embed"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

//go:embed dist
var dist embed.FS

// reserved are the path prefixes that belong to the service, never to the
// site: the handler answers 404 for them rather than the application page,
// so a mistyped API path is not mistaken for a client-side route.
var reserved = []string{"/api/", "/judge0/", "/metrics", "/openapi.json", "/docs", "/healthz", "/readyz"}

// Handler returns the handler of the site: the files of the build (hashed
// assets under /assets/ cached for a year, the rest revalidated), and
// index.html for every other path that is not the service's, so that
// client-side routes such as /problems/two-sum load the application.
func Handler() http.Handler {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		// fs.Sub fails only on an invalid path name; "dist" is valid.
		panic("web: " + err.Error())
	}
	return &handler{files: sub}
}

type handler struct {
	files fs.FS
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	if isReserved(p) {
		http.NotFound(w, r)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+p), "/")
	if name != "" && name != "index.html" {
		if data, err := fs.ReadFile(h.files, name); err == nil {
			if strings.HasPrefix(name, "assets/") {
				w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
			} else {
				w.Header().Set("Cache-Control", "no-cache")
			}
			w.Header().Set("X-Content-Type-Options", "nosniff")
			http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
			return
		}
		// A missing file with an extension under /assets/ is a stale or
		// wrong asset link, not a client-side route.
		if strings.HasPrefix(name, "assets/") {
			http.NotFound(w, r)
			return
		}
	}
	h.serveIndex(w, r)
}

// serveIndex answers with the application page, never cached, so that a new
// build's asset names are picked up at once.
func (h *handler) serveIndex(w http.ResponseWriter, r *http.Request) {
	data, err := fs.ReadFile(h.files, "index.html")
	if err != nil {
		http.Error(w, "web: the site's index.html is missing from the build", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Referrer-Policy", "same-origin")
	http.ServeContent(w, r, "index.html", time.Time{}, bytes.NewReader(data))
}

// isReserved reports whether p is one of the service's paths or under one.
func isReserved(p string) bool {
	for _, prefix := range reserved {
		base := strings.TrimSuffix(prefix, "/")
		if p == base || strings.HasPrefix(p, base+"/") {
			return true
		}
	}
	return false
}
