//! Reading a spreadsheet file into a plain table of text: the header row
//! and the data rows, each with the line or row number the user sees.
//!
//! `.csv`/`.txt` are decoded (see [`super::decode`]) and split on the
//! separator that occurs most in the first lines (comma, semicolon or tab);
//! `.xlsx`/`.xls` are read with calamine, first sheet. Either way, title
//! rows above the header (a merged "客户名单" banner) and empty rows are
//! skipped: the header is the first of the opening rows that has the most
//! filled cells.

use std::path::Path;

use calamine::{Data, Reader};

use super::decode;
use super::limits::{self, Budget};
use crate::error::{Error, FileProblem, Result};

/// A row of the source, cells as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRow {
    /// The line (CSV) or row (sheet) number, from 1, as the user sees it.
    pub line: u64,
    /// Cells, by header column; trailing empty cells are left out (rows
    /// are ragged, never padded to the widest).
    pub cells: Vec<String>,
}

/// What was read and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// How the file was read: an encoding and separator, or the sheet's name.
    pub how: String,
    /// Header cells (empty ones named by column letter).
    pub headers: Vec<String>,
    /// Data rows with at least one filled cell.
    pub rows: Vec<SourceRow>,
}

/// The largest file read (bytes): well above any real customer list.
pub const MAX_BYTES: u64 = 200 * 1024 * 1024;
/// How many opening rows may hold the header.
const HEADER_SEARCH: usize = 10;

fn problem(_path: &Path, at: &str, message: String) -> Error {
    Error::BadFile(vec![FileProblem {
        line: 0,
        kind: None,
        id: None,
        field: Some(at.to_string()),
        message,
    }])
}

/// Reads `path` by its extension (a workbook's first sheet).
pub fn read(path: &Path) -> Result<Table> {
    read_sheet(path, None)
}

/// The sheets of a workbook, in order (none for a text file).
pub fn sheet_names(path: &Path) -> Result<Vec<String>> {
    if !is_workbook(path) {
        return Ok(vec![]);
    }
    let book = calamine::open_workbook_auto(path)
        .map_err(|e| problem(path, "file", format!("not a readable workbook ({e})")))?;
    Ok(book.sheet_names())
}

fn is_workbook(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase());
    matches!(ext.as_deref(), Some("xlsx" | "xlsm" | "xls" | "xlsb" | "ods"))
}

/// Reads `path` by its extension; for a workbook, the sheet named `sheet`
/// (the first when `None`).
pub fn read_sheet(path: &Path, sheet: Option<&str>) -> Result<Table> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    let size = std::fs::metadata(path).map_err(|e| Error::io(path, e))?.len();
    if size > MAX_BYTES {
        return Err(problem(path, "file", format!("larger than {} MiB", MAX_BYTES >> 20)));
    }
    match ext.as_str() {
        "csv" | "txt" | "tsv" => {
            let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
            read_text(&bytes).map_err(|(at, message)| problem(path, &at, message))
        }
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => read_workbook(path, sheet),
        other => Err(problem(
            path,
            "file",
            format!(
                "cannot read .{other} files as a sheet: use .xlsx, .xls, .csv or .txt (phone contacts, .vcf: import them as vCards)"
            ),
        )),
    }
}

/// Decodes a text file's bytes as the spreadsheet reader does (BOM, UTF-8,
/// GB18030). Errors are (where, what).
pub fn decode_text(bytes: &[u8]) -> std::result::Result<String, (String, String)> {
    decode::decode(bytes).map(|(text, _)| text).map_err(undecodable)
}

/// Where and why bytes decode as none of the encodings tried.
fn undecodable(at: usize) -> (String, String) {
    (
        format!("byte {at}"),
        "the text is not UTF-8, UTF-16 (with a BOM) or GB18030/GBK; save it again as \"CSV UTF-8\"".to_string(),
    )
}

