package sinks

import (
	"context"

	"fmt"
	"net/url"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/casefile/casefile/schemas"
)

var (
	_ Sink             = (*Postgres)(nil)
	_ DeadLetterWriter = (*Postgres)(nil)
)

// Postgres stores records in PostgreSQL. In one transaction per batch,
// the batch's earlier rows are deleted and its rows copied (COPY) into
// every table they go to, one COPY per table; the who-is-who upkeep's
// statements are pipelined, a round trip per query rather than per row.
// A record's id replaces what the store held.
type Postgres struct {
	pool    *pgxpool.Pool
	version string
	who     *judgements
	closed  atomic.Bool
}

// migrationLock is the advisory lock key casefile processes take while
// migrating, so that several starting at once apply each migration once.
const migrationLock = 0x63617365 // "case"

// identityLock is the advisory lock key a write holds while it
// re-resolves clusters, so that concurrent writers see each other's doc
// entities.
const identityLock = 0x77686f69 // "whoi"

// OpenPostgres connects to PostgreSQL with a pgx connection string and
// migrates the schema. The string's password never appears in errors.
func OpenPostgres(ctx context.Context, dsn string, opts Options) (*Postgres, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("%w: postgres: %s", ErrSpec, redactDSN(dsn))
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("sinks: postgres %s: %w", redactDSN(dsn), err)
	}
	s := &Postgres{pool: pool, version: opts.version()}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("sinks: postgres %s: %w", redactDSN(dsn), err)
	}
	s.who = &judgements{path: opts.Judgements}
	if err := s.who.sync(ctx, s.inTx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("sinks: postgres %s: %w", redactDSN(dsn), err)
	}
	return s, nil
}

func (s *Postgres) migrate(ctx context.Context) error {
	ms, err := migrations("postgres")
	if err != nil {
		return err
	}
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, migrationLock); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`); err != nil {
			return err
		}
		var have int
		if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
			return err
		}
		if have > len(ms) {
			return fmt.Errorf("%w: schema version %d, this casefile knows %d", ErrNewerStore, have, len(ms))
		}
		for _, m := range ms[have:] {
			if _, err := tx.Exec(ctx, m.sql); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())`,
				m.version, m.name); err != nil {
				return err
			}
		}
		return nil
	})
}

