package judge

import (
	"bytes"
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/verdict-judge/verdict/function"
	"github.com/verdict-judge/verdict/problem"
	"github.com/verdict-judge/verdict/sandbox"
)

// TestFunctionBenchmarkReport measures what the function-problem driver
// adds to judging: a two-sum problem with 100 tests (arrays of 1,000
// integers), in Python and C++, against the bare start-up of the same
// toolchain in the same sandbox (python3 running an empty file; an empty
// C++ program), measured alternately in the same run:
//
//   - judge: the wall time of a whole judging with the compile cached;
//   - run: the program's one run on the 100 tests (CPU from the sandbox's
//     cgroup), and the time the user's code took (the driver's ns, wall);
//   - driver: the CPU time of the same run with a solution that does no
//     work, minus the bare start-up's: the driver's own work (prelude,
//     JSON in and out, results);
//   - host: the CPU time of reading and checking the tests and comparing
//     the results (this process's rusage).
//
// CPU times are given because wall times on a loaded machine measure the
// load; both are reported.
//
//	VERDICT_BENCH=1 go test ./judge -run TestFunctionBenchmarkReport -v -count=1
func TestFunctionBenchmarkReport(t *testing.T) {
	if os.Getenv("VERDICT_BENCH") == "" {
		t.Skip("a benchmark, not a test: run with VERDICT_BENCH=1")
	}
	e := newEnv(t)
	ctx := context.Background()
	p := twoSumProblem(t, 100, 1000)
	j := &Judge{SB: e.sb, Compiler: &Compiler{SB: e.sb, CacheDir: t.TempDir()}, Langs: e.reg}
	srcs := map[string]string{
		"python": "class Solution:\n    def twoSum(self, nums: List[int], target: int) -> List[int]:\n        seen = {}\n        for i, x in enumerate(nums):\n            if target - x in seen:\n                return [seen[target - x], i]\n            seen[x] = i\n        return []\n",
		"cpp":    "class Solution {\npublic:\n    vector<int> twoSum(vector<int>& nums, int target) {\n        unordered_map<int, int> seen;\n        for (int i = 0; i < (int)nums.size(); i++) {\n            auto it = seen.find(target - nums[i]);\n            if (it != seen.end()) return {it->second, i};\n            seen[nums[i]] = i;\n        }\n        return {};\n    }\n};\n",
	}
	// Solutions that do no work: the driver alone.
	empty := map[string]string{
		"python": "class Solution:\n    def twoSum(self, nums: List[int], target: int) -> List[int]:\n        return [0, 1]\n",
		"cpp":    "class Solution {\npublic:\n    vector<int> twoSum(vector<int>& nums, int target) {\n        return {0, 1};\n    }\n};\n",
	}
	bare := map[string]string{
		"python": "pass\n",
		"cpp":    "int main() { return 0; }\n",
	}
	const rounds = 9
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/1e6) }
	var b strings.Builder
	fmt.Fprintf(&b, "| language | judge (wall, compile cached) | bare start-up (wall / CPU) | run on 100 tests (wall / CPU) | user's code (driver's ns) | run of an empty solution (CPU) | driver (empty run - start-up, CPU) | host (tests, results, compare; CPU) | driver + host |\n|---|---|---|---|---|---|---|---|---|\n")
	for _, id := range []string{"python", "cpp"} {
		l := e.langs[id]
		if l == nil {
			t.Logf("%s not present", id)
			continue
		}
		skipWithoutDriver(t, p, id, []byte(srcs[id]))
		src := []Source{{Name: l.Source, Data: []byte(srcs[id])}}
		if rep, err := j.Submit(ctx, p, l, src, Options{}); err != nil || rep.Verdict != AC {
			t.Fatalf("%s: %v %+v", id, err, rep)
		}
		gen, _ := function.GeneratorFor(id)
		prog, err := gen.Program(p.Function, []byte(srcs[id]))
		if err != nil {
			t.Fatal(err)
		}
		var gsrcs []Source
		for _, f := range prog.Files {
			gsrcs = append(gsrcs, Source{Name: f.Name, Data: f.Data})
		}
		comp, err := j.Compiler.Compile(ctx, l, gsrcs)
		if err != nil || !comp.OK || !comp.Cached {
			t.Fatalf("%s: %v %+v", id, err, comp)
		}
		eprog, err := gen.Program(p.Function, []byte(empty[id]))
		if err != nil {
			t.Fatal(err)
		}
		var esrcs []Source
		for _, f := range eprog.Files {
			esrcs = append(esrcs, Source{Name: f.Name, Data: f.Data})
		}
		emptyComp, err := j.Compiler.Compile(ctx, l, esrcs)
		if err != nil || !emptyComp.OK {
			t.Fatalf("%s empty: %v %+v", id, err, emptyComp)
		}
		bareComp, err := j.Compiler.Compile(ctx, l, []Source{{Name: l.Source, Data: []byte(bare[id])}})
		if err != nil || !bareComp.OK {
			t.Fatalf("%s bare: %v %+v", id, err, bareComp)
		}
		run := func(prog *Program, stdin []byte) *sandbox.Result {
			res, err := e.sb.Run(ctx, &sandbox.Spec{
				Args: prog.Args(256 << 20), Env: l.Env, Files: prog.Files, Stdin: bytes.NewReader(stdin),
				Collect: []string{function.ResultsFile},
				Limits:  sandbox.Limits{CPU: 10 * time.Second, Memory: 512 << 20, Pids: max(16, l.RunLimits.Pids)},
			})
			if err != nil || res.Status != sandbox.StatusOK {
				t.Fatalf("%s run: %v %+v", id, err, res)
			}
			return res
		}
		var judged, bareWall, bareCPU, runWall, runCPU, emptyCPU, user, host []time.Duration
		for r := 0; r < rounds; r++ {
			res := run(bareComp.Program, nil)
			bareWall, bareCPU = append(bareWall, res.Wall), append(bareCPU, res.CPU)

			t0 := time.Now()
			rep, err := j.Submit(ctx, p, l, src, Options{})
			judged = append(judged, time.Since(t0))
			if err != nil || rep.Verdict != AC || !rep.Compile.Cached {
				t.Fatalf("%s: %v %+v", id, err, rep)
			}

			// The same judging in its parts.
			c0 := processCPU()
			tests, err := functionTests(p, true)
			if err != nil {
				t.Fatal(err)
			}
			var in bytes.Buffer
			for _, ft := range tests {
				in.Write(ft.test.Line())
				in.WriteByte('\n')
			}
			h := processCPU() - c0
			res = run(comp.Program, in.Bytes())
			runWall, runCPU = append(runWall, res.Wall), append(runCPU, res.CPU)
			c0 = processCPU()
			results, err := function.ParseResults(res.Files[function.ResultsFile])
			if err != nil || len(results) != len(tests) {
				t.Fatalf("%s: %d results, %v", id, len(results), err)
			}
			var ns int64
			for i, ft := range tests {
				if ok, msg, err := p.Function.Check(ft.test, ft.answer, results[i].Value); !ok || err != nil {
					t.Fatalf("%s: %s %v", id, msg, err)
				}
				ns += results[i].NS
			}
			host = append(host, h+processCPU()-c0)
			user = append(user, time.Duration(ns))
			res = run(emptyComp.Program, in.Bytes())
			emptyCPU = append(emptyCPU, res.CPU)
		}
		d := median(emptyCPU) - median(bareCPU)
		fmt.Fprintf(&b, "| %s | %s | %s / %s | %s / %s | %s | %s | %s | %s | %s |\n", id, ms(median(judged)), ms(median(bareWall)), ms(median(bareCPU)),
			ms(median(runWall)), ms(median(runCPU)), ms(median(user)), ms(median(emptyCPU)), ms(d), ms(median(host)), ms(d+median(host)))
	}
	fmt.Fprintf(&b, "\nTwo-sum, 100 tests of 1,000 integers, one run for all tests; medians of %d rounds, run alternately; the target is under 20 ms of driver and host for 100 tests.\n", rounds)
	t.Logf("\n%s", b.String())
	if out := os.Getenv("VERDICT_BENCH_OUT"); out != "" {
		os.WriteFile(out, []byte(b.String()), 0o644)
	}
}

