use std::cell::RefCell;
use std::rc::Rc;

impl Solution {
    pub fn level_order(root: Option<Rc<RefCell<TreeNode>>>) -> Vec<Vec<i32>> {
        // Unwraps the root even when the tree is empty.
        let mut level = vec![root.unwrap()];
        let mut res = Vec::new();
        while !level.is_empty() {
            res.push(level.iter().map(|n| n.borrow().val).collect());
            let mut next = Vec::new();
            for n in &level {
                let n = n.borrow();
                next.extend(n.left.clone());
                next.extend(n.right.clone());
            }
            level = next;
        }
        res
    }
}
