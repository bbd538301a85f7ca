package checker

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
)

const header11 = "Wrong answer on line 1 of output (corresponding to line 1 in answer file)\n"

func wa(outLine, ansLine int, msg string) string {
	return fmt.Sprintf("Wrong answer on line %d of output (corresponding to line %d in answer file)\n%s\n", outLine, ansLine, msg)
}

type defaultCase struct {
	name  string
	ans   string
	out   string
	flags string // space-separated flag words
	ok    bool   // want Accepted
	msg   string // wanted Message (for !ok)
}

var rocket = "\U0001F680"

// defaultCases are the unit cases of the default checker. Where a case says
// "after upstream X", its expected message is the one problemtools' test X
// expects; the inputs were completed by hand.
var defaultCases = []defaultCase{
	// Tokens and whitespace.
	{name: "identical", ans: "1 2 3\n", out: "1 2 3\n", ok: true},
	{name: "both empty", ans: "", out: "", ok: true},
	{name: "empty answer, whitespace output", ans: "", out: " \r\n\t", ok: true},
	{name: "whitespace answer, empty output", ans: "\n\n", out: "", ok: true},
	{name: "trailing spaces", ans: "1 2\n", out: "1 2   \n  \n", ok: true},
	{name: "no final newline in output", ans: "1 2\n", out: "1 2", ok: true},
	{name: "no final newline in answer", ans: "1 2", out: "1 2\n", ok: true},
	{name: "CRLF output", ans: "1 2\n3\n", out: "1 2\r\n3\r\n", ok: true},
	{name: "CRLF answer", ans: "1 2\r\n3\r\n", out: "1 2\n3\n", ok: true},
	{name: "leading whitespace", ans: "1", out: " \n\t1", ok: true},
	{name: "line breaks differ", ans: "1 2 3", out: "1\n2\n3\n", ok: true},
	{name: "vertical tab and form feed", ans: "a\vb\fc", out: "a b c", ok: true},
	{name: "NBSP is not whitespace", ans: "a b", out: "a\u00a0b",
		msg: wa(1, 1, "String tokens mismatch\nJudge: \"a\"\nUser: \"a\u00a0b\"")},
	{name: "string mismatch (after upstream test_simple_wa)", ans: "hello world\n", out: "hello there\n",
		msg: wa(1, 1, "String tokens mismatch\nJudge: \"world\"\nUser: \"there\"")},
	{name: "mismatch on line 3", ans: "a\nb\nc\n", out: "a\nb\nd\n",
		msg: wa(3, 3, "String tokens mismatch\nJudge: \"c\"\nUser: \"d\"")},
	{name: "mismatch on line 3, CRLF", ans: "a\nb\nc\n", out: "a\r\nb\r\nd\r\n",
		msg: wa(3, 3, "String tokens mismatch\nJudge: \"c\"\nUser: \"d\"")},
	{name: "token split in two", ans: "ab\n", out: "a b\n",
		msg: wa(1, 1, "String tokens mismatch\nJudge: \"ab\"\nUser: \"a\"")},

	// Missing and extra output.
	{name: "empty output (after upstream test_empty_wa)", ans: "Hello World!\n", out: "",
		msg: wa(1, 1, "User EOF while judge had more output; user output was empty.\n(Next judge token: Hello)")},
	{name: "whitespace-only output (after upstream test_space_wa)", ans: "Hello World!\n", out: " \n    \n\n",
		msg: wa(4, 1, "User EOF while judge had more output; user output contained only whitespace.\n(Next judge token: Hello)")},
	{name: "missing output (after upstream test_short_wa)", ans: "Hello World!\n", out: "Hello\n",
		msg: wa(2, 1, "User EOF while judge had more output\n(Next judge token: World!)")},
	{name: "trailing output", ans: "1 2\n", out: "1 2 3\n",
		msg: wa(1, 2, "Trailing output:\n3")},
	{name: "trailing output after empty answer", ans: "", out: "\n\nx",
		msg: wa(3, 1, "Trailing output:\nx")},
	{name: "long trailing output (after upstream test_long_trailing_wa)", ans: "Hello World!\n",
		out: "Hello World! checkthatwedon'tcututf8" + strings.Repeat(rocket, 200) + "\n",
		msg: wa(1, 2, "Trailing output:\ncheckthatwedon'tcututf8"+rocket+rocket+"...")},
	{name: "35-byte token is not truncated", ans: "", out: strings.Repeat("x", 35),
		msg: wa(1, 1, "Trailing output:\n"+strings.Repeat("x", 35))},
	{name: "36-byte token is truncated", ans: "", out: strings.Repeat("x", 36),
		msg: wa(1, 1, "Trailing output:\n"+strings.Repeat("x", 30)+"...")},
	{name: "long next judge token", ans: "a " + strings.Repeat("y", 50), out: "a",
		msg: wa(1, 1, "User EOF while judge had more output\n(Next judge token: "+strings.Repeat("y", 30)+"...)")},
	{name: "long common prefix", ans: strings.Repeat("x", 30) + "A" + strings.Repeat("y", 30),
		out: strings.Repeat("x", 30) + "B" + strings.Repeat("y", 30),
		msg: wa(1, 1, "String tokens mismatch\nJudge: \""+strings.Repeat("x", 15)+"...A"+strings.Repeat("y", 14)+
			"...\"\nUser: \""+strings.Repeat("x", 15)+"...B"+strings.Repeat("y", 14)+"...\"")},
	{name: "prefix of the answer token", ans: strings.Repeat("z", 40), out: strings.Repeat("z", 25),
		msg: wa(1, 1, "String tokens mismatch\nJudge: \""+strings.Repeat("z", 15)+"..."+strings.Repeat("z", 15)+
			"\"\nUser: \""+strings.Repeat("z", 15)+"...\"")},

	// Case.
	{name: "case-insensitive by default", ans: "Hello WORLD", out: "hello world", ok: true},
	{name: "case_sensitive (after upstream test_case_sensitive_wa)", ans: "Hello\n", out: "hello\n", flags: "case_sensitive",
		msg: wa(1, 1, "String tokens mismatch\nJudge: \"Hello\"\nUser: \"hello\"")},
	{name: "case folding is ASCII only", ans: "\u00c4B", out: "\u00e4b",
		msg: wa(1, 1, "String tokens mismatch\nJudge: \"\u00c4B\"\nUser: \"\u00e4b\"")},
	{name: "case-insensitive mismatch shows bytes from first byte difference", ans: "abcX", out: "ABCY",
		msg: wa(1, 1, "String tokens mismatch\nJudge: \"abcX\"\nUser: \"ABCY\"")},

	// Space change sensitivity.
	{name: "space_change_sensitive equal", ans: "1 2\n", out: "1 2\n", flags: "space_change_sensitive", ok: true},
	{name: "space_change_sensitive stays case-insensitive", ans: "A b\n", out: "a B\n", flags: "space_change_sensitive", ok: true},
	{name: "space_change_sensitive extra space", ans: "1 2\n", out: "1  2\n", flags: "space_change_sensitive",
		msg: wa(1, 1, "Space change error: judge out of space, got 32 from user")},
	{name: "space_change_sensitive tab for space", ans: "1 2\n", out: "1\t2\n", flags: "space_change_sensitive",
		msg: wa(1, 1, "Space change error: got 9 expected 32")},
	{name: "space_change_sensitive missing final newline", ans: "1 2\n", out: "1 2", flags: "space_change_sensitive",
		msg: wa(1, 1, "Space change error: got -1 expected 10")},
	{name: "space_change_sensitive CRLF", ans: "1 2\n", out: "1 2\r\n", flags: "space_change_sensitive",
		msg: wa(1, 1, "Space change error: got 13 expected 10")},
	{name: "space_change_sensitive leading space", ans: "1 2\n", out: " 1 2\n", flags: "space_change_sensitive",
		msg: wa(1, 1, "Space change error: judge out of space, got 32 from user")},
	{name: "space_change_sensitive trailing newline", ans: "1 2\n", out: "1 2\n\n", flags: "space_change_sensitive",
		msg: wa(2, 2, "Space change error: judge out of space, got 10 from user")},
	{name: "space_change_sensitive token where space expected", ans: "Hello World\n", out: "HelloWorld\n", flags: "space_change_sensitive",
		msg: wa(1, 1, "String tokens mismatch\nJudge: \"Hello\"\nUser: \"HelloWorld\"")},
	{name: "space_change_sensitive space where token expected", ans: "a\nb c\n", out: "a\nbc d\n", flags: "space_change_sensitive",
		msg: wa(2, 2, "String tokens mismatch\nJudge: \"b\"\nUser: \"bc\"")},
	{name: "space_change_sensitive empty output", ans: "\nx", out: "", flags: "space_change_sensitive",
		msg: wa(1, 1, "Space change error: got -1 expected 10")},

	// Floats.
	{name: "absolute tolerance ok", ans: "1.0\n", out: "1.0000005\n", flags: "float_absolute_tolerance 1e-6", ok: true},
	{name: "absolute tolerance (after upstream test_float_abs_tol_wa)", ans: "1\n", out: "1.4\n", flags: "float_absolute_tolerance 0.1",
		msg: wa(1, 1, "Too large difference.\n Judge: 1\n User: 1.4\n Difference: -4.000000e-01\n (abs tol 1.000000e-01 rel tol -1.000000e+00)")},
	{name: "relative tolerance ok", ans: "100", out: "100.9", flags: "float_relative_tolerance 0.01", ok: true},
	{name: "relative tolerance (after upstream test_float_rel_tol_wa)", ans: "100\n", out: "105\n", flags: "float_relative_tolerance 0.01",
		msg: wa(1, 1, "Too large difference.\n Judge: 100\n User: 105\n Difference: -5.000000e+00\n (abs tol -1.000000e+00 rel tol 1.000000e-02)")},
	{name: "float_tolerance (after upstream test_float_tolerance_wa)", ans: "1\n", out: "1.50001\n", flags: "float_tolerance 0.5",
		msg: wa(1, 1, "Too large difference.\n Judge: 1\n User: 1.50001\n Difference: -5.000100e-01\n (abs tol 5.000000e-01 rel tol 5.000000e-01)")},
	{name: "relative passes where absolute fails", ans: "1000", out: "1000.5", flags: "float_absolute_tolerance 1e-9 float_relative_tolerance 1e-3", ok: true},
	{name: "absolute passes where relative fails", ans: "0", out: "1e-10", flags: "float_absolute_tolerance 1e-9 float_relative_tolerance 1e-3", ok: true},
	{name: "both fail", ans: "0", out: "1e-8", flags: "float_absolute_tolerance 1e-9 float_relative_tolerance 1e-3",
		msg: wa(1, 1, "Too large difference.\n Judge: 0\n User: 1e-8\n Difference: -1.000000e-08\n (abs tol 1.000000e-09 rel tol 1.000000e-03)")},
	{name: "integer answer compared as float", ans: "3", out: "3.0000001", flags: "float_tolerance 1e-6", ok: true},
	{name: "integer answer, exponent output", ans: "3", out: "3e0", flags: "float_tolerance 1e-6", ok: true},
	{name: "integer answer, hex float output", ans: "10", out: "0xA", flags: "float_tolerance 1e-6", ok: true},
	{name: "integer answer, integer output off", ans: "3", out: "4", flags: "float_tolerance 1e-6",
		msg: wa(1, 1, "Too large difference.\n Judge: 3\n User: 4\n Difference: -1.000000e+00\n (abs tol 1.000000e-06 rel tol 1.000000e-06)")},
	{name: "any float format", ans: "0.0314", out: "3.14e-2", flags: "float_tolerance 1e-9", ok: true},
	{name: "short forms", ans: "1 0.5 1 -0 7", out: "1. .5 +1 0 7.0E0", flags: "float_absolute_tolerance 0", ok: true},
	{name: "floats are strings without a tolerance", ans: "1.0", out: "1.00",
		msg: wa(1, 1, "String tokens mismatch\nJudge: \"1.0\"\nUser: \"1.00\"")},
	{name: "zero tolerance compares values exactly", ans: "1.0", out: "1.00", flags: "float_absolute_tolerance 0", ok: true},
	{name: "negative tolerance leaves floats off", ans: "1.0", out: "1.00", flags: "float_tolerance -1",
		msg: wa(1, 1, "String tokens mismatch\nJudge: \"1.0\"\nUser: \"1.00\"")},
	{name: "non-float answer token compared as string", ans: "PI is 3.14", out: "pi IS 3.14159", flags: "float_tolerance 0.01", ok: true},
	{name: "expected float", ans: "1.5", out: "abc", flags: "float_tolerance 1e-6",
		msg: wa(1, 1, "Expected float, got: abc")},
	{name: "trailing garbage is not a float", ans: "1.5", out: "1.5x", flags: "float_tolerance 1e-6",
		msg: wa(1, 1, "Expected float, got: 1.5x")},
	{name: "dangling exponent is ignored (glibc scanf)", ans: "1.5 2 3", out: "1.5e 2E+ 0x3p-", flags: "float_tolerance 1e-6", ok: true},
	{name: "0x. is zero (glibc scanf)", ans: "0", out: "-0x.", flags: "float_tolerance 1e-6", ok: true},
	{name: "0x is not a float", ans: "0", out: "0x", flags: "float_tolerance 1e-6",
		msg: wa(1, 1, "Expected float, got: 0x")},
	{name: "two exponents are not a float", ans: "1", out: "1e0e", flags: "float_tolerance 1e-6",
		msg: wa(1, 1, "Expected float, got: 1e0e")},
	{name: "team inf is not a float", ans: "1.5", out: "inf", flags: "float_tolerance 1e-6",
		msg: wa(1, 1, "Expected float, got: inf")},
	{name: "team nan is not a float", ans: "1.5", out: "NaN", flags: "float_tolerance 1e-6",
		msg: wa(1, 1, "Expected float, got: NaN")},
	{name: "team overflow is not a float", ans: "1.5", out: "1e999", flags: "float_tolerance 1e-6",
		msg: wa(1, 1, "Expected float, got: 1e999")},
	{name: "underflow is a float", ans: "0", out: "1e-400", flags: "float_tolerance 1e-6", ok: true},
	{name: "answer inf compared as string (after upstream test_float_inf_judge_wa)", ans: "inf\n", out: "0\n", flags: "float_tolerance 1e-6",
		msg: wa(1, 1, "String tokens mismatch\nJudge: \"inf\"\nUser: \"0\"")},
	{name: "answer inf matches inf as string", ans: "inf", out: "INF", flags: "float_tolerance 1e-6", ok: true},
	{name: "answer nan matches nan as string", ans: "nan", out: "nan", flags: "float_tolerance 1e-6", ok: true},
	{name: "difference overflows", ans: "1e308", out: "-1e308", flags: "float_tolerance 1e-6",
		msg: wa(1, 1, "Too large difference.\n Judge: 1e308\n User: -1e308\n Difference: inf\n (abs tol 1.000000e-06 rel tol 1.000000e-06)")},
	{name: "expected float, long token (after upstream test_float_rocket_wa)", ans: "1.4\n", out: "1.4" + strings.Repeat(rocket, 200) + "\n",
		flags: "float_absolute_tolerance 0.1",
		msg:   wa(1, 1, "Expected float, got: 1.4"+strings.Repeat(rocket, 7)+"...")},

	// NUL bytes: tokens compare as C strings.
	{name: "NUL ends the compared part of a token", ans: "42", out: "42\x00junk", ok: true},
	{name: "NUL in both tokens", ans: "4\x002", out: "4\x009", ok: true},
	{name: "NUL at the start of the output token", ans: "42", out: "\x0042",
		msg: wa(1, 1, "String tokens mismatch\nJudge: \"42\"\nUser: \"\"")},
	{name: "NUL after a float", ans: "1.5", out: "1.5\x00xyz", flags: "float_tolerance 1e-6", ok: true},
	{name: "NUL cuts the message", ans: "abc", out: "abd\x00zzz",
		msg: wa(1, 1, "String tokens mismatch\nJudge: \"abc\"\nUser: \"abd\"")},
}

