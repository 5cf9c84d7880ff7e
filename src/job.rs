//! Long jobs: how far they are, a way to stop them, and who is told.
//!
//! A handover import or export, a sheet or vCard import, the manager's
//! report and the demo book can each take minutes on a big book. They take
//! an optional [`Job`]: the job counts its steps against a total, stops with
//! [`Error::Cancelled`] at the next step once cancelled (every job writes in
//! one transaction or to a staged file, so a stop leaves nothing behind),
//! and hands its progress to a listener — the app forwards it to the window
//! over a channel — at most every [`TELL_EVERY`] and once at the end.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::error::{Error, Result};

/// How often a listener hears of progress at most: often enough for a
/// moving bar, rare enough to cost nothing.
pub const TELL_EVERY: Duration = Duration::from_millis(100);

/// Steps done out of steps in all (`total` is 0 until the job knows it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Progress {
    pub done: u64,
    pub total: u64,
}

type Listener = Box<dyn Fn(Progress) + Send + Sync>;

/// One running job's progress and cancel flag, shared between the job and
/// whoever shows it.
#[derive(Default)]
pub struct Job {
    cancelled: AtomicBool,
    done: AtomicU64,
    total: AtomicU64,
    listener: Option<Listener>,
    /// When the listener was last told.
    told: Mutex<Option<Instant>>,
    /// A pause at every step (see [`Job::paced`]).
    pace: Option<Duration>,
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Job")
            .field("progress", &self.progress())
            .field("cancelled", &self.is_cancelled())
            .finish()
    }
}

impl Job {
    /// A job nobody listens to (progress is still read by [`Job::progress`]).
    pub fn new() -> Self {
        Self::default()
    }

    /// A job whose progress is handed to `listener` as it moves.
    pub fn with_listener(listener: impl Fn(Progress) + Send + Sync + 'static) -> Self {
        Job {
            listener: Some(Box::new(listener)),
            ..Self::default()
        }
    }

    /// Makes every step take at least `pace` longer. Only for tests of
    /// what the window does while a job runs: a small book's report is
    /// otherwise over before a test can look.
    pub fn paced(mut self, pace: Duration) -> Self {
        self.pace = Some(pace).filter(|p| !p.is_zero());
        self
    }

    /// Asks the job to stop at its next step.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// Starts counting again towards `total` steps.
    pub fn start(&self, total: u64) {
        self.total.store(total, Ordering::Relaxed);
        self.done.store(0, Ordering::Relaxed);
        self.tell(true);
    }

    /// Counts one step done; [`Error::Cancelled`] once cancelled. The
    /// first and the last step are always told.
    pub fn tick(&self) -> Result<()> {
        if let Some(pace) = self.pace {
            std::thread::sleep(pace);
        }
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        self.tell(done == 1 || done == self.total.load(Ordering::Relaxed));
        if self.is_cancelled() {
            Err(Error::Cancelled)
        } else {
            Ok(())
        }
    }

    /// Counts one step done past the point of no return (a restore writing
    /// the book): told like [`Job::tick`], but a cancel waits for the end.
    pub fn advance(&self) {
        if let Some(pace) = self.pace {
            std::thread::sleep(pace);
        }
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        self.tell(done == 1 || done == self.total.load(Ordering::Relaxed));
    }

    /// Tells the listener where the job ended.
    pub fn finish(&self) {
        self.tell(true);
    }

    pub fn progress(&self) -> Progress {
        Progress {
            done: self.done.load(Ordering::Relaxed),
            total: self.total.load(Ordering::Relaxed),
        }
    }

    fn tell(&self, always: bool) {
        let Some(listener) = &self.listener else {
            return;
        };
        let now = Instant::now();
        {
            let mut told = self.told.lock().unwrap_or_else(|p| p.into_inner());
            let due = always || told.is_none_or(|t| now.duration_since(t) >= TELL_EVERY);
            if !due {
                return;
            }
            *told = Some(now);
        }
        listener(self.progress());
    }
}

/// [`Job::tick`] on a job that may be absent.
pub fn tick(job: Option<&Job>) -> Result<()> {
    job.map_or(Ok(()), Job::tick)
}

/// [`Job::advance`] on a job that may be absent.
pub fn advance(job: Option<&Job>) {
    if let Some(j) = job {
        j.advance();
    }
}

/// [`Job::start`] on a job that may be absent.
pub fn start(job: Option<&Job>, total: u64) {
    if let Some(j) = job {
        j.start(total);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn a_listener_hears_the_start_the_end_and_not_every_step() {
        let heard = Arc::new(Mutex::new(Vec::new()));
        let h = heard.clone();
        let job = Job::with_listener(move |p| h.lock().unwrap().push(p));
        job.start(10_000);
        for _ in 0..10_000 {
            job.tick().unwrap();
        }
        let heard = heard.lock().unwrap();
        assert_eq!(heard.first(), Some(&Progress { done: 0, total: 10_000 }));
        assert_eq!(heard.get(1), Some(&Progress { done: 1, total: 10_000 }));
        assert_eq!(
            heard.last(),
            Some(&Progress {
                done: 10_000,
                total: 10_000
            })
        );
        // Ten thousand quick steps are told far fewer times than taken.
        assert!(heard.len() < 100, "told {} times", heard.len());
    }

    #[test]
    fn a_cancelled_job_stops_at_its_next_step() {
        let job = Job::new();
        job.start(3);
        job.tick().unwrap();
        job.cancel();
        assert!(matches!(job.tick(), Err(Error::Cancelled)));
        assert_eq!(job.progress().done, 2);
        // Past the point of no return a step still counts, and does not stop.
        job.advance();
        assert_eq!(job.progress().done, 3);
    }
}
