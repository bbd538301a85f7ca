package function

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"
)

// jsonScanner reads JSON text against a type in one pass, without building
// values: it checks the value (grammar, type, ranges) and writes it
// compacted to out (TreeNode level orders without their trailing nulls).
// The text must be valid UTF-8 (checked before).
type jsonScanner struct {
	s   []byte
	i   int
	out []byte
}

var errEnd = errors.New("unexpected end of the value")

func (p *jsonScanner) ws() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// value scans one value of type t (nil: any JSON value).
func (p *jsonScanner) value(t *Type, depth int) error {
	if depth > 10000 {
		return errors.New("nested too deep")
	}
	p.ws()
	if p.i >= len(p.s) {
		return errEnd
	}
	if t == nil {
		return p.any(depth)
	}
	c := p.s[p.i]
	switch t.Kind {
	case Array, ListNode:
		elem := t.Elem
		if t.Kind == ListNode {
			elem = &Type{Kind: Integer}
		}
		if c != '[' {
			return fmt.Errorf("%s: want an array", p.token())
		}
		return p.array(func(k int) error {
			if err := p.value(elem, depth+1); err != nil {
				return fmt.Errorf("at index %d: %w", k, err)
			}
			return nil
		})
	case TreeNode:
		if c != '[' {
			return fmt.Errorf("%s: want an array", p.token())
		}
		var nulls []bool
		var ends []int // len(p.out) after each element
		start := len(p.out)
		err := p.array(func(k int) error {
			p.ws()
			if p.lit("null") {
				p.out = append(p.out, "null"...)
				nulls = append(nulls, true)
			} else {
				if err := p.value(&Type{Kind: Integer}, depth+1); err != nil {
					return fmt.Errorf("at index %d: %w", k, err)
				}
				nulls = append(nulls, false)
			}
			ends = append(ends, len(p.out))
			return nil
		})
		if err != nil {
			return err
		}
		n := len(nulls)
		for n > 0 && nulls[n-1] {
			n--
		}
		if n < len(nulls) {
			// Drop the trailing nulls: keep through element n-1.
			end := start + 1 // "["
			if n > 0 {
				end = ends[n-1]
			}
			p.out = append(p.out[:end], ']')
		}
		return checkLevelOrder(nulls[:n])
	case Integer, Long:
		if c != '-' && (c < '0' || c > '9') {
			return fmt.Errorf("%s: want an integer", p.token())
		}
		tok, err := p.number()
		if err != nil {
			return err
		}
		bits := 32
		if t.Kind == Long {
			bits = 64
		}
		if !intFits(tok, bits) {
			return fmt.Errorf("%s: want a %d-bit integer", clip(string(tok), 60), bits)
		}
		return nil
	case Double:
		tok, err := p.number()
		if err != nil {
			return err
		}
		if f, err := strconv.ParseFloat(string(tok), 64); err != nil || math.IsInf(f, 0) {
			return fmt.Errorf("%s: out of the range of a double", clip(string(tok), 60))
		}
		return nil
	case Boolean:
		if p.lit("true") {
			p.out = append(p.out, "true"...)
			return nil
		}
		if p.lit("false") {
			p.out = append(p.out, "false"...)
			return nil
		}
		return fmt.Errorf("%s: want true or false", p.token())
	case Character, String:
		if c != '"' {
			return fmt.Errorf("%s: want a string", p.token())
		}
		start := len(p.out)
		n, ascii, err := p.str()
		if err != nil {
			return err
		}
		if t.Kind == Character && (n != 1 || !ascii) {
			return fmt.Errorf("%s: want a string of one ASCII character", clip(string(p.out[start:]), 60))
		}
		return nil
	}
	return fmt.Errorf("no value of type %s", t)
}