func parseFlagsOrFatal(t testing.TB, flags string) DefaultOptions {
	t.Helper()
	opt, err := ParseDefaultFlags(strings.Fields(flags))
	if err != nil {
		t.Fatalf("ParseDefaultFlags(%q): %v", flags, err)
	}
	return opt
}

func checkResult(t *testing.T, tc defaultCase, res Result) {
	t.Helper()
	if res.Accepted != tc.ok {
		t.Fatalf("Accepted = %v, want %v; message:\n%s", res.Accepted, tc.ok, res.Message)
	}
	if tc.ok {
		if res.Message != "" {
			t.Fatalf("accepted with message %q", res.Message)
		}
		return
	}
	if res.Message != tc.msg {
		t.Fatalf("message:\n%q\nwant:\n%q", res.Message, tc.msg)
	}
}

func TestDefault(t *testing.T) {
	for _, tc := range defaultCases {
		t.Run(tc.name, func(t *testing.T) {
			opt := parseFlagsOrFatal(t, tc.flags)
			res, err := Default(strings.NewReader(tc.ans), strings.NewReader(tc.out), opt)
			if err != nil {
				t.Fatal(err)
			}
			checkResult(t, tc, res)
		})
	}
}

// TestDefaultChunking runs every case through tiny buffers and readers that
// return few bytes at a time, so every chunk boundary is exercised.
func TestDefaultChunking(t *testing.T) {
	wraps := map[string]func(io.Reader) io.Reader{
		"plain":    func(r io.Reader) io.Reader { return r },
		"one byte": iotest.OneByteReader,
		"half":     iotest.HalfReader,
	}
	for _, tc := range defaultCases {
		opt := parseFlagsOrFatal(t, tc.flags)
		for _, size := range []int{16, 17, 33} {
			for wname, wrap := range wraps {
				t.Run(fmt.Sprintf("%s/%d/%s", tc.name, size, wname), func(t *testing.T) {
					res, err := defaultSized(wrap(strings.NewReader(tc.ans)), wrap(strings.NewReader(tc.out)), opt, size)
					if err != nil {
						t.Fatal(err)
					}
					checkResult(t, tc, res)
				})
			}
		}
	}
}

