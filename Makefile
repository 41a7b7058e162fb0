# casefile: build and test targets. `make test` is what CI runs.
GO ?= go

.PHONY: all build test bench bench-pipeline vet fuzz clean

all: build

build:
	$(GO) build -o casefile ./cmd/casefile

# vet and gofmt first, then every package's tests, including the end-to-end
# run over testdata and the kill-and-resume test.
test: vet
	@test -z "$$(gofmt -l .)" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) test -count=1 -timeout 15m ./...

# go vet, then staticcheck (pinned in go.mod as a tool: `go tool staticcheck`).
vet:
	$(GO) vet ./...
	$(GO) tool staticcheck ./...

# Annotation throughput: ours (shared model) against prose's default per document.
bench:
	$(GO) test -run '^$$' -bench . -benchtime 3x ./annotate/ ./doctext/ ./workers/

# The whole pipeline on a synthetic dump against its stages called directly.
bench-pipeline:
	$(GO) run ./cmd/casefile bench --docs 200 testdata/pdfs

# A short fuzzing pass over every parser of outside input.
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzExtract -fuzztime 60s ./doctext/
	$(GO) test -run '^$$' -fuzz FuzzAnnotate -fuzztime 30s ./annotate/
	$(GO) test -run '^$$' -fuzz FuzzParseNumber -fuzztime 20s ./annotate/internal/textscan/
	$(GO) test -run '^$$' -fuzz FuzzParseCitations -fuzztime 20s ./annotate/charge/
	$(GO) test -run '^$$' -fuzz FuzzParseStamp -fuzztime 20s ./annotate/casemeta/
	$(GO) test -run '^$$' -fuzz FuzzDates -fuzztime 20s ./annotate/casemeta/

clean:
	rm -rf casefile .casefile records.jsonl dead-letters.jsonl
