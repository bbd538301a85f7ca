package function

import (
	"os/exec"
	"strings"
	"testing"
)

const cEcho = `typedef struct {
    char* tag;
} Echo;

Echo* echoCreate(char* tag) {
    Echo* e = malloc(sizeof(Echo));
    e->tag = tag;
    return e;
}
char* echoTag(Echo* obj) { return obj->tag; }
int echoI(Echo* obj, int x) { return x; }
long long echoL(Echo* obj, long long x) { return x; }
double echoD(Echo* obj, double x) { return x; }
bool echoB(Echo* obj, bool x) { return x; }
char echoC(Echo* obj, char x) { return x; }
char* echoS(Echo* obj, char* x) { return x; }
int* echoAi(Echo* obj, int* x, int xSize, int* retSize) { *retSize = xSize; return x; }
long long* echoAl(Echo* obj, long long* x, int xSize, int* retSize) { *retSize = xSize; return x; }
double* echoAd(Echo* obj, double* x, int xSize, int* retSize) { *retSize = xSize; return x; }
bool* echoAb(Echo* obj, bool* x, int xSize, int* retSize) { *retSize = xSize; return x; }
char* echoAc(Echo* obj, char* x, int xSize, int* retSize) { *retSize = xSize; return x; }
char** echoAs(Echo* obj, char** x, int xSize, int* retSize) { *retSize = xSize; return x; }
int** echoAai(Echo* obj, int** x, int xSize, int* xColSize, int* retSize, int** retColSize) {
    *retSize = xSize; *retColSize = xColSize; return x;
}
char** echoAac(Echo* obj, char** x, int xSize, int* xColSize, int* retSize, int** retColSize) {
    *retSize = xSize; *retColSize = xColSize; return x;
}
char*** echoAas(Echo* obj, char*** x, int xSize, int* xColSize, int* retSize, int** retColSize) {
    *retSize = xSize; *retColSize = xColSize; return x;
}
struct ListNode* echoLn(Echo* obj, struct ListNode* x) { return x; }
struct TreeNode* echoTn(Echo* obj, struct TreeNode* x) { return x; }
struct ListNode** echoAln(Echo* obj, struct ListNode** x, int xSize, int* retSize) { *retSize = xSize; return x; }
struct TreeNode** echoAtn(Echo* obj, struct TreeNode** x, int xSize, int* retSize) { *retSize = xSize; return x; }
void echoNothing(Echo* obj, int x) { printf("printed %d\n", x); }
void echoFree(Echo* obj) { free(obj); }
`

func cBuild(t *testing.T, sig *Signature, user string) (*hostRun, string, error) {
	t.Helper()
	prog, err := cGen{}.Program(sig, []byte(user))
	if err != nil {
		t.Fatal(err)
	}
	if prog.UserFile != "solution.c" || len(prog.Files) != 2 || prog.Files[0].Name != "main.c" || prog.Files[1].Name != "uthash.h" {
		t.Fatalf("program: user file %q, %d files", prog.UserFile, len(prog.Files))
	}
	return hostBuild(t, prog, "gcc", "-O2", "-std=gnu17", "-pipe", "-o", "main", "{files}", "-lm")
}

// cDoubles are C's shortest doubles where they differ from C++'s (both
// read back as the same double).
var cDoubles = map[string]string{"9223372036854775808": "9.223372036854776e+18"}

