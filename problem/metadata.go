package problem

import (
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

const (
	kib = 1 << 10
	mib = 1 << 20
)

// legacyKeys are the keys of a legacy problem.yaml.
var legacyKeys = []string{
	"problem_format_version", "type", "name", "uuid", "author", "source", "source_url",
	"license", "rights_owner", "limits", "validation", "validator_flags", "grading", "keywords",
	"function", "difficulty", "tags",
}

// keys2025 are the keys of a 2025-09 problem.yaml.
var keys2025 = []string{
	"problem_format_version", "type", "name", "uuid", "version", "credits", "source",
	"license", "rights_owner", "embargo_until", "limits", "keywords", "languages",
	"allow_file_writing", "constants", "function", "difficulty", "tags",
}

var licenses = []string{"unknown", "public domain", "cc0", "cc by", "cc by-sa", "educational", "permission"}

var constantName = regexp.MustCompile(`^[a-zA-Z_][a-zA-Z0-9_]*$`)

// metadata is what problem.yaml says beyond the Problem fields it sets.
type metadata struct {
	grading        map[string]*yaml.Node // grading keys older than legacy, applied to every group
	names          map[string]string     // language -> name
	timeLimitGiven bool                  // limits.time_limit is set
	function       bool                  // type: function
}

// legacy reports whether the package is legacy or legacy-icpc.
func (p *Problem) legacy() bool {
	return p.FormatVersion == FormatLegacy || p.FormatVersion == FormatLegacyICPC
}

// readMetadata reads problem.yaml and .timelimit.
func (l *loader) readMetadata() (*metadata, error) {
	const file = "problem.yaml"
	p := l.p
	if !l.isFile(file) {
		return nil, ferr(file, "missing")
	}
	fs, err := l.readFields(file)
	if err != nil {
		return nil, err
	}
	vals := map[string]*yaml.Node{}
	for _, f := range fs {
		vals[f.key] = f.val
	}

	p.FormatVersion = FormatLegacy
	if v, ok := vals["problem_format_version"]; ok {
		s, err := str("problem_format_version", v)
		if err != nil {
			return nil, wrapf(file, err)
		}
		switch s {
		case FormatLegacy, FormatLegacyICPC, FormatDraft, Format2025:
			p.FormatVersion = s
		case "2023-07":
			p.FormatVersion = FormatDraft
		default:
			return nil, ferr(file, "problem_format_version %q is not supported (want legacy, legacy-icpc, 2023-07-draft or 2025-09)", s)
		}
	}
	known := keys2025
	if p.legacy() {
		known = legacyKeys
	}
	for _, f := range fs {
		if slices.Contains(known, f.key) {
			continue
		}
		// 2023-07-draft packages carry keys from every stage of the
		// draft: the legacy validation keys are honoured, others warned
		// about.
		if p.FormatVersion == FormatDraft {
			if f.key != "validation" && f.key != "validator_flags" {
				l.warnf("%s: %v (ignored)", file, unknownKey("", f))
			}
			continue
		}
		return nil, wrapf(file, unknownKey("", f))
	}

	md := &metadata{names: map[string]string{}}
	if err := l.readCommon(vals, md); err != nil {
		return nil, wrapf(file, err)
	}
	if p.legacy() {
		err = l.readLegacy(vals, md)
	} else {
		err = l.read2025(vals, md)
	}
	if err != nil {
		return nil, wrapf(file, err)
	}
	if err := l.readFunction(vals, md); err != nil {
		return nil, wrapf(file, err)
	}
	return md, l.readTimelimit(md)
}

// readCommon reads the keys legacy and 2025-09 share.
func (l *loader) readCommon(vals map[string]*yaml.Node, md *metadata) error {
	p := l.p
	if v, ok := vals["name"]; ok && !isNull(v) {
		if v.Kind == yaml.MappingNode {
			fs, err := fields("name", v)
			if err != nil {
				return err
			}
			for _, f := range fs {
				s, err := str(key("name", f.key), f.val)
				if err != nil {
					return err
				}
				md.names[f.key] = s
			}
		} else {
			s, err := str("name", v)
			if err != nil {
				return err
			}
			md.names["en"] = s
		}
	}
	if v, ok := vals["uuid"]; ok && !isNull(v) {
		s, err := str("uuid", v)
		if err != nil {
			return err
		}
		p.UUID = s
	}
	if v, ok := vals["difficulty"]; ok && !isNull(v) {
		s, err := str("difficulty", v)
		if err != nil {
			return err
		}
		p.Difficulty = s
	}
	// Tags: keywords (legacy: one space-separated string; 2025-09: a
	// list) and the tags list, as the API shows them.
	for _, k := range []string{"keywords", "tags"} {
		ws, err := strList(k, vals[k])
		if err != nil {
			return err
		}
		for _, w := range ws {
			p.Tags = append(p.Tags, strings.Fields(w)...)
		}
	}
	if v, ok := vals["license"]; ok && !isNull(v) {
		s, err := str("license", v)
		if err != nil {
			return err
		}
		if !slices.Contains(licenses, s) {
			return fmt.Errorf("license %q is not one of %s", s, strings.Join(licenses, ", "))
		}
	}
	return nil
}

// readLegacy reads a legacy problem.yaml.
func (l *loader) readLegacy(vals map[string]*yaml.Node, md *metadata) error {
	p := l.p
	p.AllowFileWriting = true
	p.LegacyGrading = true
	p.Objective = "max"
	if v, ok := vals["type"]; ok && !isNull(v) {
		s, err := str("type", v)
		if err != nil {
			return err
		}
		switch s {
		case "pass-fail":
		case "function":
			md.function = true
		case "scoring":
			if p.FormatVersion == FormatLegacyICPC {
				return fmt.Errorf("type: scoring is not part of legacy-icpc")
			}
			p.Type = Scoring
		default:
			return fmt.Errorf("type %q: want pass-fail, scoring or function", s)
		}
	}
	if err := l.readValidation(vals); err != nil {
		return err
	}
	if v, ok := vals["grading"]; ok {
		fs, err := fields("grading", v)
		if err != nil {
			return err
		}
		md.grading = map[string]*yaml.Node{}
		for _, f := range fs {
			switch f.key {
			case "objective":
				s, err := str("grading.objective", f.val)
				if err != nil {
					return err
				}
				if s != "min" && s != "max" {
					return fmt.Errorf("grading.objective %q: want min or max", s)
				}
				p.Objective = s
			case "show_test_data_groups":
				if _, err := boolean("grading.show_test_data_groups", f.val); err != nil {
					return err
				}
			case "accept_score", "reject_score", "range", "on_reject":
				// Older than legacy; problemtools applies them to every
				// group, and so does Load.
				md.grading[f.key] = f.val
			default:
				return unknownKey("grading", f)
			}
		}
	}
	p.Limits = Limits{
		TimeMultiplier: 5, SafetyMargin: 2, TimeResolution: time.Second, ValidationPasses: 2,
	}
	return l.readLimits(vals["limits"], md, map[string]bool{
		"time_multiplier": true, "time_safety_margin": true,
		// Not in the legacy text, but written by tools in the wild.
		"time_limit": true, "validation_passes": true,
	})
}

// readValidation reads legacy validation and validator_flags.
func (l *loader) readValidation(vals map[string]*yaml.Node) error {
	p := l.p
	if v, ok := vals["validator_flags"]; ok && !isNull(v) {
		s, err := str("validator_flags", v)
		if err != nil {
			return err
		}
		p.ValidatorFlags = strings.Fields(s)
	}
	v, ok := vals["validation"]
	if !ok || isNull(v) {
		return nil
	}
	s, err := str("validation", v)
	if err != nil {
		return err
	}
	ws := strings.Fields(s)
	if len(ws) == 0 || ws[0] != "default" && ws[0] != "custom" {
		return fmt.Errorf("validation %q: must begin with default or custom", s)
	}
	if ws[0] == "default" {
		if len(ws) > 1 {
			return fmt.Errorf("validation %q: default takes no options", s)
		}
		return nil
	}
	l.customValidation = true
	for _, w := range ws[1:] {
		switch w {
		case "interactive":
			p.Interactive = true
		case "score":
			if p.Type != Scoring && p.legacy() {
				return fmt.Errorf("validation %q: score is for scoring problems only", s)
			}
			p.ValidatorScores = true
		case "multi-pass", "multipass":
			p.MultiPass = true
		default:
			return fmt.Errorf("validation %q: unknown option %q", s, w)
		}
	}
	return nil
}

// read2025 reads a 2023-07-draft or 2025-09 problem.yaml.
func (l *loader) read2025(vals map[string]*yaml.Node, md *metadata) error {
	p := l.p
	if len(md.names) == 0 {
		if p.FormatVersion == Format2025 {
			return fmt.Errorf("name is required")
		}
		l.warnf("problem.yaml: name is missing")
	}
	if p.UUID == "" {
		if p.FormatVersion == Format2025 {
			return fmt.Errorf("uuid is required")
		}
		l.warnf("problem.yaml: uuid is missing")
	}
	if v, ok := vals["type"]; ok && !isNull(v) {
		ts, err := strList("type", v)
		if err != nil {
			return err
		}
		if len(ts) == 0 {
			return fmt.Errorf("type: want at least one type")
		}
		seen := map[string]bool{}
		for _, t := range ts {
			if seen[t] {
				return fmt.Errorf("type: %s appears twice", t)
			}
			seen[t] = true
			switch t {
			case "pass-fail":
			case "scoring":
				p.Type = Scoring
			case "interactive":
				p.Interactive = true
			case "multi-pass":
				p.MultiPass = true
			case "submit-answer":
				return fmt.Errorf("type: submit-answer problems are not supported")
			case "function":
				md.function = true
			default:
				return fmt.Errorf("type %q: want pass-fail, scoring, interactive, multi-pass, submit-answer or function", t)
			}
		}
		if seen["pass-fail"] && seen["scoring"] {
			return fmt.Errorf("type: pass-fail and scoring exclude each other")
		}
	}
	if p.FormatVersion == FormatDraft {
		// The first drafts still wrote legacy validation.
		if err := l.readValidation(vals); err != nil {
			return err
		}
	}
	if v, ok := vals["allow_file_writing"]; ok && !isNull(v) {
		b, err := boolean("allow_file_writing", v)
		if err != nil {
			return err
		}
		p.AllowFileWriting = b
	}
	if v, ok := vals["languages"]; ok && !isNull(v) {
		ls, err := strList("languages", v)
		if err != nil {
			return err
		}
		if len(ls) == 0 {
			return fmt.Errorf("languages: want all or at least one language")
		}
		if !(len(ls) == 1 && ls[0] == "all") {
			p.Languages = ls
		}
	}
	if v, ok := vals["constants"]; ok {
		fs, err := fields("constants", v)
		if err != nil {
			return err
		}
		p.Constants = map[string]string{}
		for _, f := range fs {
			if !constantName.MatchString(f.key) {
				return fmt.Errorf("constants: name %q does not match %s", f.key, constantName)
			}
			if f.val == nil || f.val.Kind != yaml.ScalarNode || isNull(f.val) {
				return typeErr(key("constants", f.key), f.val, "an int, float or string")
			}
			p.Constants[f.key] = f.val.Value
		}
	}
	p.Objective = "max"
	p.Limits = Limits{
		TimeMultiplier: 2, SafetyMargin: 1.5, TimeResolution: time.Second, ValidationPasses: 2,
	}
	return l.readLimits(vals["limits"], md, map[string]bool{
		"time_multipliers": true, "time_limit": true, "time_resolution": true, "validation_passes": true,
	})
}

// readLimits reads limits; extra names the version's own keys besides the
// shared memory, output, code, compilation_* and validation_* keys.
func (l *loader) readLimits(n *yaml.Node, md *metadata, extra map[string]bool) error {
	lim := &l.p.Limits
	lim.Memory = 2048 * mib
	lim.Output = 8 * mib
	lim.Code = 128 * kib
	lim.CompilationTime = 60 * time.Second
	lim.CompilationMemory = 2048 * mib
	lim.ValidationTime = 60 * time.Second
	lim.ValidationMemory = 2048 * mib
	lim.ValidationOutput = 8 * mib
	fs, err := fields("limits", n)
	if err != nil {
		return err
	}
	size := func(k string, v *yaml.Node, unit int64, dst *int64) error {
		i, err := integer(k, v)
		if err != nil {
			return err
		}
		if i <= 0 || i > math.MaxInt64/unit/2 {
			return typeErr(k, v, "an integer > 0")
		}
		*dst = i * unit
		return nil
	}
	dur := func(k string, v *yaml.Node, dst *time.Duration) error {
		f, err := positive(k, v)
		if err != nil {
			return err
		}
		d, err := seconds(f)
		if err != nil {
			return fmt.Errorf("%s: %w", k, err)
		}
		*dst = d
		return nil
	}
	multiplier := func(k string, v *yaml.Node, dst *float64) error {
		f, err := number(k, v)
		if err != nil {
			return err
		}
		if f < 1 || f > 1000 {
			return typeErr(k, v, "a number from 1 to 1000")
		}
		*dst = f
		return nil
	}
	for _, f := range fs {
		k := key("limits", f.key)
		switch {
		case f.key == "memory":
			err = size(k, f.val, mib, &lim.Memory)
		case f.key == "output":
			err = size(k, f.val, mib, &lim.Output)
		case f.key == "code":
			err = size(k, f.val, kib, &lim.Code)
		case f.key == "compilation_time":
			err = dur(k, f.val, &lim.CompilationTime)
		case f.key == "compilation_memory":
			err = size(k, f.val, mib, &lim.CompilationMemory)
		case f.key == "validation_time":
			err = dur(k, f.val, &lim.ValidationTime)
		case f.key == "validation_memory":
			err = size(k, f.val, mib, &lim.ValidationMemory)
		case f.key == "validation_output":
			err = size(k, f.val, mib, &lim.ValidationOutput)
		case !extra[f.key]:
			err = unknownKey("limits", f)
		case f.key == "time_multiplier":
			err = multiplier(k, f.val, &lim.TimeMultiplier)
		case f.key == "time_safety_margin":
			err = multiplier(k, f.val, &lim.SafetyMargin)
		case f.key == "time_limit":
			err = dur(k, f.val, &lim.TimeLimit)
			md.timeLimitGiven = true
		case f.key == "time_resolution":
			err = dur(k, f.val, &lim.TimeResolution)
		case f.key == "validation_passes":
			var i int64
			if i, err = integer(k, f.val); err == nil && (i < 2 || i > 1000) {
				err = typeErr(k, f.val, "an integer from 2 to 1000")
			}
			lim.ValidationPasses = int(i)
		case f.key == "time_multipliers":
			var ms []field
			if ms, err = fields(k, f.val); err != nil {
				break
			}
			for _, m := range ms {
				switch m.key {
				case "ac_to_time_limit":
					err = multiplier(key(k, m.key), m.val, &lim.TimeMultiplier)
				case "time_limit_to_tle":
					err = multiplier(key(k, m.key), m.val, &lim.SafetyMargin)
				default:
					err = unknownKey(k, m)
				}
				if err != nil {
					break
				}
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// readTimelimit reads the de-facto .timelimit file (seconds), used when
// problem.yaml sets no time limit.
func (l *loader) readTimelimit(md *metadata) error {
	const file = ".timelimit"
	if !l.isFile(file) {
		return nil
	}
	if md.timeLimitGiven {
		l.warnf("%s: ignored: problem.yaml sets limits.time_limit", file)
		return nil
	}
	b, err := l.readSmall(file, 64)
	if err != nil {
		return err
	}
	s := strings.TrimSpace(string(b))
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || f <= 0 {
		return ferr(file, "want a number of seconds > 0, got %q", s)
	}
	d, err := seconds(f)
	if err != nil {
		return wrapf(file, err)
	}
	l.p.Limits.TimeLimit = d
	return nil
}

// setName picks the problem's name: the English one, else the first by
// language; else the LaTeX statement's; else the short name.
func (l *loader) setName(md *metadata) {
	p := l.p
	if s, ok := md.names["en"]; ok && s != "" {
		p.Name = s
		return
	}
	langs := make([]string, 0, len(md.names))
	for lang := range md.names {
		langs = append(langs, lang)
	}
	sort.Strings(langs)
	for _, lang := range langs {
		if md.names[lang] != "" {
			p.Name = md.names[lang]
			return
		}
	}
	for _, st := range p.Statements {
		if st.Format != "tex" {
			continue
		}
		rel, err := filepath.Rel(l.dir, st.Path)
		if err != nil {
			continue
		}
		if b, err := l.readSmall(filepath.ToSlash(rel), maxYAML); err == nil {
			if name := texName(string(b)); name != "" {
				p.Name = name
				return
			}
		}
	}
	p.Name = p.ShortName
}

var plainName = regexp.MustCompile(`(?m)^%%\s*plainproblemname:\s*(.*?)\s*$`)

// texName returns the name a LaTeX statement gives: its
// "%% plainproblemname:" comment, else the argument of \problemname.
func texName(tex string) string {
	if m := plainName.FindStringSubmatch(tex); m != nil {
		return m[1]
	}
	i := strings.Index(tex, `\problemname{`)
	if i < 0 {
		return ""
	}
	s := tex[i+len(`\problemname{`):]
	depth := 1
	for j := 0; j < len(s); j++ {
		switch s[j] {
		case '{':
			depth++
		case '}':
			if depth--; depth == 0 {
				return strings.TrimSpace(s[:j])
			}
		}
	}
	return ""
}
