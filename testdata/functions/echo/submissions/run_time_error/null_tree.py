class Echo:

    def __init__(self, tag: str):
        self.tag = tag

    def echoInt(self, x: int) -> int:
        return x

    def echoLong(self, x: int) -> int:
        return x

    def echoDouble(self, x: float) -> float:
        return x

    def echoBool(self, x: bool) -> bool:
        return x

    def echoChar(self, x: str) -> str:
        return x

    def echoString(self, x: str) -> str:
        return x

    def echoInts(self, x: List[int]) -> List[int]:
        return x

    def echoMatrix(self, x: List[List[int]]) -> List[List[int]]:
        return x

    def echoStrings(self, x: List[str]) -> List[str]:
        return x

    def echoGroups(self, x: List[List[str]]) -> List[List[str]]:
        return x

    def echoDoubles(self, x: List[float]) -> List[float]:
        return x

    def echoBools(self, x: List[bool]) -> List[bool]:
        return x

    def echoGrid(self, x: List[List[str]]) -> List[List[str]]:
        return x

    def echoLongs(self, x: List[int]) -> List[int]:
        return x

    def echoList(self, x: Optional[ListNode]) -> Optional[ListNode]:
        # Rebuild the list, to check the driver's ListNode.
        dummy = tail = ListNode()
        while x:
            tail.next = ListNode(x.val)
            tail, x = tail.next, x.next
        return dummy.next

    def echoTree(self, x: Optional[TreeNode]) -> Optional[TreeNode]:
        # Forgets the empty tree.
        return TreeNode(x.val, self.echoTree(x.left), self.echoTree(x.right))

    def echoIntList(self, x: List[int]) -> List[int]:
        return x

    def pick(self, i: int, words: List[str]) -> str:
        return words[i]

    def setTag(self, tag: str) -> None:
        self.tag = tag

    def getTag(self) -> str:
        return self.tag
