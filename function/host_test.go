package function

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func hostSig(t testing.TB, yml string) *Signature {
	t.Helper()
	s, err := ParseBytes([]byte(yml))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

const hostTwoSum = `{"name": "twoSum", "params": [{"name": "nums", "type": "integer[]"}, {"name": "target", "type": "integer"}], "return": {"type": "integer[]"}}`

const hostLRU = `
classname: LRUCache
constructor: {params: [{name: capacity, type: integer}]}
methods:
  - {name: get, params: [{name: key, type: integer}], return: {type: integer}}
  - {name: put, params: [{name: key, type: integer}, {name: value, type: integer}], return: {type: void}}
systemdesign: true
`

func TestParseTest(t *testing.T) {
	treeSig := `{"name": "f", "params": [{"name": "root", "type": "TreeNode"}, {"name": "c", "type": "character[][]"}, {"name": "l", "type": "long"}], "return": {"type": "boolean"}}`
	tests := []struct {
		sig, in  string
		wantLine string
		wantErr  string
	}{
		{hostTwoSum, "[2,7,11,15]\n9\n", `[[2,7,11,15],9]`, ""},
		{hostTwoSum, "[ 2, 7 ]\r\n  9", `[[2,7],9]`, ""},
		{hostTwoSum, "[2,7]\n", "", "has 1 values; twoSum takes 2"},
		{hostTwoSum, "[2,7]\n9\n1\n", "", "has 3 values"},
		{hostTwoSum, "[2,\"7\"]\n9\n", "", `parameter nums (integer[]): at index 1: "7": want an integer`},
		{hostTwoSum, "[2,7]\n2147483648\n", "", "2147483648: want a 32-bit integer"},
		{hostTwoSum, "[2,7]\n9.0\n", "", "want a 32-bit integer"},
		{hostTwoSum, "[2,7\n9\n", "", "parameter nums (integer[]): at index 1: 9: want , or ]"},
		{hostTwoSum, "{\"a\":1}\n9\n", "", "want an array"},
		{treeSig, "[1,null,2,null,null]\n[[\"a\",\"\\\"\"]]\n-9223372036854775808\n", `[[1,null,2],[["a","\""]],-9223372036854775808]`, ""},
		{treeSig, "[]\n[]\n0\n", `[[],[],0]`, ""},
		{treeSig, "[null,1]\n[]\n0\n", "", "root is null"},
		{treeSig, "[1,null,null,2]\n[]\n0\n", "", "no parent"},
		{treeSig, "[1]\n[[\"ab\"]]\n0\n", "", "one ASCII character"},
		{treeSig, "[1]\n[[\"é\"]]\n0\n", "", "one ASCII character"},
		{treeSig, "[1]\n[]\n9223372036854775808\n", "", "64-bit integer"},
		{hostLRU, "[\"LRUCache\",\"put\",\"get\"]\n[[2],[1,1],[1]]\n", `[["LRUCache","put","get"],[[2],[1,1],[1]]]`, ""},
		{hostLRU, "[\"LRU\",\"put\"]\n[[2],[1,1]]\n", "", "want the class LRUCache"},
		{hostLRU, "[\"LRUCache\",\"pop\"]\n[[2],[]]\n", "", "has no method \"pop\""},
		{hostLRU, "[\"LRUCache\",\"put\"]\n[[2],[1]]\n", "", "1 arguments, want 2"},
		{hostLRU, "[\"LRUCache\",\"put\"]\n[[2]]\n", "", "2 names and 1 argument arrays"},
		{hostLRU, "[\"LRUCache\"]\n", "", "has 1 values"},
		{`{"name": "f", "params": [{"name": "s", "type": "string"}], "return": {"type": "string"}}`, "\"\\ud83d\\ude00 \\\"q\\\" \\\\\"\n", `["\ud83d\ude00 \"q\" \\"]`, ""},
		{`{"name": "f", "params": [{"name": "s", "type": "string"}], "return": {"type": "string"}}`, "\"\xff\"\n", "", "not UTF-8"},
		{`{"name": "f", "params": [{"name": "x", "type": "double"}], "return": {"type": "double"}}`, "1e400\n", "", "out of the range"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			s := hostSig(t, tt.sig)
			got, err := s.ParseTest([]byte(tt.in))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one saying %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if line := string(got.Line()); line != tt.wantLine {
				t.Errorf("line %s, want %s", line, tt.wantLine)
			}
		})
	}
}

