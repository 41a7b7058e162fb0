package sinks

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/casefile/casefile/identity"
	"github.com/casefile/casefile/namekey"
	"github.com/casefile/casefile/schemas"
)

// Who is who in the database stores. Writing a record writes its doc
// entities (doc_entities, doc_entity_mentions, doc_entity_ties) and then,
// in the same transaction, re-resolves every block the record's doc
// entities fall in now or fell in before (see package identity): the
// clusters of those blocks are deleted and written again, and each doc
// entity's cluster_id set; at most every resolveEvery, the blocks written
// meanwhile waiting in identity_pending. Resolving a block reads its rows and
// nothing else (each row carries its document's discriminators and its
// own counts), so a new filing costs its own blocks, never the dump. The judgements are read from the judgement file on open (and
// copied into the judgements table) and applied to every resolution.

// idReader is what reading clusters needs of a database: queries with "?"
// placeholders, whatever the dialect.
type idReader interface {
	query(ctx context.Context, q string, args []any, row func(scan func(dest ...any) error) error) error
	// jsonText is the SQL that reads a JSON column as text.
	jsonText(col string) string
}

// idTx is what identity upkeep needs of a database transaction.
type idTx interface {
	idReader
	// exec runs a statement, or queues it to run before the next query
	// or flush (PostgreSQL pipelines them): its error may come back from
	// either.
	exec(ctx context.Context, q string, args ...any) error
	// flush runs the statements exec queued.
	flush(ctx context.Context) error
}

// blockRef is a block of one type.
type blockRef struct{ typ, block string }

// judgements are the decisions a store applies, shared by its writers,
// and when its pending blocks were last resolved.
type judgements struct {
	path string // the judgement file; "" for the judgements table alone
	mu   sync.RWMutex
	js   []identity.Judgement
	last time.Time     // the last resolution of pending blocks
	cost time.Duration // how long it took
}

// resolveEvery is how long written blocks wait for resolution at least.
// A batch's blocks are resolved with the batch when the last resolution
// is older than that, and older than four times what it cost (so that
// resolving, whose cost grows with the blocks named in every filing,
// takes a fifth of the writer's time at most); otherwise they wait in
// identity_pending for a later batch, a query of the store's clusters,
// or Close.
const resolveEvery = 10 * time.Second

// due reports whether pending blocks should be resolved now, and if so
// takes the turn.
func (j *judgements) due(now time.Time) bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	if now.Sub(j.last) < max(resolveEvery, 4*j.cost) {
		return false
	}
	j.last = now
	return true
}

// took records what a resolution cost.
func (j *judgements) took(d time.Duration) {
	j.mu.Lock()
	j.cost = d
	j.mu.Unlock()
}

// markPending records blocks and stale clusters for resolution.
func markPending(ctx context.Context, tx idTx, blocks map[blockRef]bool, stale map[string]bool) error {
	for b := range blocks {
		if err := tx.exec(ctx, `INSERT INTO identity_pending (kind, type, value) VALUES ('block', ?, ?) ON CONFLICT DO NOTHING`, b.typ, b.block); err != nil {
			return err
		}
	}
	for id := range stale {
		if err := tx.exec(ctx, `INSERT INTO identity_pending (kind, type, value) VALUES ('cluster', '', ?) ON CONFLICT DO NOTHING`, id); err != nil {
			return err
		}
	}
	return nil
}

// resolvePending resolves every pending block and clears the list.
func resolvePending(ctx context.Context, tx idTx, js []identity.Judgement) error {
	blocks, stale := map[blockRef]bool{}, map[string]bool{}
	err := tx.query(ctx, `SELECT kind, type, value FROM identity_pending`, nil, func(scan func(...any) error) error {
		var kind, typ, value string
		if err := scan(&kind, &typ, &value); err != nil {
			return err
		}
		if kind == "block" {
			blocks[blockRef{typ, value}] = true
		} else {
			stale[value] = true
		}
		return nil
	})
	if err != nil || len(blocks) == 0 && len(stale) == 0 {
		return err
	}
	if err := tx.exec(ctx, `DELETE FROM identity_pending`); err != nil {
		return err
	}
	return resolveBlocks(ctx, tx, blocks, stale, js)
}

