//! Writing the report as an .xlsx workbook.
//!
//! The customers sheet weighs every chosen customer (the facts pass);
//! the other sheets copy records. On a book on disk the two halves run at
//! once, on two threads with a reader each on the same committed state
//! ([`Store::read_both`]): on a 100k-customer book the workbook took
//! about as long to weigh as to copy.

mod customers;
mod history;
mod sheet;

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::NaiveDate;
use rusqlite::Connection;
use rust_xlsxwriter::{Workbook, XlsxError};

use super::facts::Tally;
use super::{ReportOptions, ReportSummary};
use crate::Store;
use crate::error::{Error, Result};
use crate::files::{Protected, Replace, write_atomic};
use sheet::Formats;

/// What every sheet writer needs, shared by the two halves.
struct Ctx<'a> {
    opts: &'a ReportOptions,
    /// The workbook's path, for errors.
    path: &'a Path,
    formats: Formats,
    today: NaiveDate,
    /// Set when either half failed: the other stops at its next row.
    failed: AtomicBool,
}

impl Ctx<'_> {
    fn err(&self) -> impl Fn(XlsxError) -> Error + '_ {
        move |e| crate::files::workbook::error(self.path, e)
    }

    /// [`Error::Cancelled`] once the report was cancelled or the other
    /// half failed.
    fn go_on(&self) -> Result<()> {
        let cancelled = self.opts.job.as_deref().is_some_and(crate::job::Job::is_cancelled);
        if cancelled || self.failed.load(Ordering::Relaxed) {
            return Err(Error::Cancelled);
        }
        Ok(())
    }

    /// Runs one half, telling the other half when it fails.
    fn half<T>(&self, run: impl FnOnce() -> Result<T>) -> Result<T> {
        let out = run();
        if out.is_err() {
            self.failed.store(true, Ordering::Relaxed);
        }
        out
    }
}

/// One half of the workbook, run on a reader of its own.
type Half<'a, T> = Box<dyn FnOnce(&Connection) -> Result<T> + Send + 'a>;

/// Writes the report of the book behind `conn` to `path` (.xlsx), whole or
/// not at all (see [`crate::files`]): the two halves one after the other.
pub fn write_xlsx(conn: &Connection, opts: &ReportOptions, path: &Path, today: NaiveDate) -> Result<ReportSummary> {
    let protected = Protected::of_conn(conn);
    write_atomic(path, &protected, Replace::Allowed, |file, _| {
        assemble(file, path, opts, today, |a, b| Ok((a(conn), b(conn))))
    })
}

/// [`write_xlsx`] of the book `store` holds, its two halves at once when
/// the book is on disk.
pub fn write_xlsx_from(store: &Store, opts: &ReportOptions, path: &Path, today: NaiveDate) -> Result<ReportSummary> {
    write_atomic(path, &store.protected(), Replace::Allowed, |file, _| {
        assemble(file, path, opts, today, |a, b| store.read_both(a, b))
    })
}

