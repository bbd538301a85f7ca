package problem

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestLoadPackages(t *testing.T) {
	tests := []struct {
		dir   string
		check func(t *testing.T, p *Problem)
	}{
		{"hello", func(t *testing.T, p *Problem) {
			eq(t, "Name", p.Name, "Hello World!") // from the English statement
			eq(t, "FormatVersion", p.FormatVersion, FormatLegacy)
			eq(t, "Type", p.Type, PassFail)
			eq(t, "TimeLimit", p.Limits.TimeLimit, 2500*time.Millisecond)
			eq(t, "TimeMultiplier", p.Limits.TimeMultiplier, 3.0)
			eq(t, "SafetyMargin", p.Limits.SafetyMargin, 2.0)
			eq(t, "Memory", p.Limits.Memory, int64(512<<20))
			eq(t, "Output", p.Limits.Output, int64(8<<20))
			eq(t, "Code", p.Limits.Code, int64(128<<10))
			eq(t, "ValidationTime", p.Limits.ValidationTime, time.Minute)
			eq(t, "ValidatorFlags", p.ValidatorFlags, []string{"case_sensitive", "space_change_sensitive"})
			eq(t, "AllowFileWriting", p.AllowFileWriting, true)
			eq(t, "LegacyGrading", p.LegacyGrading, true)
			if p.OutputValidator != nil {
				t.Errorf("OutputValidator = %+v; want the default", p.OutputValidator)
			}
			eq(t, "cases", caseNames(p), []string{"sample/1", "secret/01", "secret/02"})
			c := p.Cases()[1]
			eq(t, "InPath", c.InPath, filepath.Join(p.Dir, "data/secret/01.in"))
			eq(t, "AnsPath", c.AnsPath, filepath.Join(p.Dir, "data/secret/01.ans"))
			eq(t, "OutputValidatorArgs", c.OutputValidatorArgs, []string{"case_sensitive", "space_change_sensitive"})
			eq(t, "sample FullFeedback", p.Cases()[0].FullFeedback, true)
			eq(t, "secret FullFeedback", c.FullFeedback, false)
			eq(t, "submissions", subNames(p), []string{"accepted/hello.c", "accepted/hello.py", "wrong_answer/lower.py"})
			eq(t, "wrong_answer", p.Submissions[2].Requirements, []Requirement{{Permitted: []Verdict{AC, WA}, Required: []Verdict{WA}}})
			eq(t, "statements", len(p.Statements), 2)
			eq(t, "statement language", p.Statements[0].Language, "en")
			eq(t, "input validators", len(p.InputValidators), 1)
			warned(t, p, "submissions/accepted/README.md")
		}},
		{"sumit", func(t *testing.T, p *Problem) {
			eq(t, "Name", p.Name, "Sum It")
			eq(t, "FormatVersion", p.FormatVersion, Format2025)
			eq(t, "UUID", p.UUID, "7d2c1b4e-0f8a-4c55-9d1e-3f6a2b9c8e71")
			eq(t, "Type", p.Type, Scoring)
			eq(t, "LegacyGrading", p.LegacyGrading, false)
			eq(t, "ValidatorScores", p.ValidatorScores, true)
			eq(t, "TimeLimit", p.Limits.TimeLimit, 1500*time.Millisecond)
			eq(t, "TimeMultiplier", p.Limits.TimeMultiplier, 3.0)
			eq(t, "SafetyMargin", p.Limits.SafetyMargin, 1.5)
			eq(t, "Memory", p.Limits.Memory, int64(256<<20))
			eq(t, "Languages", p.Languages, []string{"cpp", "python3"})
			eq(t, "Constants", p.Constants, map[string]string{"max_n": "1000"})
			eq(t, "OutputValidator", *p.OutputValidator, Program{Name: "output_validator", Path: filepath.Join(p.Dir, "output_validator"), IsDir: true})
			eq(t, "Include", p.Include, map[string]string{"cpp": filepath.Join(p.Dir, "include/cpp")})
			eq(t, "cases", caseNames(p), []string{"sample/1", "secret/group1/01", "secret/group1/02", "secret/group2/10", "secret/group2/big/03"})
			secret := p.Group("secret")
			eq(t, "secret", secret.Settings.MaxScore, 100.0)
			eq(t, "secret aggregation", secret.Settings.ScoreAggregation, "sum")
			eq(t, "secret require_pass", secret.Settings.RequirePass, []string{"sample"})
			g1, g2 := p.Group("secret/group1"), p.Group("secret/group2")
			eq(t, "group1 max_score", g1.Settings.MaxScore, 40.0)
			eq(t, "group1 aggregation", g1.Settings.ScoreAggregation, "pass-fail")
			eq(t, "group1 args ({{max_n}} substituted)", g1.Settings.Args, []string{"1000"})
			eq(t, "group2 aggregation", g2.Settings.ScoreAggregation, "min")
			eq(t, "group2 require_pass", g2.Settings.RequirePass, []string{"sample", "secret/group1"})
			cs := p.Cases()
			eq(t, "01 args", cs[1].Args, []string{"1000"})
			eq(t, "02 args (own .yaml)", cs[2].Args, []string{"small"})
			eq(t, "02 hint", cs[2].Hint, "one number")
			eq(t, "02 full_feedback", cs[2].FullFeedback, true)
			eq(t, "02 validator args", cs[2].OutputValidatorArgs, []string{"float_tolerance", "1e-6"})
			eq(t, "10 files", cs[3].FilesDir, filepath.Join(p.Dir, "data/secret/group2/10.files"))
			eq(t, "10 validate args", cs[3].InputValidatorArgsFor("validate"), []string{"--big"})
			eq(t, "10 other validator args", cs[3].InputValidatorArgsFor("other"), []string(nil))
			eq(t, "submissions", subNames(p), []string{
				"accepted/sum.cpp", "accepted/sum.py", "brute_force/brute", "time_limit_exceeded/slow.py", "wrong_answer/off_by_one.py"})
			sum := p.Submissions[1]
			eq(t, "language", sum.Language, "python3")
			eq(t, "model solution", sum.ModelSolution, true)
			eq(t, "sum.py requirements", sum.Requirements, []Requirement{
				{Permitted: []Verdict{AC}},
				{Score: []float64{100, 100}},
				{Message: "sum"},
			})
			eq(t, "brute_force", p.Submissions[2].IsDir, true)
			eq(t, "brute_force requirements", p.Submissions[2].Requirements, []Requirement{{Permitted: []Verdict{AC, TLE, RTE}, Required: []Verdict{TLE, RTE}}})
			eq(t, "time_limit_exceeded (overridden default)", p.Submissions[3].Requirements, []Requirement{{Permitted: []Verdict{AC, WA, TLE}, Required: []Verdict{TLE}}})
			eq(t, "wrong_answer requirements", p.Submissions[4].Requirements, []Requirement{
				{Permitted: []Verdict{AC, WA}, Required: []Verdict{WA}},
				{Scope: "sample", Cases: []string{"sample/1"}, Permitted: []Verdict{AC}},
				{Scope: "secret/group2", Cases: []string{"secret/group2/10", "secret/group2/big/03"}, Required: []Verdict{WA}, UseForTimeLimit: "false"},
				{Message: "sum"},
			})
			if len(p.Warnings) != 0 {
				t.Errorf("warnings: %q", p.Warnings)
			}
		}},
		{"guess", func(t *testing.T, p *Problem) {
			eq(t, "Interactive", p.Interactive, true)
			eq(t, "TimeLimit (to be computed)", p.Limits.TimeLimit, time.Duration(0))
			eq(t, "Output", p.Limits.Output, int64(1<<20))
			eq(t, "OutputValidator", *p.OutputValidator, Program{Name: "guess_validator", Path: filepath.Join(p.Dir, "output_validators/guess_validator"), IsDir: true})
			eq(t, "InputValidators (deprecated directory)", p.InputValidators[0].Name, "validate.py")
			eq(t, "cases", caseNames(p), []string{"sample/1", "secret/01", "secret/02"})
			eq(t, "interaction", p.Cases()[0].InteractionPath, filepath.Join(p.Dir, "data/sample/1.interaction"))
			eq(t, "run_time_error", p.Submissions[1].Requirements, []Requirement{{Required: []Verdict{RTE}}})
			warned(t, p, "output_validators/README.txt")
		}},
		{"oddecho", func(t *testing.T, p *Problem) {
			eq(t, "Name (plainproblemname)", p.Name, "Odd Echo")
			eq(t, "Type", p.Type, Scoring)
			eq(t, "TimeLimit", p.Limits.TimeLimit, time.Second)
			// Cases and groups interleave by base name.
			eq(t, "cases", caseNames(p), []string{"sample/1", "secret/0", "secret/subtask1/1", "secret/subtask1/2",
				"secret/subtask2/1", "secret/subtask2/3", "secret/subtask2/deeper/4", "secret/zz"})
			var order []string
			for _, e := range p.Group("secret").Entries {
				if e.Case != nil {
					order = append(order, e.Case.Name)
				} else {
					order = append(order, e.Group.Name+"/")
				}
			}
			eq(t, "secret entries", order, []string{"secret/0", "secret/subtask1/", "secret/subtask2/", "secret/zz"})
			root, secret := p.Data.Settings, p.Group("secret").Settings
			eq(t, "root on_reject", root.OnReject, "continue")
			eq(t, "root grader_flags", root.GraderFlags, []string{"ignore_sample"})
			eq(t, "secret on_reject (inherited)", secret.OnReject, "continue")
			eq(t, "secret range", secret.Range, [2]float64{0, 100})
			eq(t, "secret grader_flags", secret.GraderFlags, []string{"first_error", "accept_if_any_accepted"})
			eq(t, "legacy score settings are not shown", secret.MaxScore, 0.0)
			s1 := p.Group("secret/subtask1").Settings
			eq(t, "subtask1 on_reject", s1.OnReject, "break")
			eq(t, "subtask1 accept_score", s1.AcceptScore, 50.0)
			eq(t, "subtask1 range", s1.Range, [2]float64{0, 50})
			eq(t, "subtask1 grader_flags", s1.GraderFlags, []string{"min"})
			eq(t, "subtask1 validator flags (inherited)", s1.OutputValidatorArgs, []string{"float_tolerance", "1e-3"})
			s2 := p.Group("secret/subtask2").Settings
			eq(t, "subtask2 (no testdata.yaml) inherits", s2, secret)
			deeper := p.Group("secret/subtask2/deeper")
			eq(t, "deeper on_reject", deeper.Settings.OnReject, "break")
			eq(t, "deeper range (inherited twice)", deeper.Settings.Range, [2]float64{0, 100})
			c4 := deeper.Entries[0].Case
			eq(t, "deeper input validator flags", c4.InputValidatorArgsFor("validator"), []string{"deep=1"})
			eq(t, "deeper other validator", c4.InputValidatorArgsFor("other"), []string(nil))
			eq(t, "hint", c4.Hint, "Think.")
			// The symbolic link reuses subtask1's case.
			c := p.Group("secret/subtask2").Entries[0].Case
			b, err := os.ReadFile(c.InPath)
			if err != nil || string(b) != "1\nx\n" {
				t.Errorf("linked case reads %q, %v", b, err)
			}
			eq(t, "partially_accepted", p.Submissions[1].Category, "partially_accepted")
			eq(t, "range default", p.Group("sample").Settings.Range[1], math.Inf(1))
		}},
		{"draft", func(t *testing.T, p *Problem) {
			eq(t, "FormatVersion", p.FormatVersion, FormatDraft)
			eq(t, "Interactive", p.Interactive, true)
			eq(t, "LegacyGrading (testdata.yaml only)", p.LegacyGrading, true)
			eq(t, "AllowFileWriting", p.AllowFileWriting, false)
			eq(t, "OutputValidator", *p.OutputValidator, Program{Name: "guess_validator", Path: filepath.Join(p.Dir, "output_validator/guess_validator"), IsDir: true})
			eq(t, "validator args", p.Cases()[0].OutputValidatorArgs, []string{"mode=secret"})
			eq(t, "statement", p.Statements[0].Language, "sv")
			warned(t, p, "uuid is missing")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			p, err := Load(filepath.Join("testdata", tt.dir))
			if err != nil {
				t.Fatal(err)
			}
			abs, _ := filepath.Abs(filepath.Join("testdata", tt.dir))
			eq(t, "Dir", p.Dir, abs)
			eq(t, "ShortName", p.ShortName, tt.dir)
			tt.check(t, p)
			if err := p.Close(); err != nil {
				t.Errorf("Close: %v", err)
			}
			if _, err := os.Stat(p.Dir); err != nil {
				t.Errorf("Close of a directory package touched it: %v", err)
			}
		})
	}
}

