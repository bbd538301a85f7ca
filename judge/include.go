package judge

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/verdict-judge/verdict/lang"
	"github.com/verdict-judge/verdict/problem"
)

// includeNames are the include/ directory names that serve a language of
// the registry, besides its id: the codes of the package format's
// languages table where they differ from ours.
var includeNames = map[string][]string{
	"python":     {"python3"},
	"javascript": {"js"},
}

// includeDir returns the package's include directory for language l:
// include/<language>/ when there is one (it overrides the default), else
// include/default/ (2025-09), else "".
func includeDir(p *problem.Problem, l *lang.Language) (string, string) {
	for _, n := range append([]string{l.ID}, includeNames[l.ID]...) {
		if d, ok := p.Include[n]; ok {
			return n, d
		}
	}
	if d, ok := p.Include["default"]; ok {
		return "default", d
	}
	return "", ""
}

// includeSources adds the package's included files for the submission's
// language to its sources, after the sources passed the code size check
// and before compiling, as the format says: an included file replaces a
// submission file of the same name. Constants ({{name}}) are substituted
// in the included files (2025-09). A faulty include directory is the
// package's fault: an error, never the submission's.
func includeSources(p *problem.Problem, l *lang.Language, srcs []Source) ([]Source, error) {
	name, dir := includeDir(p, l)
	if dir == "" {
		return srcs, nil
	}
	// Read through an os.Root of the package: a link is followed only while
	// it stays inside it, whatever was done to the package after it was
	// loaded.
	// The package is the directory above include/.
	pkg := filepath.Dir(filepath.Dir(dir))
	root, err := os.OpenRoot(pkg)
	if err != nil {
		return nil, fmt.Errorf("judge: include/%s: %w", name, err)
	}
	defer root.Close()
	rel, err := filepath.Rel(pkg, dir)
	if err != nil {
		return nil, fmt.Errorf("judge: include/%s: %w", name, err)
	}
	fsys := root.FS()
	entries, err := fs.ReadDir(fsys, filepath.ToSlash(rel))
	if err != nil {
		return nil, fmt.Errorf("judge: include/%s: %w", name, err)
	}
	var inc []Source
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		path := filepath.ToSlash(filepath.Join(rel, e.Name()))
		st, err := fs.Stat(fsys, path)
		if err != nil {
			return nil, fmt.Errorf("judge: include/%s/%s: %w", name, e.Name(), err)
		}
		if !st.Mode().IsRegular() {
			return nil, fmt.Errorf("judge: include/%s/%s: only plain files can be included, not directories", name, e.Name())
		}
		data, err := fs.ReadFile(fsys, path)
		if err != nil {
			return nil, fmt.Errorf("judge: include/%s/%s: %w", name, e.Name(), err)
		}
		inc = append(inc, Source{Name: e.Name(), Data: substituteConstants(p, data)})
	}
	if len(inc) == 0 {
		return srcs, nil
	}
	taken := map[string]bool{}
	for _, s := range inc {
		taken[s.Name] = true
	}
	out := make([]Source, 0, len(srcs)+len(inc))
	for _, s := range srcs {
		if !taken[s.Name] {
			out = append(out, s)
		}
	}
	out = append(out, inc...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// substituteConstants replaces the package's constants, {{name}}, in
// program text (2025-09 problem.yaml constants).
func substituteConstants(p *problem.Problem, data []byte) []byte {
	if len(p.Constants) == 0 {
		return data
	}
	s := string(data)
	for k, v := range p.Constants {
		s = strings.ReplaceAll(s, "{{"+k+"}}", v)
	}
	return []byte(s)
}
