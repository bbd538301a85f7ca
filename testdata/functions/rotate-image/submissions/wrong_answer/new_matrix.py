class Solution:
    def rotate(self, matrix: List[List[int]]) -> None:
        # Rebinds the name instead of modifying the caller's matrix.
        matrix = [list(r) for r in zip(*matrix[::-1])]
