package function

import (
	"strings"
	"testing"
)

// Rust compiles take a second or two each: the tests here compile few
// programs, each exercising much.

const jrRustEcho = `use std::rc::Rc;
use std::cell::RefCell;
use std::collections::HashMap;

struct Echo {
    sum: i32,
    seen: HashMap<i32, i32>,
}

impl Echo {
    fn new(start: i32) -> Self { Echo { sum: start, seen: HashMap::new() } }
    fn echo_int(&self, x: i32) -> i32 { x }
    fn echo_long(&self, x: i64) -> i64 { x }
    fn echo_double(&self, x: f64) -> f64 { x }
    fn echo_bool(&self, x: bool) -> bool { x }
    fn echo_char(&self, x: char) -> char { x }
    fn echo_string(&self, x: String) -> String { println!("user output {}", x); x }
    fn echo_ints(&self, x: Vec<i32>) -> Vec<i32> { x }
    fn echo_grid(&self, x: Vec<Vec<i32>>) -> Vec<Vec<i32>> { x }
    fn echo_strings(&self, x: Vec<String>) -> Vec<String> { x }
    fn echo_board(&self, x: Vec<Vec<char>>) -> Vec<Vec<char>> { x }
    fn echo_list(&self, x: Vec<i32>) -> Vec<i32> { x }
    fn echo_nested(&self, x: Vec<Vec<String>>) -> Vec<Vec<String>> { x }
    fn echo_list_node(&self, x: Option<Box<ListNode>>) -> Option<Box<ListNode>> { x }
    fn echo_tree(&self, x: Option<Rc<RefCell<TreeNode>>>) -> Option<Rc<RefCell<TreeNode>>> { x }
    fn echo_lists(&self, x: Vec<Option<Box<ListNode>>>) -> Vec<Option<Box<ListNode>>> { x }
    fn echo_trees(&self, x: Vec<Option<Rc<RefCell<TreeNode>>>>) -> Vec<Option<Rc<RefCell<TreeNode>>>> { x }
    fn echo_doubles(&self, x: Vec<f64>) -> Vec<f64> { x }
    fn echo_bools(&self, x: Vec<bool>) -> Vec<bool> { x }
    fn echo_cube(&self, x: Vec<Vec<Vec<i64>>>) -> Vec<Vec<Vec<i64>>> { x }
    fn echo_chars(&self, x: Vec<char>) -> Vec<char> { x }
    fn echo_long_list(&self, x: Vec<Vec<i64>>) -> Vec<Vec<i64>> { x }
    fn add(&mut self, x: i32) { self.sum += x; self.seen.insert(x, 1); }
    fn total(&self) -> i32 { self.sum }
    fn join(&self, a: i32, b: String, c: i64) -> String { format!("{}|{}|{}", a, b, c) }
}
`

var jrRustc = []string{"rustc", "-O", "--edition", "2021", "-o", "main", "{files}"}

func TestRustEchoRoundTrip(t *testing.T) {
	jrTool(t, "rustc")
	p, err := rustGen{}.Program(jrSig(t, jrEchoSig), []byte(jrRustEcho))
	if err != nil {
		t.Fatal(err)
	}
	dir, out, ok := jrBuild(t, p, jrRustc)
	if !ok {
		t.Fatalf("compile:\n%s", MapMessage(out, p))
	}
	if strings.Contains(out, "warning") {
		t.Errorf("the compile warns:\n%s", out)
	}
	r := jrExec(t, dir, []string{"./main"}, jrEchoInput())
	jrCheckEcho(t, r)
	if !strings.Contains(r.stdout, "user output héllo wörld") {
		t.Errorf("the user's output is not on standard output: %q", r.stdout)
	}
}

