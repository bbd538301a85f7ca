package function

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Signature is a function problem's metadata: LeetCode's metaData as it
// is, plus how results are compared. problem.yaml holds it under the key
// `function:`, as a YAML mapping or as LeetCode's JSON string.
type Signature struct {
	// Name is the function's name (function problems).
	Name   string  `yaml:"name" json:"name,omitempty"`
	Params []Param `yaml:"params" json:"params,omitempty"`
	Return Return  `yaml:"return" json:"return"`
	// Output, for void in-place problems, names the parameter whose value
	// after the call is the answer.
	Output *Output `yaml:"output" json:"output,omitempty"`

	// Design problems: the class, its constructor and its methods.
	SystemDesign bool     `yaml:"systemdesign" json:"systemdesign,omitempty"`
	ClassName    string   `yaml:"classname" json:"classname,omitempty"`
	Constructor  *Method  `yaml:"constructor" json:"constructor,omitempty"`
	Methods      []Method `yaml:"methods" json:"methods,omitempty"`

	// Compare says how a result is compared with the expected one.
	Compare Compare `yaml:"compare" json:"compare"`

	// LeetCode's keys that Verdict reads and ignores.
	Manual          bool `yaml:"manual" json:"-"`
	MaxBytesPerLine int  `yaml:"maxbytesperline" json:"-"`
}

// Param is one parameter.
type Param struct {
	Name string `yaml:"name" json:"name"`
	Type string `yaml:"type" json:"type"`
	// T is Type parsed (set by Parse).
	T *Type `yaml:"-" json:"-"`
}

// Return is a function's or a method's result type.
type Return struct {
	Type    string `yaml:"type" json:"type"`
	Dealloc bool   `yaml:"dealloc" json:"dealloc,omitempty"` // C: the caller frees the result
	Size    any    `yaml:"size" json:"-"`
	ColSize any    `yaml:"colsize" json:"-"`
	// T is Type parsed (set by Parse).
	T *Type `yaml:"-" json:"-"`
}

// Output names the parameter that holds a void function's answer.
type Output struct {
	ParamIndex int `yaml:"paramindex" json:"paramindex"`
}

// Method is a design problem's constructor or method.
type Method struct {
	Name   string  `yaml:"name" json:"name,omitempty"`
	Params []Param `yaml:"params" json:"params"`
	Return Return  `yaml:"return" json:"return"`
}

// Compare says how results are compared.
type Compare struct {
	// Unordered is "none" (default), "top" (the order of the top-level
	// array is ignored) or "all" (order ignored at every level).
	Unordered string `yaml:"unordered" json:"unordered,omitempty"`
	// FloatTolerance is the absolute and relative tolerance of doubles;
	// default 1e-5 as LeetCode.
	FloatTolerance float64 `yaml:"float_tolerance" json:"float_tolerance,omitempty"`
}

// DefaultFloatTolerance is the tolerance of doubles when the problem sets none.
const DefaultFloatTolerance = 1e-5

// Parse reads a signature from the YAML node of problem.yaml's
// `function:` key: a mapping, or a string holding LeetCode's metaData JSON.
// Every type is parsed and the signature checked; the error says what is
// wrong.
func Parse(node *yaml.Node) (*Signature, error) {
	if node == nil {
		return nil, fmt.Errorf("function: no signature")
	}
	var s Signature
	if node.Kind == yaml.ScalarNode {
		// LeetCode's metaData is JSON, which YAML reads.
		if err := yaml.Unmarshal([]byte(node.Value), &s); err != nil {
			return nil, fmt.Errorf("function: metadata: %w", err)
		}
	} else if err := node.Decode(&s); err != nil {
		return nil, fmt.Errorf("function: %w", err)
	}
	if err := s.check(); err != nil {
		return nil, err
	}
	return &s, nil
}

// ParseBytes reads a signature from YAML or JSON text.
func ParseBytes(b []byte) (*Signature, error) {
	var n yaml.Node
	if err := yaml.Unmarshal(b, &n); err != nil {
		return nil, fmt.Errorf("function: %w", err)
	}
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		return Parse(n.Content[0])
	}
	return Parse(&n)
}

// Design says whether the problem is a design (class) problem.
func (s *Signature) Design() bool { return s.SystemDesign || s.ClassName != "" }