func TestCDriver(t *testing.T) {
	needTool(t, "gcc")

	t.Run("round trips", func(t *testing.T) {
		r, out, err := cBuild(t, mustSig(t, roundTripSig), cEcho)
		if err != nil {
			t.Fatalf("compile: %v\n%s", err, out)
		}
		test, want := roundTripTest()
		res, stdout, stderr, status := r.run(t, test, test)
		if status != 0 || len(res) != 2 {
			t.Fatalf("status %d, %d results, stderr %s", status, len(res), stderr)
		}
		for _, h := range res {
			if !h.OK {
				t.Fatalf("error %q", h.Error)
			}
			checkRoundTrips(t, string(h.Value), want)
		}
		if stdout != "printed 5\nprinted 5\n" {
			t.Errorf("stdout %q", stdout)
		}
	})

	for _, tc := range cfamFunctionCases {
		t.Run(tc.name, func(t *testing.T) {
			r, out, err := cBuild(t, mustSig(t, tc.sig), tc.c)
			if err != nil {
				t.Fatalf("compile: %v\n%s", err, out)
			}
			want := make([]string, len(tc.want))
			for i, w := range tc.want {
				want[i] = w
				if c, ok := cDoubles[w]; ok {
					want[i] = c
				}
			}
			tc.want = want
			checkCfamCase(t, r, tc)
		})
	}

	t.Run("cycle", func(t *testing.T) {
		sig := mustSig(t, `{name: f, params: [{name: head, type: ListNode}], return: {type: ListNode}}`)
		r, out, err := cBuild(t, sig, "struct ListNode* f(struct ListNode* h) {\n    if (h && h->val == 0) h->next->next = h;\n    return h;\n}\n")
		if err != nil {
			t.Fatalf("compile: %v\n%s", err, out)
		}
		res, _, stderr, status := r.run(t, `[[1,2]]`, `[[0,1,2]]`, `[[3]]`)
		if status != 1 || len(res) != 2 || !res[0].OK || string(res[0].Value) != "[1,2]" || res[1].OK ||
			res[1].Error != "the returned linked list has a cycle" || !strings.Contains(stderr, "cycle") {
			t.Fatalf("status %d, results %+v, stderr %q", status, res, stderr)
		}
	})

	t.Run("bad input", func(t *testing.T) {
		sig := mustSig(t, `{name: f, params: [{name: n, type: integer}], return: {type: integer}}`)
		r, out, err := cBuild(t, sig, "int f(int n) { return n; }\n")
		if err != nil {
			t.Fatalf("compile: %v\n%s", err, out)
		}
		for _, in := range []string{`[2147483648]`, `["1"]`, `[1,2]`, `[1.5]`, `[1`, `["\x"]`} {
			res, _, stderr, status := r.run(t, `[1]`, in)
			if status != 3 || len(res) != 1 || !strings.Contains(stderr, "verdict driver: test 2") {
				t.Errorf("%s: status %d, results %+v, stderr %q", in, status, res, stderr)
			}
		}
	})

	t.Run("compile error names solution.c", func(t *testing.T) {
		sig := mustSig(t, `{name: f, params: [{name: n, type: integer}], return: {type: integer}}`)
		_, out, err := cBuild(t, sig, "int f(int n) {\n    int x = 1;\n    return n + undeclared;\n}\n")
		if err == nil {
			t.Fatal("compiled")
		}
		if !strings.Contains(out, "solution.c:3:16: error:") || strings.Contains(out, "main.c:3:") {
			t.Errorf("compiler output:\n%s", out)
		}
	})
}

const lruSig = `{classname: LRUCache, constructor: {params: [{name: capacity, type: integer}]},
  methods: [{name: get, params: [{name: key, type: integer}], return: {type: integer}},
            {name: put, params: [{name: key, type: integer}, {name: value, type: integer}], return: {type: void}}],
  systemdesign: true}`

const twoSumSig = `{name: twoSum, params: [{name: nums, type: "integer[]"}, {name: target, type: integer}], return: {type: "integer[]"}}`

