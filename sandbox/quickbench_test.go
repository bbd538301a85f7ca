package sandbox_test

import (
	"context"
	"os/exec"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/verdict-judge/verdict/sandbox"
)

func TestQuickBench(t *testing.T) {
	sb := newSandbox(t, sandbox.Config{Boxes: 2})
	ctx := context.Background()
	var d []time.Duration
	for i := 0; i < 300; i++ {
		t0 := time.Now()
		r, err := sb.Run(ctx, &sandbox.Spec{Args: []string{"/bin/true"}})
		if err != nil || r.Status != "OK" {
			t.Fatal(err, r)
		}
		d = append(d, time.Since(t0))
	}
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	var b []time.Duration
	for i := 0; i < 300; i++ {
		t0 := time.Now()
		exec.Command("/bin/true").Run()
		b = append(b, time.Since(t0))
	}
	sort.Slice(b, func(i, j int) bool { return b[i] < b[j] })
	t.Logf("sandbox median %v p99 %v; bare median %v p99 %v", d[150], d[297], b[150], b[297])
	t0 := time.Now()
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 300; i++ {
				sb.Run(ctx, &sandbox.Spec{Args: []string{"/bin/true"}})
			}
		}()
	}
	wg.Wait()
	t.Logf("2 at a time: %.0f runs/s", 600/time.Since(t0).Seconds())
}
