class Solution {
    public String[] findWords(String[] words) {
        String[] rows = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
        List<String> res = new ArrayList<>();
        for (String w : words) {
            String lw = w.toLowerCase();
            for (String row : rows) {
                boolean ok = true;
                for (char c : lw.toCharArray()) {
                    if (row.indexOf(c) < 0) {
                        ok = false;
                        break;
                    }
                }
                if (ok) {
                    res.add(w);
                    break;
                }
            }
        }
        return res.toArray(new String[0]);
    }
}
