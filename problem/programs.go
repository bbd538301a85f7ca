package problem

import (
	"path"
	"regexp"
	"slices"
	"strings"
)

// isSource reports whether a file ending is one the format's languages table
// uses to tell a program's language. A file with another ending is not a
// program (a README, or a header next to a validator).
func isSource(ext string) bool {
	switch ext {
	case ".adb", ".ads", ".a68", ".apl", ".sh", ".c", ".cob", ".cc", ".cpp", ".cxx", ".c++", ".C",
		".cr", ".cs", ".d", ".dart", ".ex", ".erl", ".fth", ".4th", ".forth", ".frt", ".f90", ".fs",
		".ss", ".go", ".hs", ".java", ".js", ".jl", ".kt", ".lisp", ".cl", ".lua", ".mod", ".def",
		".nim", ".m", ".ml", ".odin", ".pas", ".pm", ".pl", ".php", ".py", ".py2", ".py3", ".rkt",
		".rb", ".rs", ".scala", ".sim", ".st", ".sno", ".swift", ".ts", ".vb", ".zig":
		return true
	}
	return false
}

// programs lists the programs in the directory rel: every directory, and
// every file in a known language (or, with scripts, a .ctd or .viva file).
func (l *loader) programs(rel string, scripts bool) ([]Program, error) {
	ents, _, err := l.readDir(rel)
	if err != nil {
		return nil, err
	}
	var ps []Program
	for _, e := range ents {
		r := path.Join(rel, e.name)
		ext := path.Ext(e.name)
		if !e.isDir && !isSource(ext) && !(scripts && (ext == ".ctd" || ext == ".viva")) {
			l.warnf("%s: ignored: not a program in a known language", r)
			continue
		}
		ps = append(ps, Program{Name: e.name, Path: l.abs(r), IsDir: e.isDir})
	}
	return ps, nil
}

// loadPrograms finds the validators, graders and included code.
func (l *loader) loadPrograms() error {
	p := l.p
	for _, dir := range []string{"input_validators", "input_format_validators"} {
		ps, err := l.programs(dir, true)
		if err != nil {
			return err
		}
		for _, q := range ps {
			if slices.ContainsFunc(p.InputValidators, func(o Program) bool { return o.Name == q.Name }) {
				return ferr(path.Join(dir, q.Name), "a second input validator named %q", q.Name)
			}
			p.InputValidators = append(p.InputValidators, q)
		}
	}

	if err := l.loadOutputValidator(); err != nil {
		return err
	}
	if (p.Interactive || p.MultiPass) && p.OutputValidator == nil {
		kind := "interactive"
		if !p.Interactive {
			kind = "multi-pass"
		}
		dir := "output_validator/"
		if p.legacy() {
			dir = "output_validators/"
		}
		return ferr(dir, "missing: %s problems need a custom output validator", kind)
	}
	if !p.legacy() && p.Type == Scoring && p.OutputValidator != nil {
		p.ValidatorScores = true
	}

	if l.isDir("graders") {
		if !p.legacy() {
			l.warnf("graders: ignored: graders are legacy only")
		} else {
			gs, err := l.programs("graders", false)
			if err != nil {
				return err
			}
			p.Graders = gs
		}
	}

	ents, ok, err := l.readDir("include")
	if err != nil {
		return err
	}
	if ok {
		p.Include = map[string]string{}
		for _, e := range ents {
			if !e.isDir {
				l.warnf("include/%s: ignored: include/ holds one directory per language", e.name)
				continue
			}
			p.Include[e.name] = l.abs("include/" + e.name)
		}
	}
	return nil
}

// loadOutputValidator finds the custom output validator, if any.
func (l *loader) loadOutputValidator() error {
	p := l.p
	legacyDir := func() error {
		ps, err := l.programs("output_validators", false)
		if err != nil {
			return err
		}
		switch {
		case !l.customValidation:
			if len(ps) > 0 {
				l.warnf("output_validators: ignored: problem.yaml asks for the default validator")
			}
		case len(ps) == 0:
			return ferr("output_validators", "missing or empty, but problem.yaml asks for custom validation")
		case len(ps) > 1:
			names := make([]string, len(ps))
			for i, q := range ps {
				names[i] = q.Name
			}
			return ferr("output_validators", "several output validators (%s): only one is supported", strings.Join(names, ", "))
		default:
			p.OutputValidator = &ps[0]
		}
		return nil
	}
	if p.legacy() {
		return legacyDir()
	}
	if !l.isDir("output_validator") {
		if l.isDir("output_validators") {
			l.warnf("output_validators: the legacy name of output_validator/")
			l.customValidation = true
			return legacyDir()
		}
		if l.customValidation {
			return ferr("output_validator", "missing, but problem.yaml asks for custom validation")
		}
		return nil
	}
	ents, _, err := l.readDir("output_validator")
	if err != nil {
		return err
	}
	if len(ents) == 0 {
		return ferr("output_validator", "empty")
	}
	// The directory is the program; problemtools' 2023-07-draft examples
	// put a program directory inside it instead.
	if len(ents) == 1 && ents[0].isDir {
		p.OutputValidator = &Program{Name: ents[0].name, Path: l.abs("output_validator/" + ents[0].name), IsDir: true}
		return nil
	}
	p.OutputValidator = &Program{Name: "output_validator", Path: l.abs("output_validator"), IsDir: true}
	return nil
}

var statementName = regexp.MustCompile(`^problem(?:\.([a-zA-Z]{2,3}(?:-[a-zA-Z]{2})?))?\.(tex|md|pdf)$`)

// loadStatements finds the statement files.
func (l *loader) loadStatements() error {
	dirs := []string{"statement", "problem_statement"}
	if l.p.legacy() {
		dirs[0], dirs[1] = dirs[1], dirs[0]
	}
	for _, dir := range dirs {
		ents, ok, err := l.readDir(dir)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		for _, e := range ents {
			m := statementName.FindStringSubmatch(e.name)
			if m == nil || e.isDir {
				continue
			}
			lang := m[1]
			if lang == "" {
				lang = "en"
			}
			l.p.Statements = append(l.p.Statements, Statement{Language: lang, Format: m[2], Path: l.abs(dir + "/" + e.name)})
		}
		if len(l.p.Statements) == 0 {
			l.warnf("%s: no problem.<language>.{tex,md,pdf} statement", dir)
		}
		break
	}
	rank := func(s Statement) int {
		if s.Language == "en" {
			return 0
		}
		return 1
	}
	format := map[string]int{"tex": 0, "md": 1, "pdf": 2}
	slices.SortStableFunc(l.p.Statements, func(a, b Statement) int {
		if d := rank(a) - rank(b); d != 0 {
			return d
		}
		if c := strings.Compare(a.Language, b.Language); c != 0 {
			return c
		}
		return format[a.Format] - format[b.Format]
	})
	return nil
}

// dup returns a copy of a string slice (nil stays nil), so that no two
// values of a Problem share storage.
func dup(s []string) []string {
	if s == nil {
		return nil
	}
	return slices.Clone(s)
}

// dupArgs copies an argument map.
func dupArgs(m map[string][]string) map[string][]string {
	if m == nil {
		return nil
	}
	c := make(map[string][]string, len(m))
	for k, v := range m {
		c[k] = dup(v)
	}
	return c
}
