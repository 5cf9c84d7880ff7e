//! Backups by themselves: one at the first start of each day, kept as 7
//! daily, 4 weekly and 6 monthly ones, with the last 10 taken before
//! imports and restores; the list the Settings screen shows.
//!
//! Every automatic backup sits in the book's backups folder (`<book>-backups/`,
//! owner-only) under a name that says what it is and when:
//! `daily-2026-11-30.db`, `before-import-2026-11-30T08-15-02-117Z.db`,
//! `before-restore-…`. Names sort by time, so pruning needs no clock but the
//! names, and a user can read the folder by eye.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::store::Store;

/// Daily backups kept: the newest this many days…
pub const KEEP_DAILY: usize = 7;
/// …plus the newest of each of this many weeks…
pub const KEEP_WEEKLY: usize = 4;
/// …plus the newest of each of this many months.
pub const KEEP_MONTHLY: usize = 6;
/// Backups taken before an import or a restore that are kept.
pub const KEEP_BEFORE: usize = 10;

const DAILY: &str = "daily-";
const BEFORE: &str = "before-";

/// What a backup was taken for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    Daily,
    BeforeImport,
    BeforeSheetImport,
    BeforeRestore,
}

/// One backup in the folder.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct BackupInfo {
    /// The file's name in the backups folder (what restore takes).
    pub name: String,
    pub kind: BackupKind,
    /// When it was taken: a day (`2026-11-30`) or an instant (UTC, from the name).
    pub taken: String,
    pub bytes: u64,
    /// Live customers in it; `None` when it cannot be read.
    pub customers: Option<u64>,
}

fn kind_of(name: &str) -> Option<(BackupKind, &str)> {
    let stem = name.strip_suffix(".db")?;
    if let Some(day) = stem.strip_prefix(DAILY) {
        return day_of(name).map(|_| (BackupKind::Daily, day));
    }
    let rest = stem.strip_prefix(BEFORE)?;
    for (what, kind) in [
        ("sheet-import-", BackupKind::BeforeSheetImport),
        ("import-", BackupKind::BeforeImport),
        ("restore-", BackupKind::BeforeRestore),
    ] {
        if let Some(at) = rest.strip_prefix(what) {
            return Some((kind, at));
        }
    }
    None
}

/// The day of a daily backup's name.
fn day_of(name: &str) -> Option<NaiveDate> {
    let day = name.strip_prefix(DAILY)?.strip_suffix(".db")?;
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

/// Takes today's backup of `store` into `dir` (default: beside the book)
/// unless there is one, then prunes. Returns the new backup's path, or
/// `None` when today's exists or the book is in memory.
pub fn daily(store: &Store, today: NaiveDate, dir: Option<PathBuf>) -> Result<Option<PathBuf>> {
    let Some(dir) = dir.or_else(|| super::default_dir(store)) else {
        return Ok(None);
    };
    crate::files::perms::create_private_dir(&dir)?;
    remove_stale_parts(&dir, std::time::SystemTime::now());
    let file = dir.join(format!("{DAILY}{}.db", today.format("%Y-%m-%d")));
    if file.exists() {
        return Ok(None);
    }
    store.read(|c| super::snapshot(c, &file, None))?;
    prune(&dir)?;
    Ok(Some(file))
}

/// How long a staged backup may go unwritten before it counts as left
/// behind: a backup under way writes its file every step, seconds apart.
pub const STALE_PART: std::time::Duration = std::time::Duration::from_secs(10 * 60);

/// Removes the staged backups (`.daily-….db.XXXX.part`,
/// `.before-….db.XXXX.part`) a killed process left in `dir`: closing the
/// app while the day's backup of a big book was being written left one
/// as big as the book each time, until the disk filled. One written
/// within [`STALE_PART`] may be another program's backup under way and is
/// left alone; nothing but Baton's own staged backups is touched.
pub fn remove_stale_parts(dir: &Path, now: std::time::SystemTime) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(staged) = name.strip_prefix('.').and_then(|n| n.strip_suffix(".part")) else {
            continue;
        };
        // `staged` is the backup's own name, a dot and tempfile's suffix.
        let ours = staged
            .rsplit_once('.')
            .is_some_and(|(backup, _)| kind_of(backup).is_some());
        let written = entry.metadata().and_then(|m| m.modified());
        let stale = written.is_ok_and(|w| now.duration_since(w).is_ok_and(|age| age >= STALE_PART));
        if ours && stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Removes the automatic backups the rotation no longer keeps. Files that
/// are not Baton's own backups are never touched.
pub fn prune(dir: &Path) -> Result<Vec<PathBuf>> {
    let names = names_in(dir)?;
    let mut days: Vec<(NaiveDate, &String)> = names.iter().filter_map(|n| Some((day_of(n)?, n))).collect();
    days.sort_by_key(|d| std::cmp::Reverse(d.0));
    let mut keep: HashSet<&String> = days.iter().take(KEEP_DAILY).map(|(_, n)| *n).collect();
    let mut newest_of = |period: &dyn Fn(NaiveDate) -> (i32, u32), count: usize| {
        let mut seen = HashSet::new();
        for (day, name) in &days {
            if seen.len() == count && !seen.contains(&period(*day)) {
                break;
            }
            if seen.insert(period(*day)) {
                keep.insert(*name);
            }
        }
    };
    newest_of(&|d| (d.iso_week().year(), d.iso_week().week()), KEEP_WEEKLY);
    newest_of(&|d| (d.year(), d.month()), KEEP_MONTHLY);
    let mut before: Vec<&String> = names.iter().filter(|n| n.starts_with(BEFORE)).collect();
    // Newest first by the time in the name, whatever was taken before what.
    before.sort_by_key(|n| std::cmp::Reverse(kind_of(n).map(|(_, at)| at.to_string())));
    keep.extend(before.into_iter().take(KEEP_BEFORE));
    let mut removed = Vec::new();
    for name in &names {
        if !keep.contains(name) && kind_of(name).is_some() {
            let path = dir.join(name);
            std::fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
            removed.push(path);
        }
    }
    Ok(removed)
}

fn names_in(dir: &Path) -> Result<Vec<String>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(dir, e)),
    };
    Ok(entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|n| kind_of(n).is_some())
        .collect())
}

