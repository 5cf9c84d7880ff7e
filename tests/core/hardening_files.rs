//! Issue 17: every output appears whole or not at all (a full disk leaves
//! no partial file and the book unchanged); handover times are instants;
//! sizes that used to break a whole report.

use std::path::Path;
use std::process::{Command, Output};

use baton::handover::{self, ImportOptions};
use baton::{Error, Store};

use crate::handover::dump_of;
use crate::handover_files::{edit, sealed, valid_lines};

/// Runs `baton` with file writes capped at `kib` KiB (`ulimit -f`): past
/// it, a write fails with "file too large", as on a full disk (SIGXFSZ is
/// ignored so the write returns the error instead of killing the process).
fn baton_on_a_small_disk(db: &Path, kib: u64, args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("trap '' XFSZ; ulimit -f {kib}; exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_baton"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("BATON_DB")
        .output()
        .unwrap()
}

fn baton(db: &Path, args: &[&str]) -> Output {
    baton_on_a_small_disk(db, 1 << 30, args)
}

/// The manager's report of the whole book, without private fields.
fn whole_book(lang: baton::io::report::Lang) -> baton::io::report::ReportOptions {
    baton::io::report::ReportOptions {
        lang,
        tiers: vec![],
        statuses: vec![],
        tags: vec![],
        customers: Default::default(),
        include_private: false,
        job: None,
    }
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    v.sort();
    v
}

#[cfg(unix)]
#[test]
fn a_full_disk_leaves_no_partial_output_and_the_book_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    let out = baton(&db, &["demo", "--customers", "150"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let before = baton(&db, &["dump"]).stdout;
    let outputs = tempfile::tempdir().unwrap();
    let o = |n: &str| outputs.path().join(n).to_str().unwrap().to_string();
    let (html, xlsx, export, vcf, backup) = (o("r.html"), o("r.xlsx"), o("h.baton"), o("p.vcf"), o("b.db"));
    for args in [
        vec!["report", "--out", &html],
        vec!["report", "--out", &xlsx],
        vec!["export", "--out", &export],
        vec!["export-vcard", "--out", &vcf],
        vec!["backup", "--out", &backup],
    ] {
        let out = baton_on_a_small_disk(&db, 8, &args);
        assert!(!out.status.success(), "{args:?} cannot fit in 8 KiB");
        assert!(
            names(outputs.path()).is_empty(),
            "{args:?} left {:?}",
            names(outputs.path())
        );
    }
    // The retry with room works (a failed backup no longer blocks it).
    assert!(baton(&db, &["backup", "--out", &backup]).status.success());
    assert!(baton(&db, &["export", "--out", &export]).status.success());
    // An import that runs out of room leaves the book and its backups folder as they were.
    let other = dir.path().join("other.db");
    assert!(
        baton(&other, &["demo", "--customers", "40", "--seed", "9"])
            .status
            .success()
    );
    let file = o("other.baton");
    assert!(baton(&other, &["export", "--out", &file]).status.success());
    let files_before = names(dir.path());
    let out = baton_on_a_small_disk(&db, 64, &["import", &file]);
    assert!(!out.status.success(), "the import cannot fit");
    assert_eq!(baton(&db, &["dump"]).stdout, before, "the book is unchanged");
    assert!(baton(&db, &["check"]).status.success());
    let backups = dir.path().join("book-backups");
    if backups.exists() {
        assert!(names(&backups).is_empty(), "a partial backup: {:?}", names(&backups));
    }
    let stray: Vec<String> = names(dir.path())
        .into_iter()
        .filter(|n| !files_before.contains(n) && n != "book-backups")
        .collect();
    assert!(stray.is_empty(), "{stray:?}");
}

#[test]
fn handover_times_are_instants_and_the_far_future_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let lines = valid_lines(dir.path());
    let book = Store::open(&dir.path().join("b.db")).unwrap();
    let before = dump_of(&book);
    for (bad, field) in [
        ("9999-12-31T00:00:00Z", "updated_at"),
        ("~", "updated_at"),
        ("2026-02-30T00:00:00Z", "created_at"),
    ] {
        for kind in ["customer", "deal", "tier_change", "satisfaction_check", "handover_note"] {
            if !lines.iter().any(|l| l.contains(&format!("\"kind\":\"{kind}\""))) {
                continue;
            }
            let file = sealed(
                dir.path(),
                "bad.baton",
                edit(&lines, kind, |r| {
                    if r.get(field).is_some() {
                        r[field] = bad.into();
                    }
                }),
            );
            let err = handover::import(&book, &file, &ImportOptions::default()).unwrap_err();
            let Error::BadFile(problems) = &err else {
                panic!("{kind} {bad}: {err}")
            };
            assert!(
                problems
                    .iter()
                    .any(|p| p.kind.as_deref() == Some(kind) && p.field.is_some() && p.id.is_some()),
                "{kind} {bad}: the record and field are named: {problems:?}"
            );
        }
    }
    assert_eq!(dump_of(&book), before);
}

#[test]
fn the_merge_compares_instants_not_text() {
    let dir = tempfile::tempdir().unwrap();
    let lines = valid_lines(dir.path());
    let book = Store::open(&dir.path().join("b.db")).unwrap();
    handover::import(
        &book,
        &sealed(dir.path(), "base.baton", lines.clone()),
        &ImportOptions::default(),
    )
    .unwrap();
    let id = baton::views::list::list(&book.conn(), &Default::default())
        .unwrap()
        .rows[0]
        .id
        .clone();
    // The book's edit at 16:00 UTC; the file's at 23:59 +08:00 = 15:59 UTC,
    // which sorts after it as text but happened before it.
    book.write(|tx| {
        tx.execute(
            "UPDATE customers SET notes = 'book', updated_at = '2026-11-20T16:00:00.000Z' WHERE id = ?1",
            [&id],
        )?;
        Ok(())
    })
    .unwrap();
    let older = edit(&lines, "customer", |r| {
        if r["id"] == id.as_str() {
            r["notes"] = "file".into();
            r["updated_at"] = "2026-11-20T23:59:00+08:00".into();
        }
    });
    let report = handover::import(
        &book,
        &sealed(dir.path(), "older.baton", older),
        &ImportOptions::default(),
    );
    let report = report.unwrap();
    let c = report.conflicts.iter().find(|c| c.id == id);
    if let Some(c) = c {
        assert_eq!(c.kept, "book", "the book's later instant wins");
        let notes: String = book
            .read(|c| Ok(c.query_row("SELECT notes FROM customers WHERE id = ?1", [&id], |r| r.get(0))?))
            .unwrap();
        assert_eq!(notes, "book");
    } else {
        panic!("the first customer line is not {id}; the test needs the edited one");
    }
}

#[test]
fn an_over_long_text_is_cut_in_the_workbook_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("b.db")).unwrap();
    baton::demo::fill(&store, 3, 1).unwrap();
    let long = "长".repeat(40_000);
    store
        .write(|tx| {
            tx.execute(
                "UPDATE contacts SET summary = ?1 WHERE id = (SELECT min(id) FROM contacts)",
                [&long],
            )?;
            Ok(())
        })
        .unwrap();
    let out = dir.path().join("r.xlsx");
    let opts = whole_book(baton::io::report::Lang::Zh);
    store
        .read(|c| baton::io::report::write(c, &opts, &out, baton::clock::local_today()))
        .expect("one long summary does not fail the workbook");
    assert!(out.exists());
}

