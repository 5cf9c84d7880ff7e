//! Giving memory back once the book is left alone (issue 18).
//!
//! Each read connection keeps up to 16 MiB of the book's pages and the
//! writer 32 MiB: on the 100k book a first screen and a few cards left the
//! app holding about 60 MB more than a hello-world Tauri app, all of it
//! copies of pages the system's file cache holds anyway. Once nothing has
//! been read or written for [`QUIET`], this thread frees those caches and
//! hands the freed heap back to the system. The next read copies its pages
//! from the file cache again: microseconds each, a few milliseconds for a
//! card, against a user who paused for seconds.

use std::time::{Duration, Instant};

use tauri::{AppHandle, Manager, Runtime};

use crate::state::AppState;

/// How often the thread looks.
const LOOK_EVERY: Duration = Duration::from_millis(500);
/// How long without a read or a write counts as left alone.
const QUIET: Duration = Duration::from_secs(2);

/// Whether to free now: left alone long enough, and used since the last
/// time (freeing twice frees nothing).
fn due(last_used: Instant, freed: Option<Instant>, now: Instant) -> bool {
    now.saturating_duration_since(last_used) >= QUIET && freed.is_none_or(|f| last_used > f)
}

/// Starts the thread (it ends with the app).
pub fn start<R: Runtime>(app: AppHandle<R>) {
    std::thread::spawn(move || {
        let mut freed = None;
        loop {
            std::thread::sleep(LOOK_EVERY);
            let state = app.state::<AppState>();
            let Ok(store) = state.store() else { return };
            let now = Instant::now();
            if !due(store.last_used(), freed, now) {
                continue;
            }
            if let Err(e) = store.release_memory() {
                tracing::warn!(error = %e, "freeing the page caches failed");
            }
            give_back_heap();
            freed = Some(now);
        }
    });
}

/// Returns the allocator's free pages to the system. glibc keeps what is
/// freed inside its arenas (one per thread that allocated), so the pages
/// SQLite just let go of would still count against the app.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
fn give_back_heap() {
    // SAFETY: malloc_trim takes no pointers and only walks the allocator's
    // own free lists, under its own locks; any thread may call it.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn give_back_heap() {}

/// The size above which glibc maps an allocation on its own (and unmaps it
/// when freed); its default 128 KiB.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MAP_ABOVE: libc::c_int = 128 * 1024;

/// Keeps glibc's thresholds where they start. By default each freed
/// mapped block (a first screen's answer, a megabyte of JSON) raises the
/// mapping threshold to its size and the trimming threshold to twice that,
/// up to 64 MiB: after a cold start of the 100k book the threads' arenas
/// kept ~18 MB of freed memory that [`give_back_heap`] cannot return
/// (malloc_trim returns free pages inside an arena, not the free space at
/// its top, which only a free under the trimming threshold gives back).
/// Set once, first thing in `main`.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
pub fn fix_thresholds() {
    // SAFETY: mallopt only sets the allocator's parameters, under its own
    // lock; called before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MAP_ABOVE);
        libc::mallopt(libc::M_TRIM_THRESHOLD, MAP_ABOVE);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn fix_thresholds() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frees_once_per_quiet_spell() {
        let start = Instant::now();
        let used = start;
        assert!(!due(used, None, start + Duration::from_secs(1)), "not yet quiet");
        let first = start + QUIET;
        assert!(due(used, None, first), "quiet: free");
        assert!(
            !due(used, Some(first), first + Duration::from_secs(5)),
            "nothing used since: nothing to free"
        );
        let used_again = first + Duration::from_secs(6);
        assert!(!due(used_again, Some(first), used_again + Duration::from_secs(1)));
        assert!(
            due(used_again, Some(first), used_again + QUIET),
            "used since: free again"
        );
    }
}