func TestLoadDirErrors(t *testing.T) {
	scoring := with(minimal2025(), map[string]string{
		"problem.yaml":                       minimal2025()["problem.yaml"] + "type: scoring\n",
		"data/secret/1.in":                   "",
		"data/secret/1.ans":                  "",
		"data/secret/g1/1.in":                "1\n",
		"data/secret/g1/1.ans":               "1\n",
		"data/secret/g1/test_group.yaml":     "max_score: 30\n",
		"data/secret/g2/1.in":                "1\n",
		"data/secret/g2/1.ans":               "1\n",
		"data/secret/g2/test_group.yaml":     "max_score: 70\n",
		"submissions/accepted/a.py":          "print(1)\n",
		"submissions/submissions.yaml":       "accepted:\n  score: 100\n",
		"data/secret/test_group.yaml":        "score_aggregation: sum\n",
		"data/sample/1.in":                   "1\n",
		"data/sample/1.ans":                  "1\n",
		"data/secret/g2/deep/2.in":           "2\n",
		"data/secret/g2/deep/2.ans":          "2\n",
		"statement/problem.en.md":            "Hi.\n",
		"output_validator/v.py":              "exit(42)\n",
		"input_validators/validate/main.py":  "exit(42)\n",
		"data/secret/g1/1.yaml":              "args: [a]\n",
		"include/default/x.h":                "\n",
		"data/invalid_output/1.in":           "\n",
		"data/secret/g2/deep/2.files/a.txt":  "a\n",
		"submissions/wrong_answer/w.py":      "print(0)\n",
		"submissions/time_limit_exceeded/t/": "",
	})
	delete(scoring, "submissions/time_limit_exceeded/t/")
	if p, err := loadTree(t, scoring); err != nil {
		t.Fatalf("the base scoring package does not load: %v", err)
	} else {
		eq(t, "scoring base cases", caseNames(p), []string{"sample/1", "secret/g1/1", "secret/g2/1", "secret/g2/deep/2"})
	}

	tests := []struct {
		name  string
		files map[string]string
		file  string // the file the error names
		want  string // in the message
	}{
		{"missing .ans", with(legacyMinimal(), map[string]string{"data/secret/3.in": "3\n"}),
			"data/secret/3.in", `problem "hello": data/secret/3.in: no matching .ans file`},
		{"missing problem.yaml", with(legacyMinimal(), map[string]string{"problem.yaml": ""}), "problem.yaml", "missing"},
		{"bad yaml", with(legacyMinimal(), map[string]string{"problem.yaml": "name: [unclosed\n"}), "problem.yaml", "invalid YAML"},
		{"yaml not a map", with(legacyMinimal(), map[string]string{"problem.yaml": "- a\n- b\n"}), "problem.yaml", "want a map"},
		{"duplicate key", with(legacyMinimal(), map[string]string{"problem.yaml": "name: a\nname: b\n"}), "problem.yaml", "twice"},
		{"unknown key", with(legacyMinimal(), map[string]string{"problem.yaml": "name: X\nfoo: 1\n"}), "problem.yaml", `unknown key "foo"`},
		{"unknown limits key", with(legacyMinimal(), map[string]string{"problem.yaml": "limits:\n  memroy: 5\n"}), "problem.yaml", `unknown key "limits.memroy"`},
		{"2025 key in legacy", with(legacyMinimal(), map[string]string{"problem.yaml": "credits: Me\n"}), "problem.yaml", `unknown key "credits"`},
		{"bad memory", with(legacyMinimal(), map[string]string{"problem.yaml": "limits:\n  memory: lots\n"}), "problem.yaml", "limits.memory"},
		{"negative memory", with(legacyMinimal(), map[string]string{"problem.yaml": "limits:\n  memory: -1\n"}), "problem.yaml", "limits.memory"},
		{"huge memory", with(legacyMinimal(), map[string]string{"problem.yaml": "limits:\n  memory: 99999999999999999\n"}), "problem.yaml", "limits.memory"},
		{"bad type", with(legacyMinimal(), map[string]string{"problem.yaml": "type: both\n"}), "problem.yaml", "type"},
		{"bad license", with(legacyMinimal(), map[string]string{"problem.yaml": "license: mine\n"}), "problem.yaml", "license"},
		{"bad validation", with(legacyMinimal(), map[string]string{"problem.yaml": "validation: strict\n"}), "problem.yaml", "validation"},
		{"score on pass-fail", with(legacyMinimal(), map[string]string{"problem.yaml": "validation: custom score\n"}), "problem.yaml", "scoring problems only"},
		{"unsupported version", with(legacyMinimal(), map[string]string{"problem.yaml": "problem_format_version: 2099-01\n"}), "problem.yaml", "not supported"},
		{"scoring in legacy-icpc", with(legacyMinimal(), map[string]string{"problem.yaml": "problem_format_version: legacy-icpc\ntype: scoring\n"}), "problem.yaml", "legacy-icpc"},
		{"2025 without uuid", with(minimal2025(), map[string]string{"problem.yaml": "problem_format_version: 2025-09\nname: X\n"}), "problem.yaml", "uuid is required"},
		{"2025 without name", with(minimal2025(), map[string]string{"problem.yaml": "problem_format_version: 2025-09\nuuid: x\n"}), "problem.yaml", "name is required"},
		{"2025 unknown key", with(minimal2025(), map[string]string{"problem.yaml": minimal2025()["problem.yaml"] + "validation: custom\n"}), "problem.yaml", `unknown key "validation"`},
		{"2025 submit-answer", with(minimal2025(), map[string]string{"problem.yaml": minimal2025()["problem.yaml"] + "type: submit-answer\n"}), "problem.yaml", "not supported"},
		{"2025 pass-fail and scoring", with(minimal2025(), map[string]string{"problem.yaml": minimal2025()["problem.yaml"] + "type: [pass-fail, scoring]\n"}), "problem.yaml", "exclude"},
		{"2025 bad time_limit", with(minimal2025(), map[string]string{"problem.yaml": minimal2025()["problem.yaml"] + "limits:\n  time_limit: 0\n"}), "problem.yaml", "limits.time_limit"},
		{"2025 bad multiplier", with(minimal2025(), map[string]string{"problem.yaml": minimal2025()["problem.yaml"] + "limits:\n  time_multipliers:\n    ac_to_time_limit: 0.5\n"}), "problem.yaml", "ac_to_time_limit"},
		{"bad .timelimit", with(legacyMinimal(), map[string]string{".timelimit": "fast\n"}), ".timelimit", "seconds"},
		{"no time limit, no accepted", with(legacyMinimal(), map[string]string{".timelimit": "", "submissions/accepted/a.py": ""}), "submissions/accepted", "no accepted submission"},
		{"missing secret", with(legacyMinimal(), map[string]string{"data/secret/1.in": "", "data/secret/1.ans": "", "data/sample/1.in": "1", "data/sample/1.ans": "1"}), "data/secret", "missing"},
		{"empty secret", with(legacyMinimal(), map[string]string{"data/secret/1.in": "", "data/secret/1.ans": "", "data/secret/README.md": "x"}), "data/secret", "no test cases"},
		{"case directly in data", with(legacyMinimal(), map[string]string{"data/1.in": "1", "data/1.ans": "1"}), "data/1.ans", "data/sample or data/secret"},
		{"case and directory of one name", with(legacyMinimal(), map[string]string{"data/secret/1/2.in": "1", "data/secret/1/2.ans": "1"}), "data/secret/1", "both a test case and a directory"},
		{"bad file name", with(legacyMinimal(), map[string]string{"data/secret/a b.in": "1"}), "data/secret/a b.in", "does not match"},
		{"unicode file name", with(legacyMinimal(), map[string]string{"submissions/accepted/é.py": "1"}), "submissions/accepted/é.py", "does not match"},
		{"symlink escape", with(legacyMinimal(), map[string]string{"data/secret/2.in": linkPrefix + "../../../outside.txt", "data/secret/2.ans": "2"}), "data/secret/2.in", "outside the package"},
		{"absolute symlink", with(legacyMinimal(), map[string]string{"data/secret/2.in": linkPrefix + "/etc/hostname", "data/secret/2.ans": "2"}), "data/secret/2.in", "absolute"},
		{"broken symlink", with(legacyMinimal(), map[string]string{"data/secret/2.in": linkPrefix + "nowhere.in", "data/secret/2.ans": "2"}), "data/secret/2.in", "broken symbolic link"},
		{"symlink to an ignored file", with(legacyMinimal(), map[string]string{".hidden/2.in": "2", "data/secret/2.in": linkPrefix + "../../.hidden/2.in", "data/secret/2.ans": "2"}), "data/secret/2.in", "ignored"},
		{"symlink to the package", with(legacyMinimal(), map[string]string{"data/secret/g": linkPrefix + "../.."}), "data/secret/g", "package directory itself"},
		{"directory link loop", with(legacyMinimal(), map[string]string{"data/secret/g/loop": linkPrefix + ".."}), "data/secret/g/loop", "directory link"},
		{"directory links to each other", with(legacyMinimal(), map[string]string{"data/secret/a/x": linkPrefix + "../b", "data/secret/b/y": linkPrefix + "../a"}), "data/secret/a/x", "directory link"},
		{"interactive without validator", with(legacyMinimal(), map[string]string{"problem.yaml": "validation: custom interactive\n"}), "output_validators", "custom validation"},
		{"custom without validator", with(legacyMinimal(), map[string]string{"problem.yaml": "validation: custom\n"}), "output_validators", "custom validation"},
		{"several output validators", with(legacyMinimal(), map[string]string{"problem.yaml": "validation: custom\n", "output_validators/a.py": "1", "output_validators/b/b.cc": "1"}), "output_validators", "several output validators (a.py, b)"},
		{"2025 interactive without validator", with(minimal2025(), map[string]string{"problem.yaml": minimal2025()["problem.yaml"] + "type: interactive\n"}), "output_validator/", "custom output validator"},
		{"two input validators of one name", with(legacyMinimal(), map[string]string{"input_validators/v.py": "1", "input_format_validators/v.py": "1"}), "input_format_validators/v.py", "second input validator"},
		{"bad on_reject", with(legacyMinimal(), map[string]string{"data/secret/testdata.yaml": "on_reject: sometimes\n"}), "data/secret/testdata.yaml", "on_reject"},
		{"bad range", with(legacyMinimal(), map[string]string{"data/testdata.yaml": "range: 10 0\n"}), "data/testdata.yaml", "range"},
		{"bad testdata.yaml", with(legacyMinimal(), map[string]string{"data/testdata.yaml": "on_reject: [\n"}), "data/testdata.yaml", "invalid YAML"},
		{"custom grading without graders", with(legacyMinimal(), map[string]string{"problem.yaml": "type: scoring\n", "data/testdata.yaml": "grading: custom\n"}), "data/testdata.yaml", "graders"},
		{"2025 orphan .ans", with(minimal2025(), map[string]string{"data/secret/2.ans": "2"}), "data/secret/2.ans", "no matching .in file"},
		{"2025 orphan .yaml", with(minimal2025(), map[string]string{"data/secret/2.yaml": "args: []\n"}), "data/secret/2.yaml", "no matching .in file"},
		{"2025 case named test_group", with(minimal2025(), map[string]string{"data/secret/test_group.in": "1", "data/secret/test_group.ans": "1"}), "data/secret/test_group.in", "test_group"},
		{"2025 cases and groups in secret", with(minimal2025(), map[string]string{"data/secret/g/2.in": "2", "data/secret/g/2.ans": "2"}), "data/secret/1.in", "must not hold test cases too"},
		{"2025 empty group", with(minimal2025(), map[string]string{"data/secret/1.in": "", "data/secret/1.ans": "", "data/secret/g/2.in": "2", "data/secret/g/2.ans": "2", "data/secret/h/README.md": "x"}), "data/secret/h", "without test cases"},
		{"2025 nested groups", with(minimal2025(), map[string]string{"data/secret/1.in": "", "data/secret/1.ans": "", "data/secret/g/h/2.in": "2", "data/secret/g/h/2.ans": "2", "data/secret/g/h/test_group.yaml": "args: []\n"}), "data/secret/g/h/test_group.yaml", "do not nest"},
		{"2025 unknown case key", with(minimal2025(), map[string]string{"data/secret/1.yaml": "argz: []\n"}), "data/secret/1.yaml", `unknown key "argz"`},
		{"2025 unknown group key", with(minimal2025(), map[string]string{"data/secret/test_group.yaml": "on_reject: break\n"}), "data/secret/test_group.yaml", `unknown key "on_reject"`},
		{"2025 bad full_feedback", with(minimal2025(), map[string]string{"data/secret/1.yaml": "full_feedback: sometimes\n"}), "data/secret/1.yaml", "true or false"},
		{"2025 max_score in sample", with(scoring, map[string]string{"data/sample/test_group.yaml": "max_score: 5\n"}), "data/sample/test_group.yaml", "not permitted"},
		{"2025 group without max_score", with(scoring, map[string]string{"data/secret/g2/test_group.yaml": "args: []\n"}), "data/secret/g2/test_group.yaml", "max_score: missing"},
		{"2025 require_pass forward", with(scoring, map[string]string{"data/secret/g1/test_group.yaml": "max_score: 30\nrequire_pass: secret/g2\n"}), "data/secret/g1/test_group.yaml", "does not come before"},
		{"2025 require_pass unknown", with(scoring, map[string]string{"data/secret/g2/test_group.yaml": "max_score: 70\nrequire_pass: secret/g0\n"}), "data/secret/g2/test_group.yaml", `no group "secret/g0"`},
		{"2025 require_pass on a sum group", with(scoring, map[string]string{"data/secret/g1/test_group.yaml": "max_score: 30\nscore_aggregation: sum\n", "data/secret/g2/test_group.yaml": "max_score: 70\nrequire_pass: secret/g1\n"}), "data/secret/g2/test_group.yaml", "pass-fail group"},
		{"2025 secret pass-fail, group sum", with(scoring, map[string]string{"data/secret/test_group.yaml": "score_aggregation: pass-fail\n", "data/secret/g1/test_group.yaml": "max_score: 30\nscore_aggregation: sum\n"}), "data/secret/g1/test_group.yaml", "must be too"},
		{"2025 static validation", with(scoring, map[string]string{"data/secret/g1/test_group.yaml": "max_score: 30\nstatic_validation_score: 5\n"}), "data/secret/g1/test_group.yaml", "not supported"},
		{"submissions.yaml bad verdict", with(minimal2025(), map[string]string{"submissions/submissions.yaml": "accepted:\n  permitted: [OK]\n"}), "submissions/submissions.yaml", `verdict "OK"`},
		{"submissions.yaml bad glob", with(minimal2025(), map[string]string{"submissions/submissions.yaml": "\"{accepted\":\n  permitted: [AC]\n"}), "submissions/submissions.yaml", "unbalanced"},
		{"submissions.yaml bad score", with(minimal2025(), map[string]string{"submissions/submissions.yaml": "accepted:\n  score: [5, 1]\n"}), "submissions/submissions.yaml", "least score"},
		{"submissions.yaml bad use_for_time_limit", with(minimal2025(), map[string]string{"submissions/submissions.yaml": "accepted:\n  use_for_time_limit: maybe\n"}), "submissions/submissions.yaml", "lower or upper"},
		{"submissions.yaml conflicting languages", with(minimal2025(), map[string]string{"submissions/submissions.yaml": "accepted/a.py:\n  language: python3\n\"*/a.py\":\n  language: python2\n"}), "submissions/submissions.yaml", "both"},
		{"submissions.yaml too many expansions", with(minimal2025(), map[string]string{"submissions/submissions.yaml": "\"" + strings.Repeat("{a,b}", 12) + "\":\n  permitted: [AC]\n"}), "submissions/submissions.yaml", "more than"},
		{"big problem.yaml", with(legacyMinimal(), map[string]string{"problem.yaml": "name: x\n#" + strings.Repeat("x", maxYAML)}), "problem.yaml", "larger than"},
		{"yaml alias bomb", with(legacyMinimal(), map[string]string{"problem.yaml": aliasBomb}), "problem.yaml", `unknown key "a"`},
		{"yaml alias bomb in flags", with(legacyMinimal(), map[string]string{"data/testdata.yaml": strings.ReplaceAll(aliasBomb, "i: &i", "grader_flags: &i")}), "data/testdata.yaml", "grader_flags"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := loadTree(t, tt.files)
			checkErr(t, p, err, tt.file, tt.want)
		})
	}
}

