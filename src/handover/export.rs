//! Writing a handover file.

use std::collections::{BTreeMap, HashSet};
use std::io::{BufWriter, Read, Seek, Write};
use std::path::Path;

use rusqlite::Connection;
use sha2::{Digest, Sha256};

use super::envelope;
use super::format::{FORMAT, FORMAT_VERSION, Header, Line, Scope, hex};
use crate::enums::{Status, Tier};
use crate::error::{Error, Result};
use crate::kinds::RecordKind;
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
    /// By status.
    pub statuses: Vec<Status>,
}

impl Selection {
    fn is_whole_book(&self) -> bool {
        self.customers.is_empty() && self.tiers.is_empty() && self.tags.is_empty() && self.statuses.is_empty()
    }
}

/// How to export.
#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// What to export.
    pub selection: Selection,
    /// Encrypt with this passphrase (age, scrypt).
    pub passphrase: Option<String>,
    /// The scrypt work factor; `None` lets age pick about one second's worth.
    pub work_factor: Option<u8>,
}

/// The ids of the selected customers (live or trashed).
fn selected(conn: &Connection, s: &Selection) -> Result<HashSet<String>> {
    let mut ids = HashSet::new();
    for id in &s.customers {
        if crate::customers::find(conn, id)?.is_none() {
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
    by(
        "SELECT id FROM customers WHERE status = ?1",
        s.statuses.iter().map(|t| t.as_str().to_string()).collect(),
    )?;
    by("SELECT customer_id FROM customer_tags WHERE tag = ?1", s.tags.clone())?;
    Ok(ids)
}

/// Writes a handover file of the book behind `conn` to `out` (replaced
/// atomically: a failed export leaves no half-written file). Memory stays
/// bounded: records stream to a staging file while their checksum is taken,
/// then the header and the payload are sealed into the output.
pub fn export(conn: &Connection, opts: &ExportOptions, out: &Path) -> Result<Header> {
    let dir = out
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let io = |e: std::io::Error| Error::io(out, e);
    let only = if opts.selection.is_whole_book() {
        None
    } else {
        Some(selected(conn, &opts.selection)?)
    };

    let mut payload = tempfile::tempfile_in(dir).map_err(io)?;
    let mut hasher = Sha256::new();
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    {
        let mut w = BufWriter::with_capacity(1 << 16, &mut payload);
        for kind in RecordKind::ALL {
            let mut n = 0u64;
            kind.for_each_json(conn, |record| {
                if let Some(only) = &only
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
                hasher.update(&line);
                w.write_all(&line).map_err(io)?;
                n += 1;
                Ok(())
            })?;
            counts.insert(kind.name().to_string(), n);
        }
        w.flush().map_err(io)?;
    }

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
    payload.rewind().map_err(io)?;
    let document = std::io::Cursor::new(first).chain(std::io::BufReader::with_capacity(1 << 16, payload));

    let staged = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
    envelope::seal(
        document,
        BufWriter::with_capacity(1 << 16, staged.as_file()),
        opts.passphrase.as_deref(),
        opts.work_factor,
        out,
    )?;
    staged.as_file().sync_all().map_err(io)?;
    staged.persist(out).map_err(|e| io(e.error))?;
    Ok(header)
}
