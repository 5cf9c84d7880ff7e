//! Writing a handover file.

use std::collections::{BTreeMap, HashSet};
use std::io::{BufWriter, Write};
use std::path::Path;

use rusqlite::Connection;
use sha2::{Digest, Sha256};

use super::envelope;
use super::format::{FORMAT, FORMAT_VERSION, Header, Line, Scope, hex};
use crate::book::kinds::RecordKind;
use crate::enums::Tier;
use crate::error::{Error, Result};
use crate::{clock, settings, store::migrations};

/// Which customers to export; all empty means the whole book. A customer
/// matching any criterion is exported with all of its records.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// By id.
    pub customers: Vec<String>,
    /// By tier.
    pub tiers: Vec<Tier>,
    /// By tag.
    pub tags: Vec<String>,
    /// By standing (prospect, new, active, dormant, lost), as the list shows
    /// it today (see [`crate::customers::activity`]).
    pub statuses: Vec<crate::customers::activity::Standing>,
}

impl Selection {
    fn is_whole_book(&self) -> bool {
        self.customers.is_empty() && self.tiers.is_empty() && self.tags.is_empty() && self.statuses.is_empty()
    }
}

/// How to export. The passphrase is wiped from memory when dropped.
#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// What to export.
    pub selection: Selection,
    /// Encrypt with this passphrase (age, scrypt).
    pub passphrase: Option<super::Passphrase>,
    /// The scrypt work factor; `None` lets age pick about one second's worth.
    pub work_factor: Option<u8>,
    /// Progress (records read, then written) and cancel.
    pub job: Option<std::sync::Arc<crate::job::Job>>,
}

/// The ids of the selected customers (live or trashed).
fn selected(conn: &Connection, s: &Selection) -> Result<HashSet<String>> {
    let mut ids = HashSet::new();
    for id in &s.customers {
        if crate::record::find::<crate::customers::Customer>(conn, id)?.is_none() {
            return Err(Error::NotFound {
                kind: "customer",
                id: id.clone(),
            });
        }
        ids.insert(id.clone());
    }
    let mut by = |sql: &str, values: Vec<String>| -> Result<()> {
        let mut stmt = conn.prepare_cached(sql)?;
        for v in values {
            for id in stmt.query_map([v], |r| r.get::<_, String>(0))? {
                ids.insert(id?);
            }
        }
        Ok(())
    };
    by(
        "SELECT id FROM customers WHERE tier = ?1",
        s.tiers.iter().map(|t| t.as_str().to_string()).collect(),
    )?;
    by("SELECT customer_id FROM customer_tags WHERE tag = ?1", s.tags.clone())?;
    if !s.statuses.is_empty() {
        let days = crate::settings::get(conn)?.dormant_days;
        let cutoff = crate::customers::activity::cutoff(crate::clock::local_today(), days);
        let sql = format!(
            "SELECT c.id FROM customers c WHERE {} = ?1 AND ?2 IS NOT NULL",
            crate::customers::activity::standing_sql("c", "?2")
        );
        let mut stmt = conn.prepare(&sql)?;
        for standing in &s.statuses {
            for id in stmt.query_map(rusqlite::params![standing.as_str(), cutoff], |r| r.get::<_, String>(0))? {
                ids.insert(id?);
            }
        }
    }
    Ok(ids)
}

/// Writes a handover file of the book behind `conn` to `out`, whole or not
/// at all (see [`crate::files`]), never over the open book.
///
/// Two passes over the records inside one read transaction (so both see the
/// same book): the first takes the counts and the payload's checksum for the
/// header, the second streams the header and the records straight into the
/// (encrypting) writer. No plaintext copy of the book is ever staged on disk.
pub fn export(conn: &Connection, opts: &ExportOptions, out: &Path) -> Result<Header> {
    let protected = crate::files::Protected::of_conn(conn);
    protected.check(out)?;
    conn.execute_batch("SAVEPOINT baton_export")?;
    let result = export_in_snapshot(conn, opts, out, &protected);
    // Only reads happened: releasing ends the snapshot either way.
    conn.execute_batch("RELEASE baton_export")?;
    result
}

fn export_in_snapshot(
    conn: &Connection,
    opts: &ExportOptions,
    out: &Path,
    protected: &crate::files::Protected,
) -> Result<Header> {
    let only = if opts.selection.is_whole_book() {
        None
    } else {
        Some(selected(conn, &opts.selection)?)
    };
    let mut hasher = Sha256::new();
    // Pass 1 writes into the checksum alone (sha2's hasher is an io::Write).
    let job = opts.job.as_deref();
    // Pass 1's length is what it finds out: counted with no total yet.
    crate::job::start(job, 0);
    let counts = records(conn, only.as_ref(), &mut hasher, out, job)?;
    crate::job::start(job, counts.values().sum());

    let s = &opts.selection;
    let header = Header {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        app_version: env!("CARGO_PKG_VERSION").into(),
        schema_version: migrations::version(conn)?,
        exported_at: clock::now(),
        exported_by: settings::get(conn)?.user_name,
        scope: Scope {
            whole_book: only.is_none(),
            customers: s.customers.clone(),
            tiers: s.tiers.iter().map(|t| t.as_str().to_string()).collect(),
            tags: s.tags.clone(),
            statuses: s.statuses.iter().map(|t| t.as_str().to_string()).collect(),
        },
        counts,
        payload_sha256: hex(&hasher.finalize()),
    };
    let mut first = serde_json::to_vec(&header).map_err(|e| Error::Corrupt(e.to_string()))?;
    first.push(b'\n');
    crate::files::write_atomic(out, protected, crate::files::Replace::Allowed, |file, _| {
        envelope::seal(
            BufWriter::with_capacity(1 << 16, file),
            opts.passphrase.as_ref().map(super::Passphrase::expose),
            opts.work_factor,
            out,
            |w| {
                w.write_all(&first).map_err(|e| Error::io(out, e))?;
                let again = records(conn, only.as_ref(), w, out, job)?;
                if again != header.counts {
                    return Err(Error::Corrupt("the book changed during the export".into()));
                }
                Ok(())
            },
        )
    })?;
    Ok(header)
}

/// Writes every selected record as a line to `w`; the count per kind.
fn records(
    conn: &Connection,
    only: Option<&HashSet<String>>,
    w: &mut dyn Write,
    out: &Path,
    job: Option<&crate::job::Job>,
) -> Result<BTreeMap<String, u64>> {
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    let mut w = BufWriter::with_capacity(1 << 16, w);
    for kind in RecordKind::ALL {
        let mut n = 0u64;
        kind.for_each_json(conn, |record| {
            if let Some(only) = only
                && !kind.customer_of(&record).is_some_and(|c| only.contains(c))
            {
                return Ok(());
            }
            let mut line = serde_json::to_vec(&Line {
                kind: kind.name().to_string(),
                record,
            })
            .map_err(|e| Error::Corrupt(e.to_string()))?;
            line.push(b'\n');
            w.write_all(&line).map_err(|e| Error::io(out, e))?;
            n += 1;
            crate::job::tick(job)
        })?;
        counts.insert(kind.name().to_string(), n);
    }
    w.flush().map_err(|e| Error::io(out, e))?;
    Ok(counts)
}
