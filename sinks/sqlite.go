package sinks

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver: pure Go, no cgo

	"github.com/casefile/casefile/schemas"
)

// DefaultSQLiteDriver is the database/sql driver SQLite stores use:
// modernc.org/sqlite (see README for the measurement that chose it).
const DefaultSQLiteDriver = "sqlite"

var (
	_ Sink             = (*SQLite)(nil)
	_ DeadLetterWriter = (*SQLite)(nil)
)

// SQLite stores records in a SQLite file: WAL mode, one writer, a batch per
// transaction. A record's id replaces what the file held for it.
type SQLite struct {
	db      *sql.DB
	version string
	who     *judgements
	kept    stmtCache // the batches' INSERTs
	closed  atomic.Bool
}

// OpenSQLite opens (creating and migrating if needed) a SQLite store.
func OpenSQLite(ctx context.Context, path string, opts Options) (*SQLite, error) {
	driver := opts.SQLiteDriver
	if driver == "" {
		driver = DefaultSQLiteDriver
	}
	// Pragmas on every connection: WAL so readers never block the writer,
	// FULL sync so an acknowledged record survives a power cut, foreign
	// keys for the cascades, and a wait instead of SQLITE_BUSY when a
	// reader holds a lock. The WAL is copied into the file every 64 MiB
	// rather than every 4: a batch of 64 records writes about 3.5 MiB, so
	// the default checkpointed nearly every commit, writing the pages a
	// later batch changes again each time (BenchmarkSinks sqlite-modernc
	// 15% faster, 3 runs in 3). Durability is the same: each commit still
	// syncs the WAL. The page cache is 16 MiB: it lives outside Go's
	// heap and its memory limit, and at 64 MiB it took a third of a long
	// run's resident set (casefile bench --docs 20000).
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "synchronous(FULL)", "foreign_keys(1)", "busy_timeout(10000)",
		"cache_size(-16384)", "temp_store(MEMORY)", "wal_autocheckpoint(16384)"} {
		q.Add("_pragma", p)
	}
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	db, err := sql.Open(driver, dsn)
	if err != nil {
		return nil, fmt.Errorf("sinks: sqlite %s: %w", path, err)
	}
	db.SetMaxOpenConns(1) // one writer
	s := &SQLite{db: db, version: opts.version()}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sinks: sqlite %s: %w", path, err)
	}
	s.who = &judgements{path: cmp.Or(opts.Judgements, DefaultJudgements(path))}
	if err := s.who.sync(ctx, s.inTx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sinks: sqlite %s: %w", path, err)
	}
	return s, nil
}

func (s *SQLite) migrate(ctx context.Context) error {
	ms, err := migrations("sqlite")
	if err != nil {
		return err
	}
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return err
	}
	var have int
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
		return err
	}
	if have > len(ms) {
		return fmt.Errorf("%w: schema version %d, this casefile knows %d", ErrNewerStore, have, len(ms))
	}
	for _, m := range ms[have:] {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
			m.version, m.name, time.Now().UTC().Format(time.RFC3339)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return nil
}