func TestCheck(t *testing.T) {
	sig := func(ret, compare string) string {
		return `{"name": "f", "params": [{"name": "x", "type": "integer"}], "return": {"type": "` + ret + `"}, "compare": ` + compare + `}`
	}
	tests := []struct {
		sig, in, expected, got string
		ok                     bool
		msg                    string // part of the message
	}{
		{sig("integer[]", "{}"), "1", "[0,1]", "[0,1]", true, ""},
		{sig("integer[]", "{}"), "1", "[0,1]", " [ 0 , 1 ] ", true, ""},
		{sig("integer[]", "{}"), "1", "[1,2,3,5]", "[1,2,3,4]", false, "at index 3: expected 5, got 4"},
		{sig("integer[]", "{}"), "1", "[1,2]", "[1,2,3]", false, "expected 2 elements, got 3"},
		{sig("integer[]", "{}"), "1", "[0,1]", "[1,0]", false, "at index 0: expected 0, got 1"},
		{sig("integer[]", "{}"), "1", "[0,1]", "null", false, "expected [0,1], got null"},
		{sig("integer[]", "{}"), "1", "[0,1]", "[0,1", false, "not JSON"},
		{sig("integer[]", "{}"), "1", "[0,1]", "[0,1] 5", false, "not JSON"},
		{sig("integer[]", `{unordered: top}`), "1", "[0,1]", "[1,0]", true, ""},
		{sig("integer[]", `{unordered: top}`), "1", "[0,1,1]", "[1,0,0]", false, "order ignored"},
		{sig("integer[][]", `{unordered: top}`), "1", "[[1,2],[3]]", "[[3],[1,2]]", true, ""},
		{sig("integer[][]", `{unordered: top}`), "1", "[[1,2],[3]]", "[[3],[2,1]]", false, "order ignored"},
		{sig("integer[][]", `{unordered: all}`), "1", "[[1,2],[3]]", "[[3],[2,1]]", true, ""},
		{sig("list<list<string>>", `{unordered: all}`), "1", `[["eat","tea"],["tan"]]`, `[["tan"],["tea","eat"]]`, true, ""},
		{sig("TreeNode[]", `{unordered: all}`), "1", `[[1,null,2],[3]]`, `[[3],[1,null,2]]`, true, ""},
		{sig("TreeNode[]", `{unordered: all}`), "1", `[[1,null,2],[3]]`, `[[3],[1,2]]`, false, "order ignored"},
		{sig("long", "{}"), "1", "9223372036854775807", "9223372036854775806", false, "expected 9223372036854775807, got 9223372036854775806"},
		{sig("long", "{}"), "1", "9223372036854775807", "9223372036854775807", true, ""},
		{sig("long[]", `{unordered: top}`), "1", "[9223372036854775807,9223372036854775806]", "[9223372036854775806,9223372036854775807]", true, ""},
		{sig("integer", "{}"), "1", "5", "5.0", true, ""},
		{sig("integer", "{}"), "1", "5", "\"5\"", false, `expected 5, got "5"`},
		{sig("double", "{}"), "1", "2.00000", "2", true, ""},
		{sig("double", "{}"), "1", "2.00000", "2.000009", true, ""},
		{sig("double", "{}"), "1", "2.00000", "2.00002", false, "expected 2.00000, got 2.00002"},
		{sig("double", "{}"), "1", "1e300", "1.0000000001e300", true, ""},
		{sig("double", "{float_tolerance: 1e-12}"), "1", "1e-7", "0.0000001", true, ""},
		{sig("double", "{float_tolerance: 1e-12}"), "1", "1e-7", "0.00000", false, "expected 1e-7"},
		{sig("double", "{}"), "1", "-0.0", "0", true, ""},
		{sig("double", "{}"), "1", "1.5", `"NaN"`, false, `got "NaN"`},
		{sig("double[]", "{}"), "1", "[1.5,2.5]", "[1.500001,2.499999]", true, ""},
		{sig("string", "{}"), "1", `"a\"b\\c\n😀"`, `"a\"b\\c\n\ud83d\ude00"`, true, ""},
		{sig("string", "{}"), "1", `"abc"`, `"abd"`, false, `expected "abc", got "abd"`},
		{sig("boolean", "{}"), "1", "true", "false", false, "expected true, got false"},
		{sig("ListNode", "{}"), "1", "[1,2,3]", "[1,2]", false, "expected 3 elements, got 2"},
		{sig("TreeNode", "{}"), "1", "[1,null,2]", "[1,2]", false, "at index 1: expected null, got 2"},
		{hostLRU, "[\"LRUCache\",\"put\",\"put\",\"get\",\"put\",\"get\"]\n[[2],[1,1],[2,2],[1],[3,3],[2]]\n",
			"[null,null,null,1,null,-1]", "[null,null,null,1,null,-1]", true, ""},
		{hostLRU, "[\"LRUCache\",\"put\",\"put\",\"get\",\"put\",\"get\"]\n[[2],[1,1],[2,2],[1],[3,3],[2]]\n",
			"[null,null,null,1,null,-1]", "[null,null,null,-1,null,-1]", false, "call 4 get(1): expected 1, got -1"},
		{hostLRU, "[\"LRUCache\",\"get\"]\n[[2],[1]]\n", "[null,-1]", "[null,-1,5]", false, "expected 2 results, got 3"},
	}
	for _, tt := range tests {
		t.Run(tt.expected+" "+tt.got, func(t *testing.T) {
			s := hostSig(t, tt.sig)
			test, err := s.ParseTest([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if err := s.CheckAnswer(test, []byte(tt.expected)); err != nil {
				t.Fatalf("CheckAnswer: %v", err)
			}
			ok, msg, err := s.Check(test, []byte(tt.expected), []byte(tt.got))
			if err != nil {
				t.Fatal(err)
			}
			if ok != tt.ok || !strings.Contains(msg, tt.msg) {
				t.Errorf("Check = %v %q, want %v and a message holding %q", ok, msg, tt.ok, tt.msg)
			}
		})
	}
}

func TestCmpNumber(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"1", "2", -1}, {"2", "1", 1}, {"5", "5.0", 0}, {"-0.0", "0", 0}, {"1e2", "100", 0},
		{"9223372036854775807", "9223372036854775806", 1},
		{"123456789012345678901234567890", "123456789012345678901234567891", -1},
		{"1e400", "1e300", 1}, {"2.5", "2.50000", 0},
	}
	for _, tt := range tests {
		if got := cmpNumber(json.Number(tt.a), json.Number(tt.b)); got != tt.want {
			t.Errorf("cmpNumber(%s, %s) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestCheckAnswer(t *testing.T) {
	s := hostSig(t, hostLRU)
	test, err := s.ParseTest([]byte("[\"LRUCache\",\"put\",\"get\"]\n[[2],[1,1],[1]]\n"))
	if err != nil {
		t.Fatal(err)
	}
	for ans, want := range map[string]string{
		"[null,null,1]":    "",
		"[null,null]":      "want an array of 3 results",
		"[1,null,1]":       "call 1 LRUCache (void)",
		"[null,5,1]":       "call 2 put (void)",
		"[null,null,\"\"]": "call 3 get (integer)",
		"[null,null,1] x":  "text after",
	} {
		err := s.CheckAnswer(test, []byte(ans))
		if (want == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), want) {
			t.Errorf("CheckAnswer(%s) = %v, want %q", ans, err, want)
		}
	}
}

func TestParseResults(t *testing.T) {
	rs, err := ParseResults([]byte("{\"ok\":true,\"value\":[1],\"ns\":5}\n{\"ok\":false,\"error\":\"boom\",\"ns\":7}\n{\"ok\":true,\"val"))
	if err != nil || len(rs) != 2 || string(rs[0].Value) != "[1]" || rs[0].NS != 5 || rs[1].OK || rs[1].Error != "boom" {
		t.Fatalf("got %+v, %v", rs, err)
	}
	rs, err = ParseResults([]byte("{\"ok\":true,\"value\":1,\"ns\":5}\nnot json\n{\"ok\":true,\"value\":2,\"ns\":5}\n"))
	if err == nil || len(rs) != 1 {
		t.Fatalf("got %+v, %v; want one result and an error", rs, err)
	}
	if _, err := ParseResults([]byte("{\"ok\":true,\"ns\":5}\n")); err == nil {
		t.Error("a result without a value was accepted")
	}
}

func TestMapMessage(t *testing.T) {
	p := &Program{UserFile: "solution.js", Maps: []LineMap{{File: "main.js", Start: 2, Count: 10}}}
	tests := map[string]string{
		"/box/main.js:8\n  x +* 2":        "/box/solution.js:7\n  x +* 2",
		"main.js:2:5: error":              "solution.js:1:5: error",
		"./main.js:11: error":             "solution.js:10: error",
		"main.js:12: driver":              "main.js:12: driver",
		"main.js:1: driver":               "main.js:1: driver",
		`File "main.js", line 3, in f`:    `File "solution.js", line 2, in f`,
		"at f (main.js:4:1)":              "at f (solution.js:3:1)",
		"xmain.js:4 other.main.js:4 fine": "xmain.js:4 other.main.js:4 fine",
	}
	for in, want := range tests {
		if got := MapMessage(in, p); got != want {
			t.Errorf("MapMessage(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestGoImports(t *testing.T) {
	tests := []struct {
		user string
		want []string // imports in the header
		not  []string
	}{
		{"func f(a []int) { sort.Ints(a); _ = strings.Repeat(\"x\", 2) }\n", []string{`import "sort"`, `import "strings"`}, nil},
		{"func f() int { return bits.OnesCount(3) + heap.Len(nil) }\n", []string{`import "math/bits"`, `import "container/heap"`}, nil},
		// A local variable named like a package is not the package.
		{"func f() { list := []int{}; _ = list; sort := 1; _ = sort }\n", nil, []string{"container/list", `"sort"`}},
		{"type T struct{}\nfunc (t T) Len() int { return 0 }\nvar math = T{}\nfunc f() int { return math.Len() }\n", nil, []string{`"math"`}},
		// The user's own imports are kept and not doubled.
		{"import \"sort\"\n\nfunc f(a []int) { sort.Ints(a); fmt.Println(a) }\n", []string{`import "fmt"`}, []string{`import "sort"` + "\n\n//line"}},
	}
	for _, tt := range tests {
		got := string(goSolution([]byte(tt.user)))
		header, _, _ := strings.Cut(got, "//line")
		for _, w := range tt.want {
			if !strings.Contains(header, w) {
				t.Errorf("%q: header %q lacks %s", tt.user, header, w)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(header, n) {
				t.Errorf("%q: header %q has %s", tt.user, header, n)
			}
		}
		if !strings.HasSuffix(got, "//line solution.go:1:1\n"+tt.user) {
			t.Errorf("%q: the user's code does not follow a //line directive:\n%s", tt.user, got)
		}
	}
	withPackage := "package main\n\nimport \"sort\"\n\nfunc f(a []int) { sort.Ints(a) }\n"
	if got := string(goSolution([]byte(withPackage))); got != withPackage {
		t.Errorf("code with a package clause changed:\n%s", got)
	}
}

// TestGenerators checks that every driver generator of this package makes
// a program and a starter for function, void in-place and design problems.
func TestGenerators(t *testing.T) {
	sigs := map[string]string{
		"function": hostTwoSum,
		"void":     `{"name": "rotate", "params": [{"name": "matrix", "type": "integer[][]"}], "return": {"type": "void"}, "output": {"paramindex": 0}}`,
		"lists":    `{"name": "merge", "params": [{"name": "lists", "type": "ListNode[]"}, {"name": "t", "type": "TreeNode"}], "return": {"type": "list<list<character>>"}}`,
		"design":   hostLRU,
	}
	for _, id := range []string{"python", "javascript", "go"} {
		gen, err := GeneratorFor(id)
		if err != nil {
			t.Fatal(err)
		}
		for name, yml := range sigs {
			s := hostSig(t, yml)
			st, err := gen.Starter(s)
			if err != nil || st == "" {
				t.Errorf("%s %s: starter %q, %v", id, name, st, err)
			}
			p, err := gen.Program(s, []byte("user code\n"))
			if err != nil {
				t.Fatalf("%s %s: %v", id, name, err)
			}
			if len(p.Files) == 0 || p.UserFile == "" {
				t.Errorf("%s %s: program %+v", id, name, p)
			}
		}
	}
	if _, err := GeneratorFor("cobol"); !errors.Is(err, ErrNoDriver) {
		t.Errorf("GeneratorFor(cobol) = %v, want ErrNoDriver", err)
	}
}

// FuzzCompare checks the value codec and the comparison on any input: no
// panic; a value checked against a type encodes to JSON that reads back
// equal to it; every value equals itself; order does not matter where the
// comparison ignores it.
func FuzzCompare(f *testing.F) {
	f.Add("integer[]", "[1,2,3]", "[3,2,1]", uint8(0))
	f.Add("integer[][]", "[[1,2],[3]]", "[[3],[2,1]]", uint8(2))
	f.Add("double", "2.50000", "2.5", uint8(0))
	f.Add("long[]", "[9223372036854775807,-9223372036854775808]", "[-9223372036854775808,9223372036854775807]", uint8(1))
	f.Add("string", `"a\"b\\c\n\ud83d\ude00"`, `"a\"b\\c\n😀"`, uint8(0))
	f.Add("TreeNode", "[1,null,2,null,null]", "[1,null,2]", uint8(0))
	f.Add("list<list<string>>", `[["eat","tea"],["tan"],[]]`, `[[],["tan"],["tea","eat"]]`, uint8(2))
	f.Add("character[][]", `[["a","\""],[]]`, `[["a","\""],[]]`, uint8(0))
	f.Add("double[]", "[1e-7,-0.0,1e300,5e-324]", "[1e-07,0,1e+300,5e-324]", uint8(1))
	f.Add("boolean", "true", "false", uint8(0))
	f.Add("ListNode", "[]", "null", uint8(0))
	f.Fuzz(func(t *testing.T, typ, a, b string, mode uint8) {
		ty, err := ParseType(typ)
		if err != nil || ty.Kind == Void {
			return
		}
		unordered := []string{"none", "top", "all"}[mode%3]
		s := &Signature{Name: "f", Params: []Param{{Name: "x", Type: ty.String(), T: ty}}, Return: Return{Type: ty.String(), T: ty},
			Compare: Compare{Unordered: unordered, FloatTolerance: DefaultFloatTolerance}}
		test := &Test{}
		// Neither may panic, whatever the input.
		s.Check(test, []byte(a), []byte(b))
		s.Check(test, []byte(b), []byte(a))
		enc, err := encodeValue(ty, json.RawMessage(a))
		if err != nil {
			return
		}
		if !json.Valid(enc) {
			t.Fatalf("encodeValue(%s, %s) = %s: not JSON", ty, a, enc)
		}
		again, err := encodeValue(ty, enc)
		if err != nil || string(again) != string(enc) {
			t.Fatalf("encodeValue not idempotent: %s -> %s -> %s, %v", a, enc, again, err)
		}
		if err := s.CheckAnswer(test, enc); err != nil {
			t.Fatalf("CheckAnswer(%s) after encodeValue: %v", enc, err)
		}
		for _, pair := range [][2][]byte{{enc, enc}, {enc, []byte(a)}} {
			if ok, msg, err := s.Check(test, pair[0], pair[1]); !ok || err != nil {
				t.Fatalf("Check(%s, %s) = %v %q %v, want equal", pair[0], pair[1], ok, msg, err)
			}
		}
		if ty.Kind == Array && unordered != "none" {
			var elems []json.RawMessage
			if json.Unmarshal(enc, &elems) == nil && len(elems) > 1 {
				rev := make([]string, len(elems))
				for i, e := range elems {
					rev[len(elems)-1-i] = string(e)
				}
				r := "[" + strings.Join(rev, ",") + "]"
				if ok, msg, err := s.Check(test, enc, []byte(r)); !ok || err != nil {
					t.Fatalf("unordered %s: Check(%s, %s) = %v %q %v, want equal", unordered, enc, r, ok, msg, err)
				}
			}
		}
	})
}

func TestIntFits(t *testing.T) {
	tests := []struct {
		tok  string
		bits int
		want bool
	}{
		{"0", 32, true}, {"-0", 32, true}, {"2147483647", 32, true}, {"2147483648", 32, false},
		{"-2147483648", 32, true}, {"-2147483649", 32, false}, {"9223372036854775807", 64, true},
		{"9223372036854775808", 64, false}, {"-9223372036854775808", 64, true}, {"-9223372036854775809", 64, false},
		{"18446744073709551616", 64, false}, {"99999999999999999999", 64, false}, {"19999999999999999999", 64, false},
		{"1.0", 32, false}, {"1e3", 32, false}, {"", 32, false}, {"-", 32, false},
	}
	for _, tt := range tests {
		if got := intFits([]byte(tt.tok), tt.bits); got != tt.want {
			t.Errorf("intFits(%s, %d) = %v, want %v", tt.tok, tt.bits, got, tt.want)
		}
	}
}

// TestDriverSigNoConstructorParams: a design problem whose constructor
// takes nothing still tells the drivers so (an empty list, not a missing
// key).
func TestDriverSigNoConstructorParams(t *testing.T) {
	s := hostSig(t, "classname: MinStack\nmethods: [{name: top, params: [], return: {type: integer}}]\n")
	if j := s.driverSigJSON(); !strings.Contains(j, `"ctor":[]`) {
		t.Errorf("driver signature %s has no empty ctor", j)
	}
}
