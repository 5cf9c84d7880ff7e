use baton::store::migrations;
use baton::{Error, Store};

#[test]
fn every_migration_applies_in_order_and_sets_the_version() {
    let store = Store::open_in_memory().unwrap();
    let version = store.read(migrations::version).unwrap();
    assert_eq!(version, migrations::latest());
    for (i, (name, sql)) in migrations::MIGRATIONS.iter().enumerate() {
        assert!(name.starts_with(&format!("{:04}_", i + 1)), "{name} is out of sequence");
        assert!(name.ends_with(".sql"));
        assert!(!sql.trim().is_empty(), "{name} is empty");
    }
}

#[test]
fn migration_files_on_disk_match_the_embedded_list() {
    let mut on_disk: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let embedded: Vec<String> = migrations::MIGRATIONS.iter().map(|(n, _)| n.to_string()).collect();
    assert_eq!(
        on_disk, embedded,
        "a migration file is not registered in MIGRATIONS (or the reverse)"
    );
}

#[test]
fn reopening_a_book_keeps_its_data_and_does_not_rerun_migrations() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.db");
    {
        let store = Store::open(&path).unwrap();
        store
            .write(|tx| baton::customers::create(tx, crate::card("华为技术有限公司")))
            .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let page = store
        .read(|c| baton::views::list::list(c, &Default::default()))
        .unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(page.rows[0].name, "华为技术有限公司");
}

#[test]
fn connections_use_wal_foreign_keys_and_a_busy_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("b.db")).unwrap();
    store
        .read(|c| {
            let mode: String = c.pragma_query_value(None, "journal_mode", |r| r.get(0))?;
            let fk: i64 = c.pragma_query_value(None, "foreign_keys", |r| r.get(0))?;
            let timeout: i64 = c.pragma_query_value(None, "busy_timeout", |r| r.get(0))?;
            assert_eq!(mode, "wal");
            assert_eq!(fk, 1);
            assert!(timeout >= 1000, "busy timeout {timeout}");
            Ok(())
        })
        .unwrap();
}

#[test]
fn a_newer_book_is_refused_and_left_byte_for_byte_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.db");
    {
        // A book from "the future": a rollback-journal file at a higher version.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future (x); INSERT INTO future VALUES (1);")
            .unwrap();
        conn.pragma_update(None, "application_id", baton::store::APPLICATION_ID)
            .unwrap();
        conn.pragma_update(None, "user_version", migrations::latest() + 1)
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).err().expect("a newer book must be refused");
    assert!(matches!(err, Error::NewerSchema { found, .. } if found == migrations::latest() + 1));
    assert_eq!(err.code(), "newer_schema");
    assert!(err.to_string().contains("update Baton"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "the newer book was modified");
    assert!(!dir.path().join("newer.db-wal").exists(), "a WAL file was created");
}

#[test]
fn the_book_lock_admits_one_holder_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.db");
    let first = baton::store::BookLock::acquire(&path, "the Baton app").unwrap();
    let err = baton::store::BookLock::acquire(&path, "baton import").unwrap_err();
    assert_eq!(err.code(), "book_locked");
    assert!(err.to_string().contains("the Baton app (process"), "{err}");
    drop(first);
    baton::store::BookLock::acquire(&path, "baton import").expect("the lock is free again after the holder ends");
}

#[test]
fn a_failed_write_leaves_nothing_behind() {
    let store = Store::open_in_memory().unwrap();
    let result: baton::Result<()> = store.write(|tx| {
        baton::customers::create(tx, crate::card("first"))?;
        baton::customers::create(tx, crate::card(""))?; // invalid: rolls back the first too
        Ok(())
    });
    assert!(result.is_err());
    let page = store
        .read(|c| baton::views::list::list(c, &Default::default()))
        .unwrap();
    assert_eq!(page.total, 0);
}

