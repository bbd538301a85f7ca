package judge

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"github.com/verdict-judge/verdict/lang"
	"github.com/verdict-judge/verdict/sandbox"
)

// CodeRun asks for a program to be compiled and run once on a given input,
// without a problem: "Run code" with custom input, and the execution APIs
// (Judge0, Piston) that compare nothing themselves.
type CodeRun struct {
	Lang    *lang.Language
	Sources []Source
	// Args are extra command-line arguments of the program.
	Args  []string
	Stdin []byte
	// Files are extra files (data, not sources) placed in the work
	// directory of the run.
	Files []sandbox.File
	// Limits of the run; zero fields take sandbox.DefaultLimits. The
	// language's own room (a virtual machine's memory, processes) is added.
	Limits sandbox.Limits
	// CompileLimits of the compile step; zero fields take CompileLimits.
	CompileLimits sandbox.Limits
	// MaxSourceSize caps the sources (default MaxSourceSize).
	MaxSourceSize int64
}

// CodeResult is what a CodeRun gave. Run is nil when the program did not
// compile.
type CodeResult struct {
	Compile CompileReport
	// CompileCPU and CompileWall are the compile run's (zero when cached).
	CompileCPU, CompileWall time.Duration
	Run                     *sandbox.Result
}

// RunCode compiles the sources (through the compile cache) and runs the
// program once with the given input. A *SourceError means the sources
// themselves are malformed; any other error is an internal one.
func (j *Judge) RunCode(ctx context.Context, r *CodeRun) (*CodeResult, error) {
	if r.Lang == nil {
		return nil, &SourceError{Msg: "no language given"}
	}
	maxSize := r.MaxSourceSize
	if maxSize <= 0 {
		maxSize = MaxSourceSize
	}
	if err := CheckSources(r.Sources, maxSize); err != nil {
		return nil, err
	}
	comp := j.Compiler
	if r.CompileLimits != (sandbox.Limits{}) {
		c := *j.Compiler
		c.Limits = r.CompileLimits
		comp = &c
	}
	c, err := comp.Compile(ctx, r.Lang, r.Sources)
	if err != nil {
		return nil, err
	}
	res := &CodeResult{
		Compile:    CompileReport{OK: c.OK, Output: c.Output, Cached: c.Cached},
		CompileCPU: c.CPU, CompileWall: c.Wall,
	}
	if !c.OK {
		return res, nil
	}
	// The sandbox fills what is still zero (wall clock 3 × CPU, processes,
	// stack) from its defaults.
	lim := r.Limits.Or(sandbox.Limits{CPU: sandbox.DefaultLimits.CPU, Memory: sandbox.DefaultLimits.Memory, Stdout: 1 << 20, Stderr: 1 << 20})
	progMemory := lim.Memory
	lim.Memory += int64(r.Lang.RunLimits.ExtraMemoryMiB) << 20
	lim.Pids = max(lim.Pids, r.Lang.RunLimits.Pids)
	args := append(c.Program.Args(progMemory), r.Args...)
	files := append(append([]sandbox.File(nil), r.Files...), c.Program.Files...)
	run, err := j.SB.Run(ctx, &sandbox.Spec{
		Args: args, Env: r.Lang.Env, Files: files,
		Stdin: bytes.NewReader(r.Stdin), Limits: lim,
	})
	if err != nil {
		return nil, fmt.Errorf("judge: run: %w", err)
	}
	res.Run = run
	return res, nil
}