// array scans [ elem, ... ], calling elem for each element.
func (p *jsonScanner) array(elem func(k int) error) error {
	p.i++ // [
	p.out = append(p.out, '[')
	p.ws()
	if p.i < len(p.s) && p.s[p.i] == ']' {
		p.i++
		p.out = append(p.out, ']')
		return nil
	}
	for k := 0; ; k++ {
		if err := elem(k); err != nil {
			return err
		}
		p.ws()
		if p.i >= len(p.s) {
			return errEnd
		}
		switch p.s[p.i] {
		case ',':
			p.i++
			p.out = append(p.out, ',')
		case ']':
			p.i++
			p.out = append(p.out, ']')
			return nil
		default:
			return fmt.Errorf("at index %d: %s: want , or ]", k, p.token())
		}
	}
}

// any scans any JSON value.
func (p *jsonScanner) any(depth int) error {
	switch c := p.s[p.i]; {
	case c == '[':
		return p.array(func(int) error { return p.value(nil, depth+1) })
	case c == '{':
		p.i++
		p.out = append(p.out, '{')
		p.ws()
		if p.i < len(p.s) && p.s[p.i] == '}' {
			p.i++
			p.out = append(p.out, '}')
			return nil
		}
		for {
			p.ws()
			if p.i >= len(p.s) || p.s[p.i] != '"' {
				return fmt.Errorf("%s: want a key", p.token())
			}
			if _, _, err := p.str(); err != nil {
				return err
			}
			p.ws()
			if p.i >= len(p.s) || p.s[p.i] != ':' {
				return fmt.Errorf("%s: want :", p.token())
			}
			p.i++
			p.out = append(p.out, ':')
			if err := p.value(nil, depth+1); err != nil {
				return err
			}
			p.ws()
			if p.i >= len(p.s) {
				return errEnd
			}
			if p.s[p.i] == '}' {
				p.i++
				p.out = append(p.out, '}')
				return nil
			}
			if p.s[p.i] != ',' {
				return fmt.Errorf("%s: want , or }", p.token())
			}
			p.i++
			p.out = append(p.out, ',')
		}
	case c == '"':
		_, _, err := p.str()
		return err
	case c == '-' || c >= '0' && c <= '9':
		_, err := p.number()
		return err
	}
	for _, l := range []string{"true", "false", "null"} {
		if p.lit(l) {
			p.out = append(p.out, l...)
			return nil
		}
	}
	return fmt.Errorf("%s: not JSON", p.token())
}

// lit consumes the literal l if it comes next (followed by a delimiter).
func (p *jsonScanner) lit(l string) bool {
	if len(p.s)-p.i < len(l) || string(p.s[p.i:p.i+len(l)]) != l {
		return false
	}
	if j := p.i + len(l); j < len(p.s) && isIdentByte(p.s[j]) {
		return false
	}
	p.i += len(l)
	return true
}

func isIdentByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// number scans a JSON number and returns its text.
func (p *jsonScanner) number() ([]byte, error) {
	s, start := p.s, p.i
	i := p.i
	if i < len(s) && s[i] == '-' {
		i++
	}
	if i < len(s) && s[i] == '0' {
		i++
	} else if j := skipDigits(s, i); j > i {
		i = j
	} else {
		return nil, fmt.Errorf("%s: want a number", p.token())
	}
	if i < len(s) && s[i] == '.' {
		j := skipDigits(s, i+1)
		if j == i+1 {
			return nil, fmt.Errorf("%s: bad number", p.token())
		}
		i = j
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		j := skipDigits(s, i)
		if j == i {
			return nil, fmt.Errorf("%s: bad number", p.token())
		}
		i = j
	}
	if i < len(s) && (isIdentByte(s[i]) || s[i] == '.') {
		return nil, fmt.Errorf("%s: bad number", p.token())
	}
	p.i = i
	p.out = append(p.out, s[start:i]...)
	return s[start:i], nil
}