// settle resolves what is pending, in a transaction of its own: before
// clusters are read, and when a store closes.
func (j *judgements) settle(ctx context.Context, begin func(ctx context.Context, f func(idTx) error) error) error {
	err := begin(ctx, func(tx idTx) error { return resolvePending(ctx, tx, j.get()) })
	if err != nil {
		return fmt.Errorf("sinks: resolving clusters: %w", err)
	}
	return nil
}

// written queues a batch's blocks and resolves them, with whatever else
// is pending, when a resolution is due.
func (j *judgements) written(ctx context.Context, tx idTx, blocks map[blockRef]bool, stale map[string]bool) error {
	if err := markPending(ctx, tx, blocks, stale); err != nil {
		return err
	}
	start := time.Now()
	if !j.due(start) {
		return nil
	}
	defer func() { j.took(time.Since(start)) }()
	return resolvePending(ctx, tx, j.get())
}

func (j *judgements) get() []identity.Judgement {
	j.mu.RLock()
	defer j.mu.RUnlock()
	return j.js
}

// DefaultJudgements returns the judgement file a sqlite:FILE store uses
// when Options.Judgements is empty: FILE without its extension, plus
// ".judgements.jsonl" ("casefile.db" → "casefile.judgements.jsonl").
func DefaultJudgements(dbPath string) string {
	return strings.TrimSuffix(dbPath, filepath.Ext(dbPath)) + ".judgements.jsonl"
}

// readJudgementFile reads a judgement file; a missing file holds none.
func readJudgementFile(path string) ([]identity.Judgement, bool, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	js, err := identity.ReadJudgements(f)
	if err != nil {
		return nil, false, fmt.Errorf("%s: %w", path, err)
	}
	return js, true, nil
}

// storedJudgements reads the judgements table.
func storedJudgements(ctx context.Context, tx idTx) ([]identity.Judgement, error) {
	var out []identity.Judgement
	err := tx.query(ctx, `SELECT op, `+tx.jsonText("members")+`, COALESCE(note, ''), COALESCE(`+textOf(tx, "at")+`, '') FROM judgements ORDER BY line`, nil,
		func(scan func(...any) error) error {
			var j identity.Judgement
			var members string
			if err := scan(&j.Op, &members, &j.Note, &j.At); err != nil {
				return err
			}
			if err := json.Unmarshal([]byte(members), &j.Members); err != nil {
				return err
			}
			out = append(out, j)
			return nil
		})
	return out, err
}

// textOf reads a timestamp column as RFC 3339 text in either dialect.
func textOf(tx idTx, col string) string {
	if tx.jsonText("x") == "x" {
		return col
	}
	return `to_char(` + col + ` AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`
}

// setJudgements replaces the judgements table with js and re-resolves the
// blocks the old and new judgements name.
func setJudgements(ctx context.Context, tx idTx, old, js []identity.Judgement) error {
	if err := tx.exec(ctx, `DELETE FROM judgements`); err != nil {
		return err
	}
	for i, j := range js {
		members, err := json.Marshal(j.Members)
		if err != nil {
			return err
		}
		if err := tx.exec(ctx, `INSERT INTO judgements (line, op, members, note, at) VALUES (?, ?, ?, ?, ?)`,
			i+1, string(j.Op), string(members), null(j.Note), null(j.At)); err != nil {
			return fmt.Errorf("judgement %d: %w", i+1, err)
		}
	}
	var members []string
	for _, j := range append(slices.Clone(old), js...) {
		members = append(members, j.Members...)
	}
	blocks, err := memberBlocks(ctx, tx, members)
	if err != nil {
		return err
	}
	return resolveBlocks(ctx, tx, blocks, nil, js)
}

