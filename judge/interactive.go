package judge

import (
	"context"
	"fmt"

	"github.com/verdict-judge/verdict/problem"
)

// runInteractive runs the program on one test of an interactive problem,
// connected to the problem's validator.
func (j *Judge) runInteractive(ctx context.Context, p *problem.Problem, prog *Program, tc *TestCase, lim RunLimits, chk Checker) TestResult {
	return TestResult{Name: tc.Name, Group: tc.Group, Verdict: JE, Message: fmt.Sprintf("%v: interactive problems", ErrUnsupported)}
}
