//! `baton dump`: the whole book as canonical JSON.
//!
//! Canonical means two books with the same content print byte-identical
//! dumps: top-level and record keys are sorted, records are sorted by id, and
//! each record sits on one line so dumps diff well. Records are streamed one
//! at a time, so a 100k-customer book never sits in memory as JSON.

use std::io::Write;

use rusqlite::Connection;

use crate::book::kinds::RecordKind;
use crate::error::{Error, Result};
use crate::{settings, store::migrations};

/// Writes the dump of the book behind `conn` to `out`.
pub fn write(conn: &Connection, out: &mut impl Write) -> Result<()> {
    let io = |e: std::io::Error| Error::io(std::path::Path::new("<output>"), e);
    // Sections in sorted key order: record kinds by table name, then the
    // scalar sections slotted in where they sort.
    let mut sections: Vec<(&str, Section)> = RecordKind::ALL.iter().map(|k| (k.table(), Section::Kind(*k))).collect();
    sections.push(("format", Section::Format));
    sections.push(("schema_version", Section::Version));
    sections.push(("settings", Section::Settings));
    sections.sort_by_key(|(name, _)| *name);

    out.write_all(b"{").map_err(io)?;
    for (i, (name, section)) in sections.iter().enumerate() {
        let sep = if i == 0 { "\n" } else { ",\n" };
        write!(out, "{sep}\"{name}\": ").map_err(io)?;
        match section {
            Section::Format => out.write_all(b"\"baton-dump-1\"").map_err(io)?,
            Section::Version => write!(out, "{}", migrations::version(conn)?).map_err(io)?,
            Section::Settings => {
                let all = serde_json::to_string(&settings::all(conn)?).map_err(|e| Error::Corrupt(e.to_string()))?;
                out.write_all(all.as_bytes()).map_err(io)?;
            }
            Section::Kind(kind) => {
                out.write_all(b"[").map_err(io)?;
                let mut first = true;
                kind.for_each_json(conn, |record| {
                    out.write_all(if first { b"\n" } else { b",\n" }).map_err(io)?;
                    first = false;
                    // serde_json's map is a BTreeMap: keys come out sorted.
                    serde_json::to_writer(&mut *out, &record).map_err(|e| match e.io_error_kind() {
                        Some(kind) => io(kind.into()),
                        None => Error::Corrupt(e.to_string()),
                    })
                })?;
                out.write_all(if first { b"]" } else { b"\n]" }).map_err(io)?;
            }
        }
    }
    out.write_all(b"\n}\n").map_err(io)?;
    Ok(())
}

enum Section {
    Kind(RecordKind),
    Format,
    Version,
    Settings,
}
