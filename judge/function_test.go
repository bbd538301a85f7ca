package judge

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/verdict-judge/verdict/function"
	"github.com/verdict-judge/verdict/problem"
)

// skipWithoutDriver skips the test when the language has no function
// driver yet.
func skipWithoutDriver(t *testing.T, p *problem.Problem, langID string, src []byte) {
	t.Helper()
	gen, err := function.GeneratorFor(langID)
	if err == nil {
		_, err = gen.Program(p.Function, src)
	}
	if errors.Is(err, function.ErrNoDriver) {
		t.Skipf("no function driver for %s yet", langID)
	}
}

// TestFunctionProblems judges every submission of every function problem
// under testdata/functions and checks the verdict against the directory
// it sits in. Languages without a driver yet are skipped.
func TestFunctionProblems(t *testing.T) {
	e := newEnv(t)
	j := &Judge{SB: e.sb, Compiler: &Compiler{SB: e.sb, CacheDir: t.TempDir()}, Langs: e.reg}
	dirs, _ := filepath.Glob("../testdata/functions/*")
	if len(dirs) == 0 {
		t.Fatal("no function problems")
	}
	only := os.Getenv("VERDICT_FUNCTION_PROBLEM") // one problem, when debugging
	for _, dir := range dirs {
		if only != "" && filepath.Base(dir) != only {
			continue
		}
		t.Run(filepath.Base(dir), func(t *testing.T) {
			// Two problems at a time: compiles dominate, and the
			// sandbox has a box for each.
			t.Parallel()
			p, err := problem.Load(dir)
			if err != nil {
				t.Fatalf("%s: %v", dir, err)
			}
			defer p.Close()
			if p.Function == nil {
				t.Fatalf("%s is not a function problem", dir)
			}
			if len(p.Submissions) == 0 {
				t.Fatal("no submissions")
			}
			for _, s := range p.Submissions {
				t.Run(s.Category+"/"+filepath.Base(s.Path), func(t *testing.T) {
					want, ok := expected[s.Category]
					if !ok {
						t.Skipf("no expectation for %s", s.Category)
					}
					l, ok := e.reg.ForFile(s.Path)
					if !ok {
						t.Skipf("no language for %s", s.Path)
					}
					src, err := os.ReadFile(s.Path)
					if err != nil {
						t.Fatal(err)
					}
					skipWithoutDriver(t, p, l.ID, src)
					rep := judgeFile(t, e, j, p, s.Path)
					for _, w := range want {
						if rep.Verdict == w {
							return
						}
					}
					t.Errorf("verdict %s, want %v; compile %q; tests %+v", rep.Verdict, want, rep.Compile.Output, rep.Tests)
				})
			}
		})
	}
}

