package sinks

import (
	"context"
	"database/sql"

	"github.com/casefile/casefile/storedb"
	"github.com/jackc/pgx/v5"
)

// sqlQuerier is a database/sql database or transaction.
type sqlQuerier interface {
	ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}

// sqlIDTx runs identity upkeep on SQLite.
type sqlIDTx struct{ q sqlQuerier }

func (t sqlIDTx) exec(ctx context.Context, q string, args ...any) error {
	_, err := t.q.ExecContext(ctx, q, args...)
	return err
}

func (t sqlIDTx) query(ctx context.Context, q string, args []any, row func(scan func(...any) error) error) error {
	rows, err := t.q.QueryContext(ctx, q, args...)
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

func (sqlIDTx) jsonText(col string) string { return col }

// pgIDTx runs identity upkeep on PostgreSQL, turning "?" into "$n".
type pgIDTx struct {
	exec_  func(ctx context.Context, q string, args ...any) error
	query_ func(ctx context.Context, q string, args ...any) (pgx.Rows, error)
}

func newPgIDTx(tx pgx.Tx) pgIDTx {
	return pgIDTx{
		exec_: func(ctx context.Context, q string, args ...any) error {
			_, err := tx.Exec(ctx, q, args...)
			return err
		},
		query_: tx.Query,
	}
}

func (t pgIDTx) exec(ctx context.Context, q string, args ...any) error {
	return t.exec_(ctx, storedb.Bind(storedb.Postgres, q), args...)
}

func (t pgIDTx) query(ctx context.Context, q string, args []any, row func(scan func(...any) error) error) error {
	rows, err := t.query_(ctx, storedb.Bind(storedb.Postgres, q), args...)
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

func (pgIDTx) jsonText(col string) string { return col + "::text" }

// inTx runs f in a transaction of the SQLite store.
func (s *SQLite) inTx(ctx context.Context, f func(idTx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := f(sqlIDTx{tx}); err != nil {
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
		return f(newPgIDTx(tx))
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