// TestRustPrograms compiles one function problem: the user's own inner
// attribute, a void in-place call (&mut), tests that pass, then a panic in
// the user's code.
func TestRustPrograms(t *testing.T) {
	jrTool(t, "rustc")
	sig := jrSig(t, `{name: rotateBy, params: [{name: nums, type: "integer[]"}, {name: k, type: integer}], return: {type: void}, output: {paramindex: 0}}`)
	user := "#![allow(unused)]\nimpl Solution {\n    pub fn rotate_by(nums: &mut Vec<i32>, k: i32) {\n        let n = nums.len();\n        let k = (k as usize) % n;\n        nums.rotate_right(k);\n    }\n}"
	p, err := rustGen{}.Program(sig, []byte(user))
	if err != nil {
		t.Fatal(err)
	}
	dir, out, ok := jrBuild(t, p, jrRustc)
	if !ok {
		t.Fatalf("compile:\n%s", MapMessage(out, p))
	}
	r := jrExec(t, dir, []string{"./main"}, "[[1,2,3,4,5],2]\n[[1],0]\n[[],3]\n[[9],1]\n")
	jrCheckRun(t, r, []string{"[4,5,1,2,3]", "[1]"}, "solution.rs:5:17: attempt to calculate the remainder with a divisor of zero", []string{"panicked at solution.rs:5:17"})
}

// TestRustCompileError checks that rustc's messages point at the user's lines.
func TestRustCompileError(t *testing.T) {
	jrTool(t, "rustc")
	sig := jrSig(t, `{name: f, params: [{name: a, type: integer}], return: {type: integer}}`)
	user := "impl Solution {\n    pub fn f(a: i32) -> i32 {\n        let b: i32 = \"x\";\n        a + b\n    }\n}\n"
	p, err := rustGen{}.Program(sig, []byte(user))
	if err != nil {
		t.Fatal(err)
	}
	_, out, ok := jrBuild(t, p, jrRustc)
	if ok {
		t.Fatal("compiled")
	}
	if msg := MapMessage(out, p); !strings.Contains(msg, "solution.rs:3:22") || strings.Contains(msg, "main.rs") {
		t.Errorf("message:\n%s", msg)
	}
}

func TestRustNames(t *testing.T) {
	for in, want := range map[string]string{
		"twoSum": "two_sum", "get": "get", "getMin": "get_min", "findKthLargest": "find_kth_largest",
		"getLRUValue": "get_lru_value", "isBST": "is_bst", "sum2Nums": "sum2_nums", "move": "r#move", "type": "r#type",
		"already_snake": "already_snake",
	} {
		if got := rustName(in); got != want {
			t.Errorf("rustName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRustStarter(t *testing.T) {
	cases := []struct{ sig, want string }{
		{`{name: twoSum, params: [{name: nums, type: "integer[]"}, {name: target, type: integer}], return: {type: "integer[]"}}`,
			"impl Solution {\n    pub fn two_sum(nums: Vec<i32>, target: i32) -> Vec<i32> {\n        \n    }\n}\n"},
		{`{name: solve, params: [{name: board, type: "character[][]"}], return: {type: void}, output: {paramindex: 0}}`,
			"    pub fn solve(board: &mut Vec<Vec<char>>) {\n"},
		{`{name: maxDepth, params: [{name: root, type: TreeNode}], return: {type: integer}}`,
			"use std::rc::Rc;\nuse std::cell::RefCell;\nimpl Solution {\n    pub fn max_depth(root: Option<Rc<RefCell<TreeNode>>>) -> i32 {\n"},
		{`{classname: MinStack, constructor: {params: []}, methods: [{name: push, params: [{name: val, type: integer}], return: {type: void}}, {name: getMin, params: [], return: {type: integer}}]}`,
			"impl MinStack {\n\n    fn new() -> Self {\n        \n    }\n    \n    fn push(&self, val: i32) {\n        \n    }\n    \n    fn get_min(&self) -> i32 {\n"},
	}
	for _, c := range cases {
		s, err := rustGen{}.Starter(jrSig(t, c.sig))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(s, c.want) {
			t.Errorf("starter:\n%s\nwant it to hold:\n%s", s, c.want)
		}
	}
}
