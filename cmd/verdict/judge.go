package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/verdict-judge/verdict/engine"
	"github.com/verdict-judge/verdict/judge"
	"github.com/verdict-judge/verdict/lang"
	"github.com/verdict-judge/verdict/problem"
	"github.com/verdict-judge/verdict/sandbox"
)

// defaultCacheDir holds compiled programs and warm toolchain caches.
func defaultCacheDir() string {
	if d := os.Getenv("XDG_CACHE_HOME"); d != "" {
		return filepath.Join(d, "verdict")
	}
	return "/var/cache/verdict"
}

// judgeEnv is what judging needs: languages, a sandbox with their
// toolchains, a compiler with its cache.
type judgeEnv struct {
	reg   *lang.Registry
	avail map[string]*lang.Language
	sb    *sandbox.Sandbox
	j     *judge.Judge
}

func newJudgeEnv(ctx context.Context, langFiles []string, cacheDir string, stderr io.Writer) (*judgeEnv, error) {
	eng, err := engine.New(ctx, engine.Config{LangFiles: langFiles, CacheDir: cacheDir, Boxes: 2,
		Warn: func(err error) { fmt.Fprintf(stderr, "verdict: warning: %v\n", err) }})
	if err != nil {
		return nil, err
	}
	e := &judgeEnv{reg: eng.Registry, avail: map[string]*lang.Language{}, sb: eng.SB, j: eng.Judge}
	for _, l := range eng.Available {
		e.avail[l.ID] = l
	}
	return e, nil
}

// openJudging loads a problem package and starts judging. On failure it
// says why and returns the exit status: badPackage for a package that does
// not load, 1 for an internal error.
func openJudging(ctx context.Context, cmd, pkg string, langFiles []string, cacheDir string, stderr io.Writer, badPackage int) (*problem.Problem, *judgeEnv, int) {
	p, err := problem.Load(pkg)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", cmd, err)
		return nil, nil, badPackage
	}
	env, err := newJudgeEnv(ctx, langFiles, cacheDir, stderr)
	if err != nil {
		p.Close()
		fmt.Fprintf(stderr, "%s: internal error: %v\n", cmd, err)
		return nil, nil, 1
	}
	return p, env, 0
}

// language picks the language of a submission: given, or from its first
// file's extension; it must be present on this machine.
func (e *judgeEnv) language(id, file string) (*lang.Language, error) {
	var l *lang.Language
	var ok bool
	if id != "" {
		if l, ok = e.reg.Lookup(id); !ok {
			return nil, fmt.Errorf("unknown language %q (see `verdict languages`)", id)
		}
	} else if l, ok = e.reg.ForFile(file); !ok {
		return nil, fmt.Errorf("cannot tell the language of %s from its extension; give --lang", file)
	}
	if e.avail[l.ID] == nil {
		return nil, fmt.Errorf("language %s: its toolchain is not installed here", l.ID)
	}
	return e.avail[l.ID], nil
}

func readSources(l *lang.Language, files []string) ([]judge.Source, error) {
	var srcs []judge.Source
	for _, f := range files {
		st, err := os.Stat(f)
		if err != nil {
			return nil, err
		}
		if st.Size() > 16<<20 {
			return nil, fmt.Errorf("%s: %d bytes is not a source file", f, st.Size())
		}
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		name := filepath.Base(f)
		if len(files) == 1 {
			name = l.SourceName(data)
		}
		srcs = append(srcs, judge.Source{Name: name, Data: data})
	}
	return srcs, nil
}

func cmdJudge(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("judge", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: verdict judge --problem DIR_OR_ZIP [--lang ID] [--all] [--json] SOURCE...\n\nJudges a submission (one or more source files) against a problem package.\nExit status 0 when it was judged, whatever the verdict; 1 on a judge error; 2 on bad usage.\n\nFlags:")
		fs.PrintDefaults()
	}
	probPath := fs.String("problem", "", "the problem package: a directory or a zip")
	langID := fs.String("lang", "", "language id (default: from the first file's extension)")
	all := fs.Bool("all", false, "run every test, even after a failure")
	jsonOut := fs.Bool("json", false, "print the result as one JSON object")
	cacheDir := fs.String("cache", defaultCacheDir(), "directory of the compile cache and warm toolchain caches")
	var langFiles languageFiles
	fs.Var(&langFiles, "languages", "a languages file extending or overriding the built-in ones (repeatable)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *probPath == "" || fs.NArg() == 0 {
		fmt.Fprintln(stderr, "verdict judge: need --problem and at least one SOURCE file")
		return 2
	}
	p, env, code := openJudging(ctx, "verdict judge", *probPath, langFiles, *cacheDir, stderr, 2)
	if code != 0 {
		return code
	}
	defer p.Close()
	defer env.sb.Close()
	l, err := env.language(*langID, fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "verdict judge: %v\n", err)
		return 2
	}
	srcs, err := readSources(l, fs.Args())
	if err != nil {
		fmt.Fprintf(stderr, "verdict judge: %v\n", err)
		return 2
	}
	start := time.Now()
	rep, err := env.j.Submit(ctx, p, l, srcs, judge.Options{RunAll: *all})
	var se *judge.SourceError
	switch {
	case errors.As(err, &se):
		fmt.Fprintf(stderr, "verdict judge: %v\n", err)
		return 2
	case err != nil:
		fmt.Fprintf(stderr, "verdict judge: internal error: %v\n", err)
		return 1
	}
	if *jsonOut {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(rep)
		return 0
	}
	printReport(stdout, rep, time.Since(start))
	return 0
}

func printReport(w io.Writer, rep *judge.Report, took time.Duration) {
	if !rep.Compile.OK {
		fmt.Fprintf(w, "CE  compile error\n%s\n", rep.Compile.Output)
		return
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TEST\tVERDICT\tCPU ms\tWALL ms\tMEMORY KiB\tMESSAGE")
	for _, t := range rep.Tests {
		msg := strings.Join(strings.Fields(t.Message), " ")
		if len(msg) > 80 {
			msg = msg[:80] + "…"
		}
		fmt.Fprintf(tw, "%s\t%s\t%.0f\t%.0f\t%d\t%s\n", t.Name, t.Verdict, t.CPUMs, t.WallMs, t.MemoryKiB, msg)
	}
	tw.Flush()
	if rep.Stdout != "" {
		// A function problem's solution printed this (never part of its results).
		fmt.Fprintf(w, "stdout of the solution:\n%s\n", strings.TrimRight(rep.Stdout, "\n"))
	}
	fmt.Fprintf(w, "verdict %s  (%s, time limit %d ms, judged in %v)\n", rep.Verdict, rep.Language, rep.TimeLimitMs, took.Round(time.Millisecond))
}