func TestDefaultPositions(t *testing.T) {
	res, err := Default(strings.NewReader("a\nbb\nc\n"), strings.NewReader("a\r\nbb\r\nd\r\n"), DefaultOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := Result{Message: res.Message, OutputLine: 3, AnswerLine: 3, OutputOffset: 7, AnswerOffset: 5}
	if res != want {
		t.Fatalf("got %+v, want %+v", res, want)
	}
}

type failingReader struct{ data io.Reader }

var errBroken = errors.New("broken pipe")

func (f failingReader) Read(p []byte) (int, error) {
	n, err := f.data.Read(p)
	if err == io.EOF {
		return n, errBroken
	}
	return n, err
}

func TestDefaultReadError(t *testing.T) {
	_, err := Default(strings.NewReader("1 2 3"), failingReader{strings.NewReader("1 2")}, DefaultOptions{})
	if !errors.Is(err, errBroken) || !strings.Contains(err.Error(), "reading output") {
		t.Fatalf("output error: got %v", err)
	}
	_, err = Default(failingReader{strings.NewReader("1 2")}, strings.NewReader("1 2 3"), DefaultOptions{})
	if !errors.Is(err, errBroken) || !strings.Contains(err.Error(), "reading answer") {
		t.Fatalf("answer error: got %v", err)
	}
}

// repeatReader yields prefix, then n copies of b, then suffix, without ever
// holding them in memory.
type repeatReader struct {
	prefix, suffix string
	b              byte
	n              int64
}

func (r *repeatReader) Read(p []byte) (int, error) {
	total := 0
	if len(r.prefix) > 0 {
		k := copy(p, r.prefix)
		r.prefix = r.prefix[k:]
		total += k
		p = p[k:]
	}
	for len(p) > 0 && r.n > 0 {
		k := int(min(int64(len(p)), r.n))
		for i := range k {
			p[i] = r.b
		}
		r.n -= int64(k)
		total += k
		p = p[k:]
	}
	if r.n == 0 && len(p) > 0 && len(r.suffix) > 0 {
		k := copy(p, r.suffix)
		r.suffix = r.suffix[k:]
		total += k
	}
	if total == 0 {
		return 0, io.EOF
	}
	return total, nil
}

// TestDefaultHugeTokens compares 100 MB tokens and checks that memory use
// does not grow with them.
func TestDefaultHugeTokens(t *testing.T) {
	size := int64(100 << 20)
	if testing.Short() {
		size = 8 << 20
	}
	cases := []struct {
		name     string
		ans, out io.Reader
		flags    string
		ok       bool
		msg      string
	}{
		{
			name: "equal huge tokens",
			ans:  &repeatReader{prefix: "x ", b: 'a', n: size, suffix: " y\n"},
			out:  &repeatReader{prefix: "x ", b: 'A', n: size, suffix: " y"},
			ok:   true,
		},
		{
			name: "huge token against a short one",
			ans:  strings.NewReader("x abc y\n"),
			out:  &repeatReader{prefix: "x abc", b: 'c', n: size, suffix: " y\n"},
			msg:  wa(1, 1, "String tokens mismatch\nJudge: \"abc\"\nUser: \"abc"+strings.Repeat("c", 15)+"...\""),
		},
		{
			name: "huge tokens differing at the end",
			ans:  &repeatReader{b: 'a', n: size, suffix: "b"},
			out:  &repeatReader{b: 'a', n: size, suffix: "c"},
			msg:  wa(1, 1, "String tokens mismatch\nJudge: \"aaaaaaaaaaaaaaa...b\"\nUser: \"aaaaaaaaaaaaaaa...c\""),
		},
		{
			name: "huge trailing token",
			ans:  strings.NewReader("1\n"),
			out:  &repeatReader{prefix: "1\n", b: 'z', n: size},
			msg:  wa(2, 2, "Trailing output:\n"+strings.Repeat("z", 30)+"..."),
		},
		{
			name:  "huge float token",
			ans:   strings.NewReader("1\n"),
			out:   &repeatReader{prefix: "1.", b: '0', n: size, suffix: "1\n"},
			flags: "float_tolerance 1e-9",
			ok:    true,
		},
		{
			name:  "huge float token with a huge exponent",
			ans:   strings.NewReader("1\n"),
			out:   &repeatReader{prefix: "0.", b: '0', n: size, suffix: "1e999999999999999999999999\n"},
			flags: "float_tolerance 1e-9",
			msg:   wa(1, 1, "Expected float, got: 0."+strings.Repeat("0", 28)+"..."),
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			opt := parseFlagsOrFatal(t, tc.flags)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			res, err := Default(tc.ans, tc.out, opt)
			runtime.ReadMemStats(&after)
			if err != nil {
				t.Fatal(err)
			}
			checkResult(t, defaultCase{ok: tc.ok, msg: tc.msg}, res)
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4<<20 {
				t.Fatalf("allocated %d bytes for %d-byte tokens", alloc, size)
			}
		})
	}
}