// check parses every type and checks the signature's shape.
func (s *Signature) check() error {
	switch s.Compare.Unordered {
	case "":
		s.Compare.Unordered = "none"
	case "none", "top", "all":
	default:
		return fmt.Errorf("function: compare.unordered %q: want none, top or all", s.Compare.Unordered)
	}
	if s.Compare.FloatTolerance < 0 {
		return fmt.Errorf("function: compare.float_tolerance %v is negative", s.Compare.FloatTolerance)
	}
	if s.Compare.FloatTolerance == 0 {
		s.Compare.FloatTolerance = DefaultFloatTolerance
	}
	if s.Design() {
		if !isIdent(s.ClassName) {
			return fmt.Errorf("function: design problem: classname %q is not an identifier", s.ClassName)
		}
		if s.Constructor == nil {
			s.Constructor = &Method{}
		}
		if err := parseParams("constructor", s.Constructor.Params); err != nil {
			return err
		}
		s.Constructor.Return.T = &Type{Kind: Void}
		if len(s.Methods) == 0 {
			return fmt.Errorf("function: design problem %s has no methods", s.ClassName)
		}
		seen := map[string]bool{}
		for i := range s.Methods {
			m := &s.Methods[i]
			if !isIdent(m.Name) {
				return fmt.Errorf("function: method %d: name %q is not an identifier", i+1, m.Name)
			}
			if seen[m.Name] {
				return fmt.Errorf("function: method %s declared twice", m.Name)
			}
			seen[m.Name] = true
			if err := parseParams(m.Name, m.Params); err != nil {
				return err
			}
			t, err := ParseType(m.Return.Type)
			if err != nil {
				return fmt.Errorf("function: method %s: return: %w", m.Name, err)
			}
			m.Return.T = t
		}
		// LeetCode's top-level params and return of a design problem are
		// placeholders.
		s.Params, s.Return = nil, Return{Type: "void", T: &Type{Kind: Void}}
		return nil
	}
	if !isIdent(s.Name) {
		return fmt.Errorf("function: name %q is not an identifier", s.Name)
	}
	if err := parseParams(s.Name, s.Params); err != nil {
		return err
	}
	t, err := ParseType(s.Return.Type)
	if err != nil {
		return fmt.Errorf("function: return: %w", err)
	}
	s.Return.T = t
	if s.Output != nil {
		k := s.Output.ParamIndex
		if k < 0 || k >= len(s.Params) {
			return fmt.Errorf("function: output.paramindex %d: the function has %d parameters", k, len(s.Params))
		}
	} else if t.Kind == Void {
		return fmt.Errorf("function: %s returns void and has no output.paramindex", s.Name)
	}
	return nil
}

// ResultType is the type of a function problem's answer: the return type,
// or the type of parameter output.paramindex.
func (s *Signature) ResultType() *Type {
	if s.Output != nil {
		return s.Params[s.Output.ParamIndex].T
	}
	return s.Return.T
}

func parseParams(where string, ps []Param) error {
	seen := map[string]bool{}
	for i := range ps {
		p := &ps[i]
		if !isIdent(p.Name) {
			return fmt.Errorf("function: %s: parameter %d: name %q is not an identifier", where, i+1, p.Name)
		}
		if seen[p.Name] {
			return fmt.Errorf("function: %s: parameter %s declared twice", where, p.Name)
		}
		seen[p.Name] = true
		t, err := ParseType(p.Type)
		if err != nil {
			return fmt.Errorf("function: %s: parameter %s: %w", where, p.Name, err)
		}
		if t.Kind == Void {
			return fmt.Errorf("function: %s: parameter %s is void", where, p.Name)
		}
		p.T = t
	}
	return nil
}

// isIdent reports whether s is an identifier in every driver language.
func isIdent(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case r >= '0' && r <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// UnmarshalYAML reads compare:, taking float_tolerance as a number or as
// a string holding one (YAML 1.1 tools write 1e-5 as a string).
func (c *Compare) UnmarshalYAML(n *yaml.Node) error {
	var aux struct {
		Unordered      string    `yaml:"unordered"`
		FloatTolerance yaml.Node `yaml:"float_tolerance"`
	}
	if err := n.Decode(&aux); err != nil {
		return err
	}
	c.Unordered = aux.Unordered
	c.FloatTolerance = 0
	if aux.FloatTolerance.Kind != 0 && aux.FloatTolerance.Tag != "!!null" {
		f, err := strconv.ParseFloat(strings.TrimSpace(aux.FloatTolerance.Value), 64)
		if err != nil || aux.FloatTolerance.Kind != yaml.ScalarNode {
			return fmt.Errorf("compare.float_tolerance %q: want a number", aux.FloatTolerance.Value)
		}
		c.FloatTolerance = f
	}
	return nil
}
