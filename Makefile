# Verdict: the two commands a newcomer needs are `make run` and `make test`.
GO ?= go

.PHONY: build run test fuzz vet bench bench-service hostile soak faults web web-check screenshots

build:
	CGO_ENABLED=0 $(GO) build -o bin/verdict ./cmd/verdict

# Start Verdict: `verdict serve` (HTTP API, web page, judging workers) on
# http://127.0.0.1:8080, with SQLite and the demo problems in DATA.
DATA ?= /var/lib/verdict
run: build
	./bin/verdict serve --data $(DATA)

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go' ':!:*testdata/*' ':!:demo/problems/*'))" || { gofmt -l $$(git ls-files '*.go' ':!:*testdata/*' ':!:demo/problems/*'); echo "gofmt wants the files above changed"; exit 1; }
	$(GO) vet ./...

# The whole test suite. Sandbox tests need root; without it they skip.
test: vet
	$(GO) test -count=1 -timeout 25m ./...
	$(MAKE) fuzz FUZZTIME=5000x

# A run of every fuzz target (the seed corpora also run in every go test).
# FUZZTIME=1m make fuzz for a longer one; `make test` gives each target 5000
# inputs (a count, not a duration: a duration can end in the middle of an
# input and fail with "context deadline exceeded").
FUZZTIME ?= 30s
FUZZ_TARGETS = ./problem:FuzzLoadZip ./checker:FuzzDefault ./function:FuzzCompare ./api:FuzzDecodeBodies \
	./compat/judge0:FuzzNewSubmission ./compat/judge0:FuzzDecode64 ./compat/piston:FuzzDecode
fuzz:
	@for t in $(FUZZ_TARGETS); do \
	  pkg=$${t%%:*}; fn=$${t##*:}; echo "fuzz $$pkg $$fn ($(FUZZTIME))"; \
	  $(GO) test $$pkg -run '^$$' -fuzz "^$$fn$$" -fuzztime $(FUZZTIME) >/tmp/verdict-fuzz.log 2>&1 || { cat /tmp/verdict-fuzz.log; exit 1; }; \
	done

# Every hostile program of ../shared/attacks judged through `verdict judge`
# (`make test` judges a subset), with canaries and host checks; the figures
# go to docs/HOSTILE.md.
hostile:
	VERDICT_HOSTILE=full VERDICT_HOSTILE_REPORT=$(CURDIR)/docs/.hostile.md $(GO) test ./cmd/verdict -run TestHostilePipeline -v -count=1 -timeout 30m
	{ echo "# Hostile programs through the whole pipeline"; echo; echo "Written by \`make hostile\`: every program of ../shared/attacks judged by \`verdict judge\` with canaries planted (see cmd/verdict/hostile_test.go)."; echo; \
	  echo "| | |"; echo "|---|---|"; cat docs/.hostile.md; } > docs/HOSTILE.md
	rm -f docs/.hostile.md

# 10,000 sandboxed runs and 1,000 judgings in one process: file
# descriptors, goroutines, cgroups, mounts, children and memory must stay
# flat (`make test` runs a short soak). The figures are in the test's log.
soak:
	VERDICT_SOAK=full $(GO) test ./judge -run TestSoak -v -count=1 -timeout 30m

# The fault suite (api/faults_test.go): a worker killed while compiling,
# verdict serve restarted (SIGTERM, SIGKILL), PostgreSQL stopped and started
# again (it stops the shared cluster: needs VERDICT_TEST_POSTGRES, see
# .ci/run), the data directory's disk full, a failing blob store. `make test`
# runs the fast ones.
faults:
	VERDICT_FAULTS=full VERDICT_FAULTS_PG=1 $(GO) test ./api -run TestFault -v -count=1 -timeout 20m

# Side-by-side benchmarks of the sandbox (against bare fork+exec) and of the
# judge (against a bare compile and runs), written to docs/BENCHMARKS.md.
bench:
	VERDICT_BENCH=1 VERDICT_BENCH_OUT=$(CURDIR)/docs/.bench-sandbox.md $(GO) test ./sandbox -run TestBenchmarkReport -v -count=1 -timeout 20m
	VERDICT_BENCH=1 VERDICT_BENCH_OUT=$(CURDIR)/docs/.bench-judge.md $(GO) test ./judge -run TestJudgeBenchmarkReport -v -count=1 -timeout 20m
	VERDICT_BENCH=1 VERDICT_BENCH_OUT=$(CURDIR)/docs/.bench-function.md $(GO) test ./judge -run TestFunctionBenchmarkReport -v -count=1 -timeout 20m
	VERDICT_BENCH=1 VERDICT_BENCH_OUT=$(CURDIR)/docs/.bench-service.md $(GO) test ./api -run TestServiceBenchmark -v -count=1 -timeout 20m
	VERDICT_LOAD_REPORT=$(CURDIR)/docs/.bench-load.md $(GO) test ./cmd/verdict -run TestLoadBurst -v -count=1 -timeout 20m
	{ echo "# Benchmarks"; echo; echo "Written by \`make bench\` on $$(nproc) cores, $$(uname -sr), load average $$(cut -d' ' -f1-3 /proc/loadavg) at the end; rerun it to measure your machine."; echo; \
	  cat docs/.bench-sandbox.md; echo; echo "## Judging"; echo; cat docs/.bench-judge.md; \
	  echo; echo "## Function problems"; echo; cat docs/.bench-function.md; \
	  echo; echo "## The service"; echo; cat docs/.bench-service.md; \
	  echo; echo "## A burst at several times capacity"; echo; echo "| burst | answers | latency |"; echo "|---|---|---|"; cat docs/.bench-load.md; } > docs/BENCHMARKS.md
	rm -f docs/.bench-*.md

# The service through its HTTP API: submissions per second and POST-to-verdict
# latency (SQLite, and PostgreSQL when VERDICT_TEST_POSTGRES is set), exec
# requests per second.
bench-service:
	VERDICT_BENCH=1 $(GO) test ./api -run TestServiceBenchmark -v -count=1 -timeout 20m

# The web site (web/): `make web` rebuilds web/dist from web/src (needs npm;
# building Verdict itself does not, it embeds the committed web/dist).
# `make web-check` fails when the committed build is not what the sources give.
web:
	cd web && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && node build.mjs

web-check:
	cd web && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && rm -rf .dist-check && QUIET=1 node build.mjs .dist-check
	@diff -r web/dist web/.dist-check >/dev/null || { diff -rq web/dist web/.dist-check; rm -rf web/.dist-check; echo "web/dist is stale: run make web and commit it"; exit 1; }
	@rm -rf web/.dist-check; echo "web/dist matches web/src"

# Screenshots of the main pages for the README, from the browser tests.
screenshots:
	VERDICT_SCREENSHOTS=$(CURDIR)/docs/screenshots $(GO) test ./web -run TestBrowser -count=1 -v -timeout 15m