// conformanceArgs gives the arguments of conformance cases whose args.txt
// could not be retrieved; see testdata/default_validator/README.md.
var conformanceArgs = map[string]string{
	// Both tokens are equal ignoring case, so WA needs case_sensitive.
	"test_long_early_diff_wa": "case_sensitive",
	// args.txt of the sibling test_combined_flags_ac; the expected message
	// confirms abs and rel tolerance 0.5.
	"test_combined_flags_wa": "case_sensitive space_change_sensitive float_tolerance 0.5",
}

// TestConformance runs problemtools' own default validator test cases.
func TestConformance(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "default_validator", "test_*"))
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) == 0 {
		t.Fatal("no conformance cases found")
	}
	for _, dir := range dirs {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			read := func(file string) (string, bool) {
				b, err := os.ReadFile(filepath.Join(dir, file))
				if errors.Is(err, os.ErrNotExist) {
					return "", false
				}
				if err != nil {
					t.Fatal(err)
				}
				return string(b), true
			}
			ans, ok1 := read("judge.ans")
			out, ok2 := read("user.out")
			if !ok1 || !ok2 {
				t.Fatal("judge.ans or user.out missing")
			}
			args, ok := read("args.txt")
			if !ok {
				if args, ok = conformanceArgs[name]; !ok {
					t.Fatal("no args.txt and no entry in conformanceArgs")
				}
			}
			msg, hasMsg := read("expected_message.txt")
			code := 42
			if hasMsg {
				code = 43
			}
			if s, ok := read("expected_exit_code.txt"); ok {
				if code, err = strconv.Atoi(strings.TrimSpace(s)); err != nil {
					t.Fatal(err)
				}
			}
			opt, err := ParseDefaultFlags(strings.Fields(args))
			if err != nil {
				t.Fatal(err)
			}
			for _, size := range []int{defaultBufSize, 16} {
				res, err := defaultSized(strings.NewReader(ans), strings.NewReader(out), opt, size)
				if err != nil {
					t.Fatal(err)
				}
				gotCode := 43
				if res.Accepted {
					gotCode = 42
				}
				if gotCode != code {
					t.Fatalf("exit code %d, want %d (message %q)", gotCode, code, res.Message)
				}
				if res.Message != msg {
					t.Fatalf("message:\n%q\nwant:\n%q", res.Message, msg)
				}
			}
		})
	}
}

