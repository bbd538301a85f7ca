package web

import (
	"net/http/httptest"
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
