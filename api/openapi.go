package api

import (
	_ "embed"
	"encoding/json"
	"html/template"
	"net/http"
	"sort"
	"strings"
)

//go:embed openapi.json
var openapiDoc []byte

func (s *Server) openapi(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Write(openapiDoc)
}

var docsPage = template.Must(template.New("docs").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{.Title}} API</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em}
code,pre{font-family:ui-monospace,monospace}.m{display:inline-block;width:5em;font-weight:bold}
li{margin:.3em 0}</style></head><body>
<h1>{{.Title}} API {{.Version}}</h1>
<p>The machine-readable document is <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).
Authentication: <code>Authorization: Bearer KEY</code>. Errors: <code>{"error": {"code", "message"}}</code>.</p>
<ul>{{range .Ops}}<li><span class="m">{{.Method}}</span><code>{{.Path}}</code> — {{.Summary}}</li>{{end}}</ul>
</body></html>`))

func (s *Server) docs(w http.ResponseWriter, r *http.Request) {
	var doc struct {
		Info struct {
			Title, Version string
		} `json:"info"`
		Paths map[string]map[string]struct {
			Summary string `json:"summary"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(openapiDoc, &doc); err != nil {
		s.WriteError(w, r, err)
		return
	}
	type op struct{ Method, Path, Summary string }
	var ops []op
	for p, ms := range doc.Paths {
		for m, o := range ms {
			ops = append(ops, op{strings.ToUpper(m), p, o.Summary})
		}
	}
	sort.Slice(ops, func(i, j int) bool {
		if ops[i].Path != ops[j].Path {
			return ops[i].Path < ops[j].Path
		}
		return ops[i].Method < ops[j].Method
	})
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	docsPage.Execute(w, map[string]any{"Title": doc.Info.Title, "Version": doc.Info.Version, "Ops": ops})
}