fn assemble(
    file: &mut std::fs::File,
    path: &Path,
    opts: &ReportOptions,
    today: NaiveDate,
    run: impl FnOnce(
        Half<'_, (Tally, [u64; 3])>,
        Half<'_, [u64; 3]>,
    ) -> Result<(Result<(Tally, [u64; 3])>, Result<[u64; 3]>)>,
) -> Result<ReportSummary> {
    let ctx = Ctx {
        opts,
        path,
        formats: Formats::new(),
        today,
        failed: AtomicBool::new(false),
    };
    let mut book = Workbook::new();
    // Zip level 3, not 6: deflating was a fifth of writing a big book's
    // workbook. At 20k customers 3 is as fast as 1 and the file stays the
    // size 6 made (25 MB; 1 made 35 MB).
    book.set_zip_compression_level(3);
    for _ in 0..7 {
        book.add_worksheet_with_constant_memory().map_err(ctx.err())?;
    }
    let [
        customers_ws,
        people_ws,
        contacts_ws,
        deals_ws,
        assessments_ws,
        overdue_ws,
        summary_ws,
    ] = book.worksheets_mut().as_mut_slice()
    else {
        unreachable!("seven sheets were just added");
    };
    let c = &ctx;
    let weighing: Half<'_, _> = Box::new(move |conn| {
        c.half(|| {
            let (tally, owners, customers) = customers::customers(conn, customers_ws, c)?;
            let deals = history::deals(conn, deals_ws, c, &owners)?;
            let overdue = history::overdue(conn, overdue_ws, c, &owners)?;
            Ok((tally, [customers, deals, overdue]))
        })
    });
    let copying: Half<'_, _> = Box::new(move |conn| {
        c.half(|| {
            let s = crate::settings::get(conn)?;
            let owners = super::scope::chosen(conn, c.opts, &s, c.today)?;
            let people = history::people(conn, people_ws, c, &owners)?;
            let contacts = history::contacts(conn, contacts_ws, c, &owners)?;
            let assessments = history::assessments(conn, assessments_ws, c, &owners)?;
            Ok([people, contacts, assessments])
        })
    });
    let (weighed, copied) = run(weighing, copying)?;
    // Rows written: customers, deals, overdue; people, contacts, assessments.
    let ((tally, [customers, deals, overdue]), [people, contacts, assessments]) = first_failure(weighed, copied)?;
    let summary = customers::summary(summary_ws, opts.lang, &tally, &ctx.formats).map_err(ctx.err())?;
    let rows = [customers, people, contacts, deals, assessments, overdue, summary];
    let sheets = book
        .worksheets()
        .iter()
        .zip(rows)
        .map(|(ws, n)| (ws.name(), n))
        .collect();
    book.save_to_writer(std::io::BufWriter::new(file)).map_err(ctx.err())?;
    Ok(ReportSummary { sheets })
}

/// Both halves' results, or the error that stopped them: a half that
/// stopped because the other failed tells nothing of its own.
fn first_failure<A, B>(a: Result<A>, b: Result<B>) -> Result<(A, B)> {
    match (a, b) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        (Err(Error::Cancelled), Err(e)) | (Err(e), _) | (_, Err(e)) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn disk_full() -> Error {
        Error::io(
            Path::new("r.xlsx"),
            std::io::Error::from(std::io::ErrorKind::StorageFull),
        )
    }

    #[test]
    fn the_half_that_failed_is_told_not_the_half_it_stopped() {
        let told = |a: Result<()>, b: Result<()>| first_failure(a, b).map(|_| ()).unwrap_err().to_string();
        let full = disk_full().to_string();
        assert_eq!(told(Err(Error::Cancelled), Err(disk_full())), full);
        assert_eq!(told(Err(disk_full()), Err(Error::Cancelled)), full);
        assert_eq!(told(Ok(()), Err(disk_full())), full);
        assert_eq!(told(Err(disk_full()), Ok(())), full);
        assert_eq!(
            told(Err(Error::Cancelled), Err(Error::Cancelled)),
            Error::Cancelled.to_string()
        );
        assert!(first_failure::<u8, u8>(Ok(1), Ok(2)).is_ok());
    }

    #[test]
    fn a_failed_half_stops_the_other_at_its_next_row() {
        let opts = ReportOptions::default();
        let ctx = Ctx {
            opts: &opts,
            path: Path::new("r.xlsx"),
            formats: Formats::new(),
            today: NaiveDate::default(),
            failed: AtomicBool::new(false),
        };
        assert!(ctx.go_on().is_ok());
        assert!(ctx.half(|| Ok(())).is_ok());
        assert!(ctx.go_on().is_ok(), "a half that succeeded stops nothing");
        assert!(ctx.half::<()>(|| Err(disk_full())).is_err());
        assert!(matches!(ctx.go_on(), Err(Error::Cancelled)));
    }
}
