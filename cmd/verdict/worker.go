package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"
)

func cmdWorker(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("worker", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: verdict worker --database URL [flags]\n\nJudges queued submissions from the database a `verdict serve` uses (PostgreSQL to share it\nbetween machines; the same SQLite file works on one machine). Stops taking jobs on SIGTERM and\nfinishes or hands back those running.\n\nFlags:")
		fs.PrintDefaults()
	}
	var f serviceFlags
	f.register(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 || f.workers < 1 {
		fmt.Fprintln(stderr, "verdict worker: no arguments; --workers must be at least 1")
		return 2
	}
	log := newLogger(stderr, f.logJSON)
	r, err := openService(ctx, &f, 2*f.workers, log) // an interactive judging holds two boxes
	if err != nil {
		fmt.Fprintf(stderr, "verdict worker: %v\n", err)
		return 1
	}
	defer r.close()
	// Not the signal context: on SIGTERM, queue.Stop lets running judgings
	// finish (within its grace period) before handing them back.
	if err := r.queue.Start(context.WithoutCancel(ctx)); err != nil {
		fmt.Fprintf(stderr, "verdict worker: queue: %v\n", err)
		return 1
	}
	heartbeat(ctx, r.svc.Store, log)
	log.Info("working", "database", r.svc.Store.Backend().Name(), "workers", f.workers)
	<-ctx.Done()
	log.Info("shutting down: finishing or handing back running judgings")
	sctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := r.queue.Stop(sctx); err != nil {
		log.Warn("queue stop", "err", err)
	}
	return 0
}
