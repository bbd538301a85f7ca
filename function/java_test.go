package function

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// The generated programs are compiled and run on the host here (the judge
// runs them in the sandbox: see the shared test of testdata/functions).

// jrEchoSig is a design problem whose methods echo every type.
const jrEchoSig = `
classname: Echo
constructor: {params: [{name: start, type: integer}]}
methods:
  - {name: echoInt, params: [{name: x, type: integer}], return: {type: integer}}
  - {name: echoLong, params: [{name: x, type: long}], return: {type: long}}
  - {name: echoDouble, params: [{name: x, type: double}], return: {type: double}}
  - {name: echoBool, params: [{name: x, type: boolean}], return: {type: boolean}}
  - {name: echoChar, params: [{name: x, type: character}], return: {type: character}}
  - {name: echoString, params: [{name: x, type: string}], return: {type: string}}
  - {name: echoInts, params: [{name: x, type: "integer[]"}], return: {type: "integer[]"}}
  - {name: echoGrid, params: [{name: x, type: "integer[][]"}], return: {type: "integer[][]"}}
  - {name: echoStrings, params: [{name: x, type: "string[]"}], return: {type: "string[]"}}
  - {name: echoBoard, params: [{name: x, type: "character[][]"}], return: {type: "character[][]"}}
  - {name: echoList, params: [{name: x, type: "list<integer>"}], return: {type: "list<integer>"}}
  - {name: echoNested, params: [{name: x, type: "list<list<String>>"}], return: {type: "list<list<string>>"}}
  - {name: echoListNode, params: [{name: x, type: ListNode}], return: {type: ListNode}}
  - {name: echoTree, params: [{name: x, type: TreeNode}], return: {type: TreeNode}}
  - {name: echoLists, params: [{name: x, type: "ListNode[]"}], return: {type: "ListNode[]"}}
  - {name: echoTrees, params: [{name: x, type: "list<TreeNode>"}], return: {type: "list<TreeNode>"}}
  - {name: echoDoubles, params: [{name: x, type: "double[]"}], return: {type: "double[]"}}
  - {name: echoBools, params: [{name: x, type: "list<boolean>"}], return: {type: "list<boolean>"}}
  - {name: echoCube, params: [{name: x, type: "long[][][]"}], return: {type: "long[][][]"}}
  - {name: echoChars, params: [{name: x, type: "list<character>"}], return: {type: "list<character>"}}
  - {name: echoLongList, params: [{name: x, type: "list<long[]>"}], return: {type: "list<long[]>"}}
  - {name: add, params: [{name: x, type: integer}], return: {type: void}}
  - {name: total, params: [], return: {type: integer}}
  - {name: join, params: [{name: a, type: integer}, {name: b, type: string}, {name: c, type: long}], return: {type: string}}
`

// jrEchoCase is one design test: the calls (constructor first) and the
// expected results.
type jrEchoCase struct {
	name, calls, args, want string
}

