package problem

import (
	"fmt"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Group configuration file names.
const (
	testdataYAML  = "testdata.yaml"   // legacy, and 2023-07-draft packages
	testGroupYAML = "test_group.yaml" // 2025-09
)

// groupKind says where a group sits, for its defaults.
type groupKind int

const (
	kindRoot   groupKind = iota // data/
	kindSample                  // data/sample
	kindSecret                  // data/secret
	kindGroup                   // a group beneath secret (or a legacy group anywhere)
)

// loadData loads the test data tree.
func (l *loader) loadData(md *metadata) error {
	p := l.p
	ents, ok, err := l.readDir("data")
	if err != nil {
		return err
	}
	if !ok {
		return ferr("data/secret", "missing")
	}
	var hasSample, hasSecret bool
	for _, e := range ents {
		r := "data/" + e.name
		switch {
		case e.isDir && e.name == "sample":
			hasSample = true
		case e.isDir && e.name == "secret":
			hasSecret = true
		case e.isDir && !p.legacy() && (e.name == "invalid_input" || e.name == "invalid_output" || e.name == "valid_output"):
			// Data to test the validators with, not to judge.
		case !e.isDir && (e.name == testdataYAML || e.name == testGroupYAML):
		case !e.isDir && (strings.HasSuffix(e.name, ".in") || strings.HasSuffix(e.name, ".ans")):
			return ferr(r, "test cases belong in data/sample or data/secret")
		default:
			l.warnf("%s: ignored: data/ holds sample/ and secret/", r)
		}
	}
	if !hasSecret {
		return ferr("data/secret", "missing")
	}
	root := &Group{Name: "", Dir: l.abs("data")}
	root.Settings = defaultSettings(kindRoot, nil)
	if err := l.readGroupConfig("data", &root.Settings, kindRoot, md); err != nil {
		return err
	}
	p.Data = root
	if hasSample {
		g, err := l.loadGroup("data/sample", &root.Settings, kindSample, md)
		if err != nil {
			return err
		}
		root.Entries = append(root.Entries, Entry{Group: g})
	}
	g, err := l.loadGroup("data/secret", &root.Settings, kindSecret, md)
	if err != nil {
		return err
	}
	root.Entries = append(root.Entries, Entry{Group: g})
	if len(g.Cases()) == 0 {
		return ferr("data/secret", "no test cases")
	}
	if p.FormatVersion == FormatDraft && !l.sawTestGroupYAML {
		p.LegacyGrading = true
	}
	return l.checkGroups()
}

// defaultSettings returns the settings of a group of the given kind that has
// no configuration file of its own.
func defaultSettings(kind groupKind, parent *Settings) Settings {
	var s Settings
	if parent != nil {
		s = Settings{
			OnReject:            parent.OnReject,
			Grading:             parent.Grading,
			GraderFlags:         dup(parent.GraderFlags),
			AcceptScore:         parent.AcceptScore,
			RejectScore:         parent.RejectScore,
			Range:               parent.Range,
			InputValidatorArgs:  dupArgs(parent.InputValidatorArgs),
			OutputValidatorArgs: dup(parent.OutputValidatorArgs),
			Args:                dup(parent.Args),
			FullFeedback:        parent.FullFeedback,
		}
	} else {
		s = Settings{OnReject: "break", Grading: "default", AcceptScore: 1, Range: [2]float64{math.Inf(-1), math.Inf(1)}}
	}
	switch kind {
	case kindSample:
		s.FullFeedback = true
	case kindSecret:
		s.MaxScore, s.ScoreAggregation = 100, "sum"
	case kindGroup:
		s.MaxScore, s.ScoreAggregation = math.Inf(1), "pass-fail"
	}
	return s
}

// scanned is what one directory of test data holds.
type scanned struct {
	cases []string // base names of the .in files, sorted
	files map[string]map[string]bool
	dirs  []string // subdirectories other than .files ones, sorted
}

// caseExts are the test case file endings Load looks at.
var caseExts = []string{".in", ".ans", ".interaction", ".yaml", ".hint", ".desc", ".files"}

// scan lists the directory rel of test data and checks that its files
// belong to test cases.
func (l *loader) scan(rel string) (*scanned, error) {
	ents, _, err := l.readDir(rel)
	if err != nil {
		return nil, err
	}
	if l.nfiles += len(ents); l.nfiles > l.opts.MaxFiles {
		return nil, ferr(rel, "%w: more than %d files under data/", ErrTooLarge, l.opts.MaxFiles)
	}
	s := &scanned{files: map[string]map[string]bool{}}
	isDir := map[string]bool{}
	for _, e := range ents {
		isDir[e.name] = e.isDir
		if e.name == testdataYAML || e.name == testGroupYAML {
			continue
		}
		ext := ""
		for _, x := range caseExts {
			if strings.HasSuffix(e.name, x) && len(e.name) > len(x) {
				ext = x
				break
			}
		}
		if e.isDir != (ext == ".files") {
			ext = ""
		}
		if ext == "" {
			if e.isDir {
				s.dirs = append(s.dirs, e.name)
			}
			continue
		}
		base := strings.TrimSuffix(e.name, ext)
		if s.files[base] == nil {
			s.files[base] = map[string]bool{}
		}
		s.files[base][ext] = true
	}
	strict := l.p.FormatVersion == Format2025
	bases := make([]string, 0, len(s.files))
	for base := range s.files {
		bases = append(bases, base)
	}
	slices.Sort(bases) // the first fault by name is the one reported
	for _, base := range bases {
		fs := s.files[base]
		r := path.Join(rel, base)
		switch {
		case fs[".in"]:
			if !fs[".ans"] {
				return nil, ferr(r+".in", "no matching .ans file")
			}
			if isDir[base] {
				return nil, ferr(r, "both a test case and a directory")
			}
			if base == "test_group" && !l.p.legacy() {
				return nil, ferr(r+".in", "a test case must not be named test_group")
			}
			s.cases = append(s.cases, base)
		case fs[".files"] && l.legacyTree():
			// A legacy group that happens to end in .files.
			s.dirs = append(s.dirs, base+".files")
		case fs[".ans"] && strict, fs[".yaml"] && strict, fs[".files"]:
			for _, x := range []string{".ans", ".yaml", ".files"} {
				if fs[x] {
					return nil, ferr(r+x, "no matching .in file")
				}
			}
		case fs[".ans"]:
			l.warnf("%s.ans: ignored: no matching .in file", r)
		}
	}
	slices.Sort(s.cases)
	slices.Sort(s.dirs)
	return s, nil
}

// legacyTree reports whether every directory under data/ is a group (legacy
// and 2023-07-draft, as problemtools reads them), rather than the 2025-09
// rule: groups are the directories right under secret, and directories
// below them only hold test cases.
func (l *loader) legacyTree() bool {
	return l.p.FormatVersion != Format2025
}

// loadGroup loads the group in the directory rel.
func (l *loader) loadGroup(rel string, parent *Settings, kind groupKind, md *metadata) (*Group, error) {
	g := &Group{Name: strings.TrimPrefix(rel, "data/"), Dir: l.abs(rel)}
	g.Settings = defaultSettings(kind, parent)
	if err := l.readGroupConfig(rel, &g.Settings, kind, md); err != nil {
		return nil, err
	}
	s, err := l.scan(rel)
	if err != nil {
		return nil, err
	}
	switch {
	case l.legacyTree():
		// Test cases and subgroups, in order of base name.
		i, j := 0, 0
		for i < len(s.cases) || j < len(s.dirs) {
			if j == len(s.dirs) || i < len(s.cases) && s.cases[i] < s.dirs[j] {
				c, err := l.loadCase(path.Join(rel, s.cases[i]), s.files[s.cases[i]], &g.Settings)
				if err != nil {
					return nil, err
				}
				g.Entries = append(g.Entries, Entry{Case: c})
				i++
				continue
			}
			sub, err := l.loadGroup(path.Join(rel, s.dirs[j]), &g.Settings, kindGroup, md)
			if err != nil {
				return nil, err
			}
			if len(sub.Entries) == 0 {
				l.warnf("%s: empty test data group", path.Join(rel, s.dirs[j]))
			}
			g.Entries = append(g.Entries, Entry{Group: sub})
			j++
		}
	case kind == kindSecret && len(s.dirs) > 0:
		if len(s.cases) > 0 {
			return nil, ferr(path.Join(rel, s.cases[0])+".in", "data/secret holds test data groups, so it must not hold test cases too")
		}
		for _, d := range s.dirs {
			sub, err := l.loadGroup(path.Join(rel, d), &g.Settings, kindGroup, md)
			if err != nil {
				return nil, err
			}
			if len(sub.Entries) == 0 {
				return nil, ferr(path.Join(rel, d), "a test data group without test cases")
			}
			g.Entries = append(g.Entries, Entry{Group: sub})
		}
	default:
		// A 2025-09 group: the test cases in its directory and in any
		// directories below it, by name.
		var cases []*Case
		var walk func(dir string, s *scanned) error
		walk = func(dir string, s *scanned) error {
			for _, b := range s.cases {
				c, err := l.loadCase(path.Join(dir, b), s.files[b], &g.Settings)
				if err != nil {
					return err
				}
				cases = append(cases, c)
			}
			for _, d := range s.dirs {
				sub := path.Join(dir, d)
				for _, cfg := range []string{testGroupYAML, testdataYAML} {
					if l.isFile(path.Join(sub, cfg)) {
						return ferr(path.Join(sub, cfg), "test data groups do not nest: only the directories right under data/secret are groups")
					}
				}
				ss, err := l.scan(sub)
				if err != nil {
					return err
				}
				if err := walk(sub, ss); err != nil {
					return err
				}
			}
			return nil
		}
		if err := walk(rel, s); err != nil {
			return nil, err
		}
		slices.SortFunc(cases, func(a, b *Case) int { return strings.Compare(a.Name, b.Name) })
		for _, c := range cases {
			g.Entries = append(g.Entries, Entry{Case: c})
		}
	}
	return g, nil
}

// loadCase loads the test case rel (its path without extension) with the
// given files, in a group with settings s.
func (l *loader) loadCase(rel string, files map[string]bool, s *Settings) (*Case, error) {
	p := l.p
	c := &Case{
		Name:                strings.TrimPrefix(rel, "data/"),
		InPath:              l.abs(rel + ".in"),
		AnsPath:             l.abs(rel + ".ans"),
		Args:                dup(s.Args),
		InputValidatorArgs:  dupArgs(s.InputValidatorArgs),
		FullFeedback:        s.FullFeedback,
		OutputValidatorArgs: append(dup(p.ValidatorFlags), s.OutputValidatorArgs...),
	}
	if files[".interaction"] {
		c.InteractionPath = l.abs(rel + ".interaction")
	}
	if files[".files"] {
		c.FilesDir = l.abs(rel + ".files")
	}
	if p.legacy() {
		for _, x := range []struct {
			ext string
			dst *string
		}{{".hint", &c.Hint}, {".desc", &c.Description}} {
			if files[x.ext] {
				b, err := l.readSmall(rel+x.ext, maxYAML)
				if err != nil {
					return nil, err
				}
				*x.dst = strings.TrimSpace(string(b))
			}
		}
		return c, nil
	}
	if !files[".yaml"] {
		return c, nil
	}
	file := rel + ".yaml"
	fs, err := l.readFields(file)
	if err != nil {
		return nil, err
	}
	for _, f := range fs {
		switch f.key {
		case "args":
			c.Args, err = strList(f.key, f.val)
		case "output_validator_args":
			var a []string
			a, err = words(f.key, f.val)
			c.OutputValidatorArgs = append(dup(p.ValidatorFlags), a...)
		case "input_validator_args":
			c.InputValidatorArgs, err = inputValidatorArgs(f.key, f.val, false)
		case "full_feedback":
			c.FullFeedback, err = boolean(f.key, f.val)
		case "hint":
			c.Hint, err = str(f.key, f.val)
		case "description":
			c.Description, err = str(f.key, f.val)
		case "input_visualizer_args", "output_visualizer_args":
			_, err = words(f.key, f.val)
		default:
			if p.FormatVersion == Format2025 {
				err = unknownKey("", f)
			} else {
				l.warnf("%s: %v (ignored)", file, unknownKey("", f))
			}
		}
		if err != nil {
			return nil, wrapf(file, err)
		}
	}
	return c, nil
}

// inputValidatorArgs reads input validator arguments: a string or list for
// every validator, or a map from validator name to arguments (legacy: a map
// with the keys name and flags).
func inputValidatorArgs(what string, n *yaml.Node, legacy bool) (map[string][]string, error) {
	n = deref(n)
	if isNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.MappingNode {
		a, err := words(what, n)
		if err != nil {
			return nil, err
		}
		return map[string][]string{"": a}, nil
	}
	fs, err := fields(what, n)
	if err != nil {
		return nil, err
	}
	m := map[string][]string{}
	if legacy {
		var name, flags string
		for _, f := range fs {
			switch f.key {
			case "name":
				name, err = str(key(what, f.key), f.val)
			case "flags":
				flags, err = str(key(what, f.key), f.val)
			default:
				err = unknownKey(what, f)
			}
			if err != nil {
				return nil, err
			}
		}
		if name == "" {
			return nil, fmt.Errorf("%s: want a string or a map with keys name and flags", what)
		}
		m[name] = strings.Fields(flags)
		return m, nil
	}
	for _, f := range fs {
		if m[f.key], err = words(key(what, f.key), f.val); err != nil {
			return nil, err
		}
		if m[f.key] == nil {
			m[f.key] = []string{}
		}
	}
	return m, nil
}

// readGroupConfig reads the configuration file of the group in rel, if it
// has one, into s.
func (l *loader) readGroupConfig(rel string, s *Settings, kind groupKind, md *metadata) error {
	p := l.p
	file := ""
	tg, td := rel+"/"+testGroupYAML, rel+"/"+testdataYAML
	hasTG, hasTD := l.isFile(tg), l.isFile(td)
	switch {
	case p.legacy():
		if hasTG {
			l.warnf("%s: ignored: legacy packages use %s", tg, testdataYAML)
		}
		if hasTD {
			file = td
		}
	case p.FormatVersion == Format2025:
		if hasTD {
			l.warnf("%s: ignored: 2025-09 packages use %s", td, testGroupYAML)
		}
		if hasTG {
			file = tg
		}
	default:
		if hasTG {
			file = tg
			l.sawTestGroupYAML = true
			if hasTD {
				l.warnf("%s: ignored: %s is read instead", td, testGroupYAML)
			}
		} else if hasTD {
			file = td
		}
	}
	if file != "" {
		if err := l.parseGroupConfig(file, s, kind); err != nil {
			return wrapf(file, err)
		}
	}
	// Grading keys older than legacy, in problem.yaml, override every
	// group's (as problemtools does).
	for k, v := range md.grading {
		if err := l.groupKey("problem.yaml", k, v, s, kind); err != nil {
			return wrapf("problem.yaml", fmt.Errorf("grading.%w", err))
		}
	}
	return nil
}

// parseGroupConfig parses a testdata.yaml or test_group.yaml.
func (l *loader) parseGroupConfig(file string, s *Settings, kind groupKind) error {
	data, err := l.readSmall(file, maxYAML)
	if err != nil {
		return err
	}
	if len(l.p.Constants) > 0 {
		text := string(data)
		for k, v := range l.p.Constants {
			text = strings.ReplaceAll(text, "{{"+k+"}}", v)
		}
		data = []byte(text)
	}
	n, err := parseYAML(data)
	if err != nil {
		return err
	}
	fs, err := fields("", n)
	if err != nil {
		return err
	}
	for _, f := range fs {
		if err := l.groupKey(file, f.key, f.val, s, kind); err != nil {
			if err == errUnknown {
				if l.p.FormatVersion == Format2025 {
					return unknownKey("", f)
				}
				l.warnf("%s: %v (ignored)", file, unknownKey("", f))
				continue
			}
			return err
		}
	}
	return nil
}

var errUnknown = fmt.Errorf("unknown key")

var legacyGroupKeys = []string{"on_reject", "grading", "grader_flags", "accept_score", "reject_score", "range", "input_validator_flags", "output_validator_flags"}

// groupKey applies one key of a group configuration to s.
// Warnings name file.
func (l *loader) groupKey(file, k string, v *yaml.Node, s *Settings, kind groupKind) error {
	p := l.p
	legacyKey := slices.Contains(legacyGroupKeys, k)
	if legacyKey && p.FormatVersion == Format2025 || !legacyKey && p.legacy() {
		return errUnknown
	}
	var err error
	switch k {
	case "on_reject":
		var o string
		if o, err = str(k, v); err != nil {
			return err
		}
		switch o {
		case "break", "continue":
			s.OnReject = o
		case "first_error": // older than legacy
			s.OnReject = "break"
		case "grade", "worst_error":
			s.OnReject = "continue"
		default:
			return fmt.Errorf("on_reject %q: want break or continue", o)
		}
	case "grading":
		var o string
		if o, err = str(k, v); err != nil {
			return err
		}
		if o != "default" && o != "custom" {
			return fmt.Errorf("grading %q: want default or custom", o)
		}
		s.Grading = o
	case "grader_flags":
		s.GraderFlags, err = words(k, v)
	case "accept_score":
		s.AcceptScore, err = number(k, v)
	case "reject_score":
		s.RejectScore, err = number(k, v)
	case "range":
		var r string
		if r, err = str(k, v); err != nil {
			return err
		}
		ws := strings.Fields(r)
		var a, b float64
		var ea, eb error
		if len(ws) == 2 {
			a, ea = strconv.ParseFloat(ws[0], 64)
			b, eb = strconv.ParseFloat(ws[1], 64)
		}
		if len(ws) != 2 || ea != nil || eb != nil || math.IsNaN(a) || math.IsNaN(b) || a > b {
			return fmt.Errorf("range %q: want two numbers, the least first", r)
		}
		s.Range = [2]float64{a, b}
	case "input_validator_flags":
		s.InputValidatorArgs, err = inputValidatorArgs(k, v, true)
	case "input_validator_args":
		s.InputValidatorArgs, err = inputValidatorArgs(k, v, false)
	case "output_validator_flags":
		if v.Kind == yaml.MappingNode {
			var m map[string][]string
			if m, err = inputValidatorArgs(k, v, true); err != nil {
				return err
			}
			for _, a := range m {
				s.OutputValidatorArgs = a
			}
			return nil
		}
		s.OutputValidatorArgs, err = words(k, v)
	case "output_validator_args":
		s.OutputValidatorArgs, err = words(k, v)
	case "args":
		s.Args, err = strList(k, v)
	case "full_feedback":
		s.FullFeedback, err = boolean(k, v)
	case "input_visualizer_args", "output_visualizer_args", "static_validator_args":
		_, err = words(k, v)
	case "static_validation_score":
		return fmt.Errorf("static_validation_score: static validation is not supported")
	case "max_score", "score_aggregation", "require_pass":
		if kind == kindSample || kind == kindRoot {
			if p.FormatVersion == Format2025 {
				return fmt.Errorf("%s is not permitted here", k)
			}
			l.warnf("%s: %s ignored outside data/secret", file, k)
			return nil
		}
		if p.Type != Scoring {
			l.warnf("%s: %s ignored: the problem is not a scoring problem", file, k)
			return nil
		}
		switch k {
		case "max_score":
			if v.Kind == yaml.ScalarNode && v.Value == "unbounded" {
				s.MaxScore = math.Inf(1)
				return nil
			}
			var f float64
			if f, err = number(k, v); err == nil && f < 0 {
				err = typeErr(k, v, "a number >= 0 or unbounded")
			}
			s.MaxScore = f
		case "score_aggregation":
			var o string
			if o, err = str(k, v); err != nil {
				return err
			}
			if o != "pass-fail" && o != "sum" && o != "min" {
				return fmt.Errorf("score_aggregation %q: want pass-fail, sum or min", o)
			}
			s.ScoreAggregation = o
		case "require_pass":
			s.RequirePass, err = strList(k, v)
		}
	default:
		return errUnknown
	}
	return err
}

// checkGroups checks what holds across groups: graders for custom grading,
// and the 2025-09 scoring rules.
func (l *loader) checkGroups() error {
	p := l.p
	var groups []*Group
	var walk func(g *Group)
	walk = func(g *Group) {
		groups = append(groups, g)
		for _, e := range g.Entries {
			if e.Group != nil {
				walk(e.Group)
			}
		}
	}
	walk(p.Data)
	for _, g := range groups {
		if p.LegacyGrading && p.Type == Scoring && g.Settings.Grading == "custom" && len(p.Graders) == 0 {
			return ferr(l.groupFile(g), "grading: custom, but graders/ holds no grader")
		}
	}
	if p.LegacyGrading || p.Type != Scoring {
		// The 2025-09 score settings do not apply: leave them zero rather
		// than show defaults nobody uses.
		for _, g := range groups {
			g.Settings.MaxScore, g.Settings.ScoreAggregation, g.Settings.RequirePass = 0, "", nil
		}
		return nil
	}
	secret := p.Group("secret")
	for _, g := range groups {
		if g.Name != "secret" && !strings.HasPrefix(g.Name, "secret/") {
			continue
		}
		s := &g.Settings
		if g != secret {
			if secret.Settings.ScoreAggregation == "pass-fail" && s.ScoreAggregation != "pass-fail" {
				return ferr(l.groupFile(g), "score_aggregation: data/secret is pass-fail, so its groups must be too")
			}
			if math.IsInf(s.MaxScore, 1) && !math.IsInf(secret.Settings.MaxScore, 1) {
				return ferr(l.groupFile(g), "max_score: missing (groups are unbounded by default, but data/secret is bounded)")
			}
		}
		if s.ScoreAggregation == "pass-fail" && math.IsInf(s.MaxScore, 1) {
			return ferr(l.groupFile(g), "max_score: a pass-fail group needs a bounded max_score")
		}
		for _, r := range s.RequirePass {
			if g == secret && r != "sample" {
				return ferr(l.groupFile(g), "require_pass: data/secret may only require sample, not %q", r)
			}
			dep := p.Group(r)
			if r == "" || dep == nil || dep == p.Data {
				return ferr(l.groupFile(g), "require_pass: no group %q", r)
			}
			if r >= g.Name {
				return ferr(l.groupFile(g), "require_pass: %q does not come before %q", r, g.Name)
			}
			if r != "sample" && dep.Settings.ScoreAggregation != "pass-fail" {
				return ferr(l.groupFile(g), "require_pass: %q must be a pass-fail group", r)
			}
		}
	}
	return nil
}

// groupFile names a group's configuration file for messages.
func (l *loader) groupFile(g *Group) string {
	if l.p.LegacyGrading {
		return path.Join("data", g.Name, testdataYAML)
	}
	return path.Join("data", g.Name, testGroupYAML)
}
