package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/casefile/casefile/identity"
	"github.com/casefile/casefile/schemas"
	"github.com/casefile/casefile/sinks"
)

// whoStore is what the who-is-who commands need of a database store.
type whoStore interface {
	Clusters(ctx context.Context, f sinks.ClusterFilter) ([]sinks.ClusterSummary, error)
	Cluster(ctx context.Context, id string) (*sinks.ClusterDetail, error)
	Judge(ctx context.Context, j identity.Judgement) error
	JudgementFile() string
	Close(ctx context.Context) error
}

// whoFlags choose the store the who-is-who commands read.
type whoFlags struct {
	DB         string `name:"db" default:"sqlite:casefile.db" placeholder:"SPEC" help:"The store: sqlite:FILE or postgres://…"`
	Judgements string `name:"judgements" type:"path" placeholder:"FILE" help:"Judgement file (default for sqlite:FILE: FILE.judgements.jsonl beside it; none for PostgreSQL: its judgements table)."`
}

// open opens the store, refusing to create a SQLite file that is not there.
func (f *whoFlags) open(ctx context.Context) (whoStore, error) {
	if path, ok := strings.CutPrefix(f.DB, "sqlite:"); ok {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("store %s: %w", f.DB, err)
		}
	}
	s, err := sinks.Open(ctx, f.DB, sinks.Options{Judgements: f.Judgements})
	if err != nil {
		return nil, err
	}
	w, ok := s.(whoStore)
	if !ok {
		s.Close(ctx)
		return nil, fmt.Errorf("store %s keeps no clusters: use sqlite:FILE or postgres://…", sinks.Redact(f.DB))
	}
	return w, nil
}

type peopleCmd struct {
	whoFlags
	JSON  bool   `name:"json" help:"One JSON object per cluster."`
	Limit int    `name:"limit" default:"50" help:"Most clusters listed (0 for all)."`
	Name  string `name:"name" placeholder:"TEXT" help:"Only clusters whose name or an alias contains TEXT (any case)."`
}

// orgsCmd lists organizations as peopleCmd lists people.
type orgsCmd struct{ peopleCmd }

func (c *peopleCmd) Run(ctx context.Context, e *env) error { return c.list(ctx, e, schemas.Person) }

func (c *orgsCmd) Run(ctx context.Context, e *env) error { return c.list(ctx, e, schemas.Organization) }

