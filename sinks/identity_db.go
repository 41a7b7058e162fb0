package sinks

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"

	"github.com/casefile/casefile/storedb"
	"github.com/jackc/pgx/v5"
)

// sqlIDTx runs identity upkeep, and the rest of a write, in a SQLite
// transaction. Each statement is prepared once per transaction, not once
// per call (parsing every one of a batch's thousands of rows' statements
// was a seventh of a write's CPU), or taken from the store's statements
// prepared for good.
type sqlIDTx struct {
	tx    *sql.Tx
	kept  *stmtCache // may be nil
	stmts map[string]*sql.Stmt
}

func newSQLIDTx(tx *sql.Tx, kept *stmtCache) *sqlIDTx {
	return &sqlIDTx{tx: tx, kept: kept, stmts: map[string]*sql.Stmt{}}
}

// stmtCache holds statements prepared on a SQLite store's database,
// outside any transaction, for its writes to reuse batch after batch.
// Only a bounded set of texts goes in (insertChunks' ladder).
type stmtCache struct {
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

// prepare prepares the statements qs not held yet. It must not run
// inside a transaction of db: the store has one connection.
func (c *stmtCache) prepare(ctx context.Context, db *sql.DB, qs ...string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, q := range qs {
		if _, ok := c.m[q]; ok {
			continue
		}
		st, err := db.PrepareContext(ctx, q)
		if err != nil {
			return err
		}
		if c.m == nil {
			c.m = map[string]*sql.Stmt{}
		}
		c.m[q] = st
	}
	return nil
}

func (c *stmtCache) get(q string) *sql.Stmt {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[q]
}

// close closes the statements.
func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.m {
		st.Close()
	}
	c.m = nil
}

// sqlReader runs queries on db outside a transaction.
type sqlReader struct{ db *sql.DB }

func (r sqlReader) query(ctx context.Context, q string, args []any, row func(scan func(...any) error) error) error {
	rows, err := r.db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	return scanRows(rows, row)
}

func (sqlReader) jsonText(col string) string { return col }

func scanRows(rows *sql.Rows, row func(scan func(...any) error) error) error {
	defer rows.Close()
	for rows.Next() {
		if err := row(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}

// stmt returns q prepared on the transaction, closed with it.
func (t *sqlIDTx) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := t.stmts[q]; ok {
		return st, nil
	}
	var st *sql.Stmt
	if kept := t.kept.get(q); kept != nil {
		st = t.tx.StmtContext(ctx, kept) // the connection has it prepared already
	} else {
		var err error
		if st, err = t.tx.PrepareContext(ctx, q); err != nil {
			return nil, err
		}
	}
	t.stmts[q] = st
	return st, nil
}

func (t *sqlIDTx) exec(ctx context.Context, q string, args ...any) error {
	st, err := t.stmt(ctx, q)
	if err != nil {
		return err
	}
	_, err = st.ExecContext(ctx, args...)
	return err
}

func (t *sqlIDTx) query(ctx context.Context, q string, args []any, row func(scan func(...any) error) error) error {
	st, err := t.stmt(ctx, q)
	if err != nil {
		return err
	}
	rows, err := st.QueryContext(ctx, args...)
	if err != nil {
		return err
	}
	return scanRows(rows, row)
}

func (*sqlIDTx) flush(context.Context) error { return nil }

func (*sqlIDTx) jsonText(col string) string { return col }

// pgIDTx runs identity upkeep on PostgreSQL, turning "?" into "$n". Its
// execs are queued and sent together, in one round trip, before the next
// query or on flush: one round trip per row was most of a write's time.
type pgIDTx struct {
	tx    pgQuerier
	batch *pgx.Batch
}

// pgQuerier is a pgx transaction or pool.
type pgQuerier interface {
	Query(ctx context.Context, q string, args ...any) (pgx.Rows, error)
	SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults
}

func newPgIDTx(tx pgQuerier) *pgIDTx { return &pgIDTx{tx: tx, batch: &pgx.Batch{}} }

func (t *pgIDTx) exec(ctx context.Context, q string, args ...any) error {
	t.batch.Queue(storedb.Bind(storedb.Postgres, q), args...)
	return nil
}

func (t *pgIDTx) flush(ctx context.Context) error {
	if t.batch.Len() == 0 {
		return nil
	}
	b := t.batch
	t.batch = &pgx.Batch{}
	res := t.tx.SendBatch(ctx, b)
	for _, q := range b.QueuedQueries {
		if _, err := res.Exec(); err != nil {
			res.Close()
			return fmt.Errorf("%s: %w", firstLine(q.SQL), err)
		}
	}
	return res.Close()
}

// firstLine is a statement's first line, to name it in an error.
func firstLine(q string) string {
	line, _, _ := strings.Cut(q, "\n")
	return line
}

func (t *pgIDTx) query(ctx context.Context, q string, args []any, row func(scan func(...any) error) error) error {
	if err := t.flush(ctx); err != nil {
		return err
	}
	rows, err := t.tx.Query(ctx, storedb.Bind(storedb.Postgres, q), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := row(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (*pgIDTx) jsonText(col string) string { return col + "::text" }

// inTx runs f in a transaction of the SQLite store.
func (s *SQLite) inTx(ctx context.Context, f func(idTx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := f(newSQLIDTx(tx, nil)); err != nil {
		return err
	}
	return tx.Commit()
}

// inTx runs f in a transaction of the PostgreSQL store, holding the
// identity lock.
func (s *Postgres) inTx(ctx context.Context, f func(idTx) error) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, identityLock); err != nil {
			return err
		}
		idtx := newPgIDTx(tx)
		if err := f(idtx); err != nil {
			return err
		}
		return idtx.flush(ctx)
	})
}

const identityCountsSQL = `SELECT (SELECT COUNT(*) FROM doc_entities), (SELECT COUNT(*) FROM clusters)`

// IdentityCounts returns how many doc entities and clusters the store holds.
func (s *SQLite) IdentityCounts(ctx context.Context) (docEntities, clusters int64, err error) {
	if err := s.who.settle(ctx, s.inTx); err != nil {
		return 0, 0, err
	}
	err = s.db.QueryRowContext(ctx, identityCountsSQL).Scan(&docEntities, &clusters)
	return docEntities, clusters, err
}

// IdentityCounts returns how many doc entities and clusters the store holds.
func (s *Postgres) IdentityCounts(ctx context.Context) (docEntities, clusters int64, err error) {
	if err := s.who.settle(ctx, s.inTx); err != nil {
		return 0, 0, err
	}
	err = s.pool.QueryRow(ctx, identityCountsSQL).Scan(&docEntities, &clusters)
	return docEntities, clusters, err
}
