package judge0

import (
	"context"
	"net/http"
	"time"

	"github.com/verdict-judge/verdict/queue"
)

// Worker does the queue's Judge0 jobs: running a submission and sending
// its callback.
type Worker struct {
	Records *Records
	Runner  Runner
	Langs   *Languages
	// MaxExtract caps the unpacked additional_files (bytes).
	MaxExtract int64
	// Client sends callbacks (default: a client with Judge0's 5 s timeout).
	Client *http.Client
}

// Judge0 runs a submission (queue.Judge0Handler).
func (w *Worker) Judge0(ctx context.Context, token string, job queue.Job) error {
	return w.Records.Work(ctx, w.Runner, w.Langs, w.MaxExtract, token, job.Last())
}

// Judge0Callback sends a finished submission to its callback URL
// (queue.Judge0Handler).
func (w *Worker) Judge0Callback(ctx context.Context, token string, job queue.Job) error {
	c := w.Client
	if c == nil {
		c = &http.Client{Timeout: 5 * time.Second}
	}
	return w.Records.Callback(ctx, w.Langs, c, token)
}
