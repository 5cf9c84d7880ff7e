//! Writing an output file so that it appears whole or not at all.
//!
//! The content goes to a temporary file beside the target (same folder, so
//! the final rename is atomic; created owner-only by `tempfile`), which is
//! fsynced, renamed over the target, and the folder fsynced so the rename
//! itself survives a power cut. Any failure (full disk, a killed process
//! excepted) removes the temporary file; a killed process leaves at most a
//! hidden `.NAME.XXXX.part` beside the target, never a truncated NAME.

use std::fs::File;
use std::path::Path;

use super::guard::Protected;
use crate::error::{Error, Result};

/// Whether an existing file at the target may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    /// Replace it (the user chose this file, e.g. in a save dialog that asked).
    Allowed,
    /// Fail with [`Error::Exists`] instead (backups never overwrite).
    Refused,
}

/// Writes `out` through `fill`, which gets the open temporary file and its
/// path (for writers that open by path, such as SQLite's backup).
pub fn write_atomic<T>(
    out: &Path,
    protected: &Protected,
    replace: Replace,
    fill: impl FnOnce(&mut File, &Path) -> Result<T>,
) -> Result<T> {
    let target = protected.check(out)?;
    if replace == Replace::Refused && target.exists() {
        return Err(Error::Exists(out.display().to_string()));
    }
    let dir = target.parent().unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let io = |e: std::io::Error| Error::io(out, e);
    let mut staged = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".part")
        .tempfile_in(dir)
        .map_err(io)?;
    let path = staged.path().to_path_buf();
    let value = fill(staged.as_file_mut(), &path)?;
    staged.as_file().sync_all().map_err(io)?;
    match replace {
        Replace::Allowed => staged.persist(&target).map(drop).map_err(|e| io(e.error))?,
        Replace::Refused => staged.persist_noclobber(&target).map(drop).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                Error::Exists(out.display().to_string())
            } else {
                io(e.error)
            }
        })?,
    }
    sync_dir(dir);
    Ok(value)
}

/// Flushes a folder's entries (the rename) to disk. Best effort: some file
/// systems (and Windows) cannot open a folder for this, and the file's own
/// content is already synced.
pub fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}
