class MinStack {
    // A fixed capacity of 100: pushing the 101st element throws.
    private final int[] vals = new int[100];
    private final int[] mins = new int[100];
    private int size;

    public MinStack() {
    }

    public void push(int val) {
        mins[size] = size == 0 ? val : Math.min(val, mins[size - 1]);
        vals[size++] = val;
    }

    public void pop() {
        size--;
    }

    public int top() {
        return vals[size - 1];
    }

    public int getMin() {
        return mins[size - 1];
    }
}
