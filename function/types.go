package function

import (
	"fmt"
	"strings"
)

// Kind is the kind of a LeetCode type.
type Kind int

// The kinds of LeetCode's type vocabulary.
const (
	Void Kind = iota
	Integer
	Long
	Double
	Boolean
	Character
	String
	Array // T[] and list<T>; Type.Elem is T
	ListNode
	TreeNode
)

var kindNames = map[Kind]string{
	Void: "void", Integer: "integer", Long: "long", Double: "double", Boolean: "boolean",
	Character: "character", String: "string", ListNode: "ListNode", TreeNode: "TreeNode",
}

// Type is a parsed LeetCode type such as "integer", "list<list<string>>" or
// "TreeNode".
type Type struct {
	Kind Kind
	// Elem is the element type of an Array.
	Elem *Type
	// List says the array was written list<T> (Java: List<T>; the other
	// languages treat it as T[]).
	List bool
}

// ParseType parses a type as LeetCode's metaData writes it: "integer",
// "long", "double", "boolean", "character", "string" (or "String"), "void"
// (or ""), "T[]" to any depth, "list<T>" (any casing), "ListNode",
// "TreeNode". Types that LeetCode drives by hand (Node, NestedInteger, ...)
// are an error.
func ParseType(s string) (*Type, error) {
	t, err := parseType(strings.TrimSpace(s), 0)
	if err != nil {
		return nil, fmt.Errorf("function: type %q: %w", s, err)
	}
	return t, nil
}

func parseType(s string, depth int) (*Type, error) {
	if depth > 16 {
		return nil, fmt.Errorf("nested too deep")
	}
	if strings.HasSuffix(s, "[]") {
		elem, err := parseType(strings.TrimSpace(s[:len(s)-2]), depth+1)
		if err != nil {
			return nil, err
		}
		if elem.Kind == Void {
			return nil, fmt.Errorf("array of void")
		}
		return &Type{Kind: Array, Elem: elem}, nil
	}
	if len(s) > 5 && strings.EqualFold(s[:5], "list<") && strings.HasSuffix(s, ">") {
		elem, err := parseType(strings.TrimSpace(s[5:len(s)-1]), depth+1)
		if err != nil {
			return nil, err
		}
		if elem.Kind == Void {
			return nil, fmt.Errorf("list of void")
		}
		return &Type{Kind: Array, Elem: elem, List: true}, nil
	}
	switch strings.ToLower(s) {
	case "", "void", "null":
		return &Type{Kind: Void}, nil
	case "integer", "int":
		return &Type{Kind: Integer}, nil
	case "long":
		return &Type{Kind: Long}, nil
	case "double", "float":
		return &Type{Kind: Double}, nil
	case "boolean", "bool":
		return &Type{Kind: Boolean}, nil
	case "character", "char":
		return &Type{Kind: Character}, nil
	case "string":
		return &Type{Kind: String}, nil
	case "listnode":
		return &Type{Kind: ListNode}, nil
	case "treenode":
		return &Type{Kind: TreeNode}, nil
	}
	return nil, fmt.Errorf("unknown or unsupported type (Verdict drives integer, long, double, boolean, character, string, void, T[], list<T>, ListNode and TreeNode)")
}

// String returns the type in LeetCode's canonical spelling.
func (t *Type) String() string {
	if t.Kind == Array {
		if t.List {
			return "list<" + t.Elem.String() + ">"
		}
		return t.Elem.String() + "[]"
	}
	return kindNames[t.Kind]
}

// Depth is the number of array levels: 0 for a scalar, 2 for integer[][].
func (t *Type) Depth() int {
	d := 0
	for ; t.Kind == Array; t = t.Elem {
		d++
	}
	return d
}

// Base is the innermost element type (t itself for a non-array).
func (t *Type) Base() *Type {
	for t.Kind == Array {
		t = t.Elem
	}
	return t
}
