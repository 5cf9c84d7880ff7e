//! Long jobs as the window sees them: each run carries an id the page chose
//! and a channel; the core's [`Job`] sends its progress down the channel as
//! it moves (no polling), and `job_cancel` stops it by id.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use baton::job::{Job, Progress};
use tauri::State;
use tauri::ipc::Channel;

use crate::state::AppState;

/// The jobs running now, by the id the page gave them.
#[derive(Default)]
pub struct Jobs(Mutex<HashMap<String, Arc<Job>>>);

/// One job while it runs; dropping it (the command returned, whichever
/// way) takes it off the list.
pub struct Running<'a> {
    jobs: &'a Jobs,
    id: String,
    pub job: Arc<Job>,
    started: std::time::Instant,
}

impl Jobs {
    /// Registers a job under `id` whose progress goes to `progress`.
    pub fn start(&self, id: &str, progress: Channel<Progress>) -> Running<'_> {
        let job = Job::with_listener(move |p| {
            // The page may be gone (reloaded): the job goes on regardless.
            let _ = progress.send(p);
        });
        let job = Arc::new(job.paced(test_pace()));
        self.0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(id.to_string(), job.clone());
        tracing::info!(job = id, "a job started");
        Running {
            jobs: self,
            id: id.to_string(),
            job,
            started: std::time::Instant::now(),
        }
    }

    fn cancel(&self, id: &str) -> bool {
        let jobs = self.0.lock().unwrap_or_else(|p| p.into_inner());
        jobs.get(id).inspect(|j| j.cancel()).is_some()
    }
}

/// The e2e tests slow jobs down to look at the window while one runs:
/// `BATON_TEST_JOB_PACE` names a file holding milliseconds per step, read
/// at each job's start (no file: full speed).
fn test_pace() -> std::time::Duration {
    let ms = std::env::var_os("BATON_TEST_JOB_PACE")
        .and_then(|file| std::fs::read_to_string(file).ok())
        .and_then(|text| text.trim().parse().ok())
        .unwrap_or(0);
    std::time::Duration::from_millis(ms)
}

impl Drop for Running<'_> {
    fn drop(&mut self) {
        let p = self.job.progress();
        tracing::info!(
            job = self.id,
            done = p.done,
            total = p.total,
            cancelled = self.job.is_cancelled(),
            millis = self.started.elapsed().as_millis() as u64,
            "a job ended"
        );
        self.jobs.0.lock().unwrap_or_else(|p| p.into_inner()).remove(&self.id);
    }
}

/// Stops the job `id` at its next step; it rolls back (or discards its
/// half-written file) and reports `cancelled`. False if it already ended.
#[tauri::command(async)]
pub fn job_cancel(state: State<'_, AppState>, id: String) -> bool {
    state.jobs.cancel(&id)
}
