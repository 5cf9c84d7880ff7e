//! Tidying the search indexes while the book is quiet (issue 18): writes
//! no longer merge index segments (a single edit paid ~20 ms for it), so
//! this thread merges a little at a time once nothing has been written for
//! a couple of seconds, stepping aside as soon as the user writes again.

use std::time::Duration;

use tauri::{AppHandle, Manager, Runtime};

use crate::state::AppState;

/// How often the thread looks whether the book is quiet.
const LOOK_EVERY: Duration = Duration::from_secs(2);
/// How long without a write counts as quiet.
const QUIET: Duration = Duration::from_secs(2);
/// Pages per index one step merges: a few milliseconds, so a write that
/// arrives meanwhile waits no longer than that.
const PAGES: i64 = 16;
/// The pause between steps, leaving the connection free for the page.
const BETWEEN_STEPS: Duration = Duration::from_millis(30);

/// Starts the tidying thread (it ends with the app).
pub fn start<R: Runtime>(app: AppHandle<R>) {
    std::thread::spawn(move || {
        // The book as it was when last tidied to the end: nothing to do
        // until something is written (the stamp leaves tidying out).
        let mut tidied = None;
        loop {
            std::thread::sleep(LOOK_EVERY);
            let state = app.state::<AppState>();
            let Ok(store) = state.store() else { continue };
            if store.is_read_only() {
                return;
            }
            let stamp = store.change_stamp().ok();
            if stamp.is_none() || stamp == tidied {
                continue;
            }
            while store.quiet_for() >= QUIET {
                match store.tidy_search(PAGES) {
                    Ok(true) => std::thread::sleep(BETWEEN_STEPS),
                    Ok(false) => {
                        tidied = stamp;
                        break;
                    }
                    Err(e) => {
                        // Busy (the CLI holds a write) or the disk: try later.
                        tracing::warn!(error = %e, "search index tidy skipped");
                        break;
                    }
                }
            }
        }
    });
}
