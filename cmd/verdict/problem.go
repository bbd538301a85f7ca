package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"
)

const problemUsage = `Usage:
  verdict problem verify DIR_OR_ZIP [--json]   judge every submission of the package and check its test data
  verdict problem starter DIR_OR_ZIP --lang ID  print a function problem's starter code in a language
`

func cmdProblem(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, problemUsage)
		return 2
	}
	switch args[0] {
	case "verify":
		return cmdVerify(ctx, args[1:], stdout, stderr)
	case "starter":
		return cmdStarter(ctx, args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, problemUsage)
		return 0
	}
	fmt.Fprintf(stderr, "verdict problem: unknown command %q\n\n%s", args[0], problemUsage)
	return 2
}

func cmdVerify(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("problem verify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	jsonOut := fs.Bool("json", false, "print the report as JSON")
	cacheDir := fs.String("cache", defaultCacheDir(), "directory of the compile cache and warm toolchain caches")
	var langFiles languageFiles
	fs.Var(&langFiles, "languages", "a languages file extending or overriding the built-in ones (repeatable)")
	// The package comes first or last: allow flags after it.
	var pkg string
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		pkg, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if pkg == "" && fs.NArg() == 1 {
		pkg = fs.Arg(0)
	} else if fs.NArg() > 0 || pkg == "" {
		fmt.Fprint(stderr, "verdict problem verify: give exactly one package\n\n"+problemUsage)
		return 2
	}
	p, env, code := openJudging(ctx, "verdict problem verify", pkg, langFiles, *cacheDir, stderr, 1)
	if code != 0 {
		return code
	}
	defer p.Close()
	defer env.sb.Close()
	rep, err := env.j.Verify(ctx, p)
	if err != nil {
		fmt.Fprintf(stderr, "verdict problem verify: %v\n", err)
		return 1
	}
	if *jsonOut {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			fmt.Fprintf(stderr, "verdict problem verify: %v\n", err)
			return 1
		}
	} else {
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "SUBMISSION\tEXPECTED\tVERDICT\tMAX CPU ms\tOK\tMESSAGE")
		for _, s := range rep.Submissions {
			ok := "ok"
			if !s.OK {
				ok = "MISMATCH"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%.0f\t%s\t%s\n", s.Path, s.Expected, s.Verdict, s.MaxCPUMs, ok, s.Message)
		}
		tw.Flush()
		for _, c := range rep.InvalidInputs {
			fmt.Fprintf(stdout, "invalid input %s (validator %s): %s\n", c.Case, c.Validator, c.Message)
		}
		fmt.Fprintf(stdout, "%s: time limit %d ms (from the %s); %d submissions, %d mismatches; %d test cases, %d invalid\n",
			rep.Problem, rep.TimeLimitMs, rep.TimeLimitFrom, rep.Summary.Submissions, rep.Summary.Mismatches, rep.Summary.Cases, rep.Summary.InvalidInputs)
	}
	if !rep.Summary.OK {
		return 1
	}
	return 0
}
