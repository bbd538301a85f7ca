package judge0

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/verdict-judge/verdict/store"
)

// Records keeps Judge0 submissions in Verdict's store and queues their
// runs with Enqueue, in the same transaction. It is the Store of the
// Handler, and does the workers' side of a submission (Work, Callback).
type Records struct {
	DB *store.Store
	// Enqueue inserts the job that runs the submission token (in tx).
	Enqueue func(ctx context.Context, tx store.Tx, token string) error
	// EnqueueCallback inserts the job that posts its result (in tx); nil
	// when callbacks are off.
	EnqueueCallback func(ctx context.Context, tx store.Tx, token string) error
}

func record(s *Submission) (*store.Judge0Record, error) {
	data, err := json.Marshal(s)
	if err != nil {
		return nil, fmt.Errorf("judge0: %w", err)
	}
	return &store.Judge0Record{Token: s.Token, StatusID: s.StatusID, CreatedAt: s.CreatedAt, Data: data}, nil
}

func submission(r *store.Judge0Record) (*Submission, error) {
	s := &Submission{}
	if err := json.Unmarshal(r.Data, s); err != nil {
		return nil, fmt.Errorf("judge0: submission %s: %w", r.Token, err)
	}
	return s, nil
}

// Create implements Store.
func (rs *Records) Create(ctx context.Context, subs []*Submission) error {
	var recs []*store.Judge0Record
	for _, s := range subs {
		r, err := record(s)
		if err != nil {
			return err
		}
		recs = append(recs, r)
	}
	return rs.DB.CreateJudge0(ctx, recs, func(tx store.Tx, r *store.Judge0Record) error {
		return rs.Enqueue(ctx, tx, r.Token)
	})
}

// Get implements Store.
func (rs *Records) Get(ctx context.Context, token string) (*Submission, error) {
	r, err := rs.DB.Judge0(ctx, token)
	if errors.Is(err, store.ErrNotFound) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	return submission(r)
}

// List implements Store.
func (rs *Records) List(ctx context.Context, offset, limit int) ([]*Submission, int, error) {
	recs, total, err := rs.DB.Judge0List(ctx, offset, limit)
	if err != nil {
		return nil, 0, err
	}
	var out []*Submission
	for _, r := range recs {
		s, err := submission(r)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, s)
	}
	return out, total, nil
}

// Delete implements Store.
func (rs *Records) Delete(ctx context.Context, token string) error {
	return rs.DB.DeleteJudge0(ctx, token)
}

// Pending implements Store.
func (rs *Records) Pending(ctx context.Context) (int, error) { return rs.DB.PendingJudge0(ctx) }

// save writes a submission back, and queues its callback when it is
// finished and has one, in one transaction.
func (rs *Records) save(ctx context.Context, s *Submission) error {
	r, err := record(s)
	if err != nil {
		return err
	}
	var then func(tx store.Tx) error
	if s.StatusID >= firstFinalStatusID && s.CallbackURL != nil && *s.CallbackURL != "" && rs.EnqueueCallback != nil {
		then = func(tx store.Tx) error { return rs.EnqueueCallback(ctx, tx, s.Token) }
	}
	return rs.DB.SaveJudge0(ctx, r, then)
}

// Work runs a queued submission (the job of a worker) and saves its
// result. An error is an engine failure: the job is retried; on the last
// attempt the submission ends as an Internal Error with the message, and
// no error is returned. A submission already finished (a job run again
// after its worker died past the save) is left as it is.
func (rs *Records) Work(ctx context.Context, r Runner, langs *Languages, maxExtract int64, token string, last bool) error {
	s, err := rs.Get(ctx, token)
	if errors.Is(err, ErrNotFound) {
		return nil // deleted meanwhile
	}
	if err != nil {
		return err
	}
	if s.StatusID >= firstFinalStatusID {
		return nil
	}
	s.StatusID = Processing
	if err := rs.save(ctx, s); err != nil {
		return err
	}
	if err := Execute(ctx, r, langs, s, maxExtract); err != nil {
		if !last {
			return err
		}
		s.Fail(err.Error())
	}
	return rs.save(context.WithoutCancel(ctx), s)
}

// Callback sends a finished submission to its callback_url as Judge0 does:
// PUT, the default fields, base64 always. An error (no answer) is retried
// by the queue; any HTTP answer counts as delivered.
func (rs *Records) Callback(ctx context.Context, langs *Languages, client *http.Client, token string) error {
	s, err := rs.Get(ctx, token)
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if s.CallbackURL == nil || *s.CallbackURL == "" {
		return nil
	}
	kv, _ := s.render(order(DefaultFields), true, langs)
	body, err := marshal(object(kv))
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, *s.CallbackURL, bytes.NewReader(body))
	if err != nil {
		return nil // a URL that cannot be requested will never be
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("judge0: callback %s: %w", token, err)
	}
	resp.Body.Close()
	return nil
}