// processCPU is the CPU time this process has used (user and system).
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// twoSumProblem writes a two-sum function problem with tests of n
// integers each (one sample) and loads it.
func twoSumProblem(t *testing.T, tests, n int) *problem.Problem {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "two-sum")
	rng := rand.New(rand.NewSource(1))
	write := func(name, body string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("problem.yaml", "name: Two Sum\ntype: function\nfunction:\n  name: twoSum\n  params: [{name: nums, type: \"integer[]\"}, {name: target, type: integer}]\n  return: {type: \"integer[]\"}\n  compare: {unordered: top}\n")
	write(".timelimit", "1\n")
	for k := 0; k < tests; k++ {
		// Distinct multiples of 4, and one pair of numbers 1 mod 4: the
		// only pair whose sum is 2 mod 4.
		nums := make([]string, n)
		perm := rng.Perm(n * 10)
		for i := range nums {
			nums[i] = fmt.Sprint(perm[i] * 4)
		}
		i, j := rng.Intn(n), rng.Intn(n-1)
		if j >= i {
			j++
		}
		a, c := 4*rng.Intn(1000000)+1, 4*rng.Intn(1000000)+1
		nums[i], nums[j] = fmt.Sprint(a), fmt.Sprint(c)
		group := "secret"
		if k == 0 {
			group = "sample"
		}
		write(fmt.Sprintf("data/%s/%03d.in", group, k), "["+strings.Join(nums, ",")+"]\n"+fmt.Sprint(a+c)+"\n")
		write(fmt.Sprintf("data/%s/%03d.ans", group, k), fmt.Sprintf("[%d,%d]\n", min(i, j), max(i, j)))
	}
	write("submissions/accepted/a.py", "class Solution:\n    def twoSum(self, nums, target):\n        return []\n")
	p, err := problem.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	if p.Function == nil {
		t.Fatal("not a function problem")
	}
	return p
}
