package problem

import (
	"fmt"
	"math"
	"strings"

	"go.yaml.in/yaml/v3"
)

// maxYAML caps the size of every YAML file (and .timelimit) read.
const maxYAML = 1 << 20

// parseYAML parses a YAML document whose top level must be a map. An empty
// document gives nil.
func parseYAML(data []byte) (n *yaml.Node, err error) {
	defer func() {
		// The parser is not ours: a panic on odd input must not take the
		// judge down.
		if r := recover(); r != nil {
			n, err = nil, fmt.Errorf("invalid YAML: %v", r)
		}
	}()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("invalid YAML: %w", err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, nil
	}
	n = deref(doc.Content[0])
	if isNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("line %d: want a map at the top level", n.Line)
	}
	return n, nil
}

// deref follows aliases.
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 100; i++ {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n == nil || n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// field is one key and value of a YAML map.
type field struct {
	key string
	val *yaml.Node
}

// fields returns the keys and values of the map n (nil gives none), in
// order. Keys must be distinct scalars.
func fields(what string, n *yaml.Node) ([]field, error) {
	n = deref(n)
	if isNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.MappingNode {
		return nil, typeErr(what, n, "a map")
	}
	fs := make([]field, 0, len(n.Content)/2)
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := deref(n.Content[i])
		if k == nil || k.Kind != yaml.ScalarNode {
			return nil, fmt.Errorf("%sline %d: keys must be strings", prefix(what), n.Content[i].Line)
		}
		if seen[k.Value] {
			return nil, fmt.Errorf("%sline %d: key %q appears twice", prefix(what), k.Line, k.Value)
		}
		seen[k.Value] = true
		fs = append(fs, field{k.Value, deref(n.Content[i+1])})
	}
	return fs, nil
}

func prefix(what string) string {
	if what == "" {
		return ""
	}
	return what + ": "
}

// key joins a parent key and a child key for messages.
func key(parent, k string) string {
	if parent == "" {
		return k
	}
	return parent + "." + k
}

func typeErr(what string, n *yaml.Node, want string) error {
	got := "a map"
	switch n.Kind {
	case yaml.ScalarNode:
		got = fmt.Sprintf("%q", n.Value)
	case yaml.SequenceNode:
		got = "a list"
	}
	return fmt.Errorf("%sline %d: want %s, got %s", prefix(what), n.Line, want, got)
}

// str reads a scalar as a string.
func str(what string, n *yaml.Node) (string, error) {
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		if n == nil {
			return "", fmt.Errorf("%swant a string", prefix(what))
		}
		return "", typeErr(what, n, "a string")
	}
	return n.Value, nil
}

// number reads a finite int or float scalar.
func number(what string, n *yaml.Node) (float64, error) {
	if n == nil || n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
		if n == nil {
			return 0, fmt.Errorf("%swant a number", prefix(what))
		}
		return 0, typeErr(what, n, "a number")
	}
	var f float64
	if err := n.Decode(&f); err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, typeErr(what, n, "a finite number")
	}
	return f, nil
}

// positive reads a number > 0.
func positive(what string, n *yaml.Node) (float64, error) {
	f, err := number(what, n)
	if err == nil && f <= 0 {
		err = typeErr(what, n, "a number > 0")
	}
	return f, err
}

// integer reads an integer scalar.
func integer(what string, n *yaml.Node) (int64, error) {
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
		if n == nil {
			return 0, fmt.Errorf("%swant an integer", prefix(what))
		}
		return 0, typeErr(what, n, "an integer")
	}
	var i int64
	if err := n.Decode(&i); err != nil {
		return 0, typeErr(what, n, "an integer")
	}
	return i, nil
}

// boolean reads a boolean scalar.
func boolean(what string, n *yaml.Node) (bool, error) {
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		if n == nil {
			return false, fmt.Errorf("%swant true or false", prefix(what))
		}
		return false, typeErr(what, n, "true or false")
	}
	var b bool
	if err := n.Decode(&b); err != nil {
		return false, typeErr(what, n, "true or false")
	}
	return b, nil
}

// words reads a list of strings, or a string split into words (legacy flags,
// and 2023-07-draft packages that still write arguments as one string).
func words(what string, n *yaml.Node) ([]string, error) {
	n = deref(n)
	if isNull(n) {
		return nil, nil
	}
	if n.Kind == yaml.ScalarNode {
		return strings.Fields(n.Value), nil
	}
	return strList(what, n)
}

// strList reads a list of strings; a single string is a list of one.
func strList(what string, n *yaml.Node) ([]string, error) {
	n = deref(n)
	if isNull(n) {
		return nil, nil
	}
	if n.Kind == yaml.ScalarNode {
		return []string{n.Value}, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, typeErr(what, n, "a list of strings")
	}
	out := make([]string, 0, len(n.Content))
	for _, c := range n.Content {
		s, err := str(what, deref(c))
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// unknownKey reports a key this package does not know.
func unknownKey(what string, f field) error {
	return fmt.Errorf("line %d: unknown key %q", f.val.Line, key(what, f.key))
}

// readFields reads the YAML mapping in the package file rel, its keys in
// order; errors name the file.
func (l *loader) readFields(rel string) ([]field, error) {
	data, err := l.readSmall(rel, maxYAML)
	if err != nil {
		return nil, err
	}
	n, err := parseYAML(data)
	if err != nil {
		return nil, wrapf(rel, err)
	}
	fs, err := fields("", n)
	if err != nil {
		return nil, wrapf(rel, err)
	}
	return fs, nil
}
