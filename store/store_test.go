package store_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/verdict-judge/verdict/judge"
	"github.com/verdict-judge/verdict/store"
	"github.com/verdict-judge/verdict/store/postgres"
	"github.com/verdict-judge/verdict/store/sqlite"
)

// backends returns a fresh store on each backend available here.
func backends(t *testing.T) map[string]*store.Store {
	ctx := context.Background()
	out := map[string]*store.Store{}
	b, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "v.db"))
	if err != nil {
		t.Fatal(err)
	}
	out["sqlite"] = store.New(b)
	t.Cleanup(func() { b.Close() })
	base := os.Getenv("VERDICT_TEST_POSTGRES")
	if base == "" {
		t.Log("VERDICT_TEST_POSTGRES is not set: PostgreSQL not tested")
		return out
	}
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	name := fmt.Sprintf("verdict_store_%d", time.Now().UnixNano())
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatal(err)
	}
	cfg, _ := pgx.ParseConfig(base)
	pb, err := postgres.Open(ctx, fmt.Sprintf("postgres://%s:%s@%s:%d/%s", cfg.User, cfg.Password, cfg.Host, cfg.Port, name))
	if err != nil {
		t.Fatal(err)
	}
	out["postgres"] = store.New(pb)
	t.Cleanup(func() {
		pb.Close()
		if c, err := pgx.Connect(ctx, base); err == nil {
			c.Exec(ctx, "DROP DATABASE "+name+" WITH (FORCE)")
			c.Close(ctx)
		}
	})
	return out
}

func TestStore(t *testing.T) {
	for name, st := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			sub := &store.Submission{ID: "01AAAAAAAAAAAAAAAAAAAAAAAA", Problem: "sum", Language: "python", User: "u",
				CreatedAt: time.Now(), Files: []store.File{{Name: "main.py", Content: "print(1)"}}}
			// The row and the job go together: a failed enqueue leaves nothing.
			err := st.CreateSubmission(ctx, sub, func(tx store.Tx) error { return errors.New("queue down") })
			if err == nil {
				t.Fatal("no error from a failed enqueue")
			}
			if _, err := st.Submission(ctx, sub.ID); !store.IsNotFound(err) {
				t.Fatalf("the submission was written without its job: %v", err)
			}
			if err := st.CreateSubmission(ctx, sub, func(tx store.Tx) error { return nil }); err != nil {
				t.Fatal(err)
			}
			if n, _ := st.Pending(ctx, "u"); n != 1 {
				t.Errorf("pending %d", n)
			}
			got, err := st.StartJudging(ctx, sub.ID)
			if err != nil || got.Status != store.StatusCompiling || got.Attempts != 1 {
				t.Fatalf("start: %+v %v", got, err)
			}
			rep := &judge.Report{Verdict: judge.AC, Score: 1, Tests: []judge.TestResult{{Name: "sample/1", Verdict: judge.AC, CPUMs: 3}}}
			if err := st.Progress(ctx, sub.ID, store.StatusRunning, 1, 4, rep); err != nil {
				t.Fatal(err)
			}
			sub.Verdict, sub.Score, sub.Report, sub.TimeMs = "AC", 1, rep, 3
			done, err := st.Finish(ctx, sub, nil)
			if err != nil || !done {
				t.Fatalf("finish: %v %v", done, err)
			}
			// Written once: a second finish (a job run again) changes nothing.
			sub.Verdict = "WA"
			if done, err := st.Finish(ctx, sub, nil); err != nil || done {
				t.Fatalf("second finish: %v %v", done, err)
			}
			got, err = st.Submission(ctx, sub.ID)
			if err != nil || got.Verdict != "AC" || got.Status != store.StatusDone || len(got.Report.Tests) != 1 || got.FinishedAt.IsZero() {
				t.Fatalf("after finish: %+v %v", got, err)
			}
			if got, _ := st.StartJudging(ctx, sub.ID); got.Status != store.StatusDone {
				t.Errorf("a done submission started again: %s", got.Status)
			}
			list, err := st.Submissions(ctx, store.Filter{User: "u", Verdict: "AC"})
			if err != nil || len(list) != 1 {
				t.Errorf("list: %d %v", len(list), err)
			}
			if st, _ := st.ProblemStatus(ctx, "u", ""); st["sum"] != "solved" {
				t.Errorf("status %v", st)
			}
			if err := st.PutProblem(ctx, &store.Problem{ID: "sum", Title: "Sum", Kind: "stdio", Type: "pass-fail", BlobKey: "k", Info: []byte("{}")}); err != nil {
				t.Fatal(err)
			}
			if err := st.PutProblem(ctx, &store.Problem{ID: "sum", Title: "Sum 2", Kind: "stdio", Type: "pass-fail", BlobKey: "k2", Info: []byte("{}")}); err != nil {
				t.Fatal(err)
			}
			if p, err := st.Problem(ctx, "sum"); err != nil || p.Title != "Sum 2" || p.BlobKey != "k2" {
				t.Errorf("problem %+v %v", p, err)
			}
			if err := st.DeleteProblem(ctx, "sum"); err != nil {
				t.Fatal(err)
			}
			if err := st.DeleteProblem(ctx, "sum"); !store.IsNotFound(err) {
				t.Errorf("second delete: %v", err)
			}
			if n, err := st.LiveWorkers(ctx, time.Now().Add(-time.Minute)); err != nil || n != 0 {
				t.Errorf("live workers before any heartbeat: %d %v", n, err)
			}
			if err := st.Heartbeat(ctx, "host/1"); err != nil {
				t.Fatal(err)
			}
			if n, _ := st.LiveWorkers(ctx, time.Now().Add(-time.Minute)); n != 1 {
				t.Errorf("live workers after a heartbeat: %d", n)
			}
			if n, _ := st.LiveWorkers(ctx, time.Now().Add(time.Minute)); n != 0 {
				t.Errorf("live workers in the future: %d", n)
			}
			v1, _ := st.Setting(ctx, "s", "a")
			v2, _ := st.Setting(ctx, "s", "b")
			if v1 != "a" || v2 != "a" {
				t.Errorf("setting %q %q", v1, v2)
			}
		})
	}
}