/// `file` with the scrypt work factor its header demands set to `factor`.
fn forge_work_factor(file: &Path, factor: u8) -> Vec<u8> {
    let text = std::fs::read(file).unwrap();
    let at = text.windows(10).position(|w| w == b"-> scrypt ").unwrap();
    let eol = at + text[at..].iter().position(|&b| b == b'\n').unwrap();
    let line = String::from_utf8(text[at..eol].to_vec()).unwrap();
    let mut forged = text[..at].to_vec();
    forged.extend_from_slice(format!("{} {factor}", line.rsplit_once(' ').unwrap().0).as_bytes());
    forged.extend_from_slice(&text[eol..]);
    forged
}

#[cfg(unix)]
#[test]
fn scrypt_demands_are_capped_at_20_and_short_memory_is_an_error_not_an_abort() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    assert!(baton(&db, &["demo", "--customers", "3"]).status.success());
    let file = dir.path().join("s.baton");
    let out = Command::new(env!("CARGO_BIN_EXE_baton"))
        .args([
            "--db",
            db.to_str().unwrap(),
            "export",
            "--out",
            file.to_str().unwrap(),
            "--passphrase-env",
            "P",
        ])
        .env("P", "口令")
        .env("BATON_SCRYPT_WORK_FACTOR", "10")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let target = dir.path().join("t.db");
    let import = |forged: &Path, limit_kib: Option<u64>| {
        let limit = limit_kib.map_or(String::new(), |k| format!("ulimit -v {k}; "));
        Command::new("sh")
            .arg("-c")
            .arg(format!("{limit}exec \"$0\" \"$@\""))
            .arg(env!("CARGO_BIN_EXE_baton"))
            .args([
                "--db",
                target.to_str().unwrap(),
                "import",
                forged.to_str().unwrap(),
                "--passphrase-env",
                "P",
            ])
            .env("P", "口令")
            .output()
            .unwrap()
    };
    let greedy = dir.path().join("21.baton");
    std::fs::write(&greedy, forge_work_factor(&file, 21)).unwrap();
    let started = std::time::Instant::now();
    let out = import(&greedy, None);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("above the 20"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(started.elapsed().as_secs() < 5, "refused before any scrypt work");

    // 20 is allowed, but not with 700 MiB of address space: an error, not an abort.
    let heavy = dir.path().join("20.baton");
    std::fs::write(&heavy, forge_work_factor(&file, 20)).unwrap();
    let out = import(&heavy, Some(700 * 1024));
    assert_eq!(
        out.status.code(),
        Some(1),
        "a clean failure: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("MiB of memory"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!target.exists() || baton(&target, &["check"]).status.success());
}

#[test]
fn extreme_amounts_and_odd_stored_times_do_not_break_the_boards() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("b.db")).unwrap();
    baton::demo::fill(&store, 5, 2).unwrap();
    let today = baton::clock::local_today();
    let id: String = store
        .read(|c| Ok(c.query_row("SELECT min(id) FROM customers", [], |r| r.get(0))?))
        .unwrap();
    // 200 deals of the largest amount the book accepts: their sum passes i64.
    store
        .write(|tx| {
            let currency = baton::settings::get(tx)?.currency;
            for i in 0..200 {
                tx.execute(
                    "INSERT INTO deals (id, customer_id, kind, occurred_on, amount_minor, currency, description, created_at, updated_at) \
                     VALUES (?1, ?2, 'order', ?3, 100000000000000000, ?4, '', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
                    rusqlite::params![format!("0190c0de-0000-7000-8000-{i:012}"), id, today.to_string(), currency],
                )?;
            }
            // A stored contact time shorter than a date (damaged, or written by another tool).
            tx.execute("UPDATE contacts SET happened_at = '2026' WHERE customer_id = ?1", [&id])?;
            Ok(())
        })
        .unwrap();
    store
        .read(|c| {
            let pareto = baton::value::board::pareto(c, today, 10)?;
            assert_eq!(pareto.total_revenue, i64::MAX, "saturated, not overflowed");
            baton::value::board::pyramid(c, today, today - chrono::Duration::days(365))?;
            let picture = baton::value::picture(c, &id, today)?;
            assert_eq!(picture.rfm.window_amount, i64::MAX);
            Ok(())
        })
        .expect("no overflow error and no panic");
    let out = dir.path().join("r.html");
    let opts = whole_book(baton::io::report::Lang::En);
    store
        .read(|c| baton::io::report::write(c, &opts, &out, today))
        .expect("the report of such a book is written");
}

