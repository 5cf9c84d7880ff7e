//! The first screen's reads, made while the window is still being built.
//!
//! The webview takes most of a second to come up. After a reboot the book
//! is not in the page cache either, and the first screen's reads wait on
//! the disk: the follow-up board took about a second on the 100k book
//! (issue 18, `e2e/measure_app.py`), after the webview was ready. These
//! threads make the same reads at once, and drop their answers, so the
//! page's own requests find the book's pages in memory. Nothing is kept
//! for the page: it always reads afresh, so it can never be shown a stale
//! answer.

use tauri::{AppHandle, Manager, Runtime};

use baton::history::followups;
use baton::views::list::{self, ListQuery};

use crate::commands::history::{BOARD_DAYS, FIRST_SCREEN_ROWS};
use crate::state::AppState;

/// The reads under way.
pub struct Warming(Vec<std::thread::JoinHandle<()>>);

impl Warming {
    /// Waits until every read is done.
    pub fn wait(self) {
        for reading in self.0 {
            let _ = reading.join();
        }
    }
}

/// Starts the reads, each on a thread (and a reader) of its own.
pub fn start<R: Runtime>(app: &AppHandle<R>) -> Warming {
    // Today, and deciding whether to open on it, reads the first screen's
    // board: its counts and each group at once.
    let today = baton::clock::local_today();
    let mut reads = followups::board_reads(today, BOARD_DAYS, FIRST_SCREEN_ROWS);
    // The customer list opens on its first page by name.
    reads.push(Box::new(|c| {
        let first = ListQuery {
            limit: 100,
            ..Default::default()
        };
        list::list(c, &first).map(drop)
    }));
    let threads = reads
        .into_iter()
        .map(|read| {
            let handle = app.clone();
            std::thread::spawn(move || {
                if let Ok(store) = handle.state::<AppState>().store() {
                    let _ = store.read(read);
                }
            })
        })
        .collect();
    Warming(threads)
}

/// What the first card opened reads beyond the first screen: the book's
/// revenue ranking, which its value picture and tier suggestion compare
/// with (read once, then kept). Read after the first screen is painted,
/// not beside it: on two cores it would slow the start.
pub fn after_first_screen<R: Runtime>(app: &AppHandle<R>) {
    if let Ok(store) = app.state::<AppState>().store()
        && let Err(e) = store.read(|c| baton::value::warm_ranking(c, baton::clock::local_today()))
    {
        tracing::warn!(error = %e, "reading the value ranking ahead failed");
    }
}
