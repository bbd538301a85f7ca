use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

impl Solution {
    pub fn level_order(root: Option<Rc<RefCell<TreeNode>>>) -> Vec<Vec<i32>> {
        let mut res = Vec::new();
        let mut q = VecDeque::new();
        if let Some(r) = root {
            q.push_back(r);
        }
        while !q.is_empty() {
            let mut level = Vec::with_capacity(q.len());
            for _ in 0..q.len() {
                let node = q.pop_front().unwrap();
                let n = node.borrow();
                level.push(n.val);
                if let Some(l) = n.left.clone() {
                    q.push_back(l);
                }
                if let Some(r) = n.right.clone() {
                    q.push_back(r);
                }
            }
            res.push(level);
        }
        res
    }
}
