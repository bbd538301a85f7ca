package judge

import (
	"context"
	"fmt"

	"github.com/verdict-judge/verdict/problem"
)

// judgeScoring runs every test group of a scoring problem and aggregates
// the groups' scores into rep.
func (j *Judge) judgeScoring(ctx context.Context, p *problem.Problem, run func(*TestCase) TestResult, rep *Report) error {
	return fmt.Errorf("%w: scoring problems (%s)", ErrUnsupported, p.ShortName)
}