// fnTwoSum is a small function problem made for the tests below.
func fnTwoSum(t *testing.T) *problem.Problem {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "twosum")
	files := map[string]string{
		"problem.yaml":              "name: Two Sum\ntype: function\nfunction:\n  name: twoSum\n  params: [{name: nums, type: \"integer[]\"}, {name: target, type: integer}]\n  return: {type: \"integer[]\"}\n",
		"data/sample/1.in":          "[2,7,11,15]\n9\n",
		"data/sample/1.ans":         "[0,1]\n",
		"data/secret/1.in":          "[3,2,4]\n6\n",
		"data/secret/1.ans":         "[1,2]\n",
		"data/secret/2.in":          "[3,3]\n6\n",
		"data/secret/2.ans":         "[0,1]\n",
		"submissions/accepted/a.py": "class Solution:\n    def twoSum(self, nums, target):\n        return [0, 1]\n",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p, err := problem.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

// errorSources are, per language, a two-sum solution that does not
// compile (an error on the line holding BAD) and one that throws on the
// second test (on the line holding THROW), each with the user-file line of
// the error.
var errorSources = map[string]struct{ compile, throw string }{
	"python": {
		compile: "class Solution:\n    def twoSum(self, nums: List[int], target: int) -> List[int]:\n        x = 1\n        return [0, 1] +  # BAD\n",
		throw:   "class Solution:\n    def twoSum(self, nums: List[int], target: int) -> List[int]:\n        if nums == [3, 2, 4]:\n            return helper(nums)\n        return [0, 1]\n\ndef helper(nums):\n    return [nums[10]]  # THROW\n",
	},
	"javascript": {
		compile: "/**\n * @param {number[]} nums\n * @param {number} target\n * @return {number[]}\n */\nvar twoSum = function(nums, target) {\n    return [0, 1] +* 2; // BAD\n};\n",
		throw:   "var twoSum = function(nums, target) {\n    if (nums[1] === 2) return helper(nums);\n    return [0, 1];\n};\n\nfunction helper(nums) {\n    return null.x; // THROW\n}\n",
	},
	"java": {
		compile: "class Solution {\n    public int[] twoSum(int[] nums, int target) {\n        return new int[]{0, 1} +; // BAD\n    }\n}\n",
		throw:   "class Solution {\n    public int[] twoSum(int[] nums, int target) {\n        if (nums[1] == 2) return helper(nums);\n        return new int[]{0, 1};\n    }\n    int[] helper(int[] nums) {\n        return new int[]{nums[10]}; // THROW\n    }\n}\n",
	},
	"rust": {
		compile: "impl Solution {\n    pub fn two_sum(nums: Vec<i32>, target: i32) -> Vec<i32> {\n        let x: i32 = \"s\"; // BAD\n        vec![0, 1]\n    }\n}\n",
		throw:   "impl Solution {\n    pub fn two_sum(nums: Vec<i32>, target: i32) -> Vec<i32> {\n        if nums[1] == 2 {\n            return helper(&nums);\n        }\n        vec![0, 1]\n    }\n}\nfn helper(nums: &[i32]) -> Vec<i32> {\n    vec![nums[10]] // THROW\n}\n",
	},
	"go": {
		compile: "func twoSum(nums []int, target int) []int {\n    x := 1\n    return []int{0, 1} + 2 // BAD\n}\n",
		throw:   "func twoSum(nums []int, target int) []int {\n    if nums[1] == 2 {\n        return helper(nums)\n    }\n    return []int{0, 1}\n}\n\nfunc helper(nums []int) []int {\n    i := 10\n    return []int{nums[i]} // THROW\n}\n",
	},
}

// lineOf is the 1-based number of the line of src holding mark.
func lineOf(src, mark string) string {
	for i, l := range strings.Split(src, "\n") {
		if strings.Contains(l, mark) {
			return strconv.Itoa(i + 1)
		}
	}
	return "?"
}

// TestFunctionErrorsPointAtUserCode checks that a compile error names the
// user's file and line, and that an exception's message shows the user's
// frame, not the driver's.
func TestFunctionErrorsPointAtUserCode(t *testing.T) {
	e := newEnv(t)
	j := &Judge{SB: e.sb, Compiler: &Compiler{SB: e.sb, CacheDir: t.TempDir()}, Langs: e.reg}
	p := fnTwoSum(t)
	for id, srcs := range errorSources {
		t.Run(id, func(t *testing.T) {
			l := e.langs[id]
			if l == nil {
				t.Skipf("no %s toolchain", id)
			}
			skipWithoutDriver(t, p, id, []byte(srcs.throw))
			gen, _ := function.GeneratorFor(id)
			prog, err := gen.Program(p.Function, []byte(srcs.throw))
			if err != nil {
				t.Fatal(err)
			}
			user := regexp.QuoteMeta(prog.UserFile)

			rep, err := j.Submit(context.Background(), p, l, []Source{{Name: l.Source, Data: []byte(srcs.compile)}}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("compile output:\n%s", rep.Compile.Output)
			if rep.Verdict != CE {
				t.Fatalf("verdict %s, want CE", rep.Verdict)
			}
			line := lineOf(srcs.compile, "BAD")
			if !regexp.MustCompile(user + `(:|", line )` + line + `\b`).MatchString(rep.Compile.Output) {
				t.Errorf("the compile output does not point at %s line %s", prog.UserFile, line)
			}

			rep, err = j.Submit(context.Background(), p, l, []Source{{Name: l.Source, Data: []byte(srcs.throw)}}, Options{RunAll: true})
			if err != nil {
				t.Fatal(err)
			}
			if rep.Verdict != RE || len(rep.Tests) != 3 || rep.Tests[0].Verdict != AC || rep.Tests[1].Verdict != RE || rep.Tests[2].Verdict != AC {
				t.Fatalf("verdict %s, tests %+v; want AC, RE, AC", rep.Verdict, rep.Tests)
			}
			msg := rep.Tests[1].Message
			t.Logf("exception:\n%s", msg)
			line = lineOf(srcs.throw, "THROW")
			if !regexp.MustCompile(user + `(:|", line )` + line + `\b`).MatchString(msg) {
				t.Errorf("the message does not show %s line %s", prog.UserFile, line)
			}
		})
	}
}

// TestFunctionOutputValidator checks that a function problem may have its
// own output validator: it gets the driver's value as the team output.
func TestFunctionOutputValidator(t *testing.T) {
	e := newEnv(t)
	if e.langs["python"] == nil {
		t.Skip("no python toolchain")
	}
	j := &Judge{SB: e.sb, Compiler: &Compiler{SB: e.sb, CacheDir: t.TempDir()}, Langs: e.reg}
	dir := filepath.Join(t.TempDir(), "twosum-any")
	files := map[string]string{
		"problem.yaml":      "name: Two Sum, any pair\ntype: function\nvalidation: custom\nfunction:\n  name: twoSum\n  params: [{name: nums, type: \"integer[]\"}, {name: target, type: integer}]\n  return: {type: \"integer[]\"}\n",
		"data/sample/1.in":  "[2,7,11,15]\n9\n",
		"data/sample/1.ans": "[0,1]\n",
		"data/secret/1.in":  "[1,2,3,4]\n5\n",
		"data/secret/1.ans": "[0,3]\n",
		// Any two distinct indices whose values sum to the target.
		"output_validators/pair/validate.py": "import json, sys\nlines = open(sys.argv[1]).read().split('\\n')\nnums, target = json.loads(lines[0]), json.loads(lines[1])\ntry:\n    i, k = json.loads(sys.stdin.read())\n    ok = i != k and nums[i] + nums[k] == target\nexcept Exception:\n    ok = False\nsys.exit(42 if ok else 43)\n",
		"submissions/accepted/a.py":          "class Solution:\n    def twoSum(self, nums, target):\n        return [0, 1]\n",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p, err := problem.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	l := e.langs["python"]
	for src, want := range map[string]Verdict{
		// The pair in the other order than the answer's.
		"class Solution:\n    def twoSum(self, nums, target):\n        seen = {}\n        for i, x in enumerate(nums):\n            if target - x in seen:\n                return [i, seen[target - x]]\n            seen[x] = i\n": AC,
		"class Solution:\n    def twoSum(self, nums, target):\n        return [0, 0]\n": WA,
	} {
		rep, err := j.Submit(context.Background(), p, l, []Source{{Name: l.Source, Data: []byte(src)}}, Options{RunAll: true})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Verdict != want {
			t.Errorf("verdict %s, want %s; tests %+v", rep.Verdict, want, rep.Tests)
		}
	}
}

// TestValidateFunctionTests checks that verify reports the tests that do
// not fit the signature.
func TestValidateFunctionTests(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "p")
	files := map[string]string{
		"problem.yaml":      "name: F\ntype: function\nfunction: {name: f, params: [{name: x, type: integer}], return: {type: \"integer[]\"}}\n",
		"data/sample/1.in":  "1\n",
		"data/sample/1.ans": "[1]\n",
		"data/secret/1.in":  "\"one\"\n",
		"data/secret/1.ans": "[1]\n",
		"data/secret/2.in":  "2\n",
		"data/secret/2.ans": "2\n",
		".timelimit":        "1\n",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p, err := problem.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	rep := &VerifyReport{}
	validateFunctionTests(p, rep)
	if len(rep.InvalidInputs) != 2 || rep.InvalidInputs[0].Case != "secret/1" || !strings.Contains(rep.InvalidInputs[0].Message, "want an integer") ||
		rep.InvalidInputs[1].Case != "secret/2" || !strings.Contains(rep.InvalidInputs[1].Message, "want an array") {
		t.Errorf("invalid inputs %+v", rep.InvalidInputs)
	}
	if _, err := functionTests(p, true); err == nil || !strings.Contains(err.Error(), "secret/1") {
		t.Errorf("functionTests: %v, want an error naming secret/1", err)
	}
}
