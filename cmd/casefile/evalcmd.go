package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/casefile/casefile/eval"
	"github.com/casefile/casefile/schemas"
)

type evalCmd struct {
	Gold    string `arg:"" type:"existingdir" help:"Folder of gold files (one JSON file per document; see ../shared/corpus/gold/README.md)."`
	Records string `arg:"" type:"existingfile" help:"Records to score, as JSON Lines (what casefile run writes)."`
	Misses  bool   `name:"misses" help:"Also list every strict false negative and false positive."`
}

func (c *evalCmd) Run(ctx context.Context, e *env) error {
	golds, err := eval.LoadGold(c.Gold)
	if err != nil {
		return err
	}
	recs, err := readRecordsFile(c.Records)
	if err != nil {
		return err
	}
	rep := eval.Score(golds, recs)
	fmt.Fprintf(e.stdout, "%d gold documents, %d records\n\n", len(golds), len(recs))
	if err := rep.Write(e.stdout); err != nil {
		return err
	}
	if c.Misses {
		fmt.Fprintln(e.stdout)
		for _, m := range rep.Misses {
			fmt.Fprintf(e.stdout, "%s\t%s\t%s\t%s\n", m.Kind, m.Type, m.Doc, m.Text)
		}
	}
	return nil
}

func readRecordsFile(path string) ([]schemas.Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []schemas.Record
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 256<<20)
	for n := 1; sc.Scan(); n++ {
		var r schemas.Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		out = append(out, r)
	}
	return out, sc.Err()
}
