// Package demo holds the problems a first start of `verdict serve` loads, so
// that a newcomer can use it at once: stdin/stdout problems, function
// problems, an interactive one and a scoring one. problems.txt lists them.
package demo

import (
	"bufio"
	"bytes"
	"context"
	"embed"
	"fmt"
	"io/fs"
	"strings"

	"github.com/verdict-judge/verdict/service"
)

//go:embed problems.txt all:problems
var files embed.FS

// IDs returns the demo problems' ids, in the order of problems.txt.
func IDs() []string {
	b, err := files.ReadFile("problems.txt")
	if err != nil {
		return nil
	}
	var ids []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		ids = append(ids, line)
	}
	return ids
}

// Package returns a demo problem's package as a zip.
func Package(id string) ([]byte, error) {
	sub, err := fs.Sub(files, "problems/"+id)
	if err != nil {
		return nil, err
	}
	if _, err := fs.Stat(sub, "problem.yaml"); err != nil {
		return nil, fmt.Errorf("demo: problem %s: %w", id, err)
	}
	return service.ZipFS(sub, id)
}

const loadedSetting = "demo_loaded"

// Load imports the demo problems once in the life of a database: on the
// first start (problems deleted later stay deleted). It returns how many it
// imported.
func Load(ctx context.Context, s *service.Service) (int, error) {
	v, err := s.Store.Setting(ctx, loadedSetting, "no")
	if err != nil || v != "no" {
		return 0, err
	}
	n := 0
	for _, id := range IDs() {
		data, err := Package(id)
		if err != nil {
			return n, err
		}
		if _, err := s.ImportProblem(ctx, id, data, false); err != nil {
			if e, ok := service.AsError(err); ok && e.Kind == service.Conflict {
				continue
			}
			return n, fmt.Errorf("demo: problem %s: %w", id, err)
		}
		n++
	}
	return n, s.Store.SetSetting(ctx, loadedSetting, "yes")
}