/// Reads delimited text. Errors are (where, what).
pub fn read_text(bytes: &[u8]) -> std::result::Result<Table, (String, String)> {
    let (text, detected) = decode::decode(bytes).map_err(undecodable)?;
    let separator = separator(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    // Line numbers are counted here from each record's byte offset: the csv
    // crate's own count is one short after CRLF line ends.
    let bytes = text.as_bytes();
    let (mut cursor, mut line) = (0usize, 1u64);
    let mut line_at = |byte: usize| {
        // After a CR the reader places the next record on the LF before it.
        let mut byte = byte.min(bytes.len());
        while byte < bytes.len() && matches!(bytes[byte], b'\r' | b'\n') {
            byte += 1;
        }
        if byte > cursor {
            line += bytes[cursor..byte].iter().filter(|b| **b == b'\n').count() as u64;
            cursor = byte;
        }
        line
    };
    let mut raw = Vec::new();
    let mut budget = Budget::default();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let byte = e.position().map_or(0, |p| p.byte() as usize);
                return Err((format!("line {}", line_at(byte)), e.to_string()));
            }
        }
        let at = line_at(record.position().map_or(0, |p| p.byte() as usize));
        // Checked before the row is copied: its width, then all kept so far.
        budget.row(record.len(), &format!("line {at}"))?;
        raw.push((at, limits::trim_end(record.iter().map(str::to_string).collect())));
    }
    let name = match separator {
        b'\t' => "tab",
        b';' => "semicolon",
        _ => "comma",
    };
    Ok(shape(format!("{}, {name}", detected.name()), raw))
}

/// The separator used most in the opening lines, outside quotes.
fn separator(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    let mut lines = 0;
    for ch in text.chars() {
        match ch {
            '"' => quoted = !quoted,
            '\n' if !quoted => {
                lines += 1;
                if lines >= 5 {
                    break;
                }
            }
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|i| (counts[*i], usize::from(*i == 0))).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

fn read_workbook(path: &Path, chosen: Option<&str>) -> Result<Table> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    if matches!(ext.as_str(), "xlsx" | "xlsm" | "ods") {
        limits::check_zip(path).map_err(|(at, m)| problem(path, &at, m))?;
    }
    if matches!(ext.as_str(), "xlsx" | "xlsm") {
        return read_xlsx_cells(path, chosen);
    }
    let mut book = calamine::open_workbook_auto(path)
        .map_err(|e| problem(path, "file", format!("not a readable workbook ({e})")))?;
    let sheet = pick_sheet(path, book.sheet_names(), chosen)?;
    let range = book
        .worksheet_range(&sheet)
        .map_err(|e| problem(path, &sheet, e.to_string()))?;
    let first_row = range.start().map_or(0, |(r, _)| r) as u64;
    let mut budget = Budget::default();
    let mut raw = Vec::new();
    for (i, row) in range.rows().enumerate() {
        let line = first_row + i as u64 + 1;
        let cells = limits::trim_end(row.iter().map(cell_text).collect());
        budget
            .row(cells.len(), &format!("row {line}"))
            .map_err(|(at, m)| problem(path, &at, m))?;
        raw.push((line, cells));
    }
    Ok(shape(sheet, raw))
}

/// An .xlsx sheet read cell by cell (calamine's streaming reader), never
/// as a dense range: one cell at XFD1048576 would make that range 17
/// billion cells. Rows are kept ragged and every limit is checked as the
/// cells arrive.
fn read_xlsx_cells(path: &Path, chosen: Option<&str>) -> Result<Table> {
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(path)
        .map_err(|e: calamine::XlsxError| problem(path, "file", format!("not a readable workbook ({e})")))?;
    let sheet = pick_sheet(path, book.sheet_names(), chosen)?;
    let mut reader = book
        .worksheet_cells_reader(&sheet)
        .map_err(|e| problem(path, &sheet, e.to_string()))?;
    let mut rows: std::collections::BTreeMap<u32, Vec<String>> = std::collections::BTreeMap::new();
    let mut cells = 0usize;
    let (mut last_row, mut last_col, mut first_row, mut first_col) = (0u32, 0u32, u32::MAX, u32::MAX);
    while let Some(cell) = reader.next_cell().map_err(|e| problem(path, &sheet, e.to_string()))? {
        let (r, c) = cell.get_position();
        let text = cell_text(&Data::from(cell.get_value().clone()));
        if text.trim().is_empty() {
            continue;
        }
        (first_row, first_col) = (first_row.min(r), first_col.min(c));
        (last_row, last_col) = (last_row.max(r), last_col.max(c));
        let at = format!("{}{}", column_letter(c as usize), r + 1);
        if c as usize >= limits::MAX_COLUMNS {
            return Err(problem(
                path,
                &at,
                format!("a cell beyond column {}", limits::MAX_COLUMNS),
            ));
        }
        let row = rows.entry(r).or_default();
        if row.len() <= c as usize {
            cells += c as usize + 1 - row.len();
            if cells > limits::MAX_CELLS {
                return Err(problem(
                    path,
                    &at,
                    format!("more than {} cells in all; split the file", limits::MAX_CELLS),
                ));
            }
            row.resize(c as usize + 1, String::new());
        }
        row[c as usize] = text;
    }
    drop(reader);
    if !rows.is_empty() {
        let extent = u64::from(last_row - first_row + 1) * u64::from(last_col - first_col + 1);
        if extent > limits::MAX_EXTENT {
            let span = format!(
                "{}{}:{}{}",
                column_letter(first_col as usize),
                first_row + 1,
                column_letter(last_col as usize),
                last_row + 1
            );
            return Err(problem(
                path,
                &span,
                format!(
                    "the filled cells span {span}, {extent} cells; the most Baton reads is {} (delete the stray cells far from the list)",
                    limits::MAX_EXTENT
                ),
            ));
        }
    }
    let raw = rows.into_iter().map(|(r, cells)| (u64::from(r) + 1, cells)).collect();
    Ok(shape(sheet, raw))
}

/// The sheet to read: the one chosen (it must exist), else the first.
fn pick_sheet(path: &Path, names: Vec<String>, chosen: Option<&str>) -> Result<String> {
    match chosen {
        Some(name) if names.iter().any(|n| n == name) => Ok(name.to_string()),
        Some(name) => Err(problem(
            path,
            "sheet",
            format!(
                "the workbook has no sheet named {name:?} (it has: {})",
                names.join(", ")
            ),
        )),
        None => names
            .into_iter()
            .next()
            .ok_or_else(|| problem(path, "file", "the workbook has no sheet".into())),
    }
}

/// A workbook cell as the text a user would type: whole numbers without
/// ".0", dates as `YYYY-MM-DD`.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d.as_datetime().map_or_else(
            || d.as_f64().to_string(),
            |t| {
                if t.time() == chrono::NaiveTime::MIN {
                    t.date().to_string()
                } else {
                    t.format("%Y-%m-%d %H:%M").to_string()
                }
            },
        ),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
    }
}