// Write stores recs in one transaction: each record's earlier rows are
// deleted (pages, entities, doc entities and facets by cascade), and the
// dead letters of its document or source file, and its rows inserted,
// many rows to a statement. Pages go last, in as few statements as their
// parameters allow: FTS5 writes what it has indexed so far as a new
// segment whenever a later statement of the transaction begins, so pages
// inserted among the other rows left a segment per page to merge. The
// commit is on disk when Write returns (synchronous=FULL: in WAL mode,
// NORMAL would leave the last acknowledged batches to a power cut).
func (s *SQLite) Write(ctx context.Context, recs ...schemas.Record) error {
	if len(recs) == 0 {
		return nil
	}
	now := time.Now()
	byID := lastByID(recs)
	ids := make([]string, len(byID))
	var docs, pages, ents, des, mentions, ties, contexts, facets [][]any
	blocks, stale := map[blockRef]bool{}, map[string]bool{}
	for i, r := range byID {
		ids[i] = r.ID
		rs, err := recordRows(r, now, s.version, textStamp)
		if err != nil {
			return fmt.Errorf("sinks: sqlite: %w", err)
		}
		docs = append(docs, rs.document)
		pages = append(pages, rs.pages...)
		ents = append(ents, rs.entities...)
		de, err := docEntityRowsOf(r, blocks)
		if err != nil {
			return fmt.Errorf("sinks: sqlite: %s: %w", r.ID, err)
		}
		des = append(des, de.entities...)
		mentions = append(mentions, de.mentions...)
		ties = append(ties, de.ties...)
		contexts = append(contexts, de.contexts...)
		facets = append(facets, facetRows(r, de.entities)...)
	}
	tables := []struct {
		table   string
		columns []string
		rows    [][]any
	}{
		{"documents", documentColumns, docs},
		{"entities", entityColumns, ents},
		{"doc_entities", docEntityColumns, des},
		{"doc_entity_mentions", mentionColumns, mentions},
		{"doc_entity_ties", tieColumns, ties},
		{"doc_contexts", contextColumns, contexts},
		{"doc_facets", facetColumns, facets},
	}
	var qs []string
	for _, t := range tables {
		for _, n := range insertChunks(len(t.rows), len(t.columns), true) {
			qs = append(qs, insertManySQL(t.table, t.columns, n))
		}
	}
	if err := s.kept.prepare(ctx, s.db, qs...); err != nil {
		return fmt.Errorf("sinks: sqlite: %w", err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sinks: sqlite: %w", err)
	}
	defer tx.Rollback()
	idtx := newSQLIDTx(tx, &s.kept)
	// Half the IN list bound a chunk: the dead letters' DELETE takes two.
	for start := 0; start < len(ids); start += maxInList / 2 {
		chunk := ids[start:min(start+maxInList/2, len(ids))]
		if err := oldBlocks(ctx, idtx, chunk, blocks, stale); err != nil {
			return fmt.Errorf("sinks: sqlite: replace: %w", err)
		}
		if err := idtx.exec(ctx, `DELETE FROM documents WHERE id IN (`+marks(len(chunk))+`)`, anys(chunk)...); err != nil {
			return fmt.Errorf("sinks: sqlite: replace: %w", err)
		}
		// A record supersedes the dead letters of its document and of
		// its source file (a replay after a fix): one statement a chunk,
		// both lists looked up by index (dead_letters_source, migration 6)
		// rather than a statement, and a scan of the table, a record.
		args := anys(chunk)
		for _, r := range byID[start : start+len(chunk)] {
			args = append(args, r.Source)
		}
		if err := idtx.exec(ctx, `DELETE FROM dead_letters WHERE id IN (`+marks(len(chunk))+`) OR source IN (`+marks(len(chunk))+`)`, args...); err != nil {
			return fmt.Errorf("sinks: sqlite: dead letters: %w", err)
		}
	}
	for _, t := range tables {
		if err := insertRows(ctx, idtx, t.table, t.columns, t.rows, "", true); err != nil {
			return fmt.Errorf("sinks: sqlite: %w", err)
		}
	}
	if err := s.who.written(ctx, idtx, blocks, stale); err != nil {
		return fmt.Errorf("sinks: sqlite: clusters: %w", err)
	}
	// Pages in as few statements as can be, prepared afresh: each later
	// statement would cost FTS5 a segment.
	if err := insertRows(ctx, idtx, "pages", pageColumns, pages, "", false); err != nil {
		return fmt.Errorf("sinks: sqlite: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sinks: sqlite: commit: %w", err)
	}
	return nil
}

// WriteDeadLetters stores dead letters, one per document id, the newest
// replacing an older one.
func (s *SQLite) WriteDeadLetters(ctx context.Context, dls ...schemas.DeadLetter) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sinks: sqlite: %w", err)
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, insertSQL("dead_letters", deadLetterColumns, qmarks)+
		` ON CONFLICT (id) DO UPDATE SET source = excluded.source, stage = excluded.stage, reason = excluded.reason,
		message = excluded.message, attempts = excluded.attempts, at = excluded.at`)
	if err != nil {
		return fmt.Errorf("sinks: sqlite: %w", err)
	}
	for _, dl := range dls {
		if _, err := stmt.ExecContext(ctx, deadLetterRow(dl, textStamp)...); err != nil {
			return fmt.Errorf("sinks: sqlite: dead letter %s: %w", dl.ID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sinks: sqlite: commit: %w", err)
	}
	return nil
}

// Counts returns how many rows each table holds.
func (s *SQLite) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	err := s.db.QueryRowContext(ctx, countsSQL).Scan(&c.Documents, &c.Pages, &c.Entities, &c.DeadLetters)
	return c, err
}

// DB returns the store's database, for queries.
func (s *SQLite) DB() *sql.DB { return s.db }

// Close resolves the clusters of blocks still pending and closes the
// store. Writes after Close fail.
func (s *SQLite) Close(ctx context.Context) error {
	if s.closed.Swap(true) {
		return nil
	}
	settled := s.who.settle(ctx, s.inTx)
	s.kept.close()
	err := s.db.Close()
	if errors.Is(err, sql.ErrConnDone) {
		err = nil
	}
	return errors.Join(settled, err)
}

// insertSQL builds an INSERT of columns with the dialect's placeholders.
func insertSQL(table string, columns []string, mark func(i int) string) string {
	marks := make([]string, len(columns))
	for i := range columns {
		marks[i] = mark(i + 1)
	}
	return "INSERT INTO " + table + " (" + strings.Join(columns, ", ") + ") VALUES (" + strings.Join(marks, ", ") + ")"
}

func qmarks(int) string { return "?" }