// jrEchoCases round-trip every type through the user's code.
var jrEchoCases = []jrEchoCase{
	{"ints", `["Echo","echoInt","echoInt","echoInt","echoLong","echoLong","echoLong"]`,
		`[[0],[0],[2147483647],[-2147483648],[9223372036854775807],[-9223372036854775808],[1]]`,
		`[null,0,2147483647,-2147483648,9223372036854775807,-9223372036854775808,1]`},
	{"doubles", `["Echo","echoDouble","echoDouble","echoDouble","echoDouble","echoDouble","echoDouble","echoDoubles","echoDoubles"]`,
		`[[0],[1e-7],[2.50000],[-0.1],[1.7976931348623157e308],[5e-324],[3],[[0.1,0.2,1E+2]],[[]]]`,
		`[null,1e-7,2.5,-0.1,1.7976931348623157e308,5e-324,3,[0.1,0.2,100],[]]`},
	{"bools and chars", `["Echo","echoBool","echoBool","echoChar","echoChar","echoChar","echoChar","echoChars","echoBools"]`,
		`[[0],[true],[false],["a"],["\""],["\\"],["é"],[["x","\n","\u00e9"]],[[true,false]]]`,
		`[null,true,false,"a","\"","\\","é",["x","\n","é"],[true,false]]`},
	{"strings", `["Echo","echoString","echoString","echoString","echoString","echoString","echoStrings","echoStrings"]`,
		`[[0],[""],["a \"quoted\" \\back\\slash/"],["héllo wörld ✓ 😀"],["\ud83d\ude00\u0001\t\r\n\b\f"],["\u2028 line sep"],[["a","","b c"]],[[]]]`,
		`[null,"","a \"quoted\" \\back\\slash/","héllo wörld ✓ 😀","😀\u0001\t\r\n\b\f","\u2028 line sep",["a","","b c"],[]]`},
	{"arrays", `["Echo","echoInts","echoInts","echoGrid","echoGrid","echoGrid","echoBoard","echoList","echoList","echoNested","echoCube","echoLongList"]`,
		`[[0],[[1,-2,3]],[[]],[[[1,2],[3],[]]],[[]],[[[]]],[[["a","b"],["c","."]]],[[5,6]],[[]],[[["a"],[],["b","c\"d"]]],[[[[1,-9223372036854775808]],[]]],[[[1],[]]]]`,
		`[null,[1,-2,3],[],[[1,2],[3],[]],[],[[]],[["a","b"],["c","."]],[5,6],[],[["a"],[],["b","c\"d"]],[[[1,-9223372036854775808]],[]],[[1],[]]]`},
	{"nodes", `["Echo","echoListNode","echoListNode","echoTree","echoTree","echoTree","echoTree","echoLists","echoTrees"]`,
		`[[0],[[1,2,3]],[[]],[[3,9,20,null,null,15,7]],[[]],[[1,null,2,null,3]],[[1,2,3,4,null,null,5]],[[[1],[],[2,3]]],[[[1,2],[],[4,null,5]]]]`,
		`[null,[1,2,3],[],[3,9,20,null,null,15,7],[],[1,null,2,null,3],[1,2,3,4,null,null,5],[[1],[],[2,3]],[[1,2],[],[4,null,5]]]`},
	{"state", `["Echo","add","add","total","join","total"]`,
		`[[10],[5],[-2],[],[7,"x y",-1],[]]`,
		`[null,null,null,13,"7|x y|-1",13]`},
}

// jrEchoInput is the driver's standard input for jrEchoCases.
func jrEchoInput() string {
	var b strings.Builder
	for _, c := range jrEchoCases {
		b.WriteString("[" + c.calls + "," + c.args + "]\n")
	}
	return b.String()
}

const jrJavaEcho = `// LeetCode's own: a user may import again.
import java.util.*;

class Echo {
    int sum;
    public Echo(int start) { sum = start; }
    public int echoInt(int x) { return x; }
    public long echoLong(long x) { return x; }
    public double echoDouble(double x) { return x; }
    public boolean echoBool(boolean x) { return x; }
    public char echoChar(char x) { return x; }
    public String echoString(String x) { System.out.println("user output " + x); return x; }
    public int[] echoInts(int[] x) { return x; }
    public int[][] echoGrid(int[][] x) { return x; }
    public String[] echoStrings(String[] x) { return x; }
    public char[][] echoBoard(char[][] x) { return x; }
    public List<Integer> echoList(List<Integer> x) { return x; }
    public List<List<String>> echoNested(List<List<String>> x) { return x; }
    public ListNode echoListNode(ListNode x) { return x; }
    public TreeNode echoTree(TreeNode x) { return x; }
    public ListNode[] echoLists(ListNode[] x) { return x; }
    public List<TreeNode> echoTrees(List<TreeNode> x) { return x; }
    public double[] echoDoubles(double[] x) { return x; }
    public List<Boolean> echoBools(List<Boolean> x) { return x; }
    public long[][][] echoCube(long[][][] x) { return x; }
    public List<Character> echoChars(List<Character> x) { return x; }
    public List<long[]> echoLongList(List<long[]> x) { return x; }
    public void add(int x) { sum += x; }
    public int total() { return sum; }
    public String join(int a, String b, long c) { return a + "|" + b + "|" + c; }
}
`

