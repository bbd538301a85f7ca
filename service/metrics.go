package service

import (
	"github.com/prometheus/client_golang/prometheus"
)

// Metrics are the service's Prometheus metrics.
type Metrics struct {
	Submitted   *prometheus.CounterVec   // by language
	Judged      *prometheus.CounterVec   // by verdict and language
	Latency     *prometheus.HistogramVec // queued to done, by language
	JudgeTime   prometheus.Histogram     // one judging
	SandboxRuns *prometheus.CounterVec   // by kind: compile, test, run, exec
	CompileHits prometheus.Counter
	Busy        prometheus.Counter // worker seconds spent judging
	Retries     prometheus.Counter
}

// NewMetrics makes the metrics and registers them with reg.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		Submitted: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "verdict_submissions_received_total", Help: "Submissions accepted for judging."}, []string{"language"}),
		Judged:    prometheus.NewCounterVec(prometheus.CounterOpts{Name: "verdict_submissions_total", Help: "Submissions judged, by verdict and language."}, []string{"verdict", "language"}),
		Latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "verdict_submission_latency_seconds", Help: "Time from submission to verdict.",
			Buckets: prometheus.ExponentialBuckets(0.05, 2, 12)}, []string{"language"}),
		JudgeTime: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "verdict_judging_seconds", Help: "Time one judging took.",
			Buckets: prometheus.ExponentialBuckets(0.05, 2, 12)}),
		SandboxRuns: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "verdict_sandbox_runs_total", Help: "Programs run in the sandbox, by kind."}, []string{"kind"}),
		CompileHits: prometheus.NewCounter(prometheus.CounterOpts{Name: "verdict_compile_cache_hits_total", Help: "Compiles answered from the cache."}),
		Busy:        prometheus.NewCounter(prometheus.CounterOpts{Name: "verdict_worker_busy_seconds_total", Help: "Seconds workers spent judging."}),
		Retries:     prometheus.NewCounter(prometheus.CounterOpts{Name: "verdict_judging_retries_total", Help: "Judgings that failed with an internal error and were retried or given up."}),
	}
	reg.MustRegister(m.Submitted, m.Judged, m.Latency, m.JudgeTime, m.SandboxRuns, m.CompileHits, m.Busy, m.Retries)
	return m
}
