package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"net/http/httptest"
	"path"
	"regexp"
	"strings"
	"testing"
)

func TestHandler(t *testing.T) {
	h := Handler()
	tests := []struct {
		method, path string
		code         int
		wantIndex    bool
	}{
		{"GET", "/", 200, true},
		{"GET", "/problems/two-sum", 200, true},
		{"GET", "/submissions/01J", 200, true},
		{"GET", "/index.html", 200, true},
		{"HEAD", "/admin", 200, false},
		{"GET", "/api/v1/nope", 404, false},
		{"GET", "/api", 404, false},
		{"GET", "/judge0/submissions", 404, false},
		{"GET", "/metrics", 404, false},
		{"GET", "/openapi.json", 404, false},
		{"GET", "/docs", 404, false},
		{"GET", "/docs/x", 404, false},
		{"GET", "/healthz", 404, false},
		{"GET", "/readyz", 404, false},
		{"GET", "/assets/missing-123.js", 404, false},
		{"GET", "/../../etc/passwd", 200, true},
		{"POST", "/", 405, false},
		{"DELETE", "/problems/x", 405, false},
	}
	for _, tc := range tests {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(tc.method, tc.path, nil))
			if rec.Code != tc.code {
				t.Fatalf("status %d, want %d", rec.Code, tc.code)
			}
			body := rec.Body.String()
			if tc.wantIndex {
				if !strings.Contains(body, "<html") {
					t.Fatalf("body is not the application page: %.200q", body)
				}
				if got := rec.Header().Get("Cache-Control"); got != "no-cache" {
					t.Errorf("Cache-Control %q, want no-cache", got)
				}
				if got := rec.Header().Get("Content-Type"); !strings.HasPrefix(got, "text/html") {
					t.Errorf("Content-Type %q", got)
				}
			} else if strings.Contains(body, "<html") {
				t.Errorf("served the application page for a path that is not the site's")
			}
		})
	}
}

// TestBuildLinks checks that every asset index.html and the scripts name is
// in the build and served with long caching, the right type, and gzip.
func TestBuildLinks(t *testing.T) {
	h := Handler()
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		t.Fatal(err)
	}
	index, err := fs.ReadFile(sub, "index.html")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(index, []byte("<!--SCRIPT-->")) {
		t.Skip("the placeholder page, not a build")
	}
	link := regexp.MustCompile(`/assets/[\w.-]+\.(?:js|css|woff2)`)
	seen := map[string]bool{}
	queue := link.FindAllString(string(index), -1)
	if len(queue) == 0 {
		t.Fatal("index.html names no assets")
	}
	// Follow the links of the entry script and stylesheets too (lazy chunks, KaTeX's stylesheet, fonts).
	rel := regexp.MustCompile(`"\./([\w.-]+\.js)"|url\("?([\w./-]+\.woff2)"?\)|"(/assets/[\w.-]+\.css)"`)
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if seen[p] {
			continue
		}
		seen[p] = true
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", p, nil)
		req.Header.Set("Accept-Encoding", "gzip, br")
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			t.Errorf("%s: status %d", p, rec.Code)
			continue
		}
		if cc := rec.Header().Get("Cache-Control"); !strings.Contains(cc, "immutable") {
			t.Errorf("%s: Cache-Control %q", p, cc)
		}
		body := rec.Body.Bytes()
		if rec.Header().Get("Content-Encoding") == "gzip" {
			zr, err := gzip.NewReader(bytes.NewReader(body))
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			if body, err = io.ReadAll(zr); err != nil {
				t.Fatalf("%s: %v", p, err)
			}
		} else if !strings.HasSuffix(p, ".woff2") && len(body) > 1024 {
			t.Errorf("%s: not compressed", p)
		}
		want := map[string]string{".js": "text/javascript", ".css": "text/css", ".woff2": "font/woff2"}[path.Ext(p)]
		if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, want) {
			t.Errorf("%s: Content-Type %q, want %s", p, ct, want)
		}
		for _, m := range rel.FindAllStringSubmatch(string(body), -1) {
			switch {
			case m[1] != "":
				queue = append(queue, "/assets/"+m[1])
			case m[2] != "":
				queue = append(queue, "/assets/"+strings.TrimPrefix(m[2], "./"))
			case m[3] != "":
				queue = append(queue, m[3])
			}
		}
	}
	if len(seen) < 30 {
		t.Errorf("followed only %d assets: %v", len(seen), seen)
	}
}

func TestConditionalAndGzip(t *testing.T) {
	h := Handler()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	etag := rec.Header().Get("ETag")
	if etag == "" || rec.Header().Get("Content-Encoding") != "" {
		t.Fatalf("ETag %q, Content-Encoding %q without Accept-Encoding", etag, rec.Header().Get("Content-Encoding"))
	}
	req := httptest.NewRequest("GET", "/problems/x", nil)
	req.Header.Set("If-None-Match", etag)
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 304 || rec.Body.Len() != 0 {
		t.Errorf("If-None-Match: status %d, %d bytes", rec.Code, rec.Body.Len())
	}
	for _, tc := range []struct {
		ae   string
		gzip bool
	}{{"gzip", true}, {"deflate, gzip;q=0.5", true}, {"gzip;q=0", false}, {"br", false}, {"*", true}, {"", false}} {
		if got := acceptsGzip(tc.ae); got != tc.gzip {
			t.Errorf("acceptsGzip(%q) = %v", tc.ae, got)
		}
	}
}
