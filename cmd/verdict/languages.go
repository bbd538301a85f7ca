package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/verdict-judge/verdict/lang"
)

// languageFiles is the --languages flag: files that extend or override the
// built-in languages.
type languageFiles = listFlag

func loadLanguages(files []string, stderr io.Writer) (*lang.Registry, bool) {
	reg, err := lang.Load(files...)
	if err != nil {
		fmt.Fprintf(stderr, "verdict: %v\n", err)
		return nil, false
	}
	return reg, true
}

func cmdLanguages(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("languages", flag.ContinueOnError)
	fs.SetOutput(stderr)
	jsonOut := fs.Bool("json", false, "print the languages as JSON")
	var files languageFiles
	fs.Var(&files, "languages", "a languages file extending or overriding the built-in ones (repeatable)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	reg, ok := loadLanguages(files, stderr)
	if !ok {
		return 2
	}
	avail := reg.Available(ctx)
	if *jsonOut {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if avail == nil {
			avail = []*lang.Language{}
		}
		enc.Encode(avail)
		return 0
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tVERSION")
	for _, l := range avail {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", l.ID, l.Name, l.Version)
	}
	tw.Flush()
	return 0
}
