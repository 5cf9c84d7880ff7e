//! Key people in and out as vCards (名片): import `.vcf` files from phones
//! and WeChat (vCard 2.1, 3.0, 4.0) filing each card under the customer its
//! ORG names (an existing one, or a new one), and export people as vCard 4.0.
//!
//! Import goes through the spreadsheet import's plan: each card becomes a
//! row (ORG, name, title, department, phone, email, WeChat, birthday, note),
//! so validation, grouping, duplicates and the one-transaction write are the
//! same — a card without ORG is refused with its line, and a card already in
//! the book (same phone, email or name under that customer) is not added twice.

mod read;
mod write;

pub use read::{Card, read, read_bytes};

use std::path::Path;

use rusqlite::Connection;

use crate::error::{Error, FileProblem, Result};
use crate::io::sheet::{self, Field, Mapping, SourceRow, Table};

/// The largest .vcf read (bytes); photos make files big, not cards many.
pub const MAX_BYTES: u64 = 100 * 1024 * 1024;

/// Reads a .vcf file: text in UTF-8 (or UTF-16/GB18030, as spreadsheets).
pub fn read_file(path: &Path) -> Result<Vec<Card>> {
    let size = std::fs::metadata(path).map_err(|e| Error::io(path, e))?.len();
    if size > MAX_BYTES {
        return Err(Error::BadFile(vec![FileProblem {
            line: 0,
            kind: None,
            id: None,
            field: None,
            message: format!("larger than {} MiB", MAX_BYTES >> 20),
        }]));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let cards = if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        // UTF-16 (with its byte-order mark): the whole file is text first.
        let text = sheet::read_text_only(&bytes).map_err(|(at, message)| {
            Error::BadFile(vec![FileProblem {
                line: 0,
                kind: None,
                id: None,
                field: Some(at),
                message,
            }])
        })?;
        read(&text)
    } else {
        // Bytes: each value is decoded by its own CHARSET, if it has one.
        read::read_bytes(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes))
    };
    if cards.is_empty() {
        return Err(Error::BadFile(vec![FileProblem {
            line: 0,
            kind: None,
            id: None,
            field: None,
            message: "no BEGIN:VCARD … END:VCARD card in the file".into(),
        }]));
    }
    Ok(cards)
}

/// The cards as a table the spreadsheet import plans, with its mapping.
pub fn as_table(cards: &[Card]) -> (Table, Mapping) {
    let columns = [
        ("ORG", Field::CustomerName),
        ("FN", Field::PersonName),
        ("TITLE", Field::PersonTitle),
        ("ORG unit", Field::PersonDepartment),
        ("TEL", Field::PersonPhone),
        ("EMAIL", Field::PersonEmail),
        ("WeChat", Field::PersonMessaging),
        ("BDAY", Field::PersonBirthday),
        ("NOTE", Field::PersonNotes),
    ];
    let rows = cards
        .iter()
        .map(|c| SourceRow {
            line: c.line,
            cells: vec![
                c.org.clone(),
                c.name.clone(),
                c.title.clone(),
                c.department.clone(),
                c.phone.clone(),
                c.email.clone(),
                c.wechat.clone(),
                birthday(&c.birthday),
                c.note.clone(),
            ],
        })
        .collect();
    (
        Table {
            how: "vCard".into(),
            headers: columns.iter().map(|(h, _)| h.to_string()).collect(),
            rows,
        },
        Mapping {
            fields: columns.iter().map(|(_, f)| *f).collect(),
            values: Default::default(),
        },
    )
}

/// BDAY as the date reader takes it: `--0315` (no year) is dropped.
fn birthday(bday: &str) -> String {
    if bday.starts_with("--") {
        String::new()
    } else {
        bday.split('T').next().unwrap_or("").to_string()
    }
}

/// Writes the people of `customers` (all live customers if empty) as vCard
/// 4.0 to `path`; returns how many cards.
pub fn export(conn: &Connection, customers: &[String], path: &Path) -> Result<usize> {
    let ids: Vec<String> = if customers.is_empty() {
        let mut stmt = conn.prepare("SELECT id FROM customers WHERE deleted_at IS NULL ORDER BY sort_key, id")?;
        stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?
    } else {
        customers.to_vec()
    };
    let mut out = String::new();
    let mut n = 0;
    for id in &ids {
        let customer = crate::customers::get(conn, id)?;
        for person in crate::customers::people::list_for(conn, id)? {
            write::card(&mut out, &person, &customer.card.name);
            n += 1;
        }
    }
    let protected = crate::files::Protected::of_conn(conn);
    crate::files::write_atomic(path, &protected, crate::files::Replace::Allowed, |file, _| {
        use std::io::Write;
        file.write_all(out.as_bytes()).map_err(|e| Error::io(path, e))
    })?;
    Ok(n)
}