// syncJudgements makes a store apply its judgement file (when it has one
// and it exists), or else its judgements table.
func (j *judgements) sync(ctx context.Context, begin func(ctx context.Context, f func(idTx) error) error) error {
	return begin(ctx, func(tx idTx) error {
		stored, err := storedJudgements(ctx, tx)
		if err != nil {
			return err
		}
		js := stored
		if j.path != "" {
			file, ok, err := readJudgementFile(j.path)
			if err != nil {
				return err
			}
			if ok {
				js = file
			}
		}
		if !sameJudgements(stored, js) {
			if err := setJudgements(ctx, tx, stored, js); err != nil {
				return err
			}
		}
		j.mu.Lock()
		j.js = js
		j.mu.Unlock()
		return nil
	})
}

func sameJudgements(a, b []identity.Judgement) bool {
	return slices.EqualFunc(a, b, func(x, y identity.Judgement) bool {
		return x.Op == y.Op && x.Note == y.Note && x.At == y.At && slices.Equal(x.Members, y.Members)
	})
}

// judge records a judgement: appended to the judgement file (created if
// need be) when the store has one, to the judgements table otherwise, and
// applied at once.
func (j *judgements) judge(ctx context.Context, jd identity.Judgement, begin func(ctx context.Context, f func(idTx) error) error) error {
	if err := jd.Validate(); err != nil {
		return fmt.Errorf("sinks: judgement: %w", err)
	}
	if j.path != "" {
		f, err := os.OpenFile(j.path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			return fmt.Errorf("sinks: judgements: %w", err)
		}
		err = identity.WriteJudgement(f, jd)
		if err == nil {
			err = f.Sync()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("sinks: judgements %s: %w", j.path, err)
		}
		return j.sync(ctx, begin)
	}
	return begin(ctx, func(tx idTx) error {
		stored, err := storedJudgements(ctx, tx)
		if err != nil {
			return err
		}
		js := append(slices.Clone(stored), jd)
		if err := setJudgements(ctx, tx, stored, js); err != nil {
			return err
		}
		j.mu.Lock()
		j.js = js
		j.mu.Unlock()
		return nil
	})
}

// oldBlocks returns the blocks and clusters of documents' doc entities
// as the store holds them, before the documents are replaced.
func oldBlocks(ctx context.Context, tx idTx, docIDs []string, blocks map[blockRef]bool, stale map[string]bool) error {
	for chunk := range slices.Chunk(docIDs, maxInList) {
		err := tx.query(ctx, `SELECT type, block, cluster_id FROM doc_entities WHERE document_id IN (`+marks(len(chunk))+`)`, anys(chunk),
			func(scan func(...any) error) error {
				var b blockRef
				var id string
				if err := scan(&b.typ, &b.block, &id); err != nil {
					return err
				}
				blocks[b] = true
				stale[id] = true
				return nil
			})
		if err != nil {
			return err
		}
	}
	return nil
}

// maxInList bounds the values of one IN (…) list, well under both
// databases' limits on bound parameters.
const maxInList = 500

// marks returns n comma-separated "?" placeholders.
func marks(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

func anys[T any](vs []T) []any {
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = v
	}
	return out
}

// docEntityRows are a record's rows in doc_entities, doc_entity_mentions,
// doc_entity_ties and doc_contexts, in the column orders below. Their
// cluster ids are provisional until resolveBlocks runs.
type docEntityRows struct {
	entities, mentions, ties, contexts [][]any
}

var (
	docEntityColumns = []string{"document_id", "entity_id", "type", "name", "key", "aliases", "ambiguous_with", "member", "block", "cluster_id",
		"context", "mentions", "charges", "quantities"}
	mentionColumns = []string{"document_id", "entity_id", "seq"}
	contextColumns = []string{"document_id", "context"}
	tieColumns     = []string{"document_id", "entity_id", "seq", "kind"}
)

