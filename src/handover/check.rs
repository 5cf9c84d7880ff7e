//! Pass 1 of an import: the file as a whole — envelope, header, format
//! version, every line's JSON structure and types, kinds in order, duplicate
//! ids, record counts and the payload checksum — before the book is touched.

use std::collections::{BTreeMap, HashSet};
use std::io::BufRead;
use std::path::Path;

use super::envelope::Source;

use sha2::{Digest, Sha256};

use super::envelope;
use super::format::{FORMAT, FORMAT_VERSION, Header, Line, hex};
use crate::book::kinds::RecordKind;
use crate::error::{Error, FileProblem, Result};
use crate::job::{self, Job};
use crate::validate;

/// The longest line accepted (one record). Far above any valid record (text
/// fields are capped well below), so it only stops hostile files.
const LINE_MAX: usize = 8 << 20;
/// Problems reported before giving up on listing more.
pub(super) const PROBLEMS_MAX: usize = 200;

pub(super) fn problem(
    line: usize,
    kind: Option<&str>,
    id: Option<&str>,
    field: Option<String>,
    message: impl Into<String>,
) -> FileProblem {
    FileProblem {
        line,
        kind: kind.map(str::to_string),
        id: id.map(str::to_string),
        field,
        message: message.into(),
    }
}

/// Reads one line (without its `\n`) into `buf`; false at the end. A line
/// over [`LINE_MAX`] is an error, not an allocation.
pub(super) fn read_line(r: &mut dyn BufRead, buf: &mut Vec<u8>, path: &Path) -> Result<(bool, bool)> {
    buf.clear();
    loop {
        let available = r.fill_buf().map_err(|e| Error::io(path, e))?;
        if available.is_empty() {
            return Ok((!buf.is_empty(), false));
        }
        let (take, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        if buf.len() + take > LINE_MAX + 1 {
            return Err(Error::BadFile(vec![problem(
                0,
                None,
                None,
                None,
                format!(
                    "a line is longer than {} MiB; this is not a Baton handover file",
                    LINE_MAX >> 20
                ),
            )]));
        }
        buf.extend_from_slice(&available[..take]);
        r.consume(take);
        if done {
            buf.pop();
            return Ok((true, true));
        }
    }
}

/// Opens the file and reads and checks its header.
pub(super) fn open(path: &Path, passphrase: Option<&str>) -> Result<(Box<dyn Source + Send>, Header)> {
    let mut r = envelope::open(path, passphrase)?;
    let mut buf = Vec::new();
    let (any, _) = read_line(&mut *r, &mut buf, path)?;
    let bad = |message: String| Error::BadFile(vec![problem(1, None, None, None, message)]);
    if !any {
        return Err(bad("the file is empty".into()));
    }
    let value: serde_json::Value =
        serde_json::from_slice(&buf).map_err(|e| bad(format!("the first line is not a Baton handover header: {e}")))?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(bad(format!(
            "not a Baton handover file (the header's format is not \"{FORMAT}\")"
        )));
    }
    let version = value.get("format_version").and_then(|v| v.as_i64()).unwrap_or(0);
    if version > FORMAT_VERSION {
        return Err(Error::NewerFormat {
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    if version < 1 {
        return Err(bad(
            "the header's format_version is missing or not a positive integer".into()
        ));
    }
    let header: Header = validate::from_json("header", value).map_err(|e| bad(e.to_string()))?;
    Ok((r, header))
}

/// Pass 1: the file as a whole. Returns the header or every problem found.
/// Checks the records of a file opened by [`open`] (positioned after its
/// header); `path` names it in errors.
pub(super) fn check_records(r: &mut dyn BufRead, header: Header, path: &Path, job: Option<&Job>) -> Result<Header> {
    // Each record is read twice: this check, then the merge.
    job::start(job, 2 * header.counts.values().sum::<u64>());
    let mut problems = Vec::new();
    let mut hasher = Sha256::new();
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    let mut seen: HashSet<(usize, u128)> = HashSet::new();
    let mut last_kind = 0usize;
    let mut buf = Vec::new();
    let mut line_no = 1;
    let mut ends_with_newline = true;
    loop {
        let (any, newline) = read_line(r, &mut buf, path)?;
        if !any {
            break;
        }
        line_no += 1;
        ends_with_newline = newline;
        job::tick(job)?;
        hasher.update(&buf);
        if newline {
            hasher.update(b"\n");
        }
        if problems.len() >= PROBLEMS_MAX {
            continue; // keep hashing so the checksum verdict still comes
        }
        let line: Line = match serde_json::from_slice(&buf) {
            Ok(l) => l,
            Err(e) => {
                problems.push(problem(line_no, None, None, None, format!("not a record line: {e}")));
                continue;
            }
        };
        let Some(kind) = RecordKind::from_name(&line.kind) else {
            problems.push(problem(
                line_no,
                Some(&line.kind),
                None,
                Some("kind".into()),
                "unknown record kind",
            ));
            continue;
        };
        let index = RecordKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
        if index < last_kind {
            problems.push(problem(
                line_no,
                Some(kind.name()),
                None,
                None,
                "records are out of order: each kind must follow the kinds it belongs to",
            ));
        }
        last_kind = last_kind.max(index);
        let id = line.record.get("id").and_then(|v| v.as_str()).map(str::to_string);
        let Some(id) = id else {
            problems.push(problem(
                line_no,
                Some(kind.name()),
                None,
                Some("id".into()),
                "the record has no id",
            ));
            continue;
        };
        match uuid::Uuid::parse_str(&id) {
            Ok(u) if !seen.insert((index, u.as_u128())) => {
                problems.push(problem(
                    line_no,
                    Some(kind.name()),
                    Some(&id),
                    Some("id".into()),
                    "this id appears twice in the file",
                ));
            }
            Ok(_) => {}
            Err(_) => problems.push(problem(
                line_no,
                Some(kind.name()),
                Some(&id),
                Some("id".into()),
                "not a valid id (UUID)",
            )),
        }
        let mut record = line.record;
        if let Err((field, message)) = super::times::normalise(&mut record, chrono::Utc::now()) {
            problems.push(problem(line_no, Some(kind.name()), Some(&id), Some(field), message));
        } else if let Err(e) = kind.decode_json(record) {
            problems.push(record_problem(line_no, kind, &id, e));
        }
        *counts.entry(kind.name().to_string()).or_default() += 1;
    }
    if !ends_with_newline {
        problems.push(problem(
            line_no,
            None,
            None,
            None,
            "the last line is cut off: the file is truncated",
        ));
    }
    let sha = hex(&hasher.finalize());
    if sha != header.payload_sha256 {
        problems.push(problem(
            0,
            None,
            None,
            Some("payload_sha256".into()),
            "the checksum does not match the content: the file is damaged or was altered",
        ));
    }
    for kind in RecordKind::ALL {
        let declared = header.counts.get(kind.name()).copied().unwrap_or(0);
        let found = counts.get(kind.name()).copied().unwrap_or(0);
        if declared != found {
            problems.push(problem(
                0,
                Some(kind.name()),
                None,
                Some("counts".into()),
                format!("the header declares {declared} records of this kind, the file holds {found}"),
            ));
        }
    }
    if problems.is_empty() {
        Ok(header)
    } else {
        Err(Error::BadFile(problems))
    }
}

pub(super) fn record_problem(line: usize, kind: RecordKind, id: &str, e: Error) -> FileProblem {
    match e {
        Error::Invalid(v) => problem(line, Some(kind.name()), Some(id), Some(v.field.clone()), v.to_string()),
        other => problem(line, Some(kind.name()), Some(id), None, other.to_string()),
    }
}