func TestCStarter(t *testing.T) {
	tests := []struct{ sig, want string }{
		{twoSumSig, `/**
 * Note: The returned array must be malloced, assume caller calls free().
 */
int* twoSum(int* nums, int numsSize, int target, int* returnSize) {
    
}`},
		{`{name: levelOrder, params: [{name: root, type: TreeNode}], return: {type: "list<list<integer>>"}}`, `/**
 * Definition for a binary tree node.
 * struct TreeNode {
 *     int val;
 *     struct TreeNode *left;
 *     struct TreeNode *right;
 * };
 */
/**
 * Return an array of arrays of size *returnSize.
 * The sizes of the arrays are returned as *returnColumnSizes array.
 * Note: Both returned array and *columnSizes array must be malloced, assume caller calls free().
 */
int** levelOrder(struct TreeNode* root, int* returnSize, int** returnColumnSizes) {
    
}`},
		{`{name: solveSudoku, params: [{name: board, type: "character[][]"}], return: {type: void}, output: {paramindex: 0}}`,
			"void solveSudoku(char** board, int boardSize, int* boardColSize) {\n    \n}"},
		{`{name: mergeKLists, params: [{name: lists, type: "ListNode[]"}], return: {type: ListNode}}`, `/**
 * Definition for singly-linked list.
 * struct ListNode {
 *     int val;
 *     struct ListNode *next;
 * };
 */
struct ListNode* mergeKLists(struct ListNode** lists, int listsSize) {
    
}`},
		{lruSig, `


typedef struct {
    
} LRUCache;


LRUCache* lRUCacheCreate(int capacity) {
    
}

int lRUCacheGet(LRUCache* obj, int key) {
    
}

void lRUCachePut(LRUCache* obj, int key, int value) {
    
}

void lRUCacheFree(LRUCache* obj) {
    
}

/**
 * Your LRUCache struct will be instantiated and called as such:
 * LRUCache* obj = lRUCacheCreate(capacity);
 * int param_1 = lRUCacheGet(obj, key);
 
 * lRUCachePut(obj, key, value);
 
 * lRUCacheFree(obj);
*/`},
	}
	for _, tc := range tests {
		got, err := cGen{}.Starter(mustSig(t, tc.sig))
		if err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("starter of %s:\n%s\nwant:\n%s", tc.sig, got, tc.want)
		}
	}
	if _, err := (cGen{}).Starter(mustSig(t, `{name: f, params: [{name: x, type: "integer[][][]"}], return: {type: integer}}`)); err == nil {
		t.Error("a 3-D array in C: no error")
	}
}

// TestCStarterCompiles compiles every signature's starter code with the
// driver: the driver calls what the starter declares.
func TestCStarterCompiles(t *testing.T) {
	needTool(t, "gcc")
	sigs := []string{roundTripSig, lruSig, twoSumSig}
	for _, tc := range cfamFunctionCases {
		sigs = append(sigs, tc.sig)
	}
	for _, s := range sigs {
		sig := mustSig(t, s)
		st, err := cGen{}.Starter(sig)
		if err != nil {
			t.Fatal(err)
		}
		if _, out, err := cBuild(t, sig, st); err != nil {
			t.Errorf("starter of %s: %v\n%s", s, err, out)
		}
	}
}

func TestCUthash(t *testing.T) {
	needTool(t, "gcc")
	const sol = `typedef struct { int key, idx; UT_hash_handle hh; } Entry;

int* twoSum(int* nums, int numsSize, int target, int* returnSize) {
    Entry* seen = NULL;
    int* r = malloc(2 * sizeof(int));
    *returnSize = 0;
    for (int i = 0; i < numsSize; i++) {
        int want = target - nums[i];
        Entry* e;
        HASH_FIND_INT(seen, &want, e);
        if (e) { r[0] = e->idx; r[1] = i; *returnSize = 2; break; }
        e = malloc(sizeof *e);
        e->key = nums[i];
        e->idx = i;
        HASH_ADD_INT(seen, key, e);
    }
    return r;
}`
	for _, head := range []string{"", "#include \"uthash.h\"\n", "#include <uthash.h>\n"} {
		r, out, err := cBuild(t, mustSig(t, twoSumSig), head+sol)
		if err != nil {
			t.Fatalf("compile (%q): %v\n%s", head, err, out)
		}
		checkCfamCase(t, r, cfamCase{tests: []string{`[[2,7,11,15],9]`, `[[3,3],6]`}, want: []string{`[0,1]`, `[0,1]`}})
	}
}

// BenchmarkCTwoSum100 is BenchmarkCppTwoSum100 in C.
func BenchmarkCTwoSum100(b *testing.B) {
	if _, err := exec.LookPath("gcc"); err != nil {
		b.Skip("gcc not installed")
	}
	benchCfam(b, cGen{}, cfamFunctionCases[0].c, []string{"gcc", "-O2", "-std=gnu17", "-o", "main", "{files}", "-lm"})
}
