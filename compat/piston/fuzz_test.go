package piston

import (
	"testing"

	"github.com/verdict-judge/verdict/lang"
)

// FuzzDecode feeds arbitrary bodies to the execute request's decoding: no
// panic, and a request it accepts has an entry point and limits within the
// configuration.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		`{"language":"python","version":"3.x","files":[{"content":"print(1)"}]}`,
		`{"language":"c++","version":"*","files":[{"name":"a.cpp","content":"int main(){}"},{"name":"d/x","content":"AA==","encoding":"base64"}],"stdin":"x","args":["1"]}`,
		`{"language":"py","version":">=3","files":[{"content":"x"}],"run_timeout":-1,"run_memory_limit":-1,"compile_cpu_time":100}`,
		`{"language":"python","version":"*","files":[{"name":"../../etc/passwd","content":"x"}]}`,
		`{"language":"python","version":"[","files":[]}`, `{}`, `[]`, `null`,
	} {
		f.Add([]byte(s))
	}
	reg, err := lang.Load()
	if err != nil {
		f.Fatal(err)
	}
	var langs []*lang.Language
	for _, id := range []string{"c", "cpp", "python", "java", "javascript", "go", "rust"} {
		l, _ := reg.Lookup(id)
		c := *l
		c.Version = "3.11.2"
		langs = append(langs, &c)
	}
	h := NewHandler(fixedLanguages(langs), Config{}, nil)
	f.Fuzz(func(t *testing.T, body []byte) {
		run, rt, err := h.decode(body)
		if err != nil {
			return
		}
		if rt == nil || len(run.Sources) == 0 || run.Sources[0].Name == "" {
			t.Fatalf("accepted without an entry point: %+v", run)
		}
		if run.Limits.Wall > h.cfg.RunTimeout || run.Limits.CPU > h.cfg.RunCPUTime || run.Limits.Memory > h.cfg.RunMemoryLimit {
			t.Fatalf("limits %+v beyond the configuration", run.Limits)
		}
	})
}
