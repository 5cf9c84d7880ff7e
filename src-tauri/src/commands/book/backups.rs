//! The automatic backups: taken at the first start of each day, listed in
//! Settings, restored by name after a backup of the current state.

use baton::store::backup::{self, BackupInfo};
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

/// Today's backup, if the book has none yet (run once, off the window's
/// thread, when the app starts). A failure is reported, never fatal.
pub fn take_daily(state: &AppState) {
    let Ok(store) = state.store() else { return };
    if store.is_read_only() {
        return;
    }
    match backup::daily(store, baton::clock::local_today(), None) {
        Ok(Some(_)) => tracing::info!("today's backup taken"),
        Ok(None) => {}
        Err(e) => {
            tracing::error!(code = e.code(), io_kind = e.io_kind(), "today's backup failed");
            eprintln!("baton: today's backup could not be taken: {e}");
        }
    }
}

/// The book's automatic backups, newest first.
#[tauri::command(async)]
pub fn backups_list(state: State<'_, AppState>) -> CmdResult<Vec<BackupInfo>> {
    Ok(backup::list(state.store()?)?)
}

/// Restores the listed backup `name`, after backing up the current state
/// (returned: the restore can itself be undone from the list). Progress
/// goes to `on_progress`; `job_cancel(job)` stops it before the book is
/// written.
#[tauri::command(async)]
pub fn backups_restore(
    state: State<'_, AppState>,
    name: String,
    job: String,
    on_progress: tauri::ipc::Channel<baton::job::Progress>,
) -> CmdResult<Option<String>> {
    let running = state.jobs.start(&job, on_progress);
    Ok(baton::book::restore::named(state.store()?, &name, Some(&running.job))?)
}
