//! A workbook sheet written row by row, with typed cells.

use chrono::{DateTime, Datelike, Local, Timelike};
use rust_xlsxwriter::{ExcelDateTime, Format, Worksheet, XlsxError};

/// One cell's value.
pub(super) enum Cell {
    Text(String),
    Number(f64),
    Date(Option<String>),
    DateTime(Option<String>),
    Empty,
}

/// What a column holds, which decides how its cells are shown.
#[derive(Clone, Copy)]
pub(super) enum Kind {
    /// Text, or a plain number (a count, days, a score).
    Plain,
    /// A day.
    Date,
    /// A moment, to the minute.
    DateTime,
    /// An amount of money, with two decimals.
    Money,
}

/// The formats the workbook's sheets use.
pub(super) struct Formats {
    bold: Format,
    date: Format,
    datetime: Format,
    money: Format,
}

impl Formats {
    pub(super) fn new() -> Formats {
        Formats {
            bold: Format::new().set_bold(),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            datetime: Format::new().set_num_format("yyyy-mm-dd hh:mm"),
            money: Format::new().set_num_format("#,##0.00"),
        }
    }

    fn of(&self, kind: Kind) -> Option<&Format> {
        match kind {
            Kind::Plain => None,
            Kind::Date => Some(&self.date),
            Kind::DateTime => Some(&self.datetime),
            Kind::Money => Some(&self.money),
        }
    }
}

/// A sheet being written row by row (the writer streams rows to disk).
pub(super) struct Sheet<'a> {
    ws: &'a mut Worksheet,
    row: u32,
    columns: u16,
}

impl Sheet<'_> {
    /// Names the sheet and writes its header row. Each column's format is
    /// the column's, not each cell's: the writer gives it to every cell
    /// written without one, and looking a format up for each of millions
    /// of cells (it hashes the whole format) was a tenth of the workbook.
    pub(super) fn new<'a>(
        ws: &'a mut Worksheet,
        name: &str,
        headers: &[(&str, f64, Kind)],
        formats: &Formats,
    ) -> Result<Sheet<'a>, XlsxError> {
        ws.set_name(name)?;
        for (i, (title, width, kind)) in headers.iter().enumerate() {
            let col = i as u16;
            ws.set_column_width(col, *width)?;
            if let Some(format) = formats.of(*kind) {
                ws.set_column_format(col, format)?;
            }
            ws.write_string_with_format(0, col, *title, &formats.bold)?;
        }
        ws.set_freeze_panes(1, 0)?;
        Ok(Sheet {
            ws,
            row: 0,
            columns: headers.len() as u16,
        })
    }

    pub(super) fn push(&mut self, cells: Vec<Cell>) -> Result<(), XlsxError> {
        self.row += 1;
        let r = self.row;
        for (i, cell) in cells.into_iter().enumerate() {
            let c = i as u16;
            match cell {
                Cell::Text(t) if !t.is_empty() => {
                    self.ws.write_string(r, c, super::super::cell_limit::fit(&t))?;
                }
                Cell::Number(n) => {
                    self.ws.write_number(r, c, n)?;
                }
                Cell::Date(Some(d)) => match ExcelDateTime::parse_from_str(&d) {
                    Ok(dt) => {
                        self.ws.write_datetime(r, c, &dt)?;
                    }
                    Err(_) => {
                        self.ws.write_string(r, c, d)?;
                    }
                },
                Cell::DateTime(Some(ts)) => match local(&ts) {
                    Some(dt) => {
                        self.ws.write_datetime(r, c, &dt)?;
                    }
                    None => {
                        self.ws.write_string(r, c, ts)?;
                    }
                },
                _ => {}
            }
        }
        Ok(())
    }

    /// Filters on the header row over every written row; the row count.
    pub(super) fn finish(self) -> Result<u64, XlsxError> {
        self.ws
            .autofilter(0, 0, self.row.max(1), self.columns.saturating_sub(1))?;
        Ok(u64::from(self.row))
    }
}

/// An RFC 3339 timestamp as local wall-clock time for Excel, to the
/// second; `None` if it is no timestamp or out of Excel's years. Built from
/// the parts, not printed and parsed again (a million contacts' times:
/// about 8% of the workbook's CPU time).
fn local(ts: &str) -> Option<ExcelDateTime> {
    let t = DateTime::parse_from_rfc3339(ts)
        .ok()?
        .with_timezone(&Local)
        .naive_local();
    let year = u16::try_from(t.year()).ok()?;
    ExcelDateTime::from_ymd(year, t.month() as u8, t.day() as u8)
        .and_then(|d| d.and_hms(t.hour() as u16, t.minute() as u8, t.second()))
        .ok()
}

pub(super) fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

pub(super) fn money(minor: i64) -> Cell {
    Cell::Number(minor as f64 / 100.0)
}

pub(super) fn opt_number(n: Option<i64>) -> Cell {
    n.map_or(Cell::Empty, |n| Cell::Number(n as f64))
}
