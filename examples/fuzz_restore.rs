//! A fuzzer for restore (issue 17): arbitrary SQLite files offered as
//! backups, on stable Rust.
//!
//!     cargo run --release --example fuzz_restore -- 120
//!
//! Each case starts from a real backup and either flips bytes of the file
//! (header, schema pages, data pages), cuts it short, or changes it through
//! SQL the way a hostile file would: extra tables, triggers, views or
//! indexes, a dropped index, an altered user_version or application_id,
//! rows that break the records' rules. Restoring each into a book must
//! return a clean `Ok` or `Err` — never a panic — and after an `Err` the
//! book must be exactly as it was; after an `Ok` it must pass `check`.

use std::time::{Duration, Instant};

use baton::demo::Rng;
use baton::{Store, book::dump};

const SQL: &[&str] = &[
    "CREATE TABLE extra (x)",
    "CREATE TRIGGER t AFTER INSERT ON contacts BEGIN DELETE FROM deals; END",
    "CREATE VIEW v AS SELECT * FROM customers",
    "CREATE INDEX i ON customers (notes)",
    "DROP INDEX IF EXISTS customers_sort",
    "PRAGMA user_version = 99",
    "PRAGMA user_version = 0",
    "PRAGMA application_id = 7",
    "UPDATE customers SET name = '' WHERE rowid = 1",
    "UPDATE customers SET tags = 'not json' WHERE rowid = 2",
    "UPDATE deals SET amount_minor = 9223372036854775807",
    "DELETE FROM customers WHERE rowid = 3",
    "UPDATE customers SET updated_at = '~'",
];

fn dump_of(store: &Store) -> Vec<u8> {
    let mut out = Vec::new();
    store.read(|c| dump::write(c, &mut out)).expect("dump");
    out
}

fn main() {
    let seconds: u64 = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(30);
    let dir = tempfile::tempdir().expect("temp dir");
    let source = Store::open(&dir.path().join("source.db")).expect("source");
    baton::demo::fill(&source, 20, 3).expect("demo");
    let seed = dir.path().join("seed.db");
    source
        .read(|c| baton::store::backup::snapshot(c, &seed, None))
        .expect("backup");
    let seed_bytes = std::fs::read(&seed).expect("read");

    let book = Store::open(&dir.path().join("book.db")).expect("book");
    baton::demo::fill(&book, 10, 4).expect("demo");
    let mut before = dump_of(&book);

    let mut rng = Rng::new(std::process::id() as u64);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let (mut cases, mut accepted) = (0u64, 0u64);
    while Instant::now() < deadline {
        cases += 1;
        let case = dir.path().join(format!("case{}.db", cases % 4));
        let _ = std::fs::remove_file(&case);
        match rng.index(3) {
            0 => {
                let mut b = seed_bytes.clone();
                for _ in 0..1 + rng.index(8) {
                    let i = rng.index(b.len());
                    b[i] ^= 1 << rng.index(8);
                }
                std::fs::write(&case, b).expect("write");
            }
            1 => {
                let cut = rng.index(seed_bytes.len());
                std::fs::write(&case, &seed_bytes[..cut]).expect("write");
            }
            _ => {
                std::fs::write(&case, &seed_bytes).expect("write");
                let c = rusqlite::Connection::open(&case).expect("open");
                for _ in 0..1 + rng.index(3) {
                    let _ = c.execute_batch(SQL[rng.index(SQL.len())]);
                }
            }
        }
        let restored = baton::store::backup::restore(&mut book.conn(), &case, None, baton::book::check::first_problem);
        match restored {
            Ok(()) => {
                accepted += 1;
                let report = book.read(baton::book::check::run).expect("check runs");
                assert!(report.ok(), "an accepted backup left problems: {:?}", report.problems);
                before = dump_of(&book);
            }
            Err(_) => assert_eq!(dump_of(&book), before, "a refused backup changed the book"),
        }
    }
    println!("fuzz_restore: {cases} files in {seconds} s, {accepted} accepted, no panic, refused ones changed nothing");
}
