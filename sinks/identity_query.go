package sinks

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/casefile/casefile/identity"
	"github.com/casefile/casefile/schemas"
)

// ErrNoCluster is returned for a cluster id the store does not hold.
var ErrNoCluster = errors.New("sinks: no such cluster")

// ClusterFilter chooses the clusters Clusters lists.
type ClusterFilter struct {
	Type schemas.EntityType // Person or Organization; all if empty
	// Name keeps clusters whose name or an alias contains it, in any case.
	Name string
	// Limit is the most clusters listed; if zero, all.
	Limit int
}

// ClusterSummary is a cluster's row.
type ClusterSummary struct {
	ID         string             `json:"id"`
	Type       schemas.EntityType `json:"type"`
	Name       string             `json:"name"`
	Aliases    []string           `json:"aliases"`
	Filings    int                `json:"filings"`
	Mentions   int                `json:"mentions"`
	Charges    int                `json:"charges"`
	Quantities int                `json:"quantities"`
	Members    int                `json:"members"`
}

// ClusterDetail is a cluster with every member: each filing, page and
// alias, and the charges and quantities tied to it.
type ClusterDetail struct {
	ClusterSummary
	Judgements []identity.Judgement `json:"judgements,omitempty"` // those naming a member
	Entities   []ClusterMember      `json:"entities"`
}

// ClusterMember is one doc entity of a cluster.
type ClusterMember struct {
	Member   string      `json:"member"` // the key judgements use
	Document string      `json:"document"`
	Source   string      `json:"source"`
	EntityID string      `json:"entity_id"`
	Name     string      `json:"name"`
	Aliases  []string    `json:"aliases,omitempty"`
	Mentions []EntityRef `json:"mentions"`
	Ties     []EntityRef `json:"ties,omitempty"`
}

// EntityRef is an entities row a doc entity links to.
type EntityRef struct {
	Type    schemas.EntityType `json:"type"`
	Page    int                `json:"page"`
	Start   int                `json:"start"`
	End     int                `json:"end"`
	Text    string             `json:"text"`
	Offense string             `json:"offense,omitempty"`
	Statute string             `json:"statute,omitempty"`
	Value   *float64           `json:"value,omitempty"`
	Unit    string             `json:"unit,omitempty"`
	Item    string             `json:"item,omitempty"`
}

func listClusters(ctx context.Context, q idReader, f ClusterFilter) ([]ClusterSummary, error) {
	sqlq := `SELECT id, type, name, ` + q.jsonText("aliases") + `, filings, mentions, charges, quantities, members FROM clusters WHERE 1 = 1`
	var args []any
	if f.Type != "" {
		sqlq += ` AND type = ?`
		args = append(args, string(f.Type))
	}
	if f.Name != "" {
		pat := "%" + strings.ToLower(f.Name) + "%"
		sqlq += ` AND (LOWER(name) LIKE ? OR LOWER(` + q.jsonText("aliases") + `) LIKE ?)`
		args = append(args, pat, pat)
	}
	sqlq += ` ORDER BY filings DESC, mentions DESC, name, id`
	if f.Limit > 0 {
		sqlq += fmt.Sprintf(` LIMIT %d`, f.Limit)
	}
	var out []ClusterSummary
	err := q.query(ctx, sqlq, args, func(scan func(...any) error) error {
		var c ClusterSummary
		var typ, aliases string
		if err := scan(&c.ID, &typ, &c.Name, &aliases, &c.Filings, &c.Mentions, &c.Charges, &c.Quantities, &c.Members); err != nil {
			return err
		}
		c.Type = schemas.EntityType(typ)
		if err := json.Unmarshal([]byte(aliases), &c.Aliases); err != nil {
			return err
		}
		out = append(out, c)
		return nil
	})
	return out, err
}

