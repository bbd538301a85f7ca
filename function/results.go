package function

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
)

// Result is one line of a driver's ResultsFile: one test's outcome.
type Result struct {
	// OK is false when the user's code threw; Error is then its message.
	OK    bool            `json:"ok"`
	Value json.RawMessage `json:"value,omitempty"`
	Error string          `json:"error,omitempty"`
	// NS is the time spent in the user's code, in nanoseconds.
	NS int64 `json:"ns"`
}

// ParseResults reads a driver's ResultsFile. A last line without its
// newline was cut short (the program was stopped while writing it) and is
// dropped. A line that is not a result ends the list: the results before
// it are returned with an error saying what is wrong.
func ParseResults(b []byte) ([]Result, error) {
	var rs []Result
	for n := 1; len(b) > 0; n++ {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			break // cut short
		}
		line := b[:i]
		b = b[i+1:]
		var r Result
		if err := json.Unmarshal(line, &r); err != nil {
			return rs, fmt.Errorf("function: %s line %d is not a result: %w", ResultsFile, n, err)
		}
		if r.OK && len(r.Value) == 0 {
			return rs, fmt.Errorf("function: %s line %d has no value", ResultsFile, n)
		}
		if r.NS < 0 {
			return rs, fmt.Errorf("function: %s line %d: negative time", ResultsFile, n)
		}
		rs = append(rs, r)
	}
	return rs, nil
}

// MapMessage rewrites the references to lines of the program's generated
// files that hold the user's code (file:line, file:line:col, Python's
// `File "file", line N`, Java's (file:line)) into references to the lines
// of the user's file, so that compiler and runtime messages point at what
// the user wrote.
func MapMessage(msg string, p *Program) string {
	if p == nil || len(p.Maps) == 0 {
		return msg
	}
	for _, m := range p.Maps {
		if m.File == "" || m.Count <= 0 {
			continue
		}
		f := regexp.QuoteMeta(m.File)
		// file:line (with an optional ./ or directory before the name), and
		// Python's "file", line N.
		re := regexp.MustCompile(`(^|[^\w.-])(?:\./)?` + f + `(:|", line )(\d+)`)
		msg = re.ReplaceAllStringFunc(msg, func(s string) string {
			sm := re.FindStringSubmatch(s)
			n, err := strconv.Atoi(sm[3])
			if err != nil || n < m.Start || n >= m.Start+m.Count {
				return s
			}
			return sm[1] + p.UserFile + sm[2] + strconv.Itoa(n-m.Start+1)
		})
	}
	return msg
}