// docEntityRowsOf builds a record's doc entity rows and adds their blocks
// to blocks.
func docEntityRowsOf(r *schemas.Record, blocks map[blockRef]bool) (docEntityRows, error) {
	var out docEntityRows
	if len(r.DocEntities) == 0 {
		return out, nil
	}
	nodes := identity.FromRecord(r)
	context, err := json.Marshal(orEmpty(identity.RecordContext(r)))
	if err != nil {
		return out, err
	}
	out.contexts = [][]any{{r.ID, string(context)}}
	out.entities = make([][]any, 0, len(r.DocEntities))
	for i, d := range r.DocEntities {
		n := nodes[i]
		aliases, err := json.Marshal(orEmpty(d.Aliases))
		if err != nil {
			return out, err
		}
		amb, err := json.Marshal(orEmpty(d.AmbiguousWith))
		if err != nil {
			return out, err
		}
		out.entities = append(out.entities, []any{r.ID, d.ID, string(d.Type), d.Name, d.Key, string(aliases), string(amb), n.Member, n.Block,
			identity.ClusterID(d.Type, n.Member), "[]", len(d.Mentions), len(d.Charges), len(d.Quantities)})
		for _, seq := range d.Mentions {
			out.mentions = append(out.mentions, []any{r.ID, d.ID, seq})
		}
		for _, seq := range d.Charges {
			out.ties = append(out.ties, []any{r.ID, d.ID, seq, "charge"})
		}
		for _, seq := range d.Quantities {
			out.ties = append(out.ties, []any{r.ID, d.ID, seq, "quantity"})
		}
		blocks[blockRef{string(d.Type), n.Block}] = true
	}
	return out, nil
}

