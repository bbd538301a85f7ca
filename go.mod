module github.com/verdict-judge/verdict

go 1.26.0

require (
	github.com/criyle/go-sandbox v0.11.0
	github.com/elastic/go-seccomp-bpf v1.6.0
	golang.org/x/net v0.62.0
	golang.org/x/sys v0.49.0
)

require go.yaml.in/yaml/v3 v3.0.4
