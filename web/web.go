// Package web serves Verdict's practice site: the single-page application
// built from web/src into web/dist (by `make web`) and embedded in the binary,
// so building Verdict needs no npm.
package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
)

//go:embed dist
var dist embed.FS

// reserved are the path prefixes that belong to the service, never to the
// site: the handler answers 404 for them rather than the application page,
// so a mistyped API path is not mistaken for a client-side route.
var reserved = []string{"/api/", "/judge0/", "/metrics", "/openapi.json", "/docs", "/healthz", "/readyz"}

// Handler returns the handler of the site: the files of the build (hashed
// assets under /assets/ cached for a year, the rest revalidated by ETag),
// gzip-compressed for clients that accept it, and index.html for every
// other path that is not the service's, so that client-side routes such as
// /problems/two-sum load the application.
func Handler() http.Handler {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		// fs.Sub fails only on an invalid path name; "dist" is valid.
		panic("web: " + err.Error())
	}
	return &handler{files: sub, cache: map[string]*file{}}
}

type handler struct {
	files fs.FS
	mu    sync.Mutex
	cache map[string]*file // by name, filled on first use
}

// file is one file of the build, ready to serve.
type file struct {
	data, gz []byte // gz is nil when compressing does not pay
	etag     string
	ctype    string
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
		if f := h.load(name); f != nil {
			if strings.HasPrefix(name, "assets/") {
				w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
			} else {
				w.Header().Set("Cache-Control", "no-cache")
			}
			h.serve(w, r, f)
			return
		}
		// A missing file under /assets/ is a stale or wrong asset link,
		// not a client-side route.
		if strings.HasPrefix(name, "assets/") {
			http.NotFound(w, r)
			return
		}
	}
	f := h.load("index.html")
	if f == nil {
		http.Error(w, "web: the site's index.html is missing from the build", http.StatusInternalServerError)
		return
	}
	// Never cached without revalidation, so a new build's asset names are picked up at once.
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("Referrer-Policy", "same-origin")
	h.serve(w, r, f)
}

// serve writes f, compressed when the client takes gzip, or 304 when the
// client's copy is current.
func (h *handler) serve(w http.ResponseWriter, r *http.Request, f *file) {
	hd := w.Header()
	hd.Set("Content-Type", f.ctype)
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("ETag", f.etag)
	if f.gz != nil {
		hd.Add("Vary", "Accept-Encoding")
	}
	if match := r.Header.Get("If-None-Match"); match != "" && etagMatches(match, f.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := f.data
	if f.gz != nil && acceptsGzip(r.Header.Get("Accept-Encoding")) {
		body = f.gz
		hd.Set("Content-Encoding", "gzip")
	}
	hd.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}

// load returns the named file of the build, or nil if there is none.
func (h *handler) load(name string) *file {
	h.mu.Lock()
	defer h.mu.Unlock()
	if f, ok := h.cache[name]; ok {
		return f
	}
	data, err := fs.ReadFile(h.files, name)
	if err != nil {
		return nil // not cached: the build is fixed, but unknown names are unbounded
	}
	sum := sha256.Sum256(data)
	f := &file{data: data, etag: `"` + hex.EncodeToString(sum[:12]) + `"`}
	f.ctype = mime.TypeByExtension(path.Ext(name))
	switch path.Ext(name) {
	case ".js", ".mjs":
		f.ctype = "text/javascript; charset=utf-8"
	case ".woff2":
		f.ctype = "font/woff2"
	}
	if f.ctype == "" {
		f.ctype = http.DetectContentType(data)
	}
	if compressible(f.ctype) && len(data) > 512 {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression) // the level is valid
		_, _ = zw.Write(data)                                    // writes to a bytes.Buffer do not fail
		if zw.Close() == nil && buf.Len() < len(data)*9/10 {
			f.gz = buf.Bytes()
		}
	}
	h.cache[name] = f
	return f
}

func compressible(ctype string) bool {
	return strings.HasPrefix(ctype, "text/") || strings.Contains(ctype, "javascript") ||
		strings.Contains(ctype, "json") || strings.Contains(ctype, "svg")
}

// acceptsGzip reports whether an Accept-Encoding header allows gzip.
func acceptsGzip(ae string) bool {
	for _, part := range strings.Split(ae, ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(coding), "gzip") && strings.TrimSpace(coding) != "*" {
			continue
		}
		params = strings.ReplaceAll(params, " ", "")
		if q, ok := strings.CutPrefix(params, "q="); ok {
			if v, err := strconv.ParseFloat(q, 64); err == nil && v == 0 {
				return false
			}
		}
		return true
	}
	return false
}

func etagMatches(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == etag || t == "*" {
			return true
		}
	}
	return false
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
