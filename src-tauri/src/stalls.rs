//! How long the window's main thread goes without answering.
//!
//! Every command runs off the main thread; this probe checks that nothing
//! holds it anyway. A thread asks the main thread to run an empty task
//! every 20 ms and records how long it waited; `app_stalls` reports the
//! longest wait, the e2e tests read it while a report runs, and the notes
//! quote it. Started only when `BATON_STALL_PROBE` is set: a user's app
//! does not wake 50 times a second for it.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde::Serialize;
use tauri::{AppHandle, Runtime, State};

const EVERY: Duration = Duration::from_millis(20);

#[derive(Default)]
pub struct Stalls {
    longest_us: AtomicU64,
    samples: AtomicU64,
    /// Waits over 50 ms (a frame and a half: a stall a user notices).
    over_50ms: AtomicU64,
}

/// What the probe saw since it was last reset.
#[derive(Serialize)]
pub struct StallReport {
    pub running: bool,
    pub samples: u64,
    pub longest_ms: f64,
    pub over_50ms: u64,
}

impl Stalls {
    fn record(&self, waited: Duration) {
        let us = u64::try_from(waited.as_micros()).unwrap_or(u64::MAX);
        self.longest_us.fetch_max(us, Ordering::Relaxed);
        self.samples.fetch_add(1, Ordering::Relaxed);
        if waited > Duration::from_millis(50) {
            self.over_50ms.fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// Starts the probe if `BATON_STALL_PROBE` is set.
pub fn start<R: Runtime>(app: AppHandle<R>, stalls: Arc<Stalls>) {
    if std::env::var_os("BATON_STALL_PROBE").is_none() {
        return;
    }
    std::thread::spawn(move || {
        loop {
            let asked = Instant::now();
            let (ran, wait) = std::sync::mpsc::channel();
            if app
                .run_on_main_thread(move || {
                    let _ = ran.send(());
                })
                .is_err()
            {
                return; // the app is closing
            }
            if wait.recv().is_err() {
                return;
            }
            stalls.record(asked.elapsed());
            std::thread::sleep(EVERY);
        }
    });
}

/// The longest main-thread wait since the last call with `reset`.
#[tauri::command(async)]
pub fn app_stalls(stalls: State<'_, Arc<Stalls>>, reset: bool) -> StallReport {
    let take = |a: &AtomicU64| {
        if reset {
            a.swap(0, Ordering::Relaxed)
        } else {
            a.load(Ordering::Relaxed)
        }
    };
    let samples = take(&stalls.samples);
    StallReport {
        running: std::env::var_os("BATON_STALL_PROBE").is_some(),
        samples,
        longest_ms: take(&stalls.longest_us) as f64 / 1000.0,
        over_50ms: take(&stalls.over_50ms),
    }
}
