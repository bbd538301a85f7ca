class Echo {
    private String tag;

    public Echo(String tag) {
        this.tag = tag;
    }

    public int echoInt(int x) {
        return x;
    }

    public long echoLong(long x) {
        return x;
    }

    public double echoDouble(double x) {
        return x;
    }

    public boolean echoBool(boolean x) {
        return x;
    }

    public char echoChar(char x) {
        return x;
    }

    public String echoString(String x) {
        return x;
    }

    public int[] echoInts(int[] x) {
        return x;
    }

    public int[][] echoMatrix(int[][] x) {
        return x;
    }

    public String[] echoStrings(String[] x) {
        return x;
    }

    public List<List<String>> echoGroups(List<List<String>> x) {
        return x;
    }

    public double[] echoDoubles(double[] x) {
        return x;
    }

    public boolean[] echoBools(boolean[] x) {
        return x;
    }

    public char[][] echoGrid(char[][] x) {
        return x;
    }

    public long[] echoLongs(long[] x) {
        return x;
    }

    public ListNode echoList(ListNode x) {
        // Rebuild the list, to check the driver's ListNode.
        ListNode dummy = new ListNode(), tail = dummy;
        for (; x != null; x = x.next) {
            tail.next = new ListNode(x.val);
            tail = tail.next;
        }
        return dummy.next;
    }

    public TreeNode echoTree(TreeNode x) {
        if (x == null) {
            return null;
        }
        return new TreeNode(x.val, echoTree(x.left), echoTree(x.right));
    }

    public List<Integer> echoIntList(List<Integer> x) {
        return new ArrayList<>(x);
    }

    public String pick(int i, String[] words) {
        return words[i];
    }

    public void setTag(String tag) {
        this.tag = tag;
    }

    public String getTag() {
        return tag;
    }
}
