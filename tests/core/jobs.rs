//! Long jobs beside the everyday loop: a report and a handover export run
//! while the card is read, searched and saved (issue 15, "never frozen"),
//! and the one import path undoes exactly one import.

use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use baton::handover::{self, ExportOptions};
use baton::io::report::{self, ReportOptions};
use baton::job::Job;
use baton::{Store, customers, demo, search};

const PATIENCE: Duration = Duration::from_secs(20);

/// A job that stops at its first step and waits there until released:
/// while it waits, its read (or its file) is open.
fn paused_job() -> (Arc<Job>, mpsc::Receiver<()>, mpsc::Sender<()>) {
    let (reached, at_step) = mpsc::channel();
    let (release, released) = mpsc::channel::<()>();
    let released = Mutex::new(Some(released));
    let reached = Mutex::new(Some(reached));
    let job = Job::with_listener(move |p| {
        if p.done == 0 {
            return;
        }
        // Only the first step waits.
        if let Some(tell) = reached.lock().unwrap().take() {
            tell.send(()).unwrap();
            let wait = released.lock().unwrap().take().unwrap();
            let _ = wait.recv_timeout(PATIENCE);
        }
    });
    (Arc::new(job), at_step, release)
}

#[test]
fn two_long_jobs_and_a_card_read_run_together() {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(Store::open(&dir.path().join("book.db")).unwrap());
    demo::fill(&store, 30, 7).unwrap();
    let id = store
        .read(|c| baton::views::list::list(c, &Default::default()))
        .unwrap()
        .rows[0]
        .id
        .clone();
    let today = baton::clock::local_today();

    let (report_job, report_paused, release_report) = paused_job();
    let report = {
        let (store, path, job) = (store.clone(), dir.path().join("r.xlsx"), report_job.clone());
        std::thread::spawn(move || {
            let opts = ReportOptions {
                job: Some(job),
                ..Default::default()
            };
            store.read(|c| report::write(c, &opts, &path, today))
        })
    };
    let (export_job, export_paused, release_export) = paused_job();
    let export = {
        let (store, path, job) = (store.clone(), dir.path().join("h.baton"), export_job.clone());
        std::thread::spawn(move || {
            let opts = ExportOptions {
                job: Some(job),
                ..Default::default()
            };
            store.read(|c| handover::export(c, &opts, &path))
        })
    };
    report_paused.recv_timeout(PATIENCE).expect("the report started");
    export_paused.recv_timeout(PATIENCE).expect("the export started");

    // Both jobs hold their reads open. The everyday loop goes on, on
    // another thread so that a wait shows as a timeout, not a hang.
    let (done, finished) = mpsc::channel();
    {
        let (store, id) = (store.clone(), id.clone());
        std::thread::spawn(move || {
            let card = store.read(|c| customers::get(c, &id)).unwrap();
            let q = search::SearchQuery {
                text: card.card.name.clone(),
                limit: Some(10),
                ..Default::default()
            };
            let found = store.read(|c| search::search(c, &q, today)).unwrap();
            let mut edited = card.card.clone();
            edited.notes = "改了备注".into();
            store.write(|tx| customers::update(tx, &id, edited)).unwrap();
            done.send(found.len()).unwrap();
        });
    }
    let found = finished
        .recv_timeout(Duration::from_secs(10))
        .expect("a card read, a search and a save went through while two jobs ran");
    assert!(found > 0);

    release_report.send(()).unwrap();
    release_export.send(()).unwrap();
    let summary = report.join().unwrap().unwrap();
    let header = export.join().unwrap().unwrap();
    assert!(!summary.sheets.is_empty());
    assert_eq!(export_job.progress().done, header.counts.values().sum::<u64>());
    assert_eq!(report_job.progress().done, 30);
    // The save landed after the jobs' reads began: neither saw it, both
    // describe one committed state.
    let after = store.read(|c| customers::get(c, &id)).unwrap();
    assert_eq!(after.card.notes, "改了备注");
}

fn dump(store: &Store) -> Vec<u8> {
    let mut out = Vec::new();
    store.read(|c| baton::book::dump::write(c, &mut out)).unwrap();
    out
}

/// Imports a two-company sheet through the one import path.
fn import_sheet(store: &Store, dir: &std::path::Path, text: &str) -> baton::io::sheet::SheetReport {
    use baton::io::sheet::{self, Mapping, SheetImportOptions};
    let file = dir.join("s.csv");
    std::fs::write(&file, text).unwrap();
    let table = sheet::read(&file).unwrap();
    let plan = store
        .read(|c| sheet::plan(c, &table, &Mapping::guess(&table.headers)))
        .unwrap();
    let opts = SheetImportOptions {
        backup_dir: Some(dir.join("backups")),
        ..Default::default()
    };
    sheet::apply(store, &plan, &opts).unwrap()
}

#[test]
fn an_import_is_undone_until_the_next_write_and_only_then() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("book.db")).unwrap();
    demo::fill(&store, 5, 3).unwrap();
    assert_eq!(store.undo_import_target().unwrap(), None, "nothing imported yet");

    let before = dump(&store);
    let report = import_sheet(&store, dir.path(), "公司名称,联系人\n恒达机电,李工\n华东精密,王总\n");
    assert_eq!(report.added, 2);
    let target = store.undo_import_target().unwrap().expect("undo offered");
    assert_eq!(Some(target.display().to_string()), report.backup);
    baton::book::restore::undo_import(&store).unwrap();
    assert!(dump(&store) == before, "undo brings back the book as it was");
    assert_eq!(store.undo_import_target().unwrap(), None, "undone once");

    // Any write after the import (here, a new customer) ends the offer.
    import_sheet(&store, dir.path(), "公司名称,联系人\n恒达机电,李工\n");
    store.write(|tx| customers::create(tx, crate::card("新客户"))).unwrap();
    assert_eq!(store.undo_import_target().unwrap(), None);
    assert!(matches!(
        baton::book::restore::undo_import(&store),
        Err(baton::Error::NotEmpty(_))
    ));
}
