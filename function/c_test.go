package function

import (
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
	if prog.UserFile != "solution.c" || len(prog.Files) != 1 || prog.Files[0].Name != "main.c" {
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
