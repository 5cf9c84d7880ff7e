//! Reading a handover file: validate, preview, merge.
//!
//! Two passes over the file, so memory stays bounded whatever its size:
//! 1. **the file** (`check.rs`): envelope, header, format version, every line's JSON
//!    structure and types, kinds in order, duplicate ids, record counts and
//!    the payload checksum. Any problem stops here, before the book is
//!    touched.
//! 2. **the records**, in one transaction: each is compared with the book by
//!    id and added, left alone (identical), or resolved by `updated_at`, the
//!    newer version winning and the losing one kept whole in the conflict
//!    log. Every record goes through the domain's own validation and its
//!    references are checked against the file and the book. If any record
//!    fails, or this is a dry run, the transaction is rolled back: the book
//!    is exactly as it was.

use std::io::Seek;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rusqlite::{Connection, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::check::{PROBLEMS_MAX, check_records, open, problem, read_line, record_problem};
use super::format::{Header, Line, hex};
use super::listed::{CardChange, Listed, ListedCustomer};
use crate::book::kinds::RecordKind;
use crate::error::{Error, Result};
use crate::job::{self, Job};
use crate::store::ImportWrite;
use crate::{Store, clock, customers, customers::changes, validate};

/// How to import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The passphrase, if the file is encrypted.
    pub passphrase: Option<super::Passphrase>,
    /// Only report what would happen.
    pub dry_run: bool,
    /// Take over the imported customers: they become owned by this name,
    /// with the owner history kept.
    pub take_over: Option<String>,
    /// Where to put the automatic backup (default: `<book>-backups/` next to
    /// the book).
    pub backup_dir: Option<PathBuf>,
    /// Progress to report and a cancel flag to watch, for a UI.
    pub job: Option<Arc<Job>>,
}

/// What happened (or would happen) to one record kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct KindCounts {
    /// The kind's name.
    pub kind: String,
    /// New to the book.
    pub added: u64,
    /// The file's newer version replaced the book's.
    pub updated: u64,
    /// Identical in both.
    pub unchanged: u64,
    /// The book's version is newer (or as new): kept; the file's is logged.
    pub conflicts: u64,
}

/// A record both sides changed, and which version stays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(rename = "ImportConflict")]
pub struct Conflict {
    /// The kind's name.
    pub kind: String,
    /// The record.
    pub id: String,
    /// The book's `updated_at`.
    pub book_updated_at: String,
    /// The file's `updated_at`.
    pub file_updated_at: String,
    /// `book` or `file`: the version that stays.
    pub kept: String,
}

/// The outcome of an import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ImportReport {
    /// The file's header.
    pub header: Header,
    /// Per kind, in file order.
    pub counts: Vec<KindCounts>,
    /// Every record whose two versions differ (the loser is in the conflict log).
    pub conflicts: Vec<Conflict>,
    /// True if nothing was written.
    pub dry_run: bool,
    /// The backup taken before writing.
    pub backup: Option<String>,
    /// Customers whose owner changed to the successor.
    pub taken_over: u64,
    /// The file's customers, in file order (the first [`super::listed::LISTED_MAX`]).
    pub customers: Vec<ListedCustomer>,
    /// How many customers the file holds.
    pub customers_total: u64,
}

/// The references a record makes, as (field, table, id), beyond what the
/// domain's own validation checks.
fn references(kind: RecordKind, r: &serde_json::Value) -> Vec<(String, &'static str, String)> {
    let mut out = Vec::new();
    let s = |v: &serde_json::Value| v.as_str().map(str::to_string);
    if kind != RecordKind::Customer
        && let Some(c) = r.get("customer_id").and_then(s)
    {
        out.push(("customer_id".into(), "customers", c));
    }
    match kind {
        RecordKind::FollowUp => {
            for f in ["contact_id", "done_contact_id"] {
                if let Some(id) = r.get(f).and_then(s) {
                    out.push((f.into(), "contacts", id));
                }
            }
        }
        RecordKind::Assessment => {
            for (i, score) in r
                .get("scores")
                .and_then(|v| v.as_array())
                .into_iter()
                .flatten()
                .enumerate()
            {
                for (j, id) in score
                    .get("contact_ids")
                    .and_then(|v| v.as_array())
                    .into_iter()
                    .flatten()
                    .enumerate()
                {
                    if let Some(id) = s(id) {
                        out.push((format!("scores[{i}].contact_ids[{j}]"), "contacts", id));
                    }
                }
            }
        }
        _ => {}
    }
    out
}

/// A handover file opened once: decrypted (one scrypt for an encrypted
/// file) with its header read. A preview and the import after it can both
/// read it ([`import_opened`]), so the passphrase's work is done once.
pub struct OpenedFile {
    path: PathBuf,
    passphrase: Option<super::Passphrase>,
    stamp: Option<(std::time::SystemTime, u64)>,
    source: Box<dyn super::envelope::Source + Send>,
    header: Header,
}

