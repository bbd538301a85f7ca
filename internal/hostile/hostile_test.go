package hostile

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
)

// recorder is a testing.TB that keeps the errors reported to it.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func TestCheckText(t *testing.T) {
	c := &Canaries{Env: "envcanary-1", File: "filecanary-2\n"}
	host, _ := os.Hostname()
	tests := []struct {
		name, out string
		secrets   []string
		want      string // part of the one error wanted; "" for none
	}{
		{"clean", "BLOCKED:x:1\n42\n", nil, ""},
		{"pwned", "PWNED:escape\n", nil, "shows PWNED"},
		{"env canary", "x envcanary-1 y", nil, `secret "envcanary-1"`},
		{"file canary", "filecanary-2", nil, `secret "filecanary-2"`},
		{"other secret", "the answer is 1234", []string{"1234"}, `secret "1234"`},
		{"host name", "a\n" + host + "\n", nil, "host name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.name == "host name" && (host == "" || host == "box") {
				t.Skip("no host name to look for")
			}
			r := &recorder{TB: t}
			c.CheckText(r, "out", []byte(tt.out), tt.secrets...)
			switch {
			case tt.want == "" && len(r.errs) > 0:
				t.Errorf("errors %q for a clean output", r.errs)
			case tt.want != "" && (len(r.errs) != 1 || !strings.Contains(r.errs[0], tt.want)):
				t.Errorf("errors %q, want one about %q", r.errs, tt.want)
			}
		})
	}
}

func TestVerdicts(t *testing.T) {
	for prose, want := range map[string][]string{
		"TLE or RE (fork fails EAGAIN at pids limit)":                  {"TLE", "RE"},
		"MLE (RE/SIGSEGV acceptable only if peak memory is reported)":  {"MLE", "RE"},
		"OK/WA from main's output, decided when main exits":            {"OK", "WA"},
		"CE; compile log has no host file content":                     {"CE"},
		"RE (exec blocked) or OK/WA with a confined shell":             {"RE", "OK", "WA"},
		"OK with BLOCKED or RE; no PWNED on the 2nd run":               {"OK", "RE"},
		"OK if memory = RSS/cgroup; RE if RLIMIT_AS policy (document)": {"OK", "RE"},
	} {
		if got := (Entry{Verdict: prose}).Verdicts(); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %v, want %v", prose, got, want)
		}
	}
}
