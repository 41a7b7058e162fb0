// Command casefile turns court filings into structured, verifiable records.
//
//	casefile run [flags] PATH...       process files and folders into records
//	casefile worker [flags]            run pipeline stages against a NATS server
//	casefile ingest [--watch] PATH...  submit files to a running pipeline, or stream a folder's new files
//	casefile extract FILE              print a document's page texts
//	casefile annotate FILE             print a document's record
//	casefile status                    what waits in each stage, the ledger's counts
//	casefile dlq list|export|purge|replay  the documents that failed, and why; process them again
//	casefile eval GOLD RECORDS         score records against gold annotations
//	casefile export --format ftm|csv   write the store for other tools
//	casefile serve                     the reading room: read-only web pages over the store
//	casefile people|orgs               the store's people or organizations across filings
//	casefile show ID                   one person or organization: filings, pages, aliases
//	casefile judge merge|split         record who is who, and apply it
//	casefile bench [PATH...]           measure the pipeline on a synthetic dump
//	casefile version
//
// Run "casefile COMMAND --help" for each command's flags.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/alecthomas/kong"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

type cli struct {
	LogLevel slog.Level `name:"log-level" default:"info" help:"Log level: debug, info, warn or error."`

	Run      runCmd      `cmd:"" help:"Process PDF and text files (or folders of them) into one record per document."`
	Worker   workerCmd   `cmd:"" help:"Run pipeline stages against a NATS server until stopped."`
	Ingest   ingestCmd   `cmd:"" help:"Submit documents to a running pipeline, or with --watch stream the files that appear in folders."`
	Extract  extractCmd  `cmd:"" help:"Print the text of a document's pages (no NATS)."`
	Annotate annotateCmd `cmd:"" help:"Print the record of one document (no NATS)."`
	Status   statusCmd   `cmd:"" help:"Show what waits in each stage and what the ledger holds."`
	DLQ      dlqCmd      `cmd:"" name:"dlq" help:"List, export or purge dead letters: the documents that failed, and why."`
	Eval     evalCmd     `cmd:"" help:"Score records against gold annotations: precision, recall and F1 per entity type."`
	Export   exportCmd   `cmd:"" help:"Write the store as FollowTheMoney JSON lines (OpenAleph) or spreadsheet-ready CSV files."`
	Bench    benchCmd    `cmd:"" help:"Measure the pipeline on a synthetic dump against its stages called directly: throughput, peak memory, time per stage, cost of isolation."`
	Serve    serveCmd    `cmd:"" help:"Serve the reading room: search the filings, read each page with its entities highlighted, follow a person across filings (read-only web pages)."`
	People   peopleCmd   `cmd:"" help:"List the people of the store, one cluster per person across filings, with counts."`
	Orgs     orgsCmd     `cmd:"" help:"List the organizations of the store, one cluster each across filings, with counts."`
	Show     showCmd     `cmd:"" help:"Show one person or organization: every filing, page and alias, its charges and quantities."`
	Judge    judgeCmd    `cmd:"" help:"Record a decision about who is who (merge clusters, split members off) in the judgement file and apply it."`
	Version  versionCmd  `cmd:"" help:"Print the version."`

	ExtractChild extractChildCmd `cmd:"" name:"extract-child" hidden:"" help:"Extract one document from stdin (used by the extract stage)."`
}

// env is what every command gets: where to write, and the logger.
type env struct {
	stdout, stderr io.Writer
	log            *slog.Logger
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		var ee exitError
		if errors.As(err, &ee) {
			os.Exit(int(ee))
		}
		fmt.Fprintln(os.Stderr, "casefile:", err)
		os.Exit(1)
	}
}

// exitError is an exit status for a parse that already printed its message
// (e.g. --help).
type exitError int

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c cli
	model, logLevel := any(&c), &c.LogLevel
	if m, l, ok := soloCommand(args); ok { // local.go: per-document commands skip the whole CLI's model
		model, logLevel = m, l
	}
	exit := -1
	parser, err := kong.New(model,
		kong.Name("casefile"),
		kong.Description("casefile turns court filings into structured records: people, places, organizations, quantities and charges, each pinned to its page and character span."),
		kong.Writers(stdout, stderr),
		kong.Exit(func(code int) { exit = code; panic(exitError(code)) }),
		kong.UsageOnError(),
		kong.ConfigureHelp(kong.HelpOptions{Compact: true}),
	)
	if err != nil {
		return err
	}
	kctx, err := parse(parser, args)
	if exit >= 0 {
		if exit == 0 {
			return nil
		}
		return exitError(exit)
	}
	if err != nil {
		parser.Errorf("%s", err)
		return exitError(2)
	}
	e := &env{
		stdout: stdout, stderr: stderr,
		log: slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: *logLevel})),
	}
	kctx.BindTo(ctx, (*context.Context)(nil))
	return kctx.Run(e)
}

// parse runs kong's parser, turning its exit-by-panic (for --help) into a
// return.
func parse(p *kong.Kong, args []string) (kctx *kong.Context, err error) {
	defer func() {
		if v := recover(); v != nil {
			if _, ok := v.(exitError); !ok {
				panic(v)
			}
		}
	}()
	return p.Parse(args)
}

type versionCmd struct{}

func (versionCmd) Run(ctx context.Context, e *env) error {
	_, err := fmt.Fprintf(e.stdout, "casefile %s\n", version)
	return err
}