// aliasBomb is a "billion laughs" document.
const aliasBomb = `a: &a ["x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`

// loadTree writes files into a directory named hello and loads it.
func loadTree(t *testing.T, files map[string]string) (*Problem, error) {
	t.Helper()
	base := t.TempDir()
	os.WriteFile(filepath.Join(base, "outside.txt"), []byte("secret"), 0o644)
	dir := filepath.Join(base, "hello")
	writeTree(t, dir, files)
	return Load(dir)
}

func TestLoadFIFO(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "hello")
	writeTree(t, dir, legacyMinimal())
	if err := syscall.Mkfifo(filepath.Join(dir, "data/secret/2.in"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "data/secret/2.ans"), nil, 0o644)
	p, err := Load(dir)
	checkErr(t, p, err, "data/secret/2.in", "not a regular file")
}

func TestLoadLenient(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		check func(t *testing.T, p *Problem)
	}{
		{"empty problem.yaml", with(legacyMinimal(), map[string]string{"problem.yaml": "\n"}), func(t *testing.T, p *Problem) {
			eq(t, "Name", p.Name, "hello")
			eq(t, "Type", p.Type, PassFail)
		}},
		{"ignored files", with(legacyMinimal(), map[string]string{".git/config": "x", "-draft/a b": "x", "data/secret/.DS_Store": "x"}), func(t *testing.T, p *Problem) {
			eq(t, "cases", caseNames(p), []string{"secret/1"})
		}},
		{"legacy orphan .ans warns", with(legacyMinimal(), map[string]string{"data/secret/2.ans": "2"}), func(t *testing.T, p *Problem) {
			warned(t, p, "data/secret/2.ans")
		}},
		{"legacy time_limit", with(legacyMinimal(), map[string]string{".timelimit": "", "problem.yaml": "limits:\n  time_limit: 3\n"}), func(t *testing.T, p *Problem) {
			eq(t, "TimeLimit", p.Limits.TimeLimit, 3*time.Second)
		}},
		{".timelimit loses to problem.yaml", with(minimal2025(), map[string]string{".timelimit": "9", "problem.yaml": minimal2025()["problem.yaml"] + "limits:\n  time_limit: 2\n"}), func(t *testing.T, p *Problem) {
			eq(t, "TimeLimit", p.Limits.TimeLimit, 2*time.Second)
			warned(t, p, ".timelimit")
		}},
		{"2025 .timelimit", with(minimal2025(), map[string]string{".timelimit": " 0.5 \n"}), func(t *testing.T, p *Problem) {
			eq(t, "TimeLimit", p.Limits.TimeLimit, 500*time.Millisecond)
		}},
		{"no accepted but a time limit", with(legacyMinimal(), map[string]string{"submissions/accepted/a.py": ""}), func(t *testing.T, p *Problem) {
			warned(t, p, "no accepted submission")
		}},
		{"legacy pre-legacy grading keys", with(legacyMinimal(), map[string]string{"problem.yaml": "type: scoring\ngrading:\n  accept_score: 3\n  on_reject: first_error\n", "data/secret/testdata.yaml": "accept_score: 7\non_reject: continue\n"}), func(t *testing.T, p *Problem) {
			eq(t, "accept_score", p.Group("secret").Settings.AcceptScore, 3.0)
			eq(t, "on_reject", p.Group("secret").Settings.OnReject, "break")
		}},
		{"draft with test_group.yaml grades as 2025-09", with(minimal2025(), map[string]string{
			"problem.yaml":                "problem_format_version: 2023-07-draft\nname: X\ntype: scoring\nvalidator_flags: float_tolerance 1e-6\nfoo: bar\n",
			"data/secret/test_group.yaml": "output_validator_args: case_sensitive\n",
		}), func(t *testing.T, p *Problem) {
			eq(t, "LegacyGrading", p.LegacyGrading, false)
			eq(t, "MaxScore", p.Group("secret").Settings.MaxScore, 100.0)
			eq(t, "args", p.Cases()[0].OutputValidatorArgs, []string{"float_tolerance", "1e-6", "case_sensitive"})
			warned(t, p, `unknown key "foo"`)
		}},
		{"statement without language", with(legacyMinimal(), map[string]string{"problem_statement/problem.tex": "\\problemname{Plain}\n"}), func(t *testing.T, p *Problem) {
			eq(t, "statement", p.Statements, []Statement{{Language: "en", Format: "tex", Path: filepath.Join(p.Dir, "problem_statement/problem.tex")}})
			eq(t, "Name", p.Name, "Hello")
		}},
		{"directory symlink inside", with(legacyMinimal(), map[string]string{"data/secret/g1/2.in": "2", "data/secret/g1/2.ans": "2", "data/secret/g2": linkPrefix + "g1"}), func(t *testing.T, p *Problem) {
			eq(t, "cases", caseNames(p), []string{"secret/1", "secret/g1/2", "secret/g2/2"})
		}},
		{"multi-pass", with(minimal2025(), map[string]string{"problem.yaml": minimal2025()["problem.yaml"] + "type: multi-pass\nlimits:\n  validation_passes: 5\n", "output_validator/v.cc": "1"}), func(t *testing.T, p *Problem) {
			eq(t, "MultiPass", p.MultiPass, true)
			eq(t, "ValidationPasses", p.Limits.ValidationPasses, 5)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := loadTree(t, tt.files)
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, p)
		})
	}
}

func TestLoadNotAPackage(t *testing.T) {
	dir := t.TempDir()
	txt := filepath.Join(dir, "hello.txt")
	os.WriteFile(txt, []byte("hi"), 0o644)
	p, err := Load(txt)
	checkErr(t, p, err, "", "not a directory")
	p, err = Load(filepath.Join(dir, "missing"))
	checkErr(t, p, err, "", "no such file")
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("error %v is not os.ErrNotExist", err)
	}
}

func eq[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s = %#v; want %#v", what, got, want)
	}
}

func warned(t *testing.T, p *Problem, substr string) {
	t.Helper()
	if !slices.ContainsFunc(p.Warnings, func(w string) bool { return strings.Contains(w, substr) }) {
		t.Errorf("no warning mentions %q: %q", substr, p.Warnings)
	}
}

func subNames(p *Problem) []string {
	var names []string
	for _, s := range p.Submissions {
		names = append(names, s.Name)
	}
	return names
}