// memberBlocks returns the blocks of the members the store holds.
func memberBlocks(ctx context.Context, tx idTx, members []string) (map[blockRef]bool, error) {
	out := map[blockRef]bool{}
	for chunk := range slices.Chunk(members, maxInList) {
		err := tx.query(ctx, `SELECT type, block FROM doc_entities WHERE member IN (`+marks(len(chunk))+`)`, anys(chunk), func(scan func(...any) error) error {
			var b blockRef
			if err := scan(&b.typ, &b.block); err != nil {
				return err
			}
			out[b] = true
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// row is a doc_entities row being resolved.
type row struct {
	node                          identity.Node
	entityID, name                string
	aliases, context              []string
	cluster                       string
	typ                           schemas.EntityType
	mentions, charges, quantities int
}

// resolveBlocks re-resolves blocks (and the blocks merge judgements tie
// to them): it recomputes their clusters, rewrites the clusters rows of
// their members' old clusters and of stale (clusters of doc entities
// deleted since), and sets each doc entity's cluster_id.
//
// Clusters never span blocks except through merge judgements, so the
// blocks are resolved a batch at a time, each batch whole groups of
// blocks that merges tie together, read, resolved and written before the
// next is read: a resolution holds one batch's rows, never every pending
// block's. Over a long dump nearly every block is pending at each
// resolution, and holding them all grew the sink's memory with the
// store.
func resolveBlocks(ctx context.Context, tx idTx, blocks map[blockRef]bool, stale map[string]bool, js []identity.Judgement) error {
	if len(blocks) == 0 && len(stale) == 0 {
		return nil
	}
	groups, err := blockGroups(ctx, tx, blocks, js)
	if err != nil {
		return err
	}
	// Cluster ids written by this resolution: a later batch's members may
	// still name one as their old cluster (a merge judgement withdrawn
	// since), and must not delete it.
	written := map[string]bool{}
	if err := deleteClusters(ctx, tx, stale, written); err != nil {
		return err
	}
	var batch []blockRef
	for i, g := range groups {
		batch = append(batch, g...)
		if i+1 < len(groups) && len(batch)+len(groups[i+1]) <= resolveBatch {
			continue
		}
		if err := resolveBlockBatch(ctx, tx, batch, js, written); err != nil {
			return err
		}
		batch = batch[:0]
	}
	return nil
}

// resolveBatch is how many blocks a batch of resolveBlocks takes, unless
// one merge group alone has more: small enough that a batch of common
// names' blocks stays a few megabytes, large enough that a batch is one
// query of each type. A variable only so that a test can make batches
// small (export_test.go).
var resolveBatch = 100

// deleteClusters deletes the clusters rows of ids, but for those written.
func deleteClusters(ctx context.Context, tx idTx, ids, written map[string]bool) error {
	var del []string
	for id := range ids {
		if !written[id] {
			del = append(del, id)
		}
	}
	slices.Sort(del)
	for chunk := range slices.Chunk(del, maxInList) {
		if err := tx.exec(ctx, `DELETE FROM clusters WHERE id IN (`+marks(len(chunk))+`)`, anys(chunk)...); err != nil {
			return err
		}
	}
	return nil
}

// resolveBlockBatch resolves the blocks of batch, whole merge groups, and
// writes their clusters.
func resolveBlockBatch(ctx context.Context, tx idTx, batch []blockRef, js []identity.Judgement, written map[string]bool) error {
	refs := slices.Clone(batch)
	slices.SortFunc(refs, func(a, b blockRef) int {
		return cmp.Or(strings.Compare(a.typ, b.typ), strings.Compare(a.block, b.block))
	})
	// The blocks' rows, read a chunk of blocks of one type at a time
	// (one query per block was a round trip each on PostgreSQL).
	var rows []*row
	contexts := map[string][]string{}
	for len(refs) > 0 {
		typ, n := refs[0].typ, 0
		for n < len(refs) && n < maxInList && refs[n].typ == typ {
			n++
		}
		args := make([]any, 0, n+1)
		args = append(args, typ)
		for _, b := range refs[:n] {
			args = append(args, b.block)
		}
		refs = refs[n:]
		err := tx.query(ctx, `SELECT de.document_id, de.entity_id, de.type, de.name, `+tx.jsonText("de.aliases")+`, de.member, de.block,
			de.cluster_id, COALESCE(`+tx.jsonText("c.context")+`, '[]'), de.mentions, de.charges, de.quantities
			FROM doc_entities de LEFT JOIN doc_contexts c ON c.document_id = de.document_id
			WHERE de.type = ? AND de.block IN (`+marks(n)+`)`, args, func(scan func(...any) error) error {
			var r row
			var doc, typ, aliases, member, block, context string
			if err := scan(&doc, &r.entityID, &typ, &r.name, &aliases, &member, &block, &r.cluster,
				&context, &r.mentions, &r.charges, &r.quantities); err != nil {
				return err
			}
			if aliases != "[]" {
				if err := json.Unmarshal([]byte(aliases), &r.aliases); err != nil {
					return fmt.Errorf("doc entity %s/%s aliases: %w", doc, r.entityID, err)
				}
			}
			// A document's doc entities share its context: decoded once
			// (decoding each row's was a quarter of resolving).
			c, ok := contexts[context]
			if !ok {
				if err := json.Unmarshal([]byte(context), &c); err != nil {
					return fmt.Errorf("doc entity %s/%s context: %w", doc, r.entityID, err)
				}
				contexts[context] = c
			}
			r.context = c
			r.typ = schemas.EntityType(typ)
			r.node = identity.Node{Member: member, Doc: doc, Type: r.typ, Name: r.name, Block: block}
			rows = append(rows, &r)
			return nil
		})
		if err != nil {
			return fmt.Errorf("blocks of %s: %w", typ, err)
		}
	}
	nodes := make([]identity.Node, len(rows))
	byMember := make(map[string]*row, len(rows))
	old := map[string]bool{}
	for i, r := range rows {
		nodes[i] = identity.NewNode(r.node.Doc, r.node.Member, r.typ, r.name, r.aliases, r.context)
		byMember[r.node.Member] = r
		old[r.cluster] = true
	}
	if err := deleteClusters(ctx, tx, old, written); err != nil {
		return err
	}
	var clusters [][]any
	for _, c := range identity.Resolve(nodes, js) {
		members := make([]*row, len(c.Members))
		var moved []string
		for i, m := range c.Members {
			members[i] = byMember[m]
			if members[i].cluster != c.ID {
				moved = append(moved, m)
			}
		}
		for chunk := range slices.Chunk(moved, maxInList) {
			if err := tx.exec(ctx, `UPDATE doc_entities SET cluster_id = ? WHERE member IN (`+marks(len(chunk))+`)`,
				append([]any{c.ID}, anys(chunk)...)...); err != nil {
				return err
			}
		}
		row, err := clusterRow(c, members)
		if err != nil {
			return err
		}
		clusters = append(clusters, row)
		written[c.ID] = true
	}
	return insertRows(ctx, tx, "clusters", clusterColumns, clusters, ` ON CONFLICT (id) DO UPDATE SET type = excluded.type,
		name = excluded.name, aliases = excluded.aliases, filings = excluded.filings, mentions = excluded.mentions,
		charges = excluded.charges, quantities = excluded.quantities, members = excluded.members`, false)
}

// blockGroups returns blocks, with the blocks of every merge judgement
// that names a member of one of them (until none is left to add), as
// groups that merges tie together, in a stable order: each group sorted,
// groups by their first block.
func blockGroups(ctx context.Context, tx idTx, blocks map[blockRef]bool, js []identity.Judgement) ([][]blockRef, error) {
	var merges [][]blockRef
	for _, j := range js {
		if j.Op != identity.Merge {
			continue
		}
		bs, err := memberBlocks(ctx, tx, j.Members)
		if err != nil {
			return nil, err
		}
		merges = append(merges, slices.Collect(maps.Keys(bs)))
	}
	// Groups of blocks as a union of their blocks' indexes.
	all := slices.Collect(maps.Keys(blocks))
	index := map[blockRef]int{}
	for i, b := range all {
		index[b] = i
	}
	parent := make([]int, len(all))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	add := func(b blockRef) int {
		if i, ok := index[b]; ok {
			return i
		}
		index[b] = len(all)
		all = append(all, b)
		parent = append(parent, len(parent))
		return len(all) - 1
	}
	tied := make([]bool, len(merges))
	for grew := true; grew; {
		grew = false
		for k, list := range merges {
			if tied[k] || !slices.ContainsFunc(list, func(b blockRef) bool { _, ok := index[b]; return ok }) {
				continue
			}
			tied[k], grew = true, true
			first := add(list[0])
			for _, b := range list[1:] {
				if i, j := find(first), find(add(b)); i != j {
					parent[j] = i
				}
			}
		}
	}
	byRoot := map[int][]blockRef{}
	for i, b := range all {
		r := find(i)
		byRoot[r] = append(byRoot[r], b)
	}
	less := func(a, b blockRef) int {
		return cmp.Or(strings.Compare(a.typ, b.typ), strings.Compare(a.block, b.block))
	}
	groups := make([][]blockRef, 0, len(byRoot))
	for _, g := range byRoot {
		slices.SortFunc(g, less)
		groups = append(groups, g)
	}
	slices.SortFunc(groups, func(a, b []blockRef) int { return less(a[0], b[0]) })
	return groups, nil
}

// maxAliases bounds the aliases a clusters row lists.
const maxAliases = 50

// clusterColumns are the clusters table's columns, in clusterRow order.
var clusterColumns = []string{"id", "type", "name", "aliases", "filings", "mentions", "charges", "quantities", "members"}

// clusterRow is a cluster's row: its canonical name (the name its members
// use most, counted by mentions, in a reader's capitals; the longest,
// then the first in order, on a tie), the other names and aliases, and
// its counts.
func clusterRow(c identity.Cluster, members []*row) ([]any, error) {
	org := c.Type != schemas.Person
	weight := map[string]int{}
	var mentions, charges, quantities int
	filings := map[string]bool{}
	var aliases []string
	for _, m := range members {
		name := namekey.Title(m.name, org)
		weight[name] += max(1, m.mentions)
		mentions += m.mentions
		charges += m.charges
		quantities += m.quantities
		filings[m.node.Doc] = true
		for _, a := range m.aliases {
			aliases = append(aliases, namekey.Title(a, org))
		}
	}
	var canonical string
	for name, w := range weight {
		if canonical == "" || w > weight[canonical] ||
			(w == weight[canonical] && (len(name) > len(canonical) || (len(name) == len(canonical) && name < canonical))) {
			canonical = name
		}
	}
	for name := range weight {
		if name != canonical {
			aliases = append(aliases, name)
		}
	}
	slices.Sort(aliases)
	aliases = slices.Compact(aliases)
	if len(aliases) > maxAliases {
		aliases = aliases[:maxAliases]
	}
	data, err := json.Marshal(orEmpty(aliases))
	if err != nil {
		return nil, err
	}
	return []any{c.ID, string(c.Type), canonical, string(data), len(filings), mentions, charges, quantities, len(members)}, nil
}