func TestParseDefaultFlags(t *testing.T) {
	abs := func(v float64) DefaultOptions {
		return DefaultOptions{AbsoluteTolerance: v, HasAbsoluteTolerance: true}
	}
	both := func(a, r float64) DefaultOptions {
		return DefaultOptions{AbsoluteTolerance: a, HasAbsoluteTolerance: true, RelativeTolerance: r, HasRelativeTolerance: true}
	}
	cases := []struct {
		args   string
		strict bool
		want   DefaultOptions
		err    string // substring of the error; "" for none
	}{
		{args: "", want: DefaultOptions{}},
		{args: "case_sensitive", want: DefaultOptions{CaseSensitive: true}},
		{args: "space_change_sensitive case_sensitive", want: DefaultOptions{CaseSensitive: true, SpaceChangeSensitive: true}},
		{args: "float_tolerance 1e-6", want: both(1e-6, 1e-6)},
		{args: "float_absolute_tolerance 0.5", want: abs(0.5)},
		{args: "float_relative_tolerance 0x1p-20", want: DefaultOptions{RelativeTolerance: 0x1p-20, HasRelativeTolerance: true}},
		{args: "float_absolute_tolerance 1e-3 float_relative_tolerance 1e-4", want: both(1e-3, 1e-4)},
		{args: "float_absolute_tolerance 1e-3 float_relative_tolerance 1e-4", strict: true, want: both(1e-3, 1e-4)},
		{args: "case_sensitive float_tolerance 1e-6", strict: true, want: DefaultOptions{CaseSensitive: true,
			AbsoluteTolerance: 1e-6, HasAbsoluteTolerance: true, RelativeTolerance: 1e-6, HasRelativeTolerance: true}},
		// Legacy: the last one wins, float_tolerance sets both.
		{args: "float_tolerance 1e-6 float_absolute_tolerance 1e-9", want: both(1e-9, 1e-6)},
		{args: "float_absolute_tolerance 1e-9 float_tolerance 1e-6", want: both(1e-6, 1e-6)},
		{args: "float_absolute_tolerance 1 float_absolute_tolerance 2", want: abs(2)},
		{args: "float_tolerance -1", want: both(-1, -1)},
		// 2025-09.
		{args: "float_tolerance 1e-6 float_absolute_tolerance 1e-9", strict: true, err: "cannot be combined"},
		{args: "float_relative_tolerance 1e-9 float_tolerance 1e-6", strict: true, err: "cannot be combined"},
		{args: "float_absolute_tolerance 1 float_absolute_tolerance 2", strict: true, err: "given twice"},
		{args: "float_tolerance 1 float_tolerance 1", strict: true, err: "given twice"},
		{args: "float_tolerance -1", strict: true, err: "negative"},
		// Errors in both modes.
		{args: "case_insensitive", err: `unknown flag "case_insensitive" (argument 1)`},
		{args: "float_tolerance", err: "needs a number"},
		{args: "float_tolerance case_sensitive", err: `"case_sensitive" is not a finite number`},
		{args: "float_tolerance 1e-6x", err: "not a finite number"},
		{args: "float_tolerance inf", err: "not a finite number"},
		{args: "float_tolerance nan", err: "not a finite number"},
		{args: "float_tolerance 1e999", err: "not a finite number"},
		{args: "float_absolute_tolerance 1e-6 Case_Sensitive", err: "unknown flag"},
	}
	for _, tc := range cases {
		name := tc.args
		if tc.strict {
			name += " (strict)"
		}
		t.Run(name, func(t *testing.T) {
			parse := ParseDefaultFlags
			if tc.strict {
				parse = ParseDefaultFlagsStrict
			}
			got, err := parse(strings.Fields(tc.args))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) || !errors.Is(err, ErrInvalidFlags) {
					t.Fatalf("error %v, want one containing %q wrapping ErrInvalidFlags", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Fatalf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestFloatsEnabled(t *testing.T) {
	for _, tc := range []struct {
		args string
		want bool
	}{
		{"", false}, {"case_sensitive", false}, {"float_tolerance 0", true}, {"float_tolerance -1", false},
		{"float_absolute_tolerance -1 float_relative_tolerance 0.1", true},
	} {
		if got := parseFlagsOrFatal(t, tc.args).FloatsEnabled(); got != tc.want {
			t.Errorf("%q: FloatsEnabled() = %v, want %v", tc.args, got, tc.want)
		}
	}
}

// refFloatRE is the token syntax strtod accepts in full, written
// independently of floatScanner.
var refFloatRE = regexp.MustCompile(`^[+-]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]*)?|0[xX](?:(?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][+-]?[0-9]*)?|\.))$`)

var (
	refDanglingDecExp = regexp.MustCompile(`[eE][+-]?$`)
	refDanglingHexExp = regexp.MustCompile(`[pP][+-]?$`)
)

// refIsFloat is problemtools' isfloat, written independently of floatScanner.
func refIsFloat(s string) (float64, bool) {
	if !refFloatRE.MatchString(s) {
		return 0, false
	}
	if strings.ContainsAny(s, "xX") {
		s = refDanglingHexExp.ReplaceAllString(s, "")
		if strings.HasSuffix(s, "x.") || strings.HasSuffix(s, "X.") {
			s = s[:len(s)-2] // "0x." is read as "0"
		} else if !strings.ContainsAny(s, "pP") {
			s += "p0"
		}
	} else {
		s = refDanglingDecExp.ReplaceAllString(s, "")
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		panic(fmt.Sprintf("ParseFloat(%q): %v", s, err))
	}
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}

func scanFloat(s string) (float64, bool) {
	var fs floatScanner
	fs.feed([]byte(s))
	return fs.value()
}

func sameFloat(a, b float64) bool {
	return a == b && math.Signbit(a) == math.Signbit(b)
}

func TestFloatScanner(t *testing.T) {
	for _, tc := range []struct {
		s  string
		ok bool
		v  float64
	}{
		{"0", true, 0}, {"-0", true, math.Copysign(0, -1)}, {"1", true, 1}, {"+1", true, 1}, {"1.", true, 1},
		{".5", true, 0.5}, {"-.5e1", true, -5}, {"1e5", true, 1e5}, {"1E+5", true, 1e5}, {"1e-5", true, 1e-5},
		{"0x1p3", true, 8}, {"0X1.8P1", true, 3}, {"0xA", true, 10}, {"0x.8", true, 0.5}, {"0x1.", true, 1},
		{"-0x10", true, -16}, {"1e-400", true, 0}, {"-1e-400", true, math.Copysign(0, -1)},
		{"1.7976931348623157e308", true, math.MaxFloat64}, {"4.9406564584124654e-324", true, 5e-324},
		{"2.4703282292062327e-324", true, 0}, {"2.4703282292062328e-324", true, 5e-324},
		{"0." + strings.Repeat("0", 1000) + "1e1001", true, 1},
		{strings.Repeat("9", 400) + "e-400", true, 1},
		{"1" + strings.Repeat("0", 308) + "e-308", true, 1e308 * 1e-308 * 1e0},
		// Exactly halfway between 1 and the next double, then just above.
		{"1.00000000000000011102230246251565404236316680908203125", true, 1},
		{"1.00000000000000011102230246251565404236316680908203125" + strings.Repeat("0", 900) + "1", true, math.Nextafter(1, 2)},
		{"", false, 0}, {"+", false, 0}, {"-", false, 0}, {".", false, 0}, {"e5", false, 0}, {".e5", false, 0},
		{"1e", true, 1}, {"1e+", true, 1}, {"-1.5E-", true, -1.5}, {"0e", true, 0}, {".5e", true, 0.5},
		{"1e5.5", false, 0}, {"1.2.3", false, 0}, {"--1", false, 0}, {"1e5e", false, 0}, {"+e", false, 0},
		{"0x", false, 0}, {"-0X", false, 0}, {"0x.", true, 0}, {"-0x.", true, math.Copysign(0, -1)},
		{"0x.p1", false, 0}, {"0xp", false, 0}, {"0xg", false, 0}, {"0x1p", true, 1}, {"0x1.8P+", true, 1.5},
		{"1p5", false, 0}, {"0x1e", true, 30}, {"1_0", false, 0}, {"1,5", false, 0}, {" 1", false, 0},
		{"inf", false, 0}, {"-Infinity", false, 0}, {"nan", false, 0}, {"NaN(1)", false, 0},
		{"1e309", false, 0}, {"-1e400", false, 0}, {"0x1p1024", false, 0}, {"0x1p-1100", true, 0},
		{"1e99999999999999999999999999", false, 0}, {"1e-99999999999999999999999999", true, 0},
	} {
		v, ok := scanFloat(tc.s)
		name := tc.s
		if len(name) > 40 {
			name = name[:40] + "..."
		}
		if ok != tc.ok || (ok && !sameFloat(v, tc.v)) {
			t.Errorf("%q: got %v, %v; want %v, %v", name, v, ok, tc.v, tc.ok)
		}
		if rv, rok := refIsFloat(tc.s); rok != ok || (ok && !sameFloat(rv, v)) {
			t.Errorf("%q: reference says %v, %v; scanner %v, %v", name, rv, rok, v, ok)
		}
	}
}

// TestFloatScannerRandom compares floatScanner with refIsFloat on random
// number-like strings, fed in random pieces.
func TestFloatScannerRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := "0123456789012345678901234567890123456789.eE+-xXpPaAfF"
	for range 200000 {
		n := 1 + rng.IntN(12)
		b := make([]byte, n)
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		if rng.IntN(3) == 0 {
			b = append([]byte("0x"), b...)
		}
		s := string(b)
		var fs floatScanner
		for rest := b; len(rest) > 0; {
			k := 1 + rng.IntN(len(rest))
			fs.feed(rest[:k])
			rest = rest[k:]
		}
		v, ok := fs.value()
		rv, rok := refIsFloat(s)
		if ok != rok || (ok && !sameFloat(v, rv)) {
			t.Fatalf("%q: scanner %v, %v; reference %v, %v", s, v, ok, rv, rok)
		}
	}
}

// refDefault is problemtools' default validator written the simple way:
// whole inputs in memory, std::string-like tokens. It is the oracle for the
// streaming Default in the fuzz and random tests.
func refDefault(ans, out []byte, opt DefaultOptions) Result {
	space := func(c byte) bool { return strings.IndexByte(" \t\n\v\f\r", c) >= 0 }
	cstr := func(s []byte) []byte {
		if i := bytes.IndexByte(s, 0); i >= 0 {
			return s[:i]
		}
		return s
	}
	trunc := func(s []byte, limit int) []byte {
		if len(s) <= limit+5 {
			return s
		}
		cut := limit
		for cut < len(s) && cut < limit+4 && s[cut]&0xC0 == 0x80 {
			cut++
		}
		return append(append([]byte{}, s[:cut]...), "..."...)
	}
	absTol, relTol := -1.0, -1.0
	if opt.HasAbsoluteTolerance {
		absTol = opt.AbsoluteTolerance
	}
	if opt.HasRelativeTolerance {
		relTol = opt.RelativeTolerance
	}
	useFloats := absTol >= 0 || relTol >= 0
	jp, tp := 0, 0
	jline, tline := 1, 1
	var jpos, tpos int64
	fail := func(format string, args ...any) Result {
		return Result{
			Message:    fmt.Sprintf("Wrong answer on line %d of output (corresponding to line %d in answer file)\n", tline, jline) + fmt.Sprintf(format, args...) + "\n",
			OutputLine: tline, AnswerLine: jline, OutputOffset: tpos, AnswerOffset: jpos,
		}
	}
	word := func(s []byte, p *int) []byte {
		start := *p
		for *p < len(s) && !space(s[*p]) {
			*p++
		}
		return s[start:*p]
	}
	for token := 0; ; token++ {
		for jp < len(ans) && space(ans[jp]) {
			c := ans[jp]
			jp++
			if opt.SpaceChangeSensitive {
				d := -1
				if tp < len(out) {
					d = int(out[tp])
					tp++
				}
				if d != int(c) {
					return fail("Space change error: got %d expected %d", d, c)
				}
				if d == '\n' {
					tline++
				}
				tpos++
			}
			if c == '\n' {
				jline++
			}
			jpos++
		}
		for tp < len(out) && space(out[tp]) {
			d := out[tp]
			tp++
			if opt.SpaceChangeSensitive {
				return fail("Space change error: judge out of space, got %d from user", d)
			}
			if d == '\n' {
				tline++
			}
			tpos++
		}
		if jp == len(ans) {
			break
		}
		judge := word(ans, &jp)
		if tp == len(out) {
			switch {
			case token > 0:
				return fail("User EOF while judge had more output\n(Next judge token: %s)", cstr(trunc(judge, 30)))
			case tpos == 0:
				return fail("User EOF while judge had more output; user output was empty.\n(Next judge token: %s)", cstr(trunc(judge, 30)))
			default:
				return fail("User EOF while judge had more output; user output contained only whitespace.\n(Next judge token: %s)", cstr(trunc(judge, 30)))
			}
		}
		team := word(out, &tp)
		jval, jok := refIsFloat(string(cstr(judge)))
		if useFloats && jok {
			tval, tok := refIsFloat(string(cstr(team)))
			if !tok {
				return fail("Expected float, got: %s", cstr(trunc(team, 30)))
			}
			if !(math.Abs(jval-tval) <= absTol) && !(math.Abs(jval-tval) <= relTol*math.Abs(jval)) {
				return fail("Too large difference.\n Judge: %s\n User: %s\n Difference: %s\n (abs tol %s rel tol %s)",
					cstr(trunc(judge, 30)), cstr(trunc(team, 30)), formatE(jval-tval), formatE(absTol), formatE(relTol))
			}
		} else {
			a, b := cstr(judge), cstr(team)
			equal := bytes.Equal(a, b)
			if !equal && !opt.CaseSensitive {
				equal = len(a) == len(b)
				for i := 0; equal && i < len(a); i++ {
					equal = lower[a[i]] == lower[b[i]]
				}
			}
			if !equal {
				d := 0
				for d < len(judge) && d < len(team) && judge[d] == team[d] {
					d++
				}
				p := trunc(judge[:d], 15)
				jm := append(append([]byte{}, p...), trunc(judge[d:], 15)...)
				tm := append(append([]byte{}, p...), trunc(team[d:], 15)...)
				return fail("String tokens mismatch\nJudge: \"%s\"\nUser: \"%s\"", cstr(jm), cstr(tm))
			}
		}
		jpos += int64(len(judge))
		tpos += int64(len(team))
	}
	for tp < len(out) && space(out[tp]) {
		tp++
	}
	if tp < len(out) {
		return fail("Trailing output:\n%s", cstr(trunc(word(out, &tp), 30)))
	}
	return Result{Accepted: true}
}

// fuzzOptions picks options from a byte: bit 0 case_sensitive, bit 1
// space_change_sensitive, bits 2-4 the tolerance flags.
func fuzzOptions(sel byte) DefaultOptions {
	var args []string
	if sel&1 != 0 {
		args = append(args, FlagCaseSensitive)
	}
	if sel&2 != 0 {
		args = append(args, FlagSpaceChangeSensitive)
	}
	switch (sel >> 2) & 7 {
	case 1:
		args = append(args, FlagFloatTolerance, "1e-6")
	case 2:
		args = append(args, FlagFloatAbsoluteTolerance, "0.5")
	case 3:
		args = append(args, FlagFloatRelativeTolerance, "0.01")
	case 4:
		args = append(args, FlagFloatAbsoluteTolerance, "0")
	case 5:
		args = append(args, FlagFloatAbsoluteTolerance, "1e-9", FlagFloatRelativeTolerance, "1e-3")
	}
	opt, err := ParseDefaultFlags(args)
	if err != nil {
		panic(err)
	}
	return opt
}

func checkAgainstReference(t *testing.T, ans, out []byte, opt DefaultOptions, size int) {
	t.Helper()
	want := refDefault(ans, out, opt)
	got, err := defaultSized(bytes.NewReader(ans), bytes.NewReader(out), opt, size)
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	if got != want {
		t.Fatalf("ans %q out %q opt %+v size %d:\ngot  %+v\nwant %+v", ans, out, opt, size, got, want)
	}
}

// TestDefaultRandom compares Default with refDefault on random inputs built
// from tokens that exercise floats, case, NUL bytes and whitespace.
func TestDefaultRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"1", "1.0", "1.00", "2", "-0", "0x1p0", "1e-7", "1.0000001", "inf", "NaN", "a", "A", "b",
		"\x00", "x\x00y", "\u00e4", rocket, strings.Repeat("q", 40), "", "1e999", "."}
	spaces := []string{" ", "  ", "\n", "\r\n", "\t", "\v", "\f"}
	gen := func() []byte {
		var b []byte
		for range rng.IntN(8) {
			if rng.IntN(3) == 0 {
				b = append(b, spaces[rng.IntN(len(spaces))]...)
			}
			for range 1 + rng.IntN(2) {
				b = append(b, pieces[rng.IntN(len(pieces))]...)
			}
			b = append(b, spaces[rng.IntN(len(spaces))]...)
		}
		return b
	}
	for i := range 20000 {
		ans := gen()
		out := ans
		if rng.IntN(4) != 0 {
			out = gen()
			if rng.IntN(2) == 0 { // a near copy
				out = append([]byte{}, ans...)
				if len(out) > 0 {
					out[rng.IntN(len(out))] = " aA1.\n\x00"[rng.IntN(7)]
				}
			}
		}
		checkAgainstReference(t, ans, out, fuzzOptions(byte(rng.IntN(32))), []int{16, 23, defaultBufSize}[i%3])
	}
}

func FuzzDefault(f *testing.F) {
	for _, tc := range defaultCases {
		for sel := range byte(32) {
			if fuzzOptions(sel) == parseFlagsOrFatal(f, tc.flags) {
				f.Add([]byte(tc.ans), []byte(tc.out), sel)
				break
			}
		}
	}
	f.Add([]byte("1.5 2\n"), []byte("1.5000001 2.0\n"), byte(1<<2))
	f.Fuzz(func(t *testing.T, ans, out []byte, sel byte) {
		opt := fuzzOptions(sel)
		for _, text := range [][]byte{ans, out} {
			res, err := defaultSized(bytes.NewReader(text), bytes.NewReader(text), opt, 16)
			if err != nil || !res.Accepted {
				t.Fatalf("%q against itself with %+v: %+v, %v", text, opt, res, err)
			}
		}
		checkAgainstReference(t, ans, out, opt, 16)
		checkAgainstReference(t, ans, out, opt, defaultBufSize)
	})
}

// TestAgainstProblemtools compares Default with a compiled problemtools
// default_validator, when VERDICT_PROBLEMTOOLS_DEFAULT_VALIDATOR names one
// (build it from problemtools' support/default_validator). Skipped otherwise.
func TestAgainstProblemtools(t *testing.T) {
	bin := os.Getenv("VERDICT_PROBLEMTOOLS_DEFAULT_VALIDATOR")
	if bin == "" {
		t.Skip("VERDICT_PROBLEMTOOLS_DEFAULT_VALIDATOR not set")
	}
	dir := t.TempDir()
	run := func(ans, out []byte, args []string) (ok bool, msg, diffpos string) {
		ansFile := filepath.Join(dir, "judge.ans")
		if err := os.WriteFile(ansFile, ans, 0o644); err != nil {
			t.Fatal(err)
		}
		fb := filepath.Join(dir, "feedback") + "/"
		if err := os.RemoveAll(fb); err != nil {
			t.Fatal(err)
		}
		if err := os.Mkdir(fb, 0o755); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(bin, append([]string{os.DevNull, ansFile, fb}, args...)...)
		cmd.Stdin = bytes.NewReader(out)
		err := cmd.Run()
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("running %s: %v", bin, err)
		}
		m, _ := os.ReadFile(filepath.Join(fb, "judgemessage.txt"))
		d, _ := os.ReadFile(filepath.Join(fb, "diffposition.txt"))
		switch ee.ExitCode() {
		case 42:
			return true, string(m), string(d)
		case 43:
			return false, string(m), string(d)
		}
		t.Fatalf("%s exited %d: %s", bin, ee.ExitCode(), m)
		return false, "", ""
	}
	compare := func(ans, out []byte, args []string) {
		t.Helper()
		ok, msg, diffpos := run(ans, out, args)
		opt, err := ParseDefaultFlags(args)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Default(bytes.NewReader(ans), bytes.NewReader(out), opt)
		if err != nil {
			t.Fatal(err)
		}
		if res.Accepted != ok || res.Message != msg {
			t.Fatalf("ans %q out %q args %q:\nproblemtools %v %q\nDefault      %v %q", ans, out, args, ok, msg, res.Accepted, res.Message)
		}
		if !ok && fmt.Sprintf("%d %d", res.AnswerOffset, res.OutputOffset) != diffpos {
			t.Fatalf("ans %q out %q args %q: diffposition %q, Default has %d %d", ans, out, args, diffpos, res.AnswerOffset, res.OutputOffset)
		}
	}
	for _, tc := range defaultCases {
		compare([]byte(tc.ans), []byte(tc.out), strings.Fields(tc.flags))
	}
	rng := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"1", "1.0", "2", "-0", "0x1p0", "0x1", "1e-7", "1.0000001", "inf", "nan", "a", "A", "\x00", "x\x00y",
		rocket, strings.Repeat("q", 40), "1e999", ".", "1e", "+.5", "0X.8P1"}
	spaces := []string{" ", "  ", "\n", "\r\n", "\t", "\v", "\f"}
	gen := func() []byte {
		var b []byte
		for range rng.IntN(6) {
			if rng.IntN(3) == 0 {
				b = append(b, spaces[rng.IntN(len(spaces))]...)
			}
			b = append(b, pieces[rng.IntN(len(pieces))]...)
			b = append(b, spaces[rng.IntN(len(spaces))]...)
		}
		return b
	}
	for range 3000 {
		sel := byte(rng.IntN(32))
		opt := fuzzOptions(sel)
		var args []string
		if opt.CaseSensitive {
			args = append(args, FlagCaseSensitive)
		}
		if opt.SpaceChangeSensitive {
			args = append(args, FlagSpaceChangeSensitive)
		}
		if opt.HasAbsoluteTolerance {
			args = append(args, FlagFloatAbsoluteTolerance, strconv.FormatFloat(opt.AbsoluteTolerance, 'g', -1, 64))
		}
		if opt.HasRelativeTolerance {
			args = append(args, FlagFloatRelativeTolerance, strconv.FormatFloat(opt.RelativeTolerance, 'g', -1, 64))
		}
		compare(gen(), gen(), args)
	}
}