func (c *peopleCmd) list(ctx context.Context, e *env, typ schemas.EntityType) error {
	s, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close(ctx)
	cs, err := s.Clusters(ctx, sinks.ClusterFilter{Type: typ, Name: c.Name, Limit: c.Limit})
	if err != nil {
		return err
	}
	if c.JSON {
		enc := json.NewEncoder(e.stdout)
		for _, cl := range cs {
			if err := enc.Encode(cl); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tFILINGS\tMENTIONS\tCHARGES\tALIASES")
	for _, cl := range cs {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%s\n", cl.ID, cl.Name, cl.Filings, cl.Mentions, cl.Charges, strings.Join(cl.Aliases, "; "))
	}
	return tw.Flush()
}

type showCmd struct {
	whoFlags
	ID   string `arg:"" help:"Cluster id (from casefile people or orgs)."`
	JSON bool   `name:"json" help:"The cluster as one JSON object."`
}

func (c *showCmd) Run(ctx context.Context, e *env) error {
	s, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close(ctx)
	d, err := s.Cluster(ctx, c.ID)
	if err != nil {
		return err
	}
	if c.JSON {
		return json.NewEncoder(e.stdout).Encode(d)
	}
	writeCluster(e.stdout, d)
	return nil
}

// writeCluster writes a cluster as show prints it.
func writeCluster(w io.Writer, d *sinks.ClusterDetail) {
	fmt.Fprintf(w, "%s  %s (%s): %d filings, %d mentions, %d charges, %d quantities\n",
		d.ID, d.Name, strings.ToLower(string(d.Type)), d.Filings, d.Mentions, d.Charges, d.Quantities)
	if len(d.Aliases) > 0 {
		fmt.Fprintf(w, "  also: %s\n", strings.Join(d.Aliases, "; "))
	}
	for _, m := range d.Entities {
		// %q: a source is data, as in dlq list.
		fmt.Fprintf(w, "\n%q  (%s %s)\n  member %s\n", m.Source, m.EntityID, m.Name, m.Member)
		if len(m.Aliases) > 0 {
			fmt.Fprintf(w, "  aliases: %s\n", strings.Join(m.Aliases, "; "))
		}
		for _, r := range m.Mentions {
			fmt.Fprintf(w, "  p.%d [%d:%d] %q\n", r.Page, r.Start, r.End, r.Text)
		}
		for _, r := range m.Ties {
			detail := r.Offense
			if r.Statute != "" {
				detail += " " + r.Statute
			}
			if r.Type == schemas.Quantity && r.Value != nil {
				detail = strings.TrimSpace(fmt.Sprintf("%g %s %s", *r.Value, r.Unit, r.Item))
			}
			fmt.Fprintf(w, "  %s p.%d %q %s\n", strings.ToLower(string(r.Type)), r.Page, r.Text, detail)
		}
	}
	for _, j := range d.Judgements {
		fmt.Fprintf(w, "\njudgement: %s %s %s\n", j.Op, strings.Join(j.Members, " "), j.Note)
	}
}

type judgeCmd struct {
	Merge judgeMergeCmd `cmd:"" help:"Merge clusters: they are one referent."`
	Split judgeSplitCmd `cmd:"" help:"Split members off a cluster: they are another referent."`
}

type judgeMergeCmd struct {
	whoFlags
	Note string   `name:"note" help:"Why, kept with the decision."`
	IDs  []string `arg:"" name:"id" help:"Cluster ids, two or more."`
}

func (c *judgeMergeCmd) Run(ctx context.Context, e *env) error {
	if len(c.IDs) < 2 {
		return errors.New("judge merge: name two clusters or more")
	}
	s, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close(ctx)
	j := identity.Judgement{Op: identity.Merge, Note: c.Note, At: nowRFC3339()}
	for _, id := range c.IDs {
		d, err := s.Cluster(ctx, id)
		if err != nil {
			return err
		}
		// A cluster is named by its smallest member, which its id hashes.
		j.Members = append(j.Members, d.Entities[0].Member)
	}
	return judge(ctx, e, s, j)
}

type judgeSplitCmd struct {
	whoFlags
	Note    string   `name:"note" help:"Why, kept with the decision."`
	ID      string   `arg:"" help:"The cluster."`
	Members []string `arg:"" name:"member" help:"Members to split off (as casefile show prints them, or DOCUMENT-ID-PREFIX/KEY)."`
}

func (c *judgeSplitCmd) Run(ctx context.Context, e *env) error {
	s, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close(ctx)
	d, err := s.Cluster(ctx, c.ID)
	if err != nil {
		return err
	}
	j := identity.Judgement{Op: identity.Split, Note: c.Note, At: nowRFC3339()}
	for _, arg := range c.Members {
		m, err := memberOf(d, arg)
		if err != nil {
			return err
		}
		j.Members = append(j.Members, m)
	}
	return judge(ctx, e, s, j)
}

// memberOf finds the member of a cluster an argument names: its member
// key, or a prefix of its document id, a slash and its name key.
func memberOf(d *sinks.ClusterDetail, arg string) (string, error) {
	doc, key, ok := strings.Cut(arg, "/")
	var found []string
	for _, m := range d.Entities {
		mdoc, mkey, _ := strings.Cut(m.Member, "/")
		if m.Member == arg || (ok && doc != "" && strings.HasPrefix(mdoc, doc) && mkey == key) {
			found = append(found, m.Member)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return "", fmt.Errorf("cluster %s has no member %q (casefile show %s lists them)", d.ID, arg, d.ID)
	}
	return "", fmt.Errorf("cluster %s: %q names %d members; give more of the document id", d.ID, arg, len(found))
}

func judge(ctx context.Context, e *env, s whoStore, j identity.Judgement) error {
	if err := s.Judge(ctx, j); err != nil {
		return err
	}
	where := s.JudgementFile()
	if where == "" {
		where = "the store's judgements table"
	}
	e.log.Info("judgement recorded and applied", "op", j.Op, "members", len(j.Members), "in", where)
	return nil
}

func nowRFC3339() string { return time.Now().UTC().Format(time.RFC3339) }
