//! The write paths the harness kills, each with the book it starts from and
//! what a state after a kill may be.

use std::path::{Path, PathBuf};
use std::process::Command;

use baton::Store;

use crate::{WritePath, baton};

fn demo(dir: &Path, name: &str, customers: usize, seed: u64) -> PathBuf {
    let book = dir.join(name);
    let store = Store::open(&book).unwrap();
    baton::demo::fill(&store, customers, seed).unwrap();
    book
}

fn cli(book: &Path, args: &[&str]) -> Command {
    let mut c = baton();
    c.arg("--db").arg(book).args(args);
    c
}

fn before_or_after(_: &Path, before: &str, after: &str, state: &str) -> Result<(), String> {
    if state == before || state == after {
        Ok(())
    } else {
        Err(format!("neither before nor after:\n{state}"))
    }
}

fn open(book: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(book).unwrap()
}

pub fn all() -> Vec<WritePath> {
    vec![
        WritePath {
            name: "edit",
            setup: Box::new(|dir| {
                let book = demo(dir, "edit.db", 10, 1);
                let store = Store::open(&book).unwrap();
                let first = crate::child::first_customer(&store);
                store.write(|tx| crate::child::edit_once(tx, &first, 0)).unwrap();
                book
            }),
            write: Box::new(|book| {
                let mut c = Command::new(std::env::current_exe().unwrap());
                c.arg("--child").arg("edit").arg(book);
                c
            }),
            accept: Box::new(|book, _, _, _| {
                let c = open(book);
                let (notes, n): (String, i64) = c
                    .query_row(
                        "SELECT notes, (SELECT count(*) FROM contacts k WHERE k.customer_id = c.id AND k.deleted_at IS NULL) \
                         FROM customers c ORDER BY id LIMIT 1",
                        [],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .unwrap();
                if notes == format!("contacts: {n}") {
                    Ok(())
                } else {
                    Err(format!("a torn edit: notes say {notes:?}, the book has {n} contacts"))
                }
            }),
        },
        WritePath {
            name: "trash",
            setup: Box::new(|dir| demo(dir, "trash.db", 60, 2)),
            write: Box::new(|book| {
                let mut c = Command::new(std::env::current_exe().unwrap());
                c.arg("--child").arg("trash").arg(book);
                c
            }),
            accept: Box::new(|book, _, _, _| {
                let n: i64 = open(book)
                    .query_row("SELECT count(*) FROM customers", [], |r| r.get(0))
                    .unwrap();
                // Emptying the trash is one transaction: all 59 go, or none.
                if n == 60 || n == 1 {
                    Ok(())
                } else {
                    Err(format!("the trash was half emptied: {n} customers left"))
                }
            }),
        },
        WritePath {
            name: "import",
            setup: Box::new(|dir| {
                let leaver = demo(dir, "leaver.db", 120, 3);
                let file = dir.join("h.baton");
                Store::open(&leaver)
                    .unwrap()
                    .read(|c| baton::handover::export(c, &Default::default(), &file))
                    .unwrap();
                demo(dir, "import.db", 20, 4)
            }),
            write: Box::new(|book| cli(book, &["import", book.with_file_name("h.baton").to_str().unwrap()])),
            accept: Box::new(before_or_after),
        },
        WritePath {
            name: "import-sheet",
            setup: Box::new(|dir| {
                let mut csv = String::from("公司名称,联系人,手机,地区\n");
                for i in 0..1500 {
                    csv.push_str(&format!("导入测试公司{i},联系人{i},138{i:08},江苏苏州\n"));
                }
                std::fs::write(dir.join("sheet.csv"), csv).unwrap();
                demo(dir, "sheet.db", 20, 5)
            }),
            write: Box::new(|book| {
                cli(
                    book,
                    &["import-sheet", book.with_file_name("sheet.csv").to_str().unwrap()],
                )
            }),
            accept: Box::new(before_or_after),
        },
        WritePath {
            name: "restore",
            setup: Box::new(|dir| {
                let other = demo(dir, "other.db", 80, 6);
                Store::open(&other)
                    .unwrap()
                    .read(|c| baton::store::backup::snapshot(c, &dir.join("backup.db"), None))
                    .unwrap();
                demo(dir, "restore.db", 30, 7)
            }),
            write: Box::new(|book| cli(book, &["restore", book.with_file_name("backup.db").to_str().unwrap()])),
            accept: Box::new(before_or_after),
        },
        WritePath {
            name: "demo",
            setup: Box::new(|dir| {
                let book = dir.join("demo.db");
                drop(Store::open(&book).unwrap());
                book
            }),
            write: Box::new(|book| cli(book, &["demo", "--customers", "300"])),
            accept: Box::new(before_or_after),
        },
        WritePath {
            name: "migration",
            setup: Box::new(|dir| {
                // A book of version 1 (before every later migration) with
                // enough customers that the later backfills take a while.
                let book = dir.join("old.db");
                let c = open(&book);
                c.execute_batch(baton::store::migrations::MIGRATIONS[0].1).unwrap();
                c.pragma_update(None, "user_version", 1).unwrap();
                for i in 0..3000 {
                    c.execute(
                        "INSERT INTO customers (id, name, sort_key, tags, created_at, updated_at) \
                         VALUES (?1, ?2, ?3, '[\"老客户\"]', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')",
                        rusqlite::params![
                            format!("0190c0de-0000-7000-8000-{i:012}"),
                            format!("老客户{i}"),
                            format!("lao ke hu {i}"),
                        ],
                    )
                    .unwrap();
                }
                book
            }),
            // Any command that writes migrates the book first.
            write: Box::new(|book| {
                cli(
                    book,
                    &["import-vcard", book.with_file_name("none.vcf").to_str().unwrap()],
                )
            }),
            accept: Box::new(|book, _, after, state| {
                if state != after {
                    return Err(format!("customers lost or changed by a killed migration:\n{state}"));
                }
                let v: i64 = open(book).query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
                if v != baton::store::migrations::latest() {
                    return Err(format!("check left the book at version {v}"));
                }
                Ok(())
            }),
        },
    ]
}
