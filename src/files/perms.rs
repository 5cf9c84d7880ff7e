//! Owner-only permissions for everything Baton creates: a book, its backups
//! and the reports made from it hold customers' private data, and a shared
//! machine's other users must not read them.

use std::path::Path;

use crate::error::{Error, Result};

/// Makes `path` (a file) readable and writable by its owner only (0600).
pub fn owner_only_file(path: &Path) -> Result<()> {
    set(path, 0o600)
}

/// Creates an empty file at `path` that only its owner may read (it must not exist).
pub fn create_private_file(path: &Path) -> Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path).map(drop).map_err(|e| Error::io(path, e))
}

/// Creates `dir` if it is missing, owner-only (0700). An existing folder's
/// permissions are left alone: it may be one the user chose and shares.
pub fn create_private_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    set(dir, 0o700)
}

#[cfg(unix)]
fn set(path: &Path, mode: u32) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).map_err(|e| Error::io(path, e))
}

#[cfg(not(unix))]
fn set(_path: &Path, _mode: u32) -> Result<()> {
    // Windows: files under the user's profile inherit an owner-only ACL.
    Ok(())
}

/// Whether the permission bits say nobody may write `path` (e.g. `chmod a-w`).
/// Honoured even when running as root, who could write anyway: the user
/// marked the book read-only on purpose.
pub fn marked_read_only(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly())
}
