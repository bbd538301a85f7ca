package function

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// CheckAnswer checks a test's expected answer (its .ans text: one JSON
// value) against the signature: the result type, or for a design problem
// an array with one entry a call, null for the constructor and void
// methods.
func (s *Signature) CheckAnswer(t *Test, ans []byte) error {
	v, err := decodeOne(ans)
	if err != nil {
		return fmt.Errorf("function: answer: %w", err)
	}
	if !s.Design() {
		if err := checkValue(s.ResultType(), v); err != nil {
			return fmt.Errorf("function: answer (%s): %w", s.ResultType(), err)
		}
		return nil
	}
	arr, ok := v.([]any)
	if !ok || len(arr) != len(t.Calls) {
		return fmt.Errorf("function: answer: want an array of %d results, one a call", len(t.Calls))
	}
	for i, c := range t.Calls {
		rt := &Type{Kind: Void}
		if i > 0 {
			rt = s.Method(c.Method).Return.T
		}
		if err := checkValue(rt, arr[i]); err != nil {
			return fmt.Errorf("function: answer: call %d %s (%s): %w", i+1, c.Method, rt, err)
		}
	}
	return nil
}

// checkValue checks a decoded value against t.
func checkValue(t *Type, v any) error {
	switch t.Kind {
	case Void:
		if v != nil {
			return fmt.Errorf("%s: want null", show(v))
		}
		return nil
	case Array, ListNode, TreeNode:
		arr, ok := v.([]any)
		if !ok {
			return fmt.Errorf("%s: want an array", show(v))
		}
		for i, e := range arr {
			var err error
			switch t.Kind {
			case Array:
				err = checkValue(t.Elem, e)
			case ListNode:
				err = checkScalar(&Type{Kind: Integer}, e)
			case TreeNode:
				if e != nil {
					err = checkScalar(&Type{Kind: Integer}, e)
				}
			}
			if err != nil {
				return fmt.Errorf("at index %d: %w", i, err)
			}
		}
		return nil
	}
	return checkScalar(t, v)
}

// Check compares a result (got, as the driver wrote it) with the expected
// answer of test t: JSON equality after parsing, integers exactly (64-bit
// included), doubles within Compare.FloatTolerance (absolute or
// relative), arrays in any order at the top level or at every level when
// Compare.Unordered says so. The message names the first difference. An
// error means the expected answer itself is not JSON (a judge error).
func (s *Signature) Check(t *Test, expected, got []byte) (ok bool, msg string, err error) {
	// The same text, white space aside, is the same value in every mode.
	if ce, cg := compact(expected), compact(got); ce != nil && cg != nil && bytes.Equal(ce, cg) {
		return true, "", nil
	}
	e, err := decodeOne(expected)
	if err != nil {
		return false, "", fmt.Errorf("function: answer: %w", err)
	}
	g, err := decodeOne(got)
	if err != nil {
		return false, fmt.Sprintf("the result is not JSON: %v", err), nil
	}
	c := comparer{tol: s.Compare.FloatTolerance, unordered: s.Compare.Unordered}
	if !s.Design() {
		if d := c.diff(s.ResultType(), e, g, nil, 0); d != "" {
			return false, d, nil
		}
		return true, "", nil
	}
	ea, ok1 := e.([]any)
	ga, ok2 := g.([]any)
	if !ok1 || !ok2 {
		return false, fmt.Sprintf("expected %s, got %s", show(e), show(g)), nil
	}
	if len(ga) != len(ea) {
		return false, fmt.Sprintf("expected %d results, got %d", len(ea), len(ga)), nil
	}
	for i := range ea {
		rt := &Type{Kind: Void}
		call := ""
		if t != nil && i < len(t.Calls) {
			call = " " + t.Calls[i].String()
			if m := s.Method(t.Calls[i].Method); i > 0 && m != nil {
				rt = m.Return.T
			}
		}
		if d := c.diff(rt, ea[i], ga[i], nil, 0); d != "" {
			return false, fmt.Sprintf("call %d%s: %s", i+1, call, d), nil
		}
	}
	return true, "", nil
}