// jrRun is one run of a generated program.
type jrRun struct {
	results []Result
	stdout  string
	stderr  string
	exit    int
}

// jrTool skips the test when a toolchain is missing.
func jrTool(t *testing.T, names ...string) {
	t.Helper()
	for _, n := range names {
		if _, err := exec.LookPath(n); err != nil {
			t.Skipf("%s not installed: %v", n, err)
		}
	}
}

// jrBuild writes the program's files in a new directory and runs the
// compile command there; it returns the directory, or the compiler's
// output when the compile fails.
func jrBuild(t *testing.T, p *Program, compile []string) (dir, out string, ok bool) {
	t.Helper()
	dir = t.TempDir()
	var names []string
	for _, f := range p.Files {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, f.Name)
	}
	var argv []string
	for _, a := range compile {
		if a == "{files}" {
			argv = append(argv, names...)
		} else {
			argv = append(argv, a)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Dir = dir
	b, err := cmd.CombinedOutput()
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("compile: %v", err)
		}
		return dir, string(b), false
	}
	return dir, string(b), true
}

// jrExec runs the built program in dir with stdin and reads its results.
func jrExec(t *testing.T, dir string, argv []string, stdin string) jrRun {
	t.Helper()
	os.Remove(filepath.Join(dir, ResultsFile))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	var so, se bytes.Buffer
	cmd.Stdout, cmd.Stderr = &so, &se
	r := jrRun{}
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("run: %v", err)
		}
		r.exit = ee.ExitCode()
	}
	r.stdout, r.stderr = so.String(), se.String()
	b, err := os.ReadFile(filepath.Join(dir, ResultsFile))
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	rs, err := ParseResults(b)
	if err != nil {
		t.Fatalf("results: %v\n%s", err, b)
	}
	r.results = rs
	return r
}

// jrNorm decodes JSON with numbers made canonical: integers exact, other
// numbers as the float64 they read as (so 2.50000 == 2.5 and 1e-7 ==
// 1.0E-7, but no tolerance).
func jrNorm(t *testing.T, b []byte) any {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatalf("bad JSON %s: %v", b, err)
	}
	var norm func(v any) any
	norm = func(v any) any {
		switch x := v.(type) {
		case json.Number:
			if i, err := strconv.ParseInt(string(x), 10, 64); err == nil {
				return "i" + strconv.FormatInt(i, 10)
			}
			f, err := strconv.ParseFloat(string(x), 64)
			if err != nil {
				t.Fatalf("number %s: %v", x, err)
			}
			if f == float64(int64(f)) && f < 1e18 && f > -1e18 {
				return "i" + strconv.FormatInt(int64(f), 10)
			}
			return "f" + strconv.FormatFloat(f, 'g', -1, 64)
		case []any:
			for i := range x {
				x[i] = norm(x[i])
			}
		}
		return v
	}
	return norm(v)
}

// jrCheckEcho checks a run of jrEchoInput.
func jrCheckEcho(t *testing.T, r jrRun) {
	t.Helper()
	if r.exit != 0 {
		t.Fatalf("exit %d\nstderr: %s", r.exit, r.stderr)
	}
	if len(r.results) != len(jrEchoCases) {
		t.Fatalf("%d results for %d tests\nstderr: %s", len(r.results), len(jrEchoCases), r.stderr)
	}
	for i, c := range jrEchoCases {
		res := r.results[i]
		if !res.OK {
			t.Errorf("%s: error %s", c.name, res.Error)
			continue
		}
		if got, want := jrNorm(t, res.Value), jrNorm(t, []byte(c.want)); !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %s\nwant %s", c.name, res.Value, c.want)
		}
		if !json.Valid(res.Value) {
			t.Errorf("%s: not JSON: %s", c.name, res.Value)
		}
	}
}

