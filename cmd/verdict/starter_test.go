package main

import (
	"strings"
	"testing"
)

func TestProblemStarter(t *testing.T) {
	const echo = "../../testdata/functions/echo"
	tests := []struct {
		args     []string
		code     int
		contains string // in stdout, or in stderr for a failure
	}{
		{[]string{"problem", "starter", echo, "--lang", "python"}, 0, "    def echoInt(self, x: int) -> int:"},
		{[]string{"problem", "starter", "--lang", "javascript", echo}, 0, "Echo.prototype.echoTree = function(x) {"},
		{[]string{"problem", "starter", echo, "--lang", "go"}, 0, "func (this *Echo) EchoLongs(x []int64) []int64 {"},
		{[]string{"problem", "starter", echo}, 2, "give one package and --lang"},
		{[]string{"problem", "starter", echo, "--lang", "cobol"}, 2, "not available in language \"cobol\""},
		{[]string{"problem", "starter", "../../testdata/problems/sum", "--lang", "python"}, 2, "not a function problem"},
		{[]string{"problem", "starter", "/nonexistent", "--lang", "python"}, 2, "nonexistent"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args[2:], " "), func(t *testing.T) {
			code, stdout, stderr := runCmd(t, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr %s", code, tt.code, stderr)
			}
			out := stdout
			if tt.code != 0 {
				out = stderr
			}
			if !strings.Contains(out, tt.contains) {
				t.Errorf("output does not hold %q:\n%s", tt.contains, out)
			}
		})
	}
}