// compact is b without white space outside strings, or nil when b is not
// one JSON value.
func compact(b []byte) []byte {
	p := &jsonScanner{s: b, out: make([]byte, 0, len(b))}
	if !utf8.Valid(b) || p.value(nil, 0) != nil {
		return nil
	}
	if p.ws(); p.i != len(p.s) {
		return nil
	}
	return p.out
}

// decodeOne decodes exactly one JSON value, numbers as json.Number.
func decodeOne(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(b[dec.InputOffset():])) > 0 {
		return nil, fmt.Errorf("text after the JSON value")
	}
	return v, nil
}

type comparer struct {
	tol       float64
	unordered string // none, top, all
}

// diff returns "" when g equals e as type t, else where and how they
// differ. path holds the array indices down to here; level counts array
// levels of the result type (for unordered).
func (c comparer) diff(t *Type, e, g any, path []int, level int) string {
	if t == nil {
		t = &Type{Kind: Void}
	}
	switch t.Kind {
	case Array, ListNode, TreeNode:
		ea, ok1 := e.([]any)
		ga, ok2 := g.([]any)
		if !ok1 || !ok2 {
			return c.differs(path, e, g)
		}
		elem := t.Elem
		if t.Kind != Array {
			elem = &Type{Kind: Integer}
		}
		if t.Kind == TreeNode {
			ea, ga = trimNulls(ea), trimNulls(ga)
		}
		sorted := false
		if t.Kind == Array && (c.unordered == "all" || c.unordered == "top" && level == 0) {
			ea, ga = c.canonical(t, ea, level), c.canonical(t, ga, level)
			sorted = true
		}
		n := min(len(ea), len(ga))
		for i := 0; i < n; i++ {
			if d := c.diff(elem, ea[i], ga[i], append(path, i), level+1); d != "" {
				if sorted {
					return "(order ignored, values sorted) " + d
				}
				return d
			}
		}
		if len(ea) != len(ga) {
			where := ""
			if len(path) > 0 {
				where = "at " + pathString(path) + ": "
			}
			return fmt.Sprintf("%sexpected %d elements, got %d (expected %s, got %s)", where, len(ea), len(ga), show(e), show(g))
		}
		return ""
	case Double:
		en, ok1 := e.(json.Number)
		gn, ok2 := g.(json.Number)
		if !ok1 || !ok2 {
			return c.differs(path, e, g)
		}
		if !c.closeEnough(en, gn) {
			return c.differs(path, e, g)
		}
		return ""
	}
	if !c.equal(e, g) {
		return c.differs(path, e, g)
	}
	return ""
}

// trimNulls drops a level order's trailing nulls.
func trimNulls(a []any) []any {
	for len(a) > 0 && a[len(a)-1] == nil {
		a = a[:len(a)-1]
	}
	return a
}

