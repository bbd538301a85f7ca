package function

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// These tests compile the generated programs on the host with the
// system's compiler and run them directly: they test the generators'
// own output. Judging through the sandbox is TestFunctionProblems'.

// hostRun is a generated program built on the host.
type hostRun struct {
	dir string
	bin string
}

// hostBuild writes prog's files to a new directory and compiles them with
// argv (its {files} word replaced by the file names). It returns the
// compiler's output on failure.
func hostBuild(t *testing.T, prog *Program, argv ...string) (*hostRun, string, error) {
	t.Helper()
	dir := t.TempDir()
	var files []string
	for _, f := range prog.Files {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f.Name)
	}
	var args []string
	for _, a := range argv[1:] {
		if a == "{files}" {
			args = append(args, files...)
		} else {
			args = append(args, a)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		return nil, string(out), err
	}
	return &hostRun{dir: dir, bin: filepath.Join(dir, "main")}, string(out), nil
}

// hostResult is one line of the results file.
type hostResult struct {
	OK    bool            `json:"ok"`
	Value json.RawMessage `json:"value"`
	Error string          `json:"error"`
	NS    *int64          `json:"ns"`
}

// run feeds the tests (one a line) to the program and returns its results,
// its standard output and error and its exit status.
func (r *hostRun) run(t *testing.T, tests ...string) (res []hostResult, stdout, stderr string, status int) {
	t.Helper()
	os.Remove(filepath.Join(r.dir, ResultsFile))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, r.bin)
	cmd.Dir = r.dir
	cmd.Stdin = strings.NewReader(strings.Join(tests, "\n") + "\n")
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		status = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(r.dir, ResultsFile))
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	for _, l := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		if l == "" {
			continue
		}
		var h hostResult
		if err := json.Unmarshal([]byte(l), &h); err != nil {
			t.Fatalf("results line %q: %v", l, err)
		}
		if h.NS == nil || *h.NS < 0 {
			t.Fatalf("results line %q: no ns", l)
		}
		res = append(res, h)
	}
	return res, o.String(), e.String(), status
}

// needTool skips the test when the compiler is not installed.
func needTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s not installed", name)
	}
}

