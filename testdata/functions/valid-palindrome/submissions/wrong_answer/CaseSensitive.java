class Solution {
    public boolean isPalindrome(String s) {
        // Keeps the case of letters.
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (Character.isLetterOrDigit(c)) sb.append(c);
        }
        String t = sb.toString();
        return t.equals(sb.reverse().toString());
    }
}