// equal is exact equality of decoded values (numbers by value); a double
// met where the type is unknown (array of any) is compared within the
// tolerance.
func (c comparer) equal(e, g any) bool {
	switch ev := e.(type) {
	case nil:
		return g == nil
	case bool:
		gv, ok := g.(bool)
		return ok && gv == ev
	case string:
		gv, ok := g.(string)
		return ok && gv == ev
	case json.Number:
		gv, ok := g.(json.Number)
		return ok && cmpNumber(ev, gv) == 0
	case []any:
		ga, ok := g.([]any)
		if !ok || len(ga) != len(ev) {
			return false
		}
		for i := range ev {
			if !c.equal(ev[i], ga[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		gm, ok := g.(map[string]any)
		if !ok || len(gm) != len(ev) {
			return false
		}
		for k, v := range ev {
			gv, ok := gm[k]
			if !ok || !c.equal(v, gv) {
				return false
			}
		}
		return true
	}
	return false
}

// closeEnough compares doubles: equal, or within the tolerance absolute
// or relative to the expected value.
func (c comparer) closeEnough(e, g json.Number) bool {
	if cmpNumber(e, g) == 0 {
		return true
	}
	ef, err1 := strconv.ParseFloat(string(e), 64)
	gf, err2 := strconv.ParseFloat(string(g), 64)
	if err1 != nil || err2 != nil || math.IsInf(gf, 0) || math.IsNaN(gf) {
		return false
	}
	d := math.Abs(ef - gf)
	return d <= c.tol || d <= c.tol*math.Abs(ef)
}

func (c comparer) differs(path []int, e, g any) string {
	if len(path) == 0 {
		return fmt.Sprintf("expected %s, got %s", show(e), show(g))
	}
	return fmt.Sprintf("at %s: expected %s, got %s", pathString(path), show(e), show(g))
}

func pathString(path []int) string {
	if len(path) == 1 {
		return fmt.Sprintf("index %d", path[0])
	}
	var b strings.Builder
	b.WriteString("index ")
	for _, i := range path {
		fmt.Fprintf(&b, "[%d]", i)
	}
	return b.String()
}

// canonical returns a sorted copy of an array of type t (level: its
// depth in the result), its inner arrays sorted first when every level is
// unordered.
func (c comparer) canonical(t *Type, arr []any, level int) []any {
	out := make([]any, len(arr))
	copy(out, arr)
	if c.unordered == "all" && t.Elem.Kind == Array {
		for i, e := range out {
			if ea, ok := e.([]any); ok {
				out[i] = c.canonical(t.Elem, ea, level+1)
			}
		}
	}
	slices.SortStableFunc(out, cmpValue)
	return out
}

// cmpValue is a total order of decoded JSON values: null < false < true
// < numbers (by value) < strings < arrays (lexicographic) < objects.
func cmpValue(a, b any) int {
	ra, rb := rank(a), rank(b)
	if ra != rb {
		return ra - rb
	}
	switch av := a.(type) {
	case bool:
		if av == b.(bool) {
			return 0
		}
		if !av {
			return -1
		}
		return 1
	case json.Number:
		return cmpNumber(av, b.(json.Number))
	case string:
		return strings.Compare(av, b.(string))
	case []any:
		bv := b.([]any)
		for i := 0; i < len(av) && i < len(bv); i++ {
			if c := cmpValue(av[i], bv[i]); c != 0 {
				return c
			}
		}
		return len(av) - len(bv)
	}
	return 0
}

func rank(v any) int {
	switch v.(type) {
	case nil:
		return 0
	case bool:
		return 1
	case json.Number:
		return 2
	case string:
		return 3
	case []any:
		return 4
	}
	return 5
}

// cmpNumber orders two JSON numbers by value: integers exactly (beyond 64
// bits too), others as float64.
func cmpNumber(a, b json.Number) int {
	if a == b {
		return 0
	}
	ai, err1 := strconv.ParseInt(string(a), 10, 64)
	bi, err2 := strconv.ParseInt(string(b), 10, 64)
	if err1 == nil && err2 == nil {
		switch {
		case ai < bi:
			return -1
		case ai > bi:
			return 1
		}
		return 0
	}
	af, _ := strconv.ParseFloat(string(a), 64) // ±Inf when out of range
	bf, _ := strconv.ParseFloat(string(b), 64)
	switch {
	case af < bf:
		return -1
	case af > bf:
		return 1
	}
	// Equal as doubles: integers written in full are told apart exactly.
	if isIntLiteral(a) && isIntLiteral(b) {
		var x, y big.Int
		if _, ok := x.SetString(string(a), 10); ok {
			if _, ok := y.SetString(string(b), 10); ok {
				return x.Cmp(&y)
			}
		}
	}
	return 0
}

func isIntLiteral(n json.Number) bool {
	s := strings.TrimPrefix(string(n), "-")
	if s == "" || len(s) > 4096 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
