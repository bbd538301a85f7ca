// Definition for singly-linked list and a binary tree node: the driver's,
// as LeetCode's.
use std::rc::Rc;
use std::cell::RefCell;

struct Echo {
    tag: String,
}

impl Echo {
    fn new(tag: String) -> Self {
        Echo { tag }
    }

    fn echo_int(&self, x: i32) -> i32 {
        x
    }

    fn echo_long(&self, x: i64) -> i64 {
        x
    }

    fn echo_double(&self, x: f64) -> f64 {
        x
    }

    fn echo_bool(&self, x: bool) -> bool {
        x
    }

    fn echo_char(&self, x: char) -> char {
        x
    }

    fn echo_string(&self, x: String) -> String {
        x
    }

    fn echo_ints(&self, x: Vec<i32>) -> Vec<i32> {
        x
    }

    fn echo_matrix(&self, x: Vec<Vec<i32>>) -> Vec<Vec<i32>> {
        x
    }

    fn echo_strings(&self, x: Vec<String>) -> Vec<String> {
        x
    }

    fn echo_groups(&self, x: Vec<Vec<String>>) -> Vec<Vec<String>> {
        x
    }

    fn echo_doubles(&self, x: Vec<f64>) -> Vec<f64> {
        x
    }

    fn echo_bools(&self, x: Vec<bool>) -> Vec<bool> {
        x
    }

    fn echo_grid(&self, x: Vec<Vec<char>>) -> Vec<Vec<char>> {
        x
    }

    fn echo_longs(&self, x: Vec<i64>) -> Vec<i64> {
        x
    }

    fn echo_list(&self, x: Option<Box<ListNode>>) -> Option<Box<ListNode>> {
        // Rebuild the list, to check the driver's ListNode.
        let mut vals = Vec::new();
        let mut p = &x;
        while let Some(n) = p {
            vals.push(n.val);
            p = &n.next;
        }
        let mut head = None;
        for &v in vals.iter().rev() {
            let mut n = ListNode::new(v);
            n.next = head;
            head = Some(Box::new(n));
        }
        head
    }

    fn echo_tree(&self, x: Option<Rc<RefCell<TreeNode>>>) -> Option<Rc<RefCell<TreeNode>>> {
        let n = x?;
        let n = n.borrow();
        let mut t = TreeNode::new(n.val);
        t.left = self.echo_tree(n.left.clone());
        t.right = self.echo_tree(n.right.clone());
        Some(Rc::new(RefCell::new(t)))
    }

    fn echo_int_list(&self, x: Vec<i32>) -> Vec<i32> {
        x
    }

    fn pick(&self, i: i32, words: Vec<String>) -> String {
        words[i as usize].clone()
    }

    fn set_tag(&mut self, tag: String) {
        self.tag = tag;
    }

    fn get_tag(&self) -> String {
        self.tag.clone()
    }
}