func mustSig(t *testing.T, yaml string) *Signature {
	t.Helper()
	s, err := ParseBytes([]byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// roundTrip is a design problem with one echo method a type, judged in
// every C-family test.
const roundTripSig = `
classname: Echo
constructor: {params: [{name: tag, type: string}]}
methods:
  - {name: tag, params: [], return: {type: string}}
  - {name: i, params: [{name: x, type: integer}], return: {type: integer}}
  - {name: l, params: [{name: x, type: long}], return: {type: long}}
  - {name: d, params: [{name: x, type: double}], return: {type: double}}
  - {name: b, params: [{name: x, type: boolean}], return: {type: boolean}}
  - {name: c, params: [{name: x, type: character}], return: {type: character}}
  - {name: s, params: [{name: x, type: string}], return: {type: string}}
  - {name: ai, params: [{name: x, type: "integer[]"}], return: {type: "integer[]"}}
  - {name: al, params: [{name: x, type: "long[]"}], return: {type: "long[]"}}
  - {name: ad, params: [{name: x, type: "double[]"}], return: {type: "double[]"}}
  - {name: ab, params: [{name: x, type: "boolean[]"}], return: {type: "list<boolean>"}}
  - {name: ac, params: [{name: x, type: "character[]"}], return: {type: "character[]"}}
  - {name: as, params: [{name: x, type: "string[]"}], return: {type: "list<String>"}}
  - {name: aai, params: [{name: x, type: "integer[][]"}], return: {type: "list<list<integer>>"}}
  - {name: aac, params: [{name: x, type: "character[][]"}], return: {type: "character[][]"}}
  - {name: aas, params: [{name: x, type: "list<list<string>>"}], return: {type: "string[][]"}}
  - {name: ln, params: [{name: x, type: ListNode}], return: {type: ListNode}}
  - {name: tn, params: [{name: x, type: TreeNode}], return: {type: TreeNode}}
  - {name: aln, params: [{name: x, type: "ListNode[]"}], return: {type: "ListNode[]"}}
  - {name: atn, params: [{name: x, type: "list<TreeNode>"}], return: {type: "list<TreeNode>"}}
  - {name: nothing, params: [{name: x, type: integer}], return: {type: void}}
`

// roundTrips are calls of the Echo class and the results each must give
// back exactly (compact JSON, the shortest doubles).
var roundTrips = []struct{ call, args, want string }{
	{"i", `[0]`, `0`},
	{"i", `[-2147483648]`, `-2147483648`},
	{"i", `[2147483647]`, `2147483647`},
	{"i", `[ 1E2 ]`, `100`},
	{"l", `[-9223372036854775808]`, `-9223372036854775808`},
	{"l", `[9223372036854775807]`, `9223372036854775807`},
	{"l", `[4294967296]`, `4294967296`},
	{"d", `[1e-7]`, `1e-07`},
	{"d", `[2.50000]`, `2.5`},
	{"d", `[-0.1]`, `-0.1`},
	{"d", `[3]`, `3`},
	{"d", `[1.7976931348623157e308]`, `1.7976931348623157e+308`},
	{"d", `[0.30000000000000004]`, `0.30000000000000004`},
	{"b", `[true]`, `true`},
	{"b", `[false]`, `false`},
	{"c", `["a"]`, `"a"`},
	{"c", `["\""]`, `"\""`},
	{"c", `["\\"]`, `"\\"`},
	{"s", `[""]`, `""`},
	{"s", `["a\"b\\c/d"]`, `"a\"b\\c/d"`},
	{"s", `["\u00e9\u4e2d\ud83d\ude00 é"]`, `"é中😀 é"`},
	{"s", `["tab\tnl\ncr\rbs\bff\f\u0001\u001f\u007f"]`, `"tab\tnl\ncr\rbs\bff\f\u0001\u001f\u007f"`},
	{"ai", `[[]]`, `[]`},
	{"ai", `[[1, -2 ,3]]`, `[1,-2,3]`},
	{"al", `[[-9223372036854775808,0,9223372036854775807]]`, `[-9223372036854775808,0,9223372036854775807]`},
	{"ad", `[[1e-7,2.50000,-1.5e300]]`, `[1e-07,2.5,-1.5e+300]`},
	{"ab", `[[true,false]]`, `[true,false]`},
	{"ac", `[["x","\n"]]`, `["x","\n"]`},
	{"as", `[["", "q\"", "ü"]]`, `["","q\"","ü"]`},
	{"aai", `[[[1,2],[],[3]]]`, `[[1,2],[],[3]]`},
	{"aai", `[[]]`, `[]`},
	{"aac", `[[["a","b"],["c","."]]]`, `[["a","b"],["c","."]]`},
	{"aas", `[[["a"],[],["b","c\\"]]]`, `[["a"],[],["b","c\\"]]`},
	{"ln", `[[]]`, `[]`},
	{"ln", `[[1,2,3]]`, `[1,2,3]`},
	{"tn", `[[]]`, `[]`},
	{"tn", `[[3,9,20,null,null,15,7]]`, `[3,9,20,null,null,15,7]`},
	{"tn", `[[1,null,2,null,3]]`, `[1,null,2,null,3]`},
	{"tn", `[[1,2,null,3,null,null,null]]`, `[1,2,null,3]`},
	{"aln", `[[[1,2],[],[3]]]`, `[[1,2],[],[3]]`},
	{"atn", `[[[1,null,2],[]]]`, `[[1,null,2],[]]`},
	{"nothing", `[5]`, `null`},
}

// roundTripTest returns the design test of every round trip, and the
// expected array of results.
func roundTripTest() (test, want string) {
	names := []string{`"Echo"`, `"tag"`}
	args := []string{`["t\"ag"]`, `[]`}
	wants := []string{`null`, `"t\"ag"`}
	for _, r := range roundTrips {
		names = append(names, `"`+r.call+`"`)
		args = append(args, r.args)
		wants = append(wants, r.want)
	}
	return "[[" + strings.Join(names, ",") + "],[" + strings.Join(args, ",") + "]]",
		"[" + strings.Join(wants, ",") + "]"
}

const cppEcho = `class Echo {
    string t;
public:
    Echo(string tag) : t(tag) {}
    string tag() { return t; }
    int i(int x) { return x; }
    long long l(long long x) { return x; }
    double d(double x) { return x; }
    bool b(bool x) { return x; }
    char c(char x) { return x; }
    string s(string x) { return x; }
    vector<int> ai(vector<int>& x) { return x; }
    vector<long long> al(vector<long long>& x) { return x; }
    vector<double> ad(vector<double>& x) { return x; }
    vector<bool> ab(vector<bool>& x) { return x; }
    vector<char> ac(vector<char>& x) { return x; }
    vector<string> as(vector<string>& x) { return x; }
    vector<vector<int>> aai(vector<vector<int>>& x) { return x; }
    vector<vector<char>> aac(vector<vector<char>>& x) { return x; }
    vector<vector<string>> aas(vector<vector<string>>& x) { return x; }
    ListNode* ln(ListNode* x) { return x; }
    TreeNode* tn(TreeNode* x) { return x; }
    vector<ListNode*> aln(vector<ListNode*>& x) { return x; }
    vector<TreeNode*> atn(vector<TreeNode*>& x) { return x; }
    void nothing(int x) { cout << "printed " << x << endl; }
};
`

// cppTestPCH precompiles <bits/stdc++.h> as the judge does, so that each
// compile of a test takes a second rather than several.
func cppTestPCH(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "bits"), 0o755); err != nil {
		t.Fatal(err)
	}
	h := filepath.Join(dir, "stdc++.h")
	if err := os.WriteFile(h, []byte("#include <bits/stdc++.h>\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("g++", "-O2", "-std=gnu++20", "-pipe", "-x", "c++-header", h, "-o", filepath.Join(dir, "bits", "stdc++.h.gch"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("precompiling bits/stdc++.h: %v\n%s", err, out)
	}
	return dir
}

func cppBuild(t *testing.T, pch string, sig *Signature, user string) (*hostRun, string, error) {
	t.Helper()
	prog, err := cppGen{}.Program(sig, []byte(user))
	if err != nil {
		t.Fatal(err)
	}
	if prog.UserFile != "solution.cpp" || len(prog.Files) != 1 || !bytes.HasPrefix(prog.Files[0].Data, []byte("#include <bits/stdc++.h>\n")) {
		t.Fatalf("program: user file %q, %d files", prog.UserFile, len(prog.Files))
	}
	return hostBuild(t, prog, "g++", "-O2", "-std=gnu++20", "-pipe", "-I"+pch, "-o", "main", "{files}")
}

func TestCppDriver(t *testing.T) {
	needTool(t, "g++")
	pch := cppTestPCH(t)

	t.Run("round trips", func(t *testing.T) {
		r, out, err := cppBuild(t, pch, mustSig(t, roundTripSig), cppEcho)
		if err != nil {
			t.Fatalf("compile: %v\n%s", err, out)
		}
		test, want := roundTripTest()
		res, stdout, stderr, status := r.run(t, test, test)
		if status != 0 || len(res) != 2 {
			t.Fatalf("status %d, %d results, stderr %s", status, len(res), stderr)
		}
		for _, h := range res {
			if !h.OK {
				t.Fatalf("error %q", h.Error)
			}
			checkRoundTrips(t, string(h.Value), want)
		}
		if stdout != "printed 5\nprinted 5\n" {
			t.Errorf("stdout %q", stdout)
		}
	})

	for _, tc := range cfamFunctionCases {
		t.Run(tc.name, func(t *testing.T) {
			r, out, err := cppBuild(t, pch, mustSig(t, tc.sig), tc.cpp)
			if err != nil {
				t.Fatalf("compile: %v\n%s", err, out)
			}
			checkCfamCase(t, r, tc)
		})
	}

	t.Run("exception", func(t *testing.T) {
		sig := mustSig(t, `{name: f, params: [{name: n, type: integer}], return: {type: integer}}`)
		r, out, err := cppBuild(t, pch, sig, "class Solution {\npublic:\n    int f(int n) {\n        if (n < 0) throw n;\n        vector<int> v(3);\n        return v.at(n);\n    }\n};\n")
		if err != nil {
			t.Fatalf("compile: %v\n%s", err, out)
		}
		res, _, stderr, status := r.run(t, `[1]`, `[7]`, `[2]`)
		if status != 1 || len(res) != 2 || !res[0].OK || string(res[0].Value) != "0" || res[1].OK {
			t.Fatalf("status %d, results %+v", status, res)
		}
		if !strings.HasPrefix(res[1].Error, "std::out_of_range: vector::_M_range_check") ||
			!strings.Contains(stderr, "terminate called after throwing an instance of 'std::out_of_range'\n  what():  vector::_M_range_check") {
			t.Errorf("error %q, stderr %q", res[1].Error, stderr)
		}
		res, _, _, status = r.run(t, `[-1]`)
		if status != 1 || len(res) != 1 || res[0].OK || res[0].Error != "exception of type int" {
			t.Errorf("throw int: status %d, results %+v", status, res)
		}
	})

	t.Run("cycle", func(t *testing.T) {
		sig := mustSig(t, `{name: f, params: [{name: head, type: ListNode}], return: {type: ListNode}}`)
		r, out, err := cppBuild(t, pch, sig, "class Solution {\npublic:\n    ListNode* f(ListNode* h) {\n        if (h && h->val == 0) h->next->next->next = h->next;\n        return h;\n    }\n};\n")
		if err != nil {
			t.Fatalf("compile: %v\n%s", err, out)
		}
		res, _, stderr, status := r.run(t, `[[1,2]]`, `[[0,1,2,3]]`, `[[3]]`)
		if status != 1 || len(res) != 2 || !res[0].OK || string(res[0].Value) != "[1,2]" || res[1].OK ||
			res[1].Error != "the returned linked list has a cycle" || !strings.Contains(stderr, "cycle") {
			t.Fatalf("status %d, results %+v, stderr %q", status, res, stderr)
		}
	})

	t.Run("bad input", func(t *testing.T) {
		sig := mustSig(t, `{name: f, params: [{name: n, type: integer}], return: {type: integer}}`)
		r, out, err := cppBuild(t, pch, sig, "class Solution {\npublic:\n    int f(int n) { return n; }\n};\n")
		if err != nil {
			t.Fatalf("compile: %v\n%s", err, out)
		}
		for _, in := range []string{`[2147483648]`, `["1"]`, `[1,2]`, `[1.5]`, `[1`, `["\x"]`} {
			res, _, stderr, status := r.run(t, `[1]`, in)
			if status != 3 || len(res) != 1 || !strings.Contains(stderr, "verdict driver: test 2") {
				t.Errorf("%s: status %d, results %+v, stderr %q", in, status, res, stderr)
			}
		}
	})

	t.Run("compile error names solution.cpp", func(t *testing.T) {
		sig := mustSig(t, `{name: f, params: [{name: n, type: integer}], return: {type: integer}}`)
		_, out, err := cppBuild(t, pch, sig, "class Solution {\npublic:\n    int f(int n) {\n        return n + undeclared;\n    }\n};\n")
		if err == nil {
			t.Fatal("compiled")
		}
		if !strings.Contains(out, "solution.cpp:4:20: error:") || strings.Contains(out, "main.cpp:4:") {
			t.Errorf("compiler output:\n%s", out)
		}
	})

	t.Run("wrong method names main.cpp", func(t *testing.T) {
		sig := mustSig(t, `{name: f, params: [{name: n, type: integer}], return: {type: integer}}`)
		prog, err := cppGen{}.Program(sig, []byte("class Solution {\npublic:\n    int g(int n) { return n; }\n};"))
		if err != nil {
			t.Fatal(err)
		}
		_, out, err := hostBuild(t, prog, "g++", "-O2", "-std=gnu++20", "-pipe", "-I"+pch, "-o", "main", "{files}")
		if err == nil {
			t.Fatal("compiled")
		}
		// The message names the generated line that calls f, and that
		// line is the call.
		lines := strings.Split(string(prog.Files[0].Data), "\n")
		found := false
		for _, l := range strings.Split(out, "\n") {
			var n int
			if i := strings.Index(l, "main.cpp:"); i >= 0 {
				rest := l[i+len("main.cpp:"):]
				for _, c := range rest {
					if c < '0' || c > '9' {
						break
					}
					n = n*10 + int(c-'0')
				}
				if n > 0 && n <= len(lines) && strings.Contains(lines[n-1], "vd_sol->f(") {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("no message names the call's line:\n%s", out)
		}
	})
}

// checkRoundTrips compares the design result got with want, call by call.
func checkRoundTrips(t *testing.T, got, want string) {
	t.Helper()
	var g, w []json.RawMessage
	if err := json.Unmarshal([]byte(got), &g); err != nil {
		t.Fatalf("result %s: %v", got, err)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatal(err)
	}
	if len(g) != len(w) {
		t.Fatalf("%d results, want %d: %s", len(g), len(w), got)
	}
	for i := range w {
		if string(g[i]) != string(w[i]) {
			name := "constructor"
			if i >= 2 {
				name = roundTrips[i-2].call + roundTrips[i-2].args
			} else if i == 1 {
				name = "tag"
			}
			t.Errorf("%s: got %s, want %s", name, g[i], w[i])
		}
	}
}

// cfamCase is a function problem with a C and a C++ solution, tests and
// the results they must give.
type cfamCase struct {
	name   string
	sig    string
	c, cpp string
	tests  []string
	want   []string
}

var cfamFunctionCases = []cfamCase{
	{
		name: "two sum",
		sig:  `{name: twoSum, params: [{name: nums, type: "integer[]"}, {name: target, type: integer}], return: {type: "integer[]"}}`,
		cpp: `class Solution {
public:
    vector<int> twoSum(vector<int>& nums, int target) {
        unordered_map<int, int> seen;
        for (int i = 0; i < (int)nums.size(); i++) {
            if (seen.count(target - nums[i])) return {seen[target - nums[i]], i};
            seen[nums[i]] = i;
        }
        return {};
    }
};`,
		c: `int* twoSum(int* nums, int numsSize, int target, int* returnSize) {
    int* r = malloc(2 * sizeof(int));
    *returnSize = 0;
    for (int i = 0; i < numsSize; i++)
        for (int j = i + 1; j < numsSize; j++)
            if (nums[i] + nums[j] == target) { r[0] = i; r[1] = j; *returnSize = 2; return r; }
    return r;
}`,
		tests: []string{`[[2,7,11,15],9]`, `[[3,2,4],6]`, `[[1,2],7]`},
		want:  []string{`[0,1]`, `[1,2]`, `[]`},
	},
	{
		name: "void in place",
		sig:  `{name: rotate, params: [{name: matrix, type: "integer[][]"}], return: {type: void}, output: {paramindex: 0}}`,
		cpp: `class Solution {
public:
    void rotate(vector<vector<int>>& m) {
        int n = m.size();
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) swap(m[i][j], m[j][i]);
        for (auto& r : m) reverse(r.begin(), r.end());
    }
};`,
		c: `void rotate(int** m, int mSize, int* mColSize) {
    int n = mSize;
    for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) { int t = m[i][j]; m[i][j] = m[j][i]; m[j][i] = t; }
    for (int i = 0; i < n; i++) for (int a = 0, b = mColSize[i] - 1; a < b; a++, b--) { int t = m[i][a]; m[i][a] = m[i][b]; m[i][b] = t; }
}`,
		tests: []string{`[[[1,2,3],[4,5,6],[7,8,9]]]`, `[[[1]]]`, `[[]]`},
		want:  []string{`[[7,4,1],[8,5,2],[9,6,3]]`, `[[1]]`, `[]`},
	},
	{
		name: "void in place string",
		sig:  `{name: reverseString, params: [{name: s, type: "character[]"}], return: {type: void}, output: {paramindex: 0}}`,
		cpp: `class Solution {
public:
    void reverseString(vector<char>& s) { reverse(s.begin(), s.end()); }
};`,
		c: `void reverseString(char* s, int sSize) {
    for (int i = 0, j = sSize - 1; i < j; i++, j--) { char t = s[i]; s[i] = s[j]; s[j] = t; }
}`,
		tests: []string{`[["h","e","l","l","o"]]`, `[[]]`},
		want:  []string{`["o","l","l","e","h"]`, `[]`},
	},
	{
		name: "linked list",
		sig:  `{name: reverseList, params: [{name: head, type: ListNode}], return: {type: ListNode}}`,
		cpp: `class Solution {
public:
    ListNode* reverseList(ListNode* head) {
        ListNode* p = nullptr;
        while (head) { ListNode* n = head->next; head->next = p; p = head; head = n; }
        return p;
    }
};`,
		c: `struct ListNode* reverseList(struct ListNode* head) {
    struct ListNode* p = NULL;
    while (head) { struct ListNode* n = head->next; head->next = p; p = head; head = n; }
    return p;
}`,
		tests: []string{`[[1,2,3,4,5]]`, `[[]]`, `[[7]]`},
		want:  []string{`[5,4,3,2,1]`, `[]`, `[7]`},
	},
	{
		name: "tree",
		sig:  `{name: invertTree, params: [{name: root, type: TreeNode}], return: {type: TreeNode}}`,
		cpp: `class Solution {
public:
    TreeNode* invertTree(TreeNode* root) {
        if (!root) return nullptr;
        swap(root->left, root->right);
        invertTree(root->left); invertTree(root->right);
        return root;
    }
};`,
		c: `struct TreeNode* invertTree(struct TreeNode* root) {
    if (!root) return NULL;
    struct TreeNode* t = root->left; root->left = root->right; root->right = t;
    invertTree(root->left); invertTree(root->right);
    return root;
}`,
		tests: []string{`[[4,2,7,1,3,6,9]]`, `[[]]`, `[[1,2]]`},
		want:  []string{`[4,7,2,9,6,3,1]`, `[]`, `[1,null,2]`},
	},
	{
		name: "shared subtrees",
		sig:  `{name: twin, params: [{name: n, type: integer}], return: {type: TreeNode}}`,
		cpp: `class Solution {
public:
    TreeNode* twin(int n) { TreeNode* l = new TreeNode(n); return new TreeNode(0, l, l); }
};`,
		c: `struct TreeNode* twin(int n) {
    struct TreeNode* l = calloc(1, sizeof *l); l->val = n;
    struct TreeNode* r = calloc(1, sizeof *r); r->left = l; r->right = l;
    return r;
}`,
		tests: []string{`[5]`},
		want:  []string{`[0,5,5]`},
	},
	{
		name: "strings",
		sig:  `{name: groupAnagrams, params: [{name: strs, type: "string[]"}, {name: sep, type: character}], return: {type: "list<list<string>>"}}`,
		cpp: `class Solution {
public:
    vector<vector<string>> groupAnagrams(vector<string>& strs, char sep) {
        vector<vector<string>> r;
        for (auto& s : strs) r.push_back({s, string(1, sep) + s});
        return r;
    }
};`,
		c: `char*** groupAnagrams(char** strs, int strsSize, char sep, int* returnSize, int** returnColumnSizes) {
    char*** r = malloc(sizeof(char**) * strsSize);
    *returnColumnSizes = malloc(sizeof(int) * strsSize);
    for (int i = 0; i < strsSize; i++) {
        r[i] = malloc(2 * sizeof(char*));
        r[i][0] = strs[i];
        r[i][1] = malloc(strlen(strs[i]) + 2);
        r[i][1][0] = sep;
        strcpy(r[i][1] + 1, strs[i]);
        (*returnColumnSizes)[i] = 2;
    }
    *returnSize = strsSize;
    return r;
}`,
		tests: []string{`[["eat","\"q\\"],"-"]`, `[[],"x"]`},
		want:  []string{`[["eat","-eat"],["\"q\\","-\"q\\"]]`, `[]`},
	},
	{
		name: "double and long",
		sig:  `{name: avg, params: [{name: xs, type: "long[]"}], return: {type: double}}`,
		cpp: `class Solution {
public:
    double avg(vector<long long>& xs) { long double s = 0; for (auto x : xs) s += x; return xs.empty() ? 0 : (double)(s / xs.size()); }
};`,
		c:     `double avg(long long* xs, int xsSize) { long double s = 0; for (int i = 0; i < xsSize; i++) s += xs[i]; return xsSize ? (double)(s / xsSize) : 0; }`,
		tests: []string{`[[1,2]]`, `[[9223372036854775807]]`, `[[]]`},
		want:  []string{`1.5`, `9223372036854775808`, `0`},
	},
	{
		name:  "non-finite doubles",
		sig:   `{name: inv, params: [{name: x, type: double}], return: {type: "double[]"}}`,
		cpp:   "class Solution {\npublic:\n    vector<double> inv(double x) { return {1 / x, x / x}; }\n};",
		c:     "double* inv(double x, int* returnSize) {\n    double* r = malloc(2 * sizeof(double));\n    r[0] = 1 / x; r[1] = x / x; *returnSize = 2;\n    return r;\n}",
		tests: []string{`[0.5]`, `[0]`, `[-0.0]`},
		want:  []string{`[2,1]`, `["Infinity","NaN"]`, `["-Infinity","NaN"]`},
	},
}

// checkCfamCase runs a case's tests and compares each result exactly.
func checkCfamCase(t *testing.T, r *hostRun, tc cfamCase) {
	t.Helper()
	res, _, stderr, status := r.run(t, tc.tests...)
	if status != 0 || len(res) != len(tc.want) {
		t.Fatalf("status %d, %d results, stderr %s", status, len(res), stderr)
	}
	for i, h := range res {
		if !h.OK || string(h.Value) != tc.want[i] {
			t.Errorf("test %s: got %+v (%s), want %s", tc.tests[i], h, h.Value, tc.want[i])
		}
	}
}

func TestCppStarter(t *testing.T) {
	tests := []struct{ sig, want string }{
		{`{name: twoSum, params: [{name: nums, type: "integer[]"}, {name: target, type: integer}], return: {type: "integer[]"}}`,
			"class Solution {\npublic:\n    vector<int> twoSum(vector<int>& nums, int target) {\n        \n    }\n};"},
		{`{name: isPalindrome, params: [{name: s, type: string}, {name: k, type: long}], return: {type: boolean}}`,
			"class Solution {\npublic:\n    bool isPalindrome(string s, long long k) {\n        \n    }\n};"},
		{`{name: reverseList, params: [{name: head, type: ListNode}], return: {type: ListNode}}`, `/**
 * Definition for singly-linked list.
 * struct ListNode {
 *     int val;
 *     ListNode *next;
 *     ListNode() : val(0), next(nullptr) {}
 *     ListNode(int x) : val(x), next(nullptr) {}
 *     ListNode(int x, ListNode *next) : val(x), next(next) {}
 * };
 */
class Solution {
public:
    ListNode* reverseList(ListNode* head) {
        
    }
};`},
		{`{name: levelOrder, params: [{name: root, type: TreeNode}], return: {type: "list<list<integer>>"}}`, `/**
 * Definition for a binary tree node.
 * struct TreeNode {
 *     int val;
 *     TreeNode *left;
 *     TreeNode *right;
 *     TreeNode() : val(0), left(nullptr), right(nullptr) {}
 *     TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}
 *     TreeNode(int x, TreeNode *left, TreeNode *right) : val(x), left(left), right(right) {}
 * };
 */
class Solution {
public:
    vector<vector<int>> levelOrder(TreeNode* root) {
        
    }
};`},
		{lruSig, `class LRUCache {
public:
    LRUCache(int capacity) {
        
    }
    
    int get(int key) {
        
    }
    
    void put(int key, int value) {
        
    }
};

/**
 * Your LRUCache object will be instantiated and called as such:
 * LRUCache* obj = new LRUCache(capacity);
 * int param_1 = obj->get(key);
 * obj->put(key,value);
 */`},
	}
	for _, tc := range tests {
		got, err := cppGen{}.Starter(mustSig(t, tc.sig))
		if err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("starter of %s:\n%s\nwant:\n%s", tc.sig, got, tc.want)
		}
	}
}

// TestCppStarterCompiles compiles the starter code of the round-trip
// design problem (every type) with its driver.
func TestCppStarterCompiles(t *testing.T) {
	needTool(t, "g++")
	pch := cppTestPCH(t)
	sig := mustSig(t, roundTripSig)
	st, err := cppGen{}.Starter(sig)
	if err != nil {
		t.Fatal(err)
	}
	if _, out, err := cppBuild(t, pch, sig, st); err != nil {
		t.Errorf("starter: %v\n%s", err, out)
	}
}

// BenchmarkCppTwoSum100 runs a two-sum solution's driver on 100 tests of
// 1000 numbers each: one whole run of the program a benchmark iteration.
func BenchmarkCppTwoSum100(b *testing.B) {
	if _, err := exec.LookPath("g++"); err != nil {
		b.Skip("g++ not installed")
	}
	benchCfam(b, cppGen{}, cfamFunctionCases[0].cpp, []string{"g++", "-O2", "-std=gnu++20", "-o", "main", "{files}"})
}

// benchCfam compiles a two-sum solution and times whole runs of it on 100
// tests; it reports the time the driver reports spent in the user's code.
func benchCfam(b *testing.B, g Generator, sol string, argv []string) {
	sig, err := ParseBytes([]byte(cfamFunctionCases[0].sig))
	if err != nil {
		b.Fatal(err)
	}
	prog, err := g.Program(sig, []byte(sol))
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	var files []string
	for _, f := range prog.Files {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
			b.Fatal(err)
		}
		files = append(files, f.Name)
	}
	var args []string
	for _, a := range argv[1:] {
		if a == "{files}" {
			args = append(args, files...)
		} else {
			args = append(args, a)
		}
	}
	cmd := exec.Command(argv[0], args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("compile: %v\n%s", err, out)
	}
	var in strings.Builder
	for i := 0; i < 100; i++ {
		in.WriteString("[[")
		for k := 0; k < 1000; k++ {
			if k > 0 {
				in.WriteByte(',')
			}
			in.WriteString(strconv.Itoa(k*7 + i))
		}
		in.WriteString("]," + strconv.Itoa(999*7+998*7+2*i) + "]\n")
	}
	b.ResetTimer()
	var userNS int64
	for n := 0; n < b.N; n++ {
		cmd := exec.Command(filepath.Join(dir, "main"))
		cmd.Dir = dir
		cmd.Stdin = strings.NewReader(in.String())
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("run: %v\n%s", err, out)
		}
		data, err := os.ReadFile(filepath.Join(dir, ResultsFile))
		if err != nil {
			b.Fatal(err)
		}
		rs, err := ParseResults(data)
		if err != nil || len(rs) != 100 {
			b.Fatalf("%d results: %v", len(rs), err)
		}
		for _, r := range rs {
			if string(r.Value) != "[998,999]" {
				b.Fatalf("result %s", r.Value)
			}
			userNS += r.NS
		}
	}
	b.ReportMetric(float64(userNS)/float64(b.N)/1e6, "user-ms/op")
}
