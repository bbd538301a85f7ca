package judge0

import (
	"encoding/json"
	"testing"
)

// FuzzNewSubmission feeds arbitrary request bodies to the decoding and
// validation of a submission, and renders what it accepts: no panic, and
// an accepted submission always renders every field in base64.
func FuzzNewSubmission(f *testing.F) {
	for _, s := range []string{
		`{"source_code":"print(1)","language_id":71}`,
		`{"source_code":"cHJpbnQoMSk=\n","language_id":"71","stdin":"","expected_output":null}`,
		`{"source_code":"x","language_id":50,"cpu_time_limit":"2.5","memory_limit":"4096","number_of_runs":3}`,
		`{"source_code":"x","language_id":71,"additional_files":"UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==","command_line_arguments":"a b"}`,
		`{"language_id":1e309}`, `{"language_id":-1}`, `[]`, `null`, `{"wall_time_limit":true}`,
	} {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	langs := NewLanguages(nil)
	h := NewHandler(nil, langs, DefaultConfig, nil, nil)
	f.Fuzz(func(t *testing.T, body []byte, b64 bool) {
		s, errs := h.newSubmission(json.RawMessage(body), b64)
		if (s == nil) == (errs == nil) {
			t.Fatalf("submission %v and errors %v", s, errs)
		}
		if s == nil {
			if _, err := json.Marshal(errs); err != nil {
				t.Fatal(err)
			}
			return
		}
		kv, bad := s.render(Columns, true, langs)
		if bad {
			t.Fatal("base64 rendering refused a field")
		}
		if _, err := json.Marshal(object(kv)); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzDecode64 checks that Ruby-style lenient base64 never panics and
// reads back what encode64 writes.
func FuzzDecode64(f *testing.F) {
	for _, s := range []string{"", "aGk=", "aGk", "a", "====", "aG\nk=\n", "\x00\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		decode64(s)
		if got := string(decode64(encode64([]byte(s)))); got != s {
			t.Fatalf("round trip of %q gave %q", s, got)
		}
	})
}