/// The automatic backups of `store`, newest first.
pub fn list(store: &Store) -> Result<Vec<BackupInfo>> {
    let Some(dir) = super::default_dir(store) else {
        return Ok(Vec::new());
    };
    list_in(&dir)
}

/// The automatic backups in `dir`, newest first.
pub fn list_in(dir: &Path) -> Result<Vec<BackupInfo>> {
    let mut out: Vec<BackupInfo> = names_in(dir)?
        .into_iter()
        .filter_map(|name| {
            let (kind, at) = kind_of(&name)?;
            let path = dir.join(&name);
            Some(BackupInfo {
                kind,
                taken: taken(kind, at),
                bytes: std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0),
                customers: customers_in(&path),
                name,
            })
        })
        .collect();
    out.sort_by(|a, b| b.taken.cmp(&a.taken));
    Ok(out)
}

/// `2026-11-30T08-15-02-117Z` (a file name's form) back to RFC 3339; a day stays a day.
fn taken(kind: BackupKind, at: &str) -> String {
    if kind == BackupKind::Daily {
        return at.to_string();
    }
    match at.split_once('T') {
        Some((day, time)) => {
            let t: Vec<&str> = time.trim_end_matches('Z').split('-').collect();
            match t.as_slice() {
                [h, m, s, ms] => format!("{day}T{h}:{m}:{s}.{ms}Z"),
                _ => at.to_string(),
            }
        }
        None => at.to_string(),
    }
}

fn customers_in(path: &Path) -> Option<u64> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).ok()?;
    let n: i64 = conn
        .query_row("SELECT count(*) FROM customers WHERE deleted_at IS NULL", [], |r| {
            r.get(0)
        })
        .ok()?;
    u64::try_from(n).ok()
}

/// Restores the backup `name` from the book's backups folder, taking a
/// backup of the current state first (`before-restore-…`), so a restore
/// can itself be undone. Only names the list shows are accepted.
pub fn restore_named(
    store: &Store,
    name: &str,
    job: Option<&crate::job::Job>,
    check: super::RecordCheck,
) -> Result<Option<String>> {
    store.writable()?;
    let dir = super::default_dir(store).ok_or_else(|| Error::NotFound {
        kind: "backup",
        id: name.to_string(),
    })?;
    if kind_of(name).is_none() || name.contains(['/', '\\']) {
        return Err(Error::NotFound {
            kind: "backup",
            id: name.to_string(),
        });
    }
    super::restore_undoably(store, &dir.join(name), job, check)
}
