package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestLoadBurst sends a burst of submissions at several times what the
// service takes (a queue capped at 30 waiting, two workers) from many
// clients at once, through the HTTP API of a real `verdict serve`, and
// checks what the issue asks of load: every answer is 202 (accepted) or
// 429/503 with Retry-After (rejected), never a 5xx; every accepted
// submission is judged, with the right verdict (none lost). The figures
// (accepted, rejected, lost, latency from POST to verdict p50/p99) are
// logged, and written to VERDICT_LOAD_REPORT when set (make bench-load).
func TestLoadBurst(t *testing.T) {
	burst, clients := 120, 12
	if os.Getenv("VERDICT_LOAD") == "full" {
		burst, clients = 600, 24
	}
	s := startServe(t, "--demo=true", "--workers", "2", "--max-pending", "30", "--max-pending-per-key", "1000")
	admin := map[string]string{"Authorization": "Bearer " + s.adminKey}
	src := "a, b = map(int, input().split())\nprint(a + b)\n"
	body, _ := json.Marshal(map[string]string{"problem": "sum", "language": "python", "source": src})

	type sent struct {
		id     string
		posted time.Time
	}
	var (
		mu       sync.Mutex
		accepted []sent
		codes    = map[int]int{}
		noRetry  int
	)
	jobs := make(chan struct{})
	var wg sync.WaitGroup
	start := time.Now()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range jobs {
				t0 := time.Now()
				req, _ := http.NewRequest("POST", s.url+"/api/v1/submissions", strings.NewReader(string(body)))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Authorization", admin["Authorization"])
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Errorf("POST: %v", err)
					continue
				}
				var out struct {
					ID string `json:"id"`
				}
				json.NewDecoder(resp.Body).Decode(&out)
				resp.Body.Close()
				mu.Lock()
				codes[resp.StatusCode]++
				switch resp.StatusCode {
				case http.StatusAccepted:
					accepted = append(accepted, sent{out.ID, t0})
				case http.StatusTooManyRequests, http.StatusServiceUnavailable:
					if resp.Header.Get("Retry-After") == "" {
						noRetry++
					}
				}
				mu.Unlock()
			}
		}()
	}
	for range burst {
		jobs <- struct{}{}
	}
	close(jobs)
	wg.Wait()
	sendTime := time.Since(start)

	// Every accepted submission ends judged: none lost.
	var lat []time.Duration
	lost, wrong := 0, 0
	deadline := time.Now().Add(5 * time.Minute)
	for _, a := range accepted {
		for {
			var sub struct {
				Status     string    `json:"status"`
				Verdict    string    `json:"verdict"`
				FinishedAt time.Time `json:"finished_at"`
			}
			code, _, b := s.call(t, "GET", "/api/v1/submissions/"+a.id, "", admin, nil)
			if code == http.StatusOK {
				json.Unmarshal(b, &sub)
			}
			if sub.Status == "done" {
				if sub.Verdict != "AC" {
					wrong++
					t.Errorf("submission %s: verdict %s", a.id, sub.Verdict)
				}
				lat = append(lat, sub.FinishedAt.Sub(a.posted))
				break
			}
			if time.Now().After(deadline) {
				lost++
				t.Errorf("submission %s not judged after 5 minutes (status %q, HTTP %d)", a.id, sub.Status, code)
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	rejected := codes[http.StatusTooManyRequests] + codes[http.StatusServiceUnavailable]
	for code, n := range codes {
		switch code {
		case http.StatusAccepted, http.StatusTooManyRequests, http.StatusServiceUnavailable:
		default:
			t.Errorf("%d answers with status %d: a burst gets 202, 429 or 503 only", n, code)
		}
	}
	if noRetry > 0 {
		t.Errorf("%d rejections without Retry-After", noRetry)
	}
	if len(accepted) == 0 || rejected == 0 {
		t.Errorf("accepted %d, rejected %d: the burst should fill the queue and overflow it", len(accepted), rejected)
	}
	slices.Sort(lat)
	pct := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(p*float64(len(lat))))]
	}
	report := fmt.Sprintf("| burst of %d submissions from %d clients (queue cap 30, 2 workers), sent in %v | accepted %d, rejected %d (429: %d, 503: %d), lost %d, wrong %d | POST to verdict p50 %v, p99 %v |\n",
		burst, clients, sendTime.Round(time.Millisecond), len(accepted), rejected, codes[429], codes[503], lost, wrong,
		pct(0.5).Round(time.Millisecond), pct(0.99).Round(time.Millisecond))
	t.Log(report)
	if f := os.Getenv("VERDICT_LOAD_REPORT"); f != "" {
		if err := os.WriteFile(f, []byte(report), 0o644); err != nil {
			t.Error(err)
		}
	}
}