#[test]
fn a_file_opened_once_serves_the_preview_and_the_import() {
    let dir = tempfile::tempdir().unwrap();
    let leaver = Store::open(&dir.path().join("leaver.db")).unwrap();
    baton::demo::fill(&leaver, 6, 3).unwrap();
    let file = dir.path().join("s.baton");
    let opts = handover::ExportOptions {
        passphrase: Some("口令 2026".into()),
        work_factor: Some(10),
        ..Default::default()
    };
    leaver.read(|c| handover::export(c, &opts, &file)).unwrap();
    let successor = Store::open(&dir.path().join("s.db")).unwrap();
    let pass = Some(handover::Passphrase::from("口令 2026"));
    let mut opened = handover::OpenedFile::open(&file, pass.clone()).unwrap();
    assert!(opened.is(&file, pass.as_ref()));
    assert!(
        !opened.is(&file, Some(&"another".into())),
        "another passphrase opens anew"
    );
    let preview = ImportOptions {
        dry_run: true,
        ..Default::default()
    };
    let first = handover::import_opened(&successor, &mut opened, &preview).unwrap();
    assert!(
        successor
            .read(|c| baton::views::list::list(c, &Default::default()))
            .unwrap()
            .rows
            .is_empty()
    );
    let done = handover::import_opened(&successor, &mut opened, &ImportOptions::default()).unwrap();
    assert_eq!(first.counts, done.counts, "the preview said what the import did");
    assert_eq!(dump_of(&successor), dump_of(&leaver));
    // A file changed on disk since it was opened is opened again.
    std::fs::write(&file, b"changed").unwrap();
    assert!(!opened.is(&file, pass.as_ref()));
}