// numbers returns about n bytes of lines of space-separated numbers with 6
// decimals, and the same numbers written in shortest form (which differ from
// the first in the last digits, and in format).
func numbers(n int) (fixed, shortest []byte) {
	rng := rand.New(rand.NewPCG(7, 8))
	for len(fixed) < n {
		for i := range 10 {
			if i > 0 {
				fixed = append(fixed, ' ')
				shortest = append(shortest, ' ')
			}
			v := rng.Float64() * 1e6
			fixed = strconv.AppendFloat(fixed, v, 'f', 6, 64)
			shortest = strconv.AppendFloat(shortest, v, 'g', -1, 64)
		}
		fixed = append(fixed, '\n')
		shortest = append(shortest, '\n')
	}
	return fixed, shortest
}

// BenchmarkDefault checks 10 MB of numbers: against an identical copy, and
// against differently written numbers with a tolerance.
func BenchmarkDefault(b *testing.B) {
	fixed, shortest := numbers(10 << 20)
	for _, bc := range []struct {
		name, flags string
		out         []byte
	}{
		{"identical", "", fixed},
		{"identical with tolerance", "float_tolerance 1e-6", fixed},
		{"floats", "float_absolute_tolerance 1e-6", shortest},
	} {
		b.Run(bc.name, func(b *testing.B) {
			opt := parseFlagsOrFatal(b, bc.flags)
			b.SetBytes(int64(len(fixed)))
			for b.Loop() {
				res, err := Default(bytes.NewReader(fixed), bytes.NewReader(bc.out), opt)
				if err != nil || !res.Accepted {
					b.Fatal(res, err)
				}
			}
		})
	}
}
