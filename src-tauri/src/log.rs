//! A log for support: what the app did and what failed, in a file a
//! salesperson can send, rotated daily and kept two weeks.
//!
//! It holds ids, counts, durations and error codes — never record text (no
//! names, notes or phone numbers): an error is logged by its code, field and
//! kind of file failure, not its message, which may quote what was typed.
//! Settings opens the folder (`app_open_log_folder`).

use std::path::PathBuf;

use tracing_appender::non_blocking::WorkerGuard;
use tracing_appender::rolling::{Builder, Rotation};

/// Days of logs kept.
const KEEP: usize = 14;

/// The log folder: `logs/` beside the default book's folder
/// (`~/.local/share/baton/logs` on Linux).
pub fn folder() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "baton").map(|d| d.data_dir().join("logs"))
}

/// Starts logging to the folder; the guard flushes it when the app ends.
/// Without a writable folder the app runs unlogged (said on stderr).
pub fn start() -> Option<WorkerGuard> {
    let dir = folder()?;
    if let Err(e) = baton::files::perms::create_private_dir(&dir) {
        eprintln!("baton: no log folder: {e}");
        return None;
    }
    let appender = match Builder::new()
        .rotation(Rotation::DAILY)
        .filename_prefix("baton")
        .filename_suffix("log")
        .max_log_files(KEEP)
        .build(&dir)
    {
        Ok(a) => a,
        Err(e) => {
            eprintln!("baton: no log file: {e}");
            return None;
        }
    };
    let (writer, guard) = tracing_appender::non_blocking(appender);
    let installed = tracing_subscriber::fmt()
        .with_writer(writer)
        .with_ansi(false)
        .with_target(false)
        .try_init();
    if installed.is_err() {
        return None;
    }
    tracing::info!(version = env!("CARGO_PKG_VERSION"), "Baton started");
    Some(guard)
}