impl OpenedFile {
    /// Opens `path` with `passphrase` (if it is encrypted).
    pub fn open(path: &Path, passphrase: Option<super::Passphrase>) -> Result<Self> {
        let (source, header) = open(path, passphrase.as_ref().map(super::Passphrase::expose))?;
        Ok(OpenedFile {
            path: path.to_path_buf(),
            passphrase,
            stamp: stamp(path),
            source,
            header,
        })
    }

    /// Whether this is `path` opened with `passphrase`, and the file has
    /// not changed on disk since.
    pub fn is(&self, path: &Path, passphrase: Option<&super::Passphrase>) -> bool {
        self.path == path && self.passphrase.as_ref() == passphrase && self.stamp.is_some() && self.stamp == stamp(path)
    }
}

/// When the file was last modified, and its size.
fn stamp(path: &Path) -> Option<(std::time::SystemTime, u64)> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.modified().ok()?, m.len()))
}

/// Validates `path` and merges it into the book (see the module docs).
pub fn import(store: &Store, path: &Path, opts: &ImportOptions) -> Result<ImportReport> {
    let mut file = OpenedFile::open(path, opts.passphrase.clone())?;
    import_opened(store, &mut file, opts)
}

/// [`import`] from a file already opened (`opts.passphrase` is not used:
/// the file was opened with its own).
pub fn import_opened(store: &Store, file: &mut OpenedFile, opts: &ImportOptions) -> Result<ImportReport> {
    let job = opts.job.as_deref();
    if !opts.dry_run {
        store.writable()?;
    }
    let path = file.path.clone();
    let path = path.as_path();
    // Decrypted once (one scrypt), read twice: the check, then the merge.
    let r = &mut file.source;
    r.rewind().map_err(|e| Error::io(path, e))?;
    let mut buf = Vec::new();
    read_line(&mut **r, &mut buf, path)?; // the header, read by `open`
    let header = check_records(&mut **r, file.header.clone(), path, job)?;
    r.rewind().map_err(|e| Error::io(path, e))?;
    read_line(&mut **r, &mut buf, path)?; // the header, checked above

    let how = ImportWrite {
        what: "import",
        dry_run: opts.dry_run,
        backup: true,
        backup_dir: opts.backup_dir.clone(),
    };
    let ((counts, conflicts, taken_over, listed), backup_path) = store.import(&how, |tx| {
        let import_id = clock::new_id();
        let mut counts: Vec<KindCounts> = RecordKind::ALL
            .iter()
            .map(|k| KindCounts {
                kind: k.name().into(),
                ..Default::default()
            })
            .collect();
        let mut conflicts = Vec::new();
        let mut problems = Vec::new();
        let mut imported_customers = Vec::new();
        let mut listed = Listed::default();

        let mut hasher = Sha256::new();
        let mut line_no = 1;
        loop {
            let (any, newline) = read_line(&mut **r, &mut buf, path)?;
            if !any {
                break;
            }
            line_no += 1;
            hasher.update(&buf);
            if newline {
                hasher.update(b"\n");
            }
            job::tick(job)?; // a cancel drops the transaction: nothing is written
            if problems.len() >= PROBLEMS_MAX {
                continue;
            }
            let mut line: Line = serde_json::from_slice(&buf).map_err(|e| Error::Corrupt(e.to_string()))?;
            // Checked in pass 1; normalised again here (pass 1 only looked).
            if let Err((field, message)) = super::times::normalise(&mut line.record, chrono::Utc::now()) {
                problems.push(problem(line_no, Some(&line.kind), None, Some(field), message));
                continue;
            }
            let kind = RecordKind::from_name(&line.kind).ok_or_else(|| Error::Corrupt(line.kind.clone()))?;
            let index = RecordKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
            let id = line
                .record
                .get("id")
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string();
            let mut missing = false;
            for (field, table, target) in references(kind, &line.record) {
                if !exists(tx, table, &target)? {
                    missing = true;
                    problems.push(problem(
                        line_no,
                        Some(kind.name()),
                        Some(&id),
                        Some(field),
                        format!("refers to {target}, which is neither in the file nor in this book"),
                    ));
                }
            }
            if missing {
                continue;
            }
            let (customer, owner_id) = if kind == RecordKind::Customer {
                (listed.customer(&line.record), None)
            } else {
                let owner = line
                    .record
                    .get("customer_id")
                    .and_then(|v| v.as_str())
                    .map(str::to_string);
                (None, owner)
            };
            let card = match merge(tx, kind, &id, line.record, &import_id)? {
                Ok(Outcome::Added) => {
                    counts[index].added += 1;
                    Some(CardChange::New)
                }
                Ok(Outcome::Unchanged) => {
                    counts[index].unchanged += 1;
                    Some(CardChange::Unchanged)
                }
                Ok(Outcome::Differs(c)) => {
                    let file_wins = c.kept == "file";
                    if file_wins {
                        counts[index].updated += 1;
                    } else {
                        counts[index].conflicts += 1;
                    }
                    conflicts.push(c);
                    Some(if file_wins {
                        CardChange::Updated
                    } else {
                        CardChange::BookNewer
                    })
                }
                Err(e) => {
                    problems.push(record_problem(line_no, kind, &id, e));
                    None
                }
            };
            match (customer, card) {
                (Some(customer), Some(card)) => listed.merged(customer, card),
                (None, Some(card)) => listed.record(
                    owner_id.as_deref(),
                    card == CardChange::New,
                    card == CardChange::Updated,
                ),
                _ => {}
            }
            if kind == RecordKind::Customer {
                imported_customers.push(id);
            }
        }
        if hex(&hasher.finalize()) != header.payload_sha256 {
            problems.push(problem(
                0,
                None,
                None,
                Some("payload_sha256".into()),
                "the file changed while it was being imported",
            ));
        }
        if !problems.is_empty() {
            return Err(Error::BadFile(problems)); // the transaction rolls back on drop
        }
        let mut taken_over = 0;
        if let Some(name) = opts.take_over.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
            validate::text("import.take_over", name, validate::NAME_MAX)?;
            for id in &imported_customers {
                taken_over += u64::from(take_over(tx, id, name)?);
                crate::relationship::checklist::create(tx, id, name)?;
            }
            listed.taken_over_by(name);
        }
        Ok((counts, conflicts, taken_over, listed))
    })?;
    Ok(ImportReport {
        header,
        counts,
        conflicts,
        dry_run: opts.dry_run,
        backup: backup_path,
        taken_over,
        customers: listed.list,
        customers_total: listed.total,
    })
}

