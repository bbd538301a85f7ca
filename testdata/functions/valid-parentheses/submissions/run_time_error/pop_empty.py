class Solution:
    def isValid(self, s: str) -> bool:
        pairs = {')': '(', ']': '[', '}': '{'}
        stack = []
        for c in s:
            if c in pairs:
                # Pops even when the stack is empty: IndexError.
                if stack.pop() != pairs[c]:
                    return False
            else:
                stack.append(c)
        return not stack