/// Finds the header among the opening rows and keeps the filled rows after it.
fn shape(how: String, raw: Vec<(u64, Vec<String>)>) -> Table {
    let filled = |cells: &[String]| cells.iter().filter(|c| !c.trim().is_empty()).count();
    let rows: Vec<(u64, Vec<String>)> = raw.into_iter().filter(|(_, c)| filled(c) > 0).collect();
    let opening = &rows[..rows.len().min(HEADER_SEARCH)];
    let most = opening.iter().map(|(_, c)| filled(c)).max().unwrap_or(0);
    let Some(at) = opening.iter().position(|(_, c)| filled(c) == most) else {
        return Table {
            how,
            headers: vec![],
            rows: vec![],
        };
    };
    let width = rows.iter().map(|(_, c)| c.len()).max().unwrap_or(0);
    let mut headers: Vec<String> = rows[at].1.iter().map(|h| clean_header(h)).collect();
    headers.resize(width, String::new());
    for (i, h) in headers.iter_mut().enumerate() {
        if h.is_empty() {
            *h = column_letter(i);
        }
    }
    let rows = rows
        .into_iter()
        .skip(at + 1)
        .map(|(line, cells)| SourceRow { line, cells })
        .collect();
    Table { how, headers, rows }
}

/// Header text without a BOM, line breaks or surrounding space.
fn clean_header(h: &str) -> String {
    h.trim_start_matches('\u{feff}')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `A`, `B`, … `Z`, `AA`, … as spreadsheets name columns.
pub fn column_letter(mut i: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_separator_is_the_one_used_most_outside_quotes() {
        assert_eq!(separator("a;b;c\n1;\"x,y,z\";3\n"), b';');
        assert_eq!(separator("a\tb\n1\t2\n"), b'\t');
        assert_eq!(separator("a,b\n"), b',');
        assert_eq!(separator("single\n"), b',');
    }

    #[test]
    fn the_header_is_found_under_a_title_and_empty_rows_are_skipped() {
        let t = read_text("客户名单 2026,,\n,,\n公司名称,联系人,手机\n华为,张三,138\n,,\n腾讯,李四,139\n".as_bytes())
            .unwrap();
        assert_eq!(t.headers, ["公司名称", "联系人", "手机"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[1].line, 6);
    }

    #[test]
    fn line_numbers_are_the_ones_an_editor_shows() {
        let t = read_text(b"a,b\r\nx,1\r\n\"y\r\nz\",2\r\nw,3\r\n").unwrap();
        let lines: Vec<u64> = t.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 3, 5]);
    }

    #[test]
    fn columns_are_lettered_like_a_spreadsheet() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
    }
}
