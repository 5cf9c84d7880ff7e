//! Handover files that must not hurt: a passphrase that must be right, work
//! that must be bounded, a restore that brings the book back, an import that
//! reports progress and leaves nothing behind when cancelled.

use baton::handover::{self, ExportOptions, ImportOptions};
use baton::{Error, Store, customers};

use super::handover::{all_rows, demo_book, dump_of, export, opts};

#[test]
fn an_encrypted_file_needs_its_passphrase_and_refuses_absurd_work() {
    let dir = tempfile::tempdir().unwrap();
    let leaver = demo_book(dir.path(), "leaver.db");
    let file = dir.path().join("secret.baton");
    export(
        &leaver,
        &file,
        &ExportOptions {
            passphrase: Some("交接口令 2026".into()),
            work_factor: Some(10),
            ..Default::default()
        },
    );
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"age-encryption.org/v1"));
    let name = baton::views::list::list(&leaver.conn(), &all_rows()).unwrap().rows[0]
        .name
        .clone();
    assert!(
        !bytes.windows(name.len()).any(|w| w == name.as_bytes()),
        "no record text in the clear"
    );
    let successor = Store::open(&dir.path().join("s.db")).unwrap();
    let before = dump_of(&successor);
    let none = handover::import(&successor, &file, &opts());
    assert!(
        matches!(none, Err(Error::Passphrase { message: ref m, .. }) if m.contains("encrypted")),
        "{none:?}"
    );
    let wrong = handover::import(
        &successor,
        &file,
        &ImportOptions {
            passphrase: Some("wrong".into()),
            ..Default::default()
        },
    );
    assert!(
        matches!(wrong, Err(Error::Passphrase { message: ref m, .. }) if m.contains("wrong passphrase")),
        "{wrong:?}"
    );
    assert_eq!(dump_of(&successor), before);
    handover::import(
        &successor,
        &file,
        &ImportOptions {
            passphrase: Some("交接口令 2026".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(dump_of(&successor), dump_of(&leaver));

    // A file demanding more scrypt work than the cap is refused unopened:
    // take a real file and raise the work factor its header demands (making
    // one honestly would need 2^30-round scrypt, which is the point).
    let greedy = dir.path().join("greedy.baton");
    let text = std::fs::read(&file).unwrap();
    let at = text.windows(10).position(|w| w == b"-> scrypt ").unwrap();
    let eol = at + text[at..].iter().position(|&b| b == b'\n').unwrap();
    let line = String::from_utf8(text[at..eol].to_vec()).unwrap();
    let raised = format!("{} 30", line.rsplit_once(' ').unwrap().0);
    let mut forged = text[..at].to_vec();
    forged.extend_from_slice(raised.as_bytes());
    forged.extend_from_slice(&text[eol..]);
    std::fs::write(&greedy, forged).unwrap();
    let started = std::time::Instant::now();
    let refused = handover::import(
        &successor,
        &greedy,
        &ImportOptions {
            passphrase: Some("交接口令 2026".into()),
            ..Default::default()
        },
    );
    assert!(
        matches!(refused, Err(Error::Passphrase { message: ref m, .. }) if m.contains("work factor")),
        "{refused:?}"
    );
    assert!(started.elapsed().as_secs() < 5, "refused without doing the work");
}

#[test]
fn backup_and_restore_bring_the_book_back() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_book(dir.path(), "book.db");
    let saved = dump_of(&store);
    let copy = dir.path().join("copy.db");
    store.read(|c| baton::store::backup::snapshot(c, &copy, None)).unwrap();
    assert!(
        store.read(|c| baton::store::backup::snapshot(c, &copy, None)).is_err(),
        "never overwrites"
    );
    let id = baton::views::list::list(&store.conn(), &all_rows()).unwrap().rows[0]
        .id
        .clone();
    store.write(|tx| customers::delete(tx, &id)).unwrap();
    assert_ne!(dump_of(&store), saved);
    baton::store::backup::restore(&mut store.conn(), &copy, None, baton::book::check::first_problem).unwrap();
    assert_eq!(dump_of(&store), saved);
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"not a database at all, just some bytes padding it out").unwrap();
    assert!(baton::store::backup::restore(&mut store.conn(), &junk, None, baton::book::check::first_problem).is_err());
    assert_eq!(dump_of(&store), saved);
}

#[test]
fn an_import_reports_progress_and_a_cancelled_one_changes_nothing() {
    use std::sync::Arc;
    let dir = tempfile::tempdir().unwrap();
    let leaver = demo_book(dir.path(), "leaver.db");
    let file = dir.path().join("h.baton");
    let header = export(&leaver, &file, &ExportOptions::default());
    let records: u64 = header.counts.values().sum();

    let successor = Store::open(&dir.path().join("s.db")).unwrap();
    let before = dump_of(&successor);
    let control = Arc::new(baton::job::Job::new());
    control.cancel();
    let cancelled = handover::import(
        &successor,
        &file,
        &ImportOptions {
            job: Some(control.clone()),
            ..Default::default()
        },
    );
    assert!(matches!(cancelled, Err(Error::Cancelled)), "{cancelled:?}");
    assert_eq!(dump_of(&successor), before);

    // Cancelled in the middle of writing: a thread pulls the flag once half
    // of the second pass is done. Each step is paced, so a loaded machine
    // cannot finish the import before the thread gets to look (it did).
    let control = Arc::new(baton::job::Job::new().paced(std::time::Duration::from_micros(100)));
    let watcher = {
        let c = control.clone();
        std::thread::spawn(move || {
            while c.progress().done < records * 3 / 2 {
                std::thread::yield_now();
            }
            c.cancel();
        })
    };
    let cancelled = handover::import(
        &successor,
        &file,
        &ImportOptions {
            job: Some(control.clone()),
            ..Default::default()
        },
    );
    watcher.join().unwrap();
    assert!(matches!(cancelled, Err(Error::Cancelled)), "{cancelled:?}");
    assert_eq!(
        dump_of(&successor),
        before,
        "a cancelled import leaves the book unchanged"
    );

    let control = Arc::new(baton::job::Job::new());
    handover::import(
        &successor,
        &file,
        &ImportOptions {
            job: Some(control.clone()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(control.progress().total, 2 * records);
    assert_eq!(control.progress().done, 2 * records);
}
