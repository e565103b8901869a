package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"strings"
	"time"
)

// Migrate applies to db, in one transaction, every migration in
// fsys's migrations/*.sql not yet recorded in schema_migrations, in name
// order, after d.MigrationLock when the dialect has one. Each store
// calls it with its own embedded migrations before New.
func Migrate(ctx context.Context, db *sql.DB, fsys fs.FS, d *Dialect) error {
	names, err := fs.Glob(fsys, "migrations/*.sql") // in lexical order
	if err != nil {
		return err
	}
	rebind := d.Rebind
	if rebind == nil {
		rebind = func(q string) string { return q }
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if d.MigrationLock != "" {
		if _, err := tx.ExecContext(ctx, d.MigrationLock); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied bigint NOT NULL)`); err != nil {
		return err
	}
	for _, name := range names {
		version := strings.TrimSuffix(strings.TrimPrefix(name, "migrations/"), ".sql")
		var n int
		if err := tx.QueryRowContext(ctx, rebind(`SELECT count(*) FROM schema_migrations WHERE version = ?`), version).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			continue
		}
		script, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, string(script)); err != nil {
			return fmt.Errorf("migration %s: %w", version, err)
		}
		if _, err := tx.ExecContext(ctx, rebind(`INSERT INTO schema_migrations (version, applied) VALUES (?, ?)`), version, time.Now().Unix()); err != nil {
			return err
		}
	}
	return tx.Commit()
}
