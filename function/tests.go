package function

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Test is one test of a function problem, read from its .in text
// (LeetCode's test text: one JSON value per parameter; for a design
// problem two values, the call names and their argument arrays).
type Test struct {
	// Args are the arguments of a function problem, one per parameter,
	// as compact JSON.
	Args []json.RawMessage
	// Calls are the calls of a design problem; Calls[0] constructs the
	// object.
	Calls []Call
}

// Call is one call of a design problem's test.
type Call struct {
	Method string
	Args   []json.RawMessage
}

// String shows the call as people write it: get(1), put(2,2).
func (c Call) String() string {
	var b strings.Builder
	b.WriteString(c.Method)
	b.WriteByte('(')
	for i, a := range c.Args {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(a)
	}
	b.WriteByte(')')
	return clip(b.String(), 120)
}

// ParseTest reads a test's .in text and checks every value against the
// signature's types. TreeNode values lose their trailing nulls; the rest
// is kept as written (escapes included), compacted.
func (s *Signature) ParseTest(in []byte) (*Test, error) {
	if !utf8.Valid(in) {
		return nil, errors.New("function: test input: not UTF-8 text")
	}
	var types []*Type
	if !s.Design() {
		for _, p := range s.Params {
			types = append(types, p.T)
		}
	}
	vals, err := scanValues(in, types)
	if err != nil {
		var ve *valueError
		if errors.As(err, &ve) && ve.k < len(s.Params) && !s.Design() {
			p := s.Params[ve.k]
			return nil, fmt.Errorf("function: test input: parameter %s (%s): %w", p.Name, p.T, ve.err)
		}
		return nil, fmt.Errorf("function: test input: %w", err)
	}
	t := &Test{}
	if !s.Design() {
		if len(vals) != len(s.Params) {
			return nil, fmt.Errorf("function: test input has %d values; %s takes %d parameters (one JSON value a line)", len(vals), s.Name, len(s.Params))
		}
		for _, v := range vals {
			t.Args = append(t.Args, v)
		}
		return t, nil
	}
	if len(vals) != 2 {
		return nil, fmt.Errorf("function: test input has %d values; a design problem's test is two lines, the call names and their arguments", len(vals))
	}
	var names []string
	if err := json.Unmarshal(vals[0], &names); err != nil {
		return nil, fmt.Errorf("function: test input line 1: want a JSON array of names: %w", err)
	}
	var args []json.RawMessage
	if err := json.Unmarshal(vals[1], &args); err != nil || args == nil {
		return nil, fmt.Errorf("function: test input line 2: want a JSON array of argument arrays")
	}
	if len(names) == 0 || len(names) != len(args) {
		return nil, fmt.Errorf("function: test input: %d names and %d argument arrays; want as many, at least one", len(names), len(args))
	}
	if names[0] != s.ClassName {
		return nil, fmt.Errorf("function: test input: the first call is %q; want the class %s", names[0], s.ClassName)
	}
	for i, name := range names {
		m := s.Constructor
		if i > 0 {
			m = s.Method(name)
			if m == nil {
				return nil, fmt.Errorf("function: test input: call %d: %s has no method %q", i+1, s.ClassName, name)
			}
		}
		var as []json.RawMessage
		if err := json.Unmarshal(args[i], &as); err != nil || as == nil {
			return nil, fmt.Errorf("function: test input: call %d %s: the arguments are not a JSON array", i+1, name)
		}
		if len(as) != len(m.Params) {
			return nil, fmt.Errorf("function: test input: call %d %s: %d arguments, want %d", i+1, name, len(as), len(m.Params))
		}
		c := Call{Method: name}
		for k, p := range m.Params {
			v, err := encodeValue(p.T, as[k])
			if err != nil {
				return nil, fmt.Errorf("function: test input: call %d %s: parameter %s (%s): %w", i+1, name, p.Name, p.T, err)
			}
			c.Args = append(c.Args, v)
		}
		t.Calls = append(t.Calls, c)
	}
	return t, nil
}

// Method returns the design problem's method of that name, or nil.
func (s *Signature) Method(name string) *Method {
	for i := range s.Methods {
		if s.Methods[i].Name == name {
			return &s.Methods[i]
		}
	}
	return nil
}

// Line is the test as the driver reads it: one line (without its
// newline) of standard input (see Generator).
func (t *Test) Line() []byte {
	var b bytes.Buffer
	b.WriteByte('[')
	if t.Calls == nil {
		for i, a := range t.Args {
			if i > 0 {
				b.WriteByte(',')
			}
			b.Write(a)
		}
	} else {
		b.WriteByte('[')
		for i, c := range t.Calls {
			if i > 0 {
				b.WriteByte(',')
			}
			name, _ := json.Marshal(c.Method)
			b.Write(name)
		}
		b.WriteString("],[")
		for i, c := range t.Calls {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteByte('[')
			for k, a := range c.Args {
				if k > 0 {
					b.WriteByte(',')
				}
				b.Write(a)
			}
			b.WriteByte(']')
		}
		b.WriteByte(']')
	}
	b.WriteByte(']')
	return b.Bytes()
}

// Input is the driver's standard input for the tests, in order.
func Input(tests []*Test) []byte {
	var b bytes.Buffer
	for _, t := range tests {
		b.Write(t.Line())
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// encodeValue checks one JSON value against t and returns it compacted
// (TreeNode: trailing nulls removed).
func encodeValue(t *Type, raw json.RawMessage) (json.RawMessage, error) {
	if !utf8.Valid(raw) {
		return nil, errors.New("not UTF-8 text")
	}
	p := &jsonScanner{s: raw}
	if err := p.value(t, 0); err != nil {
		return nil, err
	}
	p.ws()
	if p.i != len(p.s) {
		return nil, fmt.Errorf("%s: text after the value", p.token())
	}
	return p.out, nil
}

// checkScalar checks a decoded scalar against t.
func checkScalar(t *Type, v any) error {
	switch t.Kind {
	case Integer, Long:
		n, ok := v.(json.Number)
		if !ok {
			return fmt.Errorf("%s: want an integer", show(v))
		}
		bits := 32
		if t.Kind == Long {
			bits = 64
		}
		if _, err := strconv.ParseInt(string(n), 10, bits); err != nil {
			return fmt.Errorf("%s: want a %d-bit integer", n, bits)
		}
	case Double:
		n, ok := v.(json.Number)
		if !ok {
			return fmt.Errorf("%s: want a number", show(v))
		}
		if f, err := strconv.ParseFloat(string(n), 64); err != nil || math.IsInf(f, 0) {
			return fmt.Errorf("%s: out of the range of a double", n)
		}
	case Boolean:
		if _, ok := v.(bool); !ok {
			return fmt.Errorf("%s: want true or false", show(v))
		}
	case Character:
		s, ok := v.(string)
		if !ok || len(s) != 1 || s[0] >= utf8.RuneSelf {
			return fmt.Errorf("%s: want a string of one ASCII character", show(v))
		}
	case String:
		if _, ok := v.(string); !ok {
			return fmt.Errorf("%s: want a string", show(v))
		}
	default:
		return fmt.Errorf("no value of type %s", t)
	}
	return nil
}

// show writes a decoded value as compact JSON, clipped for messages.
func show(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Sprint(v)
	}
	return clip(strings.TrimSuffix(b.String(), "\n"), 100)
}

// clip cuts s to about n bytes, on a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