fn exists(conn: &Connection, table: &str, id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached(&format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)"))?
        .query_row([id], |r| r.get(0))?)
}

enum Outcome {
    Added,
    Unchanged,
    Differs(Conflict),
}

/// Merges one record by id. The outer error is the book failing; the inner
/// one is this record failing validation (reported, import continues).
fn merge(
    conn: &Connection,
    kind: RecordKind,
    id: &str,
    record: serde_json::Value,
    import_id: &str,
) -> Result<Result<Outcome>> {
    let Some(book) = kind.find_json(conn, id)? else {
        return match kind.put_json(conn, record) {
            Err(e) if e.is_busy() || e.is_read_only() => Err(e),
            other => Ok(other.map(|()| Outcome::Added)),
        };
    };
    if book == record {
        return Ok(Ok(Outcome::Unchanged));
    }
    let at = |v: &serde_json::Value| {
        v.get("updated_at")
            .and_then(|u| u.as_str())
            .unwrap_or_default()
            .to_string()
    };
    let (book_at, file_at) = (at(&book), at(&record));
    // Instants, not text: `+08:00` and `Z` times compare by when they were.
    let file_wins = super::times::instant(&file_at) > super::times::instant(&book_at);
    let losing = if file_wins { &book } else { &record };
    conn.prepare_cached(
        "INSERT INTO import_conflicts (id, import_id, kind, record_id, kept, losing, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        clock::new_id(),
        import_id,
        kind.name(),
        id,
        if file_wins { "file" } else { "book" },
        serde_json::to_string(losing).map_err(|e| Error::Corrupt(e.to_string()))?,
        clock::now(),
    ])?;
    if file_wins && let Err(e) = kind.put_json(conn, record) {
        // The book failing (busy, read-only, full) is not the record's fault.
        if matches!(e, Error::Sqlite(_)) && (e.is_busy() || e.is_read_only()) {
            return Err(e);
        }
        return Ok(Err(e));
    }
    Ok(Ok(Outcome::Differs(Conflict {
        kind: kind.name().into(),
        id: id.into(),
        book_updated_at: book_at,
        file_updated_at: file_at,
        kept: if file_wins { "file" } else { "book" }.into(),
    })))
}

/// Makes `name` the owner of customer `id`, keeping the owner history.
fn take_over(conn: &Connection, id: &str, name: &str) -> Result<bool> {
    let mut c = crate::record::find::<customers::Customer>(conn, id)?.ok_or_else(|| Error::NotFound {
        kind: "customer",
        id: id.into(),
    })?;
    if c.card.owner == name {
        return Ok(false);
    }
    let now = clock::now();
    let old = std::mem::replace(&mut c.card.owner, name.to_string());
    c.updated_at = now.clone();
    crate::record::put(conn, &c)?;
    changes::record(conn, id, changes::ChangeField::Owner, &old, name, name, &now)?;
    Ok(true)
}
