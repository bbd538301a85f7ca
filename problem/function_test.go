package problem

import (
	"path/filepath"
	"testing"
)

func TestFunctionProblem(t *testing.T) {
	const sig = "function:\n  name: twoSum\n  params: [{name: nums, type: \"integer[]\"}, {name: target, type: integer}]\n  return: {type: \"integer[]\"}\n"
	const meta = `function: '{"name": "f", "params": [{"name": "s", "type": "string"}], "return": {"type": "boolean"}}'` + "\n"
	tests := []struct {
		name    string
		files   map[string]string
		want    string // the function's name, when it loads
		wantErr string
	}{
		{"legacy type function", with(legacyMinimal(), map[string]string{"problem.yaml": "name: Two Sum\ntype: function\n" + sig}), "twoSum", ""},
		{"key alone", with(legacyMinimal(), map[string]string{"problem.yaml": "name: Two Sum\n" + sig}), "twoSum", ""},
		{"metaData JSON string", with(legacyMinimal(), map[string]string{"problem.yaml": "name: F\ntype: function\n" + meta}), "f", ""},
		{"2025-09", with(minimal2025(), map[string]string{"problem.yaml": minimal2025()["problem.yaml"] + "type: [pass-fail, function]\n" + sig}), "twoSum", ""},
		{"not a function problem", legacyMinimal(), "", ""},
		{"type without key", with(legacyMinimal(), map[string]string{"problem.yaml": "name: X\ntype: function\n"}), "", "function: key with the signature is missing"},
		{"bad type", with(legacyMinimal(), map[string]string{"problem.yaml": "name: X\nfunction: {name: f, params: [{name: a, type: Node}], return: {type: integer}}\n"}), "", "unknown or unsupported type"},
		{"scoring", with(legacyMinimal(), map[string]string{"problem.yaml": "name: X\ntype: scoring\n" + sig}), "", "a function problem is pass-fail"},
		{"interactive", with(minimal2025(), map[string]string{"problem.yaml": minimal2025()["problem.yaml"] + "type: [interactive, function]\n" + sig}), "", "a function problem is pass-fail"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "p")
			writeTree(t, dir, tt.files)
			p, err := Load(dir)
			if tt.wantErr != "" {
				checkErr(t, p, err, "problem.yaml", tt.wantErr)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			switch {
			case tt.want == "" && p.Function != nil:
				t.Errorf("Function = %+v, want nil", p.Function)
			case tt.want != "" && (p.Function == nil || p.Function.Name != tt.want):
				t.Errorf("Function = %+v, want %s", p.Function, tt.want)
			}
		})
	}
}