func clusterDetail(ctx context.Context, q idReader, id string, js []identity.Judgement) (*ClusterDetail, error) {
	var d ClusterDetail
	err := q.query(ctx, `SELECT id, type, name, `+q.jsonText("aliases")+`, filings, mentions, charges, quantities, members FROM clusters WHERE id = ?`,
		[]any{id}, func(scan func(...any) error) error {
			var typ, aliases string
			if err := scan(&d.ID, &typ, &d.Name, &aliases, &d.Filings, &d.Mentions, &d.Charges, &d.Quantities, &d.Members); err != nil {
				return err
			}
			d.Type = schemas.EntityType(typ)
			return json.Unmarshal([]byte(aliases), &d.Aliases)
		})
	if err != nil {
		return nil, err
	}
	if d.ID == "" {
		return nil, fmt.Errorf("%w: %s", ErrNoCluster, id)
	}
	err = q.query(ctx, `SELECT de.member, de.document_id, d.source, de.entity_id, de.name, `+q.jsonText("de.aliases")+`
		FROM doc_entities de JOIN documents d ON d.id = de.document_id WHERE de.cluster_id = ? ORDER BY de.member`,
		[]any{id}, func(scan func(...any) error) error {
			var m ClusterMember
			var aliases string
			if err := scan(&m.Member, &m.Document, &m.Source, &m.EntityID, &m.Name, &aliases); err != nil {
				return err
			}
			if err := json.Unmarshal([]byte(aliases), &m.Aliases); err != nil {
				return err
			}
			d.Entities = append(d.Entities, m)
			return nil
		})
	if err != nil {
		return nil, err
	}
	members := map[string]bool{}
	for i := range d.Entities {
		m := &d.Entities[i]
		members[m.Member] = true
		for _, link := range []struct {
			table string
			to    *[]EntityRef
		}{{"doc_entity_mentions", &m.Mentions}, {"doc_entity_ties", &m.Ties}} {
			err := q.query(ctx, `SELECT e.type, e.page, e.char_start, e.char_end, e.text, COALESCE(e.offense, ''), COALESCE(e.statute, ''),
				e.value, COALESCE(e.unit, ''), COALESCE(e.item, '')
				FROM `+link.table+` l JOIN entities e ON e.document_id = l.document_id AND e.seq = l.seq
				WHERE l.document_id = ? AND l.entity_id = ? ORDER BY e.page, e.char_start`,
				[]any{m.Document, m.EntityID}, func(scan func(...any) error) error {
					var r EntityRef
					var typ string
					if err := scan(&typ, &r.Page, &r.Start, &r.End, &r.Text, &r.Offense, &r.Statute, &r.Value, &r.Unit, &r.Item); err != nil {
						return err
					}
					r.Type = schemas.EntityType(typ)
					*link.to = append(*link.to, r)
					return nil
				})
			if err != nil {
				return nil, err
			}
		}
	}
	for _, j := range js {
		for _, m := range j.Members {
			if members[m] {
				d.Judgements = append(d.Judgements, j)
				break
			}
		}
	}
	return &d, nil
}

// Clusters lists the store's clusters, most filings first.
func (s *SQLite) Clusters(ctx context.Context, f ClusterFilter) ([]ClusterSummary, error) {
	if err := s.who.settle(ctx, s.inTx); err != nil {
		return nil, err
	}
	return listClusters(ctx, sqlReader{s.db}, f)
}

// Cluster returns one cluster with its members; ErrNoCluster if the
// store has none of that id.
func (s *SQLite) Cluster(ctx context.Context, id string) (*ClusterDetail, error) {
	if err := s.who.settle(ctx, s.inTx); err != nil {
		return nil, err
	}
	return clusterDetail(ctx, sqlReader{s.db}, id, s.who.get())
}

// Judge records a judgement (in the judgement file when the store has
// one, else in its judgements table) and applies it at once.
func (s *SQLite) Judge(ctx context.Context, j identity.Judgement) error {
	return s.who.judge(ctx, j, s.inTx)
}

// JudgementFile returns the judgement file the store applies, "" if none.
func (s *SQLite) JudgementFile() string { return s.who.path }

// Clusters lists the store's clusters, most filings first.
func (s *Postgres) Clusters(ctx context.Context, f ClusterFilter) ([]ClusterSummary, error) {
	if err := s.who.settle(ctx, s.inTx); err != nil {
		return nil, err
	}
	return listClusters(ctx, s.reader(), f)
}

// Cluster returns one cluster with its members; ErrNoCluster if the
// store has none of that id.
func (s *Postgres) Cluster(ctx context.Context, id string) (*ClusterDetail, error) {
	if err := s.who.settle(ctx, s.inTx); err != nil {
		return nil, err
	}
	return clusterDetail(ctx, s.reader(), id, s.who.get())
}

// Judge records a judgement (in the judgement file when the store has
// one, else in its judgements table) and applies it at once.
func (s *Postgres) Judge(ctx context.Context, j identity.Judgement) error {
	return s.who.judge(ctx, j, s.inTx)
}

// JudgementFile returns the judgement file the store applies, "" if none.
func (s *Postgres) JudgementFile() string { return s.who.path }

func (s *Postgres) reader() *pgIDTx { return newPgIDTx(s.pool) }
