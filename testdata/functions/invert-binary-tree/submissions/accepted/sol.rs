use std::cell::RefCell;
use std::rc::Rc;

impl Solution {
    pub fn invert_tree(root: Option<Rc<RefCell<TreeNode>>>) -> Option<Rc<RefCell<TreeNode>>> {
        if let Some(node) = root.clone() {
            let mut n = node.borrow_mut();
            let l = n.left.take();
            let r = n.right.take();
            n.left = Self::invert_tree(r);
            n.right = Self::invert_tree(l);
        }
        root
    }
}
