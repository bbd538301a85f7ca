package function

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkParseTest reads a two-sum test of 1,000 integers.
func BenchmarkParseTest(b *testing.B) {
	s := hostSig(b, hostTwoSum)
	nums := make([]string, 1000)
	for i := range nums {
		nums[i] = fmt.Sprint(i * 7919)
	}
	in := []byte("[" + strings.Join(nums, ",") + "]\n12345\n")
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if _, err := s.ParseTest(in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheck compares two results of 1,000 integers.
func BenchmarkCheck(b *testing.B) {
	s := hostSig(b, hostTwoSum)
	nums := make([]string, 1000)
	for i := range nums {
		nums[i] = fmt.Sprint(i * 7919)
	}
	v := []byte("[" + strings.Join(nums, ",") + "]")
	t := &Test{}
	for b.Loop() {
		if ok, _, _ := s.Check(t, v, v); !ok {
			b.Fatal("not equal")
		}
	}
}