// Write stores recs in one transaction: the records' earlier rows are
// deleted (pages, entities, doc entities and facets by cascade) with the
// dead letters of their documents or source files, and their rows copied
// in with COPY.
func (s *Postgres) Write(ctx context.Context, recs ...schemas.Record) error {
	if len(recs) == 0 {
		return nil
	}
	var docs, pages, ents, des, mentions, ties, contexts, facets [][]any
	now := time.Now()
	blocks, stale := map[blockRef]bool{}, map[string]bool{}
	for _, r := range lastByID(recs) {
		rs, err := recordRows(r, now, s.version, timeStamp)
		if err != nil {
			return fmt.Errorf("sinks: postgres: %w", err)
		}
		docs = append(docs, rs.document)
		pages = append(pages, rs.pages...)
		ents = append(ents, rs.entities...)
		de, err := docEntityRowsOf(r, blocks)
		if err != nil {
			return fmt.Errorf("sinks: postgres: %s: %w", r.ID, err)
		}
		des = append(des, de.entities...)
		mentions = append(mentions, de.mentions...)
		ties = append(ties, de.ties...)
		contexts = append(contexts, de.contexts...)
		facets = append(facets, facetRows(r, de.entities)...)
	}
	ids := make([]string, len(docs))
	sources := make([]string, len(docs))
	for i, d := range docs {
		ids[i], sources[i] = d[0].(string), d[1].(string)
	}
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		// Two writers of one record (a redelivery racing its first
		// delivery) take turns: without the lock both delete nothing and
		// the second insert fails on the key. Locks are taken in key
		// order so that two batches cannot deadlock.
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtextextended(id, 0) AS k FROM unnest($1::text[]) AS id ORDER BY k) AS keys`, ids); err != nil {
			return err
		}
		// Who is who: one writer at a time re-resolves clusters, reading
		// the blocks the records' doc entities fell in before.
		idtx := newPgIDTx(tx)
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, identityLock); err != nil {
			return err
		}
		if err := oldBlocks(ctx, idtx, ids, blocks, stale); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM documents WHERE id = ANY($1)`, ids); err != nil {
			return err
		}
		// A record supersedes the dead letters of its document and of its
		// source file (a replay after a fix).
		if _, err := tx.Exec(ctx, `DELETE FROM dead_letters WHERE id = ANY($1) OR source = ANY($2)`, ids, sources); err != nil {
			return err
		}
		// The batch's earlier rows are gone, so its rows are copied
		// straight into the tables: no staging tables to create and drop
		// in every transaction.
		for _, st := range []struct {
			table   string
			columns []string
			rows    [][]any
		}{
			{"documents", documentColumns, docs}, {"pages", pageColumns, pages}, {"entities", entityColumns, ents},
			{"doc_entities", docEntityColumns, des}, {"doc_entity_mentions", mentionColumns, mentions}, {"doc_entity_ties", tieColumns, ties},
			{"doc_contexts", contextColumns, contexts}, {"doc_facets", facetColumns, facets},
		} {
			if len(st.rows) == 0 {
				continue
			}
			if _, err := tx.CopyFrom(ctx, pgx.Identifier{st.table}, st.columns, pgx.CopyFromRows(st.rows)); err != nil {
				return fmt.Errorf("copy %s: %w", st.table, err)
			}
		}
		if err := s.who.written(ctx, idtx, blocks, stale); err != nil {
			return fmt.Errorf("clusters: %w", err)
		}
		return idtx.flush(ctx)
	})
	if err != nil {
		return fmt.Errorf("sinks: postgres: %w", err)
	}
	return nil
}

// WriteDeadLetters stores dead letters, one per document id, the newest
// replacing an older one.
func (s *Postgres) WriteDeadLetters(ctx context.Context, dls ...schemas.DeadLetter) error {
	batch := &pgx.Batch{}
	q := insertSQL("dead_letters", deadLetterColumns, dollars) +
		` ON CONFLICT (id) DO UPDATE SET source = excluded.source, stage = excluded.stage, reason = excluded.reason,
		message = excluded.message, attempts = excluded.attempts, at = excluded.at`
	for _, dl := range dls {
		batch.Queue(q, deadLetterRow(dl, timeStamp)...)
	}
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		return tx.SendBatch(ctx, batch).Close()
	})
	if err != nil {
		return fmt.Errorf("sinks: postgres: dead letters: %w", err)
	}
	return nil
}

// Counts returns how many rows each table holds.
func (s *Postgres) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	err := s.pool.QueryRow(ctx, countsSQL).Scan(&c.Documents, &c.Pages, &c.Entities, &c.DeadLetters)
	return c, err
}

// Pool returns the store's connection pool, for queries.
func (s *Postgres) Pool() *pgxpool.Pool { return s.pool }

// Close closes the pool.
func (s *Postgres) Close(ctx context.Context) error {
	if s.closed.Swap(true) {
		return nil
	}
	settled := s.who.settle(ctx, s.inTx)
	s.pool.Close()
	return settled
}

func dollars(i int) string { return fmt.Sprintf("$%d", i) }

// redactDSN hides a connection string's password.
func redactDSN(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "(unparseable connection string)"
	}
	// libpq and pgx also take a password as a parameter of the query.
	if q := u.Query(); q.Has("password") || q.Has("sslpassword") {
		for _, k := range []string{"password", "sslpassword"} {
			if q.Has(k) {
				q.Set(k, "xxxxx")
			}
		}
		u.RawQuery = q.Encode()
	}
	return u.Redacted()
}