func jrSig(t *testing.T, y string) *Signature {
	t.Helper()
	s, err := ParseBytes([]byte(y))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

var jrJavac = []string{"javac", "-encoding", "UTF-8", "-d", "classes", "{files}"}

func jrJavaRun(main string) []string { return []string{"java", "-Xss64m", "-cp", "classes", main} }

func TestJavaEchoRoundTrip(t *testing.T) {
	jrTool(t, "javac", "java")
	sig := jrSig(t, jrEchoSig)
	p, err := javaGen{}.Program(sig, []byte(jrJavaEcho))
	if err != nil {
		t.Fatal(err)
	}
	if p.UserFile != "Echo.java" {
		t.Errorf("user file %q, want Echo.java", p.UserFile)
	}
	dir, out, ok := jrBuild(t, p, jrJavac)
	if !ok {
		t.Fatalf("compile:\n%s", out)
	}
	r := jrExec(t, dir, jrJavaRun("Main"), jrEchoInput())
	jrCheckEcho(t, r)
	if !strings.Contains(r.stdout, "user output héllo wörld") {
		t.Errorf("the user's output is not on standard output: %q", r.stdout)
	}
	for _, res := range r.results {
		if res.NS <= 0 {
			t.Errorf("time %d ns", res.NS)
		}
	}
}

// jrJavaCases are function problems run with Java: the user's code, the
// input, and what must come out.
var jrJavaCases = []struct {
	name, sig, user, input string
	want                   []string // the values of the tests that pass
	err                    string   // the error of the last test, if it fails
	stderr                 []string // in standard error
	compile                string   // in the compiler's output when the compile fails
}{
	{
		name:  "void in place, public class",
		sig:   `{name: rotate, params: [{name: nums, type: "integer[]"}, {name: k, type: integer}], return: {type: void}, output: {paramindex: 0}}`,
		user:  "public class Solution {\n    public void rotate(int[] nums, int k) {\n        k %= nums.length;\n        int[] c = nums.clone();\n        for (int i = 0; i < nums.length; i++) nums[(i + k) % nums.length] = c[i];\n    }\n}\n",
		input: "[[1,2,3,4,5],2]\n[[1],0]\n",
		want:  []string{"[4,5,1,2,3]", "[1]"},
	},
	{
		name:   "exception",
		sig:    `{name: divide, params: [{name: a, type: integer}, {name: b, type: integer}], return: {type: integer}}`,
		user:   "class Solution {\n    public int divide(int a, int b) {\n        return helper(a, b);\n    }\n    int helper(int a, int b) {\n        return a / b;\n    }\n}",
		input:  "[6,3]\n[1,0]\n[4,2]\n",
		want:   []string{"2"},
		err:    "java.lang.ArithmeticException: / by zero",
		stderr: []string{"java.lang.ArithmeticException: / by zero", "(Solution.java:6)", "(Solution.java:3)"},
	},
	{
		name:   "stack overflow",
		sig:    `{name: depth, params: [{name: n, type: long}], return: {type: long}}`,
		user:   "class Solution {\n    public long depth(long n) {\n        return 1 + depth(n + 1);\n    }\n}\n",
		input:  "[1]\n",
		err:    "java.lang.StackOverflowError",
		stderr: []string{"(Solution.java:3)"},
	},
	{
		name:  "list nodes and a user's ListNode",
		sig:   `{name: reverseList, params: [{name: head, type: ListNode}], return: {type: ListNode}}`,
		user:  "/**\n * Definition for singly-linked list.\n */\nclass ListNode {\n    int val;\n    ListNode next;\n    ListNode(int v) { val = v; }\n    ListNode() {}\n    ListNode(int v, ListNode n) { val = v; next = n; }\n}\nclass Solution {\n    public ListNode reverseList(ListNode head) {\n        ListNode prev = null;\n        while (head != null) { ListNode n = head.next; head.next = prev; prev = head; head = n; }\n        return prev;\n    }\n}\n",
		input: "[[1,2,3]]\n[[]]\n",
		want:  []string{"[3,2,1]", "[]"},
	},
	{
		name:  "cyclic list returned",
		sig:   `{name: loop, params: [{name: head, type: ListNode}], return: {type: ListNode}}`,
		user:  "class Solution {\n    public ListNode loop(ListNode head) {\n        ListNode t = head; while (t.next != null) t = t.next; t.next = head; return head;\n    }\n}\n",
		input: "[[1,2,3]]\n",
		err:   "the linked list has a cycle",
	},
	{
		name:  "user classes named like the driver's",
		sig:   `{name: f, params: [{name: a, type: "list<integer>"}], return: {type: "list<integer>"}}`,
		user:  "class List<T> {}\nclass Set {}\nclass Parser {}\nclass Num {}\nclass Solution {\n    public java.util.List<Integer> f(java.util.List<Integer> a) { return a; }\n}\n",
		input: "[[1,2]]\n",
		want:  []string{"[1,2]"},
	},
	{
		name:  "LeetCode's Pair",
		sig:   `{name: f, params: [{name: a, type: integer}, {name: s, type: string}], return: {type: string}}`,
		user:  "class Solution {\n    public String f(int a, String s) {\n        Pair<Integer, String> p = new Pair<>(a, s);\n        return p.getKey() + p.getValue() + p + p.equals(new Pair<>(a, s));\n    }\n}\n",
		input: "[1,\"x\"]\n",
		want:  []string{`"1x1=xtrue"`},
	},
	{
		name:  "the user's own Pair",
		sig:   `{name: f, params: [{name: a, type: integer}], return: {type: integer}}`,
		user:  "record Pair(int a, int b) {}\n\nclass Solution {\n    public int f(int a) {\n        return new Pair(a, 2).b();\n    }\n}\n",
		input: "[1]\n",
		want:  []string{"2"},
	},
	{
		name:    "compile error",
		sig:     `{name: f, params: [{name: a, type: integer}], return: {type: integer}}`,
		user:    "class Solution {\n    public int f(int a) {\n        return a +;\n    }\n}\n",
		compile: "Solution.java:3: error",
	},
}

func TestJavaPrograms(t *testing.T) {
	jrTool(t, "javac", "java")
	for _, c := range jrJavaCases {
		t.Run(c.name, func(t *testing.T) {
			sig := jrSig(t, c.sig)
			p, err := javaGen{}.Program(sig, []byte(c.user))
			if err != nil {
				t.Fatal(err)
			}
			dir, out, ok := jrBuild(t, p, jrJavac)
			if c.compile != "" {
				if ok || !strings.Contains(out, c.compile) {
					t.Fatalf("compile ok=%v, want a failure with %q:\n%s", ok, c.compile, out)
				}
				return
			}
			if !ok {
				t.Fatalf("compile:\n%s", out)
			}
			r := jrExec(t, dir, jrJavaRun("Main"), c.input)
			jrCheckRun(t, r, c.want, c.err, c.stderr)
		})
	}
}

// jrCheckRun checks the results of a run: the values of the passing tests,
// then, if errText is set, one failed test with that error and exit 1.
func jrCheckRun(t *testing.T, r jrRun, want []string, errText string, stderr []string) {
	t.Helper()
	n := len(want)
	if errText != "" {
		n++
	}
	if len(r.results) != n {
		t.Fatalf("%d results, want %d (exit %d)\nstderr: %s", len(r.results), n, r.exit, r.stderr)
	}
	for i, w := range want {
		if !r.results[i].OK || string(r.results[i].Value) != w {
			t.Errorf("test %d: %+v, want %s", i+1, r.results[i], w)
		}
	}
	if errText != "" {
		last := r.results[n-1]
		if last.OK || !strings.Contains(last.Error, errText) {
			t.Errorf("last test: %+v, want the error %q", last, errText)
		}
		if r.exit != 1 {
			t.Errorf("exit %d, want 1", r.exit)
		}
	} else if r.exit != 0 {
		t.Errorf("exit %d\nstderr: %s", r.exit, r.stderr)
	}
	for _, s := range stderr {
		if !strings.Contains(r.stderr, s) {
			t.Errorf("standard error lacks %q:\n%s", s, r.stderr)
		}
	}
}

func TestJavaStarter(t *testing.T) {
	cases := []struct{ sig, want string }{
		{`{name: twoSum, params: [{name: nums, type: "integer[]"}, {name: target, type: integer}], return: {type: "integer[]"}}`,
			"class Solution {\n    public int[] twoSum(int[] nums, int target) {\n        \n    }\n}\n"},
		{`{name: groupAnagrams, params: [{name: strs, type: "string[]"}], return: {type: "list<list<string>>"}}`,
			"class Solution {\n    public List<List<String>> groupAnagrams(String[] strs) {\n        \n    }\n}\n"},
		{`{name: sortList, params: [{name: head, type: ListNode}], return: {type: ListNode}}`,
			" * public class ListNode {\n"},
		{`{classname: LRUCache, constructor: {params: [{name: capacity, type: integer}]}, methods: [{name: get, params: [{name: key, type: integer}], return: {type: integer}}, {name: put, params: [{name: key, type: integer}, {name: value, type: integer}], return: {type: void}}]}`,
			"class LRUCache {\n\n    public LRUCache(int capacity) {\n        \n    }\n    \n    public int get(int key) {\n        \n    }\n    \n    public void put(int key, int value) {\n        \n    }\n}\n"},
	}
	for _, c := range cases {
		s, err := javaGen{}.Starter(jrSig(t, c.sig))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(s, c.want) {
			t.Errorf("starter:\n%s\nwant it to hold:\n%s", s, c.want)
		}
	}
}

// TestJavaUserFile checks how the user's code is placed: LeetCode's
// imports on its first line (its line numbers stay), public removed from
// its classes so that the judge runs Main.
func TestJavaUserFile(t *testing.T) {
	sig := jrSig(t, `{classname: LRUCache, constructor: {params: []}, methods: [{name: get, params: [], return: {type: integer}}]}`)
	user := "public class LRUCache {\n    public class Inner {}\n    public int get() { return 1; }\n}\npublic interface Shape {}\npublic enum Color { RED }\n"
	p, err := javaGen{}.Program(sig, []byte(user))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Files) != 2 || p.Files[0].Name != "Main.java" || p.Files[1].Name != "LRUCache.java" || p.UserFile != "LRUCache.java" {
		t.Fatalf("files %s, %s; user file %s", p.Files[0].Name, p.Files[1].Name, p.UserFile)
	}
	got := strings.Split(string(p.Files[1].Data), "\n")
	if !strings.HasPrefix(got[0], "import java.util.*;") || !strings.HasSuffix(got[0], "       class LRUCache {") {
		t.Errorf("line 1: %q", got[0])
	}
	if got[1] != "           class Inner {}" || got[2] != "    public int get() { return 1; }" {
		t.Errorf("lines 2-3: %q", got[1:3])
	}
	if got[4] != "       interface Shape {}" || got[5] != "       enum Color { RED }" {
		t.Errorf("lines 5-6: %q", got[4:6])
	}
	if m := javaPublicClass.FindStringSubmatch(string(p.Files[0].Data)); m == nil || !strings.HasSuffix(m[0], "class Main") {
		t.Errorf("first public class of Main.java: %q", m)
	}
}

