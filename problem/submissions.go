package problem

import (
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// categories returns the submission directories of a format version and
// what they require of every test case. Legacy wording is about the final
// verdict, which these approximate: wrong_answer "is not too slow and does
// not crash", time_limit_exceeded "may also give wrong answer but not
// crash".
func categories(legacy bool) map[string]Requirement {
	if legacy {
		return map[string]Requirement{
			"accepted":            {Permitted: []Verdict{AC}},
			"partially_accepted":  {},
			"wrong_answer":        {Permitted: []Verdict{AC, WA}, Required: []Verdict{WA}},
			"time_limit_exceeded": {Permitted: []Verdict{AC, WA, TLE}, Required: []Verdict{TLE}},
			"run_time_error":      {Required: []Verdict{RTE}},
		}
	}
	return map[string]Requirement{
		"accepted":            {Permitted: []Verdict{AC}},
		"rejected":            {Required: []Verdict{WA, TLE, RTE}},
		"wrong_answer":        {Permitted: []Verdict{AC, WA}, Required: []Verdict{WA}},
		"time_limit_exceeded": {Permitted: []Verdict{AC, TLE}, Required: []Verdict{TLE}},
		"run_time_error":      {Permitted: []Verdict{AC, RTE}, Required: []Verdict{RTE}},
		"brute_force":         {Permitted: []Verdict{AC, TLE, RTE}, Required: []Verdict{TLE, RTE}},
	}
}

// loadSubmissions finds the example submissions and what they must do.
func (l *loader) loadSubmissions() error {
	p := l.p
	ents, _, err := l.readDir("submissions")
	if err != nil {
		return err
	}
	defaults := categories(p.legacy())
	hasYAML := false
	for _, e := range ents {
		r := "submissions/" + e.name
		if !e.isDir {
			if e.name == "submissions.yaml" {
				hasYAML = true
			} else {
				l.warnf("%s: ignored: submissions belong in a directory such as submissions/accepted", r)
			}
			continue
		}
		if _, ok := defaults[e.name]; !ok && p.legacy() {
			l.warnf("%s: not a legacy submission directory: no verdicts are expected of its submissions", r)
		}
		ps, err := l.programs(r, false)
		if err != nil {
			return err
		}
		for _, q := range ps {
			q.Name = e.name + "/" + q.Name
			p.Submissions = append(p.Submissions, Submission{Program: q, Category: e.name})
		}
	}
	var rules []*rule
	if hasYAML {
		if p.legacy() {
			l.warnf("submissions/submissions.yaml: ignored in a legacy package")
		} else if rules, err = l.readSubmissionsYAML(defaults); err != nil {
			return wrapf("submissions/submissions.yaml", err)
		}
	}
	for i := range p.Submissions {
		s := &p.Submissions[i]
		if d, ok := defaults[s.Category]; ok {
			s.Requirements = append(s.Requirements, copyReq(d))
		}
	}
	for _, r := range rules {
		matched := false
		for i := range p.Submissions {
			s := &p.Submissions[i]
			if !r.matches(s.Name) {
				continue
			}
			matched = true
			for _, set := range []struct {
				dst *string
				v   string
				key string
			}{{&s.Language, r.language, "language"}, {&s.Entrypoint, r.entrypoint, "entrypoint"}} {
				if set.v == "" {
					continue
				}
				if *set.dst != "" && *set.dst != set.v {
					return ferr("submissions/submissions.yaml", "%s of %s: both %q and %q", set.key, s.Name, *set.dst, set.v)
				}
				*set.dst = set.v
			}
			if r.model {
				s.ModelSolution = true
			}
			for _, q := range r.reqs {
				s.Requirements = append(s.Requirements, copyReq(q))
			}
		}
		if !matched && !r.category {
			l.warnf("submissions/submissions.yaml: %q matches no submission", r.glob)
		}
	}
	accepted := 0
	for _, s := range p.Submissions {
		if s.Category == "accepted" {
			accepted++
		}
	}
	if accepted == 0 {
		if p.Limits.TimeLimit == 0 {
			return ferr("submissions/accepted", "no accepted submission, and no time limit to judge with (limits.time_limit or .timelimit)")
		}
		l.warnf("submissions/accepted: no accepted submission")
	}
	return nil
}

func copyReq(r Requirement) Requirement {
	r.Cases = dup(r.Cases)
	r.Permitted = slices.Clone(r.Permitted)
	r.Required = slices.Clone(r.Required)
	r.Score = slices.Clone(r.Score)
	return r
}

// A rule is one top-level entry of submissions.yaml.
type rule struct {
	glob                 string
	patterns             []string
	category             bool // the key names a default directory, whose defaults it changes
	language, entrypoint string
	model                bool
	reqs                 []Requirement
}

// matches reports whether the rule applies to the submission with the given
// name ("accepted/x.py"): the glob matches it or its directory.
func (r *rule) matches(name string) bool {
	dir, _, _ := strings.Cut(name, "/")
	for _, p := range r.patterns {
		for _, c := range []string{dir, name} {
			if ok, _ := path.Match(p, c); ok {
				return true
			}
		}
	}
	return false
}

var reqKeys = []string{"permitted", "required", "score", "message", "use_for_time_limit"}

// readSubmissionsYAML reads submissions.yaml. Entries that name a default
// directory change defaults; the others become rules.
func (l *loader) readSubmissionsYAML(defaults map[string]Requirement) ([]*rule, error) {
	data, err := l.readSmall("submissions/submissions.yaml", maxYAML)
	if err != nil {
		return nil, err
	}
	n, err := parseYAML(data)
	if err != nil {
		return nil, err
	}
	top, err := fields("", n)
	if err != nil {
		return nil, err
	}
	var rules []*rule
	for _, t := range top {
		r := &rule{glob: t.key}
		if r.patterns, err = expandBraces(t.key); err != nil {
			return nil, fmt.Errorf("%q: %w", t.key, err)
		}
		for _, p := range r.patterns {
			if _, err := path.Match(p, ""); err != nil {
				return nil, fmt.Errorf("%q: bad pattern", t.key)
			}
		}
		fs, err := fields(t.key, t.val)
		if err != nil {
			return nil, err
		}
		var own Requirement
		set := map[string]bool{}
		for _, f := range fs {
			k := key(t.key, f.key)
			switch {
			case f.key == "language":
				r.language, err = str(k, f.val)
			case f.key == "entrypoint":
				r.entrypoint, err = str(k, f.val)
			case f.key == "model_solution":
				r.model, err = boolean(k, f.val)
			case f.key == "authors":
			case slices.Contains(reqKeys, f.key):
				set[f.key] = true
				err = l.reqKey(k, f.key, f.val, &own)
			case f.val != nil && f.val.Kind == yaml.MappingNode:
				// A test case or group glob.
				var q Requirement
				if q, err = l.scopedReq(k, f.key, f.val); err == nil {
					r.reqs = append(r.reqs, q)
				}
			default:
				if l.p.FormatVersion == Format2025 {
					err = unknownKey(t.key, f)
				} else {
					l.warnf("submissions/submissions.yaml: %v (ignored)", unknownKey(t.key, f))
				}
			}
			if err != nil {
				return nil, err
			}
		}
		if d, ok := defaults[t.key]; ok {
			// Keys not given are inherited from the default.
			r.category = true
			if set["permitted"] {
				d.Permitted = own.Permitted
			}
			if set["required"] {
				d.Required = own.Required
			}
			if set["score"] {
				d.Score = own.Score
			}
			if set["message"] {
				d.Message = own.Message
			}
			if set["use_for_time_limit"] {
				d.UseForTimeLimit = own.UseForTimeLimit
			}
			defaults[t.key] = d
		} else if len(set) > 0 {
			r.reqs = append([]Requirement{own}, r.reqs...)
		}
		rules = append(rules, r)
	}
	return rules, nil
}

// scopedReq reads the requirements under a test case glob.
func (l *loader) scopedReq(what, glob string, n *yaml.Node) (Requirement, error) {
	q := Requirement{Scope: glob, Cases: []string{}}
	pats, err := expandBraces(glob)
	if err != nil {
		return q, fmt.Errorf("%s: %w", what, err)
	}
	for _, c := range l.p.Cases() {
		if caseMatches(pats, c.Name) {
			q.Cases = append(q.Cases, c.Name)
		}
	}
	if len(q.Cases) == 0 {
		l.warnf("submissions/submissions.yaml: %s matches no test case", what)
	}
	fs, err := fields(what, n)
	if err != nil {
		return q, err
	}
	for _, f := range fs {
		if !slices.Contains(reqKeys, f.key) {
			return q, unknownKey(what, f)
		}
		if err := l.reqKey(key(what, f.key), f.key, f.val, &q); err != nil {
			return q, err
		}
	}
	return q, nil
}

// caseMatches reports whether a test case glob matches the case or one of
// the directories it is in.
func caseMatches(pats []string, name string) bool {
	for {
		for _, p := range pats {
			if ok, _ := path.Match(p, name); ok {
				return true
			}
		}
		i := strings.LastIndexByte(name, '/')
		if i < 0 {
			return false
		}
		name = name[:i]
	}
}

// reqKey reads one requirement key into q.
func (l *loader) reqKey(what, k string, v *yaml.Node, q *Requirement) error {
	var err error
	switch k {
	case "permitted", "required":
		var vs []string
		if vs, err = strList(what, v); err != nil {
			return err
		}
		var set []Verdict
		for _, want := range []Verdict{AC, WA, TLE, RTE} {
			if slices.Contains(vs, string(want)) {
				set = append(set, want)
			}
		}
		for _, s := range vs {
			if !slices.Contains(set, Verdict(s)) {
				return fmt.Errorf("%s: verdict %q: want AC, WA, TLE or RTE", what, s)
			}
		}
		if set == nil {
			set = []Verdict{}
		}
		if k == "permitted" {
			q.Permitted = set
		} else {
			q.Required = set
		}
	case "score":
		v = deref(v)
		if v != nil && v.Kind == yaml.SequenceNode {
			if len(v.Content) != 2 {
				return typeErr(what, v, "a number or a list of two numbers")
			}
			a, err := number(what, deref(v.Content[0]))
			if err != nil {
				return err
			}
			b, err := number(what, deref(v.Content[1]))
			if err != nil {
				return err
			}
			if a > b {
				return fmt.Errorf("%s: [%v, %v]: the least score comes first", what, a, b)
			}
			q.Score = []float64{a, b}
		} else {
			var a float64
			if a, err = number(what, v); err != nil {
				return err
			}
			q.Score = []float64{a, a}
		}
		if l.p.Type != Scoring {
			l.warnf("submissions/submissions.yaml: %s: the problem is not a scoring problem", what)
		}
	case "message":
		q.Message, err = str(what, v)
	case "use_for_time_limit":
		v = deref(v)
		if v != nil && v.Kind == yaml.ScalarNode && v.Tag == "!!bool" {
			var b bool
			b, err = boolean(what, v)
			q.UseForTimeLimit = fmt.Sprint(b)
			return err
		}
		var s string
		if s, err = str(what, v); err != nil {
			return err
		}
		if s != "lower" && s != "upper" {
			return fmt.Errorf("%s: %q: want true, false, lower or upper", what, s)
		}
		q.UseForTimeLimit = s
	}
	return err
}

// maxExpansions caps how many patterns one brace glob may expand to.
const maxExpansions = 1000

// expandBraces expands {a,b} alternatives, which may nest.
func expandBraces(s string) ([]string, error) {
	var out []string
	var expand func(s string, depth int) error
	expand = func(s string, depth int) error {
		if depth > 64 {
			return errors.New("too many braces")
		}
		open := strings.IndexByte(s, '{')
		if open < 0 {
			if strings.IndexByte(s, '}') >= 0 {
				return errors.New("unbalanced }")
			}
			if len(out) >= maxExpansions {
				return fmt.Errorf("expands to more than %d patterns", maxExpansions)
			}
			out = append(out, s)
			return nil
		}
		level, end := 0, -1
		var cuts []int
	scan:
		for i := open; i < len(s); i++ {
			switch s[i] {
			case '{':
				level++
			case '}':
				if level--; level == 0 {
					end = i
					break scan
				}
			case ',':
				if level == 1 {
					cuts = append(cuts, i)
				}
			}
		}
		if end < 0 {
			return errors.New("unbalanced {")
		}
		start := open + 1
		for _, c := range append(cuts, end) {
			if err := expand(s[:open]+s[start:c]+s[end+1:], depth+1); err != nil {
				return err
			}
			start = c + 1
		}
		return nil
	}
	if err := expand(s, 0); err != nil {
		return nil, err
	}
	return out, nil
}