#[test]
fn upgrading_a_version_1_book_backfills_the_tag_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(migrations::MIGRATIONS[0].1).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute(
            "INSERT INTO customers (id, name, sort_key, tags, created_at, updated_at) \
             VALUES ('0190c0de-0000-7000-8000-000000000001', '华为', 'hua wei ', '[\"华南\",\"OEM\"]', \
                     '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
            [],
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.read(migrations::version).unwrap(), migrations::latest());
    let query = baton::views::list::ListQuery {
        tag: Some("华南".into()),
        limit: 10,
        ..Default::default()
    };
    let page = store.read(|c| baton::views::list::list(c, &query)).unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(store.read(baton::views::list::all_tags).unwrap(), ["OEM", "华南"]);
}

#[test]
fn writes_keep_statement_journals_in_memory_and_a_bulk_write_gives_its_cache_back() {
    // A statement journal in /var/tmp made every triggered write copy its
    // pages through the kernel twice, and left record text outside the
    // book's folder (issue 18).
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("b.db")).unwrap();
    let pragma = |name: &str| {
        store
            .conn()
            .pragma_query_value(None, name, |r| r.get::<_, i64>(0))
            .unwrap()
    };
    assert_eq!(pragma("temp_store"), 2, "temp_store = MEMORY");
    let usual = pragma("cache_size");
    let during = store
        .write_bulk(|tx| Ok(tx.pragma_query_value(None, "cache_size", |r| r.get::<_, i64>(0))?))
        .unwrap();
    assert_eq!(during, -baton::store::BULK_CACHE_KIB);
    assert_eq!(pragma("cache_size"), usual, "the bulk cache is given back");
    // Also after a bulk write that fails.
    let failed = store.write_bulk(|_| -> baton::Result<()> { Err(baton::Error::NotEmpty("no".into())) });
    assert!(failed.is_err());
    assert_eq!(pragma("cache_size"), usual);
}

/// How often one statement was prepared again while run with new values
/// bound, on `conn`: the planner checked its first plan against a partial
/// index's condition, using the bound value.
fn reprepared(conn: &rusqlite::Connection) -> i32 {
    conn.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS t (a INTEGER, b INTEGER); \
         CREATE INDEX IF NOT EXISTS temp.t_open ON t (a) WHERE b = 1;",
    )
    .unwrap();
    let mut stmt = conn.prepare("SELECT count(*) FROM t WHERE a = ?1 AND b = ?2").unwrap();
    for (a, b) in [(1, 1), (2, 0), (3, 1), (4, 0)] {
        stmt.query_row([a, b], |r| r.get::<_, i64>(0)).unwrap();
    }
    stmt.get_status(rusqlite::StatementStatus::RePrepare)
}

/// Issue 18: the report's per-customer reads spent half their time being
/// parsed and planned again for each customer. A book's connections keep
/// one plan per statement, whatever is bound (SQLite's QPSG).
#[test]
fn a_statement_keeps_its_plan_when_new_values_are_bound() {
    let plain = rusqlite::Connection::open_in_memory().unwrap();
    assert!(
        reprepared(&plain) > 0,
        "SQLite re-plans by default: the check below checks something"
    );
    let store = Store::open_in_memory().unwrap();
    assert_eq!(store.write(|tx| Ok(reprepared(tx))).unwrap(), 0, "the writer");
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("book.db")).unwrap();
    assert_eq!(store.read(|c| Ok(reprepared(c))).unwrap(), 0, "a reader");
}

#[test]
fn a_write_waits_for_another_programs_write_to_end_instead_of_failing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.db");
    let store = Store::open(&path).unwrap();
    // Another program (the CLI beside the app) in the middle of a write.
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let ends = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(300));
        other.execute_batch("COMMIT").unwrap();
    });
    // Creating a customer reads the settings before it writes.
    let card = baton::customers::CustomerCard {
        name: "等一等".into(),
        ..Default::default()
    };
    let made = store.write(|tx| baton::customers::create(tx, card));
    ends.join().unwrap();
    assert!(made.is_ok(), "{made:?}");
}
