package problem

import (
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/verdict-judge/verdict/function"
)

// readFunction reads the function: key of a function problem, an
// extension of the package format: a LeetCode-style signature (see
// package function). `type: function` needs the key; the key alone makes
// the problem a function problem too.
func (l *loader) readFunction(vals map[string]*yaml.Node, md *metadata) error {
	v, ok := vals["function"]
	if !ok || isNull(v) {
		if md.function {
			return fmt.Errorf("type function: the function: key with the signature is missing")
		}
		return nil
	}
	p := l.p
	if p.Interactive || p.MultiPass || p.Type == Scoring {
		return fmt.Errorf("function: a function problem is pass-fail (not interactive, multi-pass or scoring)")
	}
	sig, err := function.Parse(v)
	if err != nil {
		return err
	}
	p.Function = sig
	return nil
}
