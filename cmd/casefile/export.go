package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/casefile/casefile/export"
)

type exportCmd struct {
	Format string `name:"format" enum:"ftm,csv" required:"" help:"ftm: FollowTheMoney JSON lines (OpenAleph, ftm tools); csv: one spreadsheet-ready file per entity type and mentions.csv."`
	DB     string `name:"db" default:"sqlite:casefile.db" help:"The store to read: sqlite:FILE or postgres://…"`
	Out    string `name:"out" help:"ftm: the file to write (default stdout); csv: the folder to write into (default casefile-csv)."`
	Check  bool   `name:"check" help:"ftm: validate the written file against the FollowTheMoney schema (needs --out)."`
}

func (c *exportCmd) Run(ctx context.Context, e *env) error {
	if c.Check && (c.Format != "ftm" || c.Out == "" || c.Out == "-") {
		return errors.New("export: --check needs --format ftm and --out FILE")
	}
	st, err := export.Open(ctx, c.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	var stats export.Stats
	switch c.Format {
	case "csv":
		dir := c.Out
		if dir == "" {
			dir = "casefile-csv"
		}
		if stats, err = st.CSV(ctx, dir); err != nil {
			return err
		}
		e.log.Info("exported", "format", "csv", "store", st.String(), "dir", dir, "documents", stats.Documents, "mentions", stats.Mentions)
	case "ftm":
		if stats, err = c.ftm(ctx, e, st); err != nil {
			return err
		}
		e.log.Info("exported", "format", "ftm", "store", st.String(), "documents", stats.Documents, "mentions", stats.Mentions, "entities", stats.Total())
	}
	names := make([]string, 0, len(stats.Written))
	for k := range stats.Written {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		fmt.Fprintf(e.stderr, "%8d %s\n", stats.Written[k], k)
	}
	if c.Check {
		return checkFile(c.Out, e)
	}
	return nil
}

func (c *exportCmd) ftm(ctx context.Context, e *env, st *export.Store) (export.Stats, error) {
	if c.Out == "" || c.Out == "-" {
		return st.FtM(ctx, e.stdout)
	}
	// Written beside the target and renamed when complete.
	f, err := os.CreateTemp(filepath.Dir(c.Out), "."+filepath.Base(c.Out)+".*")
	if err != nil {
		return export.Stats{}, err
	}
	stats, err := st.FtM(ctx, f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), c.Out)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return stats, err
}

func checkFile(path string, e *env) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return checkFtM(f, e.stderr)
}

// checkFtM validates FtM JSON lines against the embedded schema, printing
// at most 20 problems.
func checkFtM(r io.Reader, w io.Writer) error {
	model, err := export.LoadModel()
	if err != nil {
		return err
	}
	res, err := model.Check(r)
	if err != nil {
		return err
	}
	for i, p := range res.Problems {
		if i == 20 {
			fmt.Fprintf(w, "… and %d more\n", len(res.Problems)-20)
			break
		}
		fmt.Fprintln(w, p)
	}
	if len(res.Problems) > 0 {
		return fmt.Errorf("export: %d of %d entities break the FollowTheMoney schema", res.Invalid, res.Entities)
	}
	fmt.Fprintf(w, "%d entities valid against the FollowTheMoney schema\n", res.Entities)
	return nil
}
