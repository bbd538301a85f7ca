package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/verdict-judge/verdict/function"
	"github.com/verdict-judge/verdict/problem"
)

// cmdStarter prints the starter code of a function problem in a language:
// what LeetCode gives a user to start from.
func cmdStarter(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("problem starter", flag.ContinueOnError)
	fs.SetOutput(stderr)
	langID := fs.String("lang", "", "the language id (c, cpp, python, java, javascript, go, rust)")
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
	} else if fs.NArg() > 0 || pkg == "" || *langID == "" {
		fmt.Fprint(stderr, "verdict problem starter: give one package and --lang\n\n"+problemUsage)
		return 2
	}
	p, err := problem.Load(pkg)
	if err != nil {
		fmt.Fprintf(stderr, "verdict problem starter: %v\n", err)
		return 2
	}
	defer p.Close()
	if p.Function == nil {
		fmt.Fprintf(stderr, "verdict problem starter: %s is not a function problem (no function: in problem.yaml)\n", p.ShortName)
		return 2
	}
	gen, err := function.GeneratorFor(*langID)
	var code string
	if err == nil {
		code, err = gen.Starter(p.Function)
	}
	if errors.Is(err, function.ErrNoDriver) {
		fmt.Fprintf(stderr, "verdict problem starter: function problems are not available in language %q\n", *langID)
		return 2
	}
	if err != nil {
		fmt.Fprintf(stderr, "verdict problem starter: %v\n", err)
		return 1
	}
	fmt.Fprint(stdout, code)
	return 0
}
