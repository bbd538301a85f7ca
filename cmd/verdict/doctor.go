package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/verdict-judge/verdict/sandbox"
)

func cmdDoctor(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("doctor", flag.ContinueOnError)
	fs.SetOutput(stderr)
	jsonOut := fs.Bool("json", false, "print the report as JSON")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	rep := sandbox.Diagnose(ctx, sandbox.Config{Binds: sandbox.DefaultBinds})
	if *jsonOut {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(rep)
	} else {
		fmt.Fprintf(stdout, "kernel %s\n", rep.Kernel)
		for _, c := range rep.Checks {
			mark := "ok  "
			switch {
			case !c.OK && c.Required:
				mark = "FAIL"
			case !c.OK:
				mark = "warn"
			}
			fmt.Fprintf(stdout, "%s  %-20s %s\n", mark, c.Name, c.Detail)
			if !c.OK && c.Fix != "" {
				fmt.Fprintf(stdout, "      %-20s fix: %s\n", "", c.Fix)
			}
		}
		if rep.OK {
			fmt.Fprintln(stdout, "every required isolation layer is available")
		} else {
			fmt.Fprintln(stdout, "a required isolation layer is missing: Verdict will refuse to run programs")
		}
	}
	if !rep.OK {
		return 1
	}
	return 0
}