// jrProblem is a function problem of testdata/functions, read on its own
// (package problem imports this one).
type jrProblem struct {
	sig   *Signature
	tests []*Test
	names []string
	ans   [][]byte
}

func jrLoad(t *testing.T, dir string) *jrProblem {
	t.Helper()
	y, err := os.ReadFile(filepath.Join(dir, "problem.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Function yaml.Node `yaml:"function"`
	}
	if err := yaml.Unmarshal(y, &doc); err != nil {
		t.Fatal(err)
	}
	sig, err := Parse(&doc.Function)
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	p := &jrProblem{sig: sig}
	ins, _ := filepath.Glob(filepath.Join(dir, "data", "*", "*.in"))
	sort.Strings(ins)
	for _, in := range ins {
		b, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		a, err := os.ReadFile(strings.TrimSuffix(in, ".in") + ".ans")
		if err != nil {
			t.Fatal(err)
		}
		tc, err := sig.ParseTest(b)
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		p.tests = append(p.tests, tc)
		p.names = append(p.names, filepath.Base(in))
		p.ans = append(p.ans, a)
	}
	return p
}

// jrJudge runs a submission of a testdata function problem on the host
// and checks every result against the answers.
func jrJudge(t *testing.T, g Generator, dir, sub string, compile, run []string) {
	t.Helper()
	p := jrLoad(t, dir)
	user, err := os.ReadFile(sub)
	if err != nil {
		t.Fatal(err)
	}
	prog, err := g.Program(p.sig, user)
	if err != nil {
		t.Fatal(err)
	}
	bdir, out, ok := jrBuild(t, prog, compile)
	if !ok {
		t.Fatalf("compile:\n%s", MapMessage(out, prog))
	}
	if len(run) == 1 && run[0] == "java" {
		run = jrJavaRun("Main")
	}
	r := jrExec(t, bdir, run, string(Input(p.tests)))
	if r.exit != 0 || len(r.results) != len(p.tests) {
		t.Fatalf("exit %d, %d results for %d tests\nstderr: %s", r.exit, len(r.results), len(p.tests), r.stderr)
	}
	for i, res := range r.results {
		if !res.OK {
			t.Errorf("%s: error %s", p.names[i], res.Error)
			continue
		}
		ok, msg, err := p.sig.Check(p.tests[i], p.ans[i], res.Value)
		if err != nil {
			t.Fatalf("%s: %v", p.names[i], err)
		}
		if !ok {
			t.Errorf("%s: %s\n got %s", p.names[i], msg, res.Value)
		}
	}
}

// TestTestdataJavaRust judges the accepted Java and Rust submissions of
// the echo problem (every type) on the host; with VERDICT_HOST_ALL=1, of
// every function problem in testdata (the judge's own test does it in the
// sandbox).
func TestTestdataJavaRust(t *testing.T) {
	dirs, _ := filepath.Glob("../testdata/functions/*")
	for _, dir := range dirs {
		if filepath.Base(dir) != "echo" && os.Getenv("VERDICT_HOST_ALL") == "" {
			continue
		}
		for _, lang := range []struct {
			ext     string
			gen     Generator
			tools   []string
			compile []string
			run     []string
		}{
			{".java", javaGen{}, []string{"javac", "java"}, jrJavac, []string{"java"}},
			{".rs", rustGen{}, []string{"rustc"}, jrRustc, []string{"./main"}},
		} {
			subs, _ := filepath.Glob(filepath.Join(dir, "submissions", "accepted", "*"+lang.ext))
			for _, sub := range subs {
				t.Run(filepath.Base(dir)+"/"+filepath.Base(sub), func(t *testing.T) {
					jrTool(t, lang.tools...)
					jrJudge(t, lang.gen, dir, sub, lang.compile, lang.run)
				})
			}
		}
	}
}

// TestJavaProgramErrors checks the signatures the Java driver refuses.
func TestJavaProgramErrors(t *testing.T) {
	for _, name := range []string{"Main", "ListNode", "TreeNode", "Pair"} {
		sig := jrSig(t, `{classname: `+name+`, constructor: {params: []}, methods: [{name: get, params: [], return: {type: integer}}]}`)
		if _, err := (javaGen{}).Program(sig, []byte("class "+name+" {}")); err == nil {
			t.Errorf("design class %s: no error", name)
		}
	}
}
