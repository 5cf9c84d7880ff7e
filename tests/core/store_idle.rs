//! Issue 18 (idle memory): once the book is left alone the app frees the
//! connections' page caches. Freeing them changes nothing the book shows,
//! never waits for a write under way, and the store says when it was last
//! used so the app knows when it is idle.

use std::sync::mpsc;
use std::time::{Duration, Instant};

use baton::Store;
use baton::views::list::{self, ListQuery};

fn names(store: &Store) -> Vec<String> {
    let page = store
        .read(|c| {
            list::list(
                c,
                &ListQuery {
                    limit: 50,
                    ..Default::default()
                },
            )
        })
        .unwrap();
    page.rows.into_iter().map(|r| r.name).collect()
}

fn book_of(n: usize) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("book.db")).unwrap();
    store
        .write(|tx| {
            for i in 0..n {
                baton::customers::create(tx, crate::card(&format!("恒达精密{i:03}有限公司")))?;
            }
            Ok(())
        })
        .unwrap();
    (dir, store)
}

#[test]
fn freeing_the_caches_leaves_what_the_book_shows_and_takes_as_it_was() {
    let (_dir, store) = book_of(120);
    let before = names(&store);
    assert_eq!(before.len(), 50);
    store.release_memory().unwrap();
    assert_eq!(names(&store), before);
    store
        .write(|tx| baton::customers::create(tx, crate::card("阿尔法贸易")))
        .unwrap();
    store.release_memory().unwrap();
    assert_eq!(
        names(&store)[0],
        "阿尔法贸易",
        "a write after freeing lands and is read back"
    );
}

#[test]
fn freeing_the_caches_does_not_wait_for_a_write_under_way() {
    let (_dir, store) = book_of(10);
    let (freed_tx, freed_rx) = mpsc::channel();
    let (writing_tx, writing_rx) = mpsc::channel();
    let store = &store;
    std::thread::scope(|s| {
        s.spawn(move || {
            store
                .write(|tx| {
                    baton::customers::create(tx, crate::card("写到一半的客户"))?;
                    writing_tx.send(()).unwrap();
                    // The write stays open until freeing is done (or a
                    // timeout, so a store that waits fails instead of hanging).
                    let waited = freed_rx.recv_timeout(Duration::from_secs(10));
                    assert!(waited.is_ok(), "freeing the caches waited for the write");
                    Ok(())
                })
                .unwrap();
        });
        writing_rx.recv().unwrap();
        store.release_memory().unwrap();
        freed_tx.send(()).unwrap();
    });
    assert!(names(store).iter().any(|n| n == "写到一半的客户"));
}

#[test]
fn a_read_or_a_write_marks_the_store_used() {
    let (_dir, store) = book_of(3);
    let before = store.last_used();
    std::thread::sleep(Duration::from_millis(20));
    names(&store);
    let read = store.last_used();
    assert!(read > before, "a read marks the store used");
    assert!(read.elapsed() < Duration::from_secs(5));
    std::thread::sleep(Duration::from_millis(20));
    store
        .write(|tx| baton::customers::create(tx, crate::card("新客户")))
        .unwrap();
    assert!(store.last_used() > read, "a write marks the store used");
    let idle = Instant::now();
    std::thread::sleep(Duration::from_millis(20));
    assert!(store.last_used() < idle, "nothing done: the store stays idle");
}
