// Command verdict is the Verdict online judge: one binary with subcommands.
//
//	verdict exec [flags] -- PROGRAM [ARGS...]   run one program in the sandbox
//	verdict doctor [--json]                     report the isolation this machine gives
//	verdict languages [--json]                  list the languages whose toolchain is present
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/verdict-judge/verdict/sandbox"
)

const usage = `Verdict is an online judge and secure code-execution service.

Usage:
  verdict exec [flags] -- PROGRAM [ARGS...]   run one program in the sandbox
  verdict doctor [--json]                     report the isolation this machine gives
  verdict languages [--json]                  list the languages whose toolchain is present
  verdict judge --problem DIR [--json] SRC... judge a submission against a problem package
  verdict problem verify DIR_OR_ZIP [--json]  judge a package's own submissions, check its data
  verdict serve [--addr HOST:PORT] [--data DIR] the HTTP API, web page and judging workers
  verdict worker --database URL               judge queued submissions of a shared database
  verdict help                                show this help

Run "verdict COMMAND -h" for the flags of a command.
`

func main() {
	// A sandbox box supervisor is this same binary started again.
	sandbox.Main()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run dispatches a command line and returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "exec":
		return cmdExec(ctx, args[1:], stdout, stderr)
	case "doctor":
		return cmdDoctor(ctx, args[1:], stdout, stderr)
	case "judge":
		return cmdJudge(ctx, args[1:], stdout, stderr)
	case "problem":
		return cmdProblem(ctx, args[1:], stdout, stderr)
	case "languages":
		return cmdLanguages(ctx, args[1:], stdout, stderr)
	case "serve":
		return cmdServe(ctx, args[1:], stdout, stderr)
	case "worker":
		return cmdWorker(ctx, args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "verdict: unknown command %q\n\n%s", args[0], usage)
	return 2
}
