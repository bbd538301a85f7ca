package api

import (
	"bytes"
	"net/http/httptest"
	"testing"

	"github.com/verdict-judge/verdict/service"
)

// FuzzDecodeBodies feeds arbitrary bodies to the strict decoding of the
// API's requests (submissions and runs) and to the checks of their
// sources: no panic, and every refusal is a 4xx with a message, never an
// internal error.
func FuzzDecodeBodies(f *testing.F) {
	for _, s := range []string{
		`{"problem":"sum","language":"python","source":"print(1)"}`,
		`{"problem":"sum","language":"cpp","files":[{"name":"a.cpp","content":"int main(){}"}],"callback_url":"https://x"}`,
		`{"language":"python","source":"print(1)","stdin":"x","limits":{"time_ms":1000,"memory_mib":64}}`,
		`{"language":"python","source":"x","files":[]}`, `{"problem":1}`, `{"sorce":"x"}`, `{} {}`, `[`, `null`,
		`{"language":"python","source":"x","limits":{"time_ms":-1}}`, "\xff\xfe",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		check := func(err error) {
			if err == nil {
				return
			}
			e, ok := service.AsError(err)
			if !ok {
				t.Fatalf("%q: %v is not a request error (it would be a 500)", body, err)
			}
			if st := kindStatus[e.Kind].status; st < 400 || st >= 500 || e.Message == "" {
				t.Fatalf("%q: status %d, message %q", body, st, e.Message)
			}
		}
		var sb submitBody
		err := DecodeJSON(httptest.NewRecorder(), httptest.NewRequest("POST", "/", bytes.NewReader(body)), &sb, 1<<16)
		check(err)
		if err == nil {
			_, err := sb.files()
			check(err)
		}
		var rb runBody
		err = DecodeJSON(httptest.NewRecorder(), httptest.NewRequest("POST", "/", bytes.NewReader(body)), &rb, 1<<16)
		check(err)
		if err == nil {
			_, err := rb.files()
			check(err)
		}
	})
}