func skipDigits(s []byte, i int) int {
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

// intFits reports whether tok, a JSON number, is an integer literal that
// fits in bits bits.
func intFits(tok []byte, bits int) bool {
	neg := len(tok) > 0 && tok[0] == '-'
	d := tok
	if neg {
		d = d[1:]
	}
	if len(d) == 0 || len(d) > 19 { // 19 digits do not overflow a uint64
		return false
	}
	var v uint64
	for _, c := range d {
		if c < '0' || c > '9' {
			return false
		}
		v = v*10 + uint64(c-'0')
	}
	limit := uint64(1) << (bits - 1) // |min|
	if neg {
		return v <= limit
	}
	return v < limit
}

// str scans a JSON string, copying it as written; it returns the number
// of characters it holds and whether they are all ASCII.
func (p *jsonScanner) str() (n int, ascii bool, err error) {
	s := p.s
	i := p.i + 1
	ascii = true
	for {
		if i >= len(s) {
			return 0, false, errors.New("unterminated string")
		}
		c := s[i]
		switch {
		case c == '"':
			i++
			p.out = append(p.out, s[p.i:i]...)
			p.i = i
			return n, ascii, nil
		case c < 0x20:
			return 0, false, fmt.Errorf("control character %#x in a string (write it escaped)", c)
		case c == '\\':
			if i+1 >= len(s) {
				return 0, false, errors.New("unterminated string")
			}
			switch s[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+6 > len(s) {
					return 0, false, errors.New("bad \\u escape")
				}
				v, err := strconv.ParseUint(string(s[i+2:i+6]), 16, 16)
				if err != nil {
					return 0, false, fmt.Errorf("bad escape %q", s[i:i+6])
				}
				if v >= 0x80 {
					ascii = false
				}
				if v >= 0xdc00 && v < 0xe000 {
					n-- // the low half of a surrogate pair: one character with its high half
				}
				i += 6
			default:
				return 0, false, fmt.Errorf("bad escape %q", s[i:i+2])
			}
			n++
		case c < utf8.RuneSelf:
			i++
			n++
		default:
			_, size := utf8.DecodeRune(s[i:])
			i += size
			n++
			ascii = false
		}
	}
}

// token is the text at the scanner's position, for messages.
func (p *jsonScanner) token() string {
	end := p.i
	for end < len(p.s) && end-p.i < 40 && p.s[end] != ',' && p.s[end] != ']' && p.s[end] != '\n' {
		end++
	}
	if end == p.i {
		if p.i >= len(p.s) {
			return "end of input"
		}
		end++
	}
	return clip(string(p.s[p.i:end]), 40)
}

// checkLevelOrder checks a level order's shape (true: a null hole): the
// root is not null and every value has a parent.
func checkLevelOrder(nulls []bool) error {
	if len(nulls) == 0 {
		return nil
	}
	if nulls[0] {
		return errors.New("a tree's root is null but the level order goes on")
	}
	slots := 2
	for i := 1; i < len(nulls); i++ {
		if slots == 0 {
			return fmt.Errorf("at index %d: the value has no parent (all nodes before it are complete)", i)
		}
		slots--
		if !nulls[i] {
			slots += 2
		}
	}
	return nil
}

// scanValues reads the JSON values of text, each against its type (nil:
// any value), and returns them compacted. A value left over or missing is
// an error.
func scanValues(text []byte, types []*Type) ([][]byte, error) {
	p := &jsonScanner{s: text}
	var vals [][]byte
	for k := 0; ; k++ {
		p.ws()
		if p.i >= len(p.s) {
			return vals, nil
		}
		var t *Type
		if k < len(types) {
			t = types[k]
		}
		start := len(p.out)
		if err := p.value(t, 0); err != nil {
			return nil, &valueError{k, err}
		}
		vals = append(vals, p.out[start:len(p.out):len(p.out)])
	}
}

// valueError is an error in the k-th value (from 0) of a test's text.
type valueError struct {
	k   int
	err error
}

func (e *valueError) Error() string { return fmt.Sprintf("value %d: %v", e.k+1, e.err) }
func (e *valueError) Unwrap() error { return e.err }
