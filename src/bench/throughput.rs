//! The bench's whole-book operations, run once each at full size: a
//! spreadsheet import, the manager's report in both forms, and handover
//! export / import against plain INSERTs.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use baton::error::Result;
use baton::store::Store;

use super::remove_book;

/// A file beside the bench book.
fn sibling(book: &Path, suffix: &str) -> PathBuf {
    let mut p = book.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// A GBK sheet of `rows` rows (50,000 at full size; two people per
/// company): checked
/// against this book (duplicates by name, phone, email), then read,
/// planned and imported into an empty book.
pub(super) fn sheet_import(
    store: &Store,
    book: &Path,
    rows: usize,
    add: &mut impl FnMut(&str, (Duration, Duration), Option<super::references::Timed>),
    report: &mut impl FnMut(&str),
) -> Result<()> {
    use baton::io::sheet::{self, Mapping, SheetImportOptions};
    let (file, target) = (sibling(book, ".sheet.csv"), sibling(book, ".sheet.db"));
    remove_book(&target);
    let mut text = String::from("公司名称,联系人,手机,邮箱,所在地区,标签,成立日期,员工数\r\n");
    for i in 0..rows {
        let company = i / 2;
        text.push_str(&format!(
            "导入测试{company:05}精密机械有限公司,联系人{i},139{i:08},p{i}@example.cn,江苏苏州,老客户、华东,{}年{}月{}日,\"{},{:03}\"\r\n",
            1990 + company % 30,
            1 + company % 12,
            1 + company % 28,
            1 + company % 9,
            company % 1000
        ));
    }
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    std::fs::write(&file, &gbk).map_err(|e| baton::Error::io(&file, e))?;

    let started = Instant::now();
    let table = sheet::read(&file)?;
    let mapping = Mapping::guess(&table.headers);
    let plan = store.read(|c| sheet::plan(c, &table, &mapping))?;
    let check = started.elapsed();

    let empty = Store::open(&target)?;
    let started = Instant::now();
    let table = sheet::read(&file)?;
    let plan_empty = empty.read(|c| sheet::plan(c, &table, &mapping))?;
    // Its backup goes beside the scratch book and with it: never into a
    // shared folder, where the rotation would prune someone else's.
    let backups = sibling(&target, ".backups");
    let done = sheet::apply(
        &empty,
        &plan_empty,
        &SheetImportOptions {
            backup_dir: Some(backups.clone()),
            ..Default::default()
        },
    )?;
    let import = started.elapsed();
    drop(empty);
    remove_book(&target);
    let _ = std::fs::remove_dir_all(&backups);
    let _ = std::fs::remove_file(&file);
    report(&format!(
        "sheet of {rows} rows ({} customers planned, {} rejected): checked against the book in {:.2} s; \
         imported {} customers and {} people into an empty book in {:.2} s",
        plan.customers.len(),
        plan.rejected.len(),
        check.as_secs_f64(),
        done.added,
        done.people_added,
        import.as_secs_f64()
    ));
    add(
        &format!("sheet: read and check {rows} rows against the book"),
        (check, check),
        None,
    );
    add(
        &format!("sheet: import {rows} rows into an empty book"),
        (import, import),
        None,
    );
    Ok(())
}

/// A sheet of `rows` rows of one company (60,000 at full size), each a
/// different person: planned against the book. Matching people through
/// hash maps keeps this linear (it was quadratic: minutes at 60,000).
pub(super) fn one_company_sheet(
    store: &Store,
    book: &Path,
    rows: usize,
    add: &mut impl FnMut(&str, (Duration, Duration), Option<super::references::Timed>),
    report: &mut impl FnMut(&str),
) -> Result<()> {
    use baton::io::sheet::{self, Mapping};
    let file = sibling(book, ".one-company.csv");
    let mut text = String::from("公司名称,联系人,手机,邮箱\n");
    for i in 0..rows {
        text.push_str(&format!("苏州大客户集团有限公司,员工{i},137{i:08},e{i}@example.cn\n"));
    }
    std::fs::write(&file, &text).map_err(|e| baton::Error::io(&file, e))?;
    let started = Instant::now();
    let table = sheet::read(&file)?;
    let mapping = Mapping::guess(&table.headers);
    let plan = store.read(|c| sheet::plan(c, &table, &mapping))?;
    let took = started.elapsed();
    let _ = std::fs::remove_file(&file);
    let people: usize = plan.customers.iter().map(|c| c.people.len()).sum();
    report(&format!(
        "one-company sheet of {rows} rows: {} customer, {people} people planned in {:.2} s",
        plan.customers.len(),
        took.as_secs_f64()
    ));
    add(
        &format!("sheet: read and plan {rows} rows of one company"),
        (took, took),
        None,
    );
    Ok(())
}

/// The manager's report of the whole book, both forms, once each.
pub(super) fn manager_report(
    store: &Store,
    book: &Path,
    add: &mut impl FnMut(&str, (Duration, Duration), Option<super::references::Timed>),
    report: &mut impl FnMut(&str),
) -> Result<Vec<ReportMemory>> {
    let mut memory = Vec::new();
    use baton::io::report::{self, ReportOptions};
    let today = baton::clock::local_today();
    for (ext, name) in [
        ("xlsx", "report: the workbook (.xlsx)"),
        ("html", "report: the visual report (.html)"),
    ] {
        let out = sibling(book, &format!(".report.{ext}"));
        let before = rss::reset_peak();
        let started = Instant::now();
        report::write_from(store, &ReportOptions::default(), &out, today)?;
        let took = started.elapsed();
        memory.push(ReportMemory {
            form: ext,
            rss_before: before,
            peak_rss: rss::peak(),
        });
        let size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
        let _ = std::fs::remove_file(&out);
        report(&format!(
            "{name}: {:.1} s, {:.1} MiB",
            took.as_secs_f64(),
            size as f64 / 1_048_576.0
        ));
        add(name, (took, took), None);
    }
    Ok(memory)
}

/// The bench process's memory while one form of the report was written.
#[derive(Debug, Clone, Copy)]
pub struct ReportMemory {
    /// "xlsx" or "html".
    pub form: &'static str,
    /// Resident bytes just before (the open book's caches, the bench).
    pub rss_before: Option<u64>,
    /// The most resident bytes while it was written.
    pub peak_rss: Option<u64>,
}

/// Resident memory from Linux's /proc (none elsewhere).
mod rss {
    /// Resets the process's peak resident size to its current one (Linux
    /// `clear_refs` 5) and returns the current size.
    pub fn reset_peak() -> Option<u64> {
        let _ = std::fs::write("/proc/self/clear_refs", "5");
        field("VmRSS:")
    }

    /// The peak resident size since the last reset.
    pub fn peak() -> Option<u64> {
        field("VmHWM:")
    }

    fn field(name: &str) -> Option<u64> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        let line = status.lines().find(|l| l.starts_with(name))?;
        let kib: u64 = line[name.len()..].trim().trim_end_matches("kB").trim().parse().ok()?;
        Some(kib * 1024)
    }
}

/// Export the whole book, import it into an empty book, and insert the same
/// rows into another empty book with plain prepared INSERTs (the reference),
/// once each: these take minutes at full size.
pub(super) fn handover(
    store: &Store,
    book: &Path,
    add: &mut impl FnMut(&str, (Duration, Duration), Option<super::references::Timed>),
    report: &mut impl FnMut(&str),
) -> Result<()> {
    use baton::book::kinds::RecordKind;
    use baton::handover::{self, ExportOptions, ImportOptions};
    let (file, imported, raw) = (
        sibling(book, ".baton"),
        sibling(book, ".imported.db"),
        sibling(book, ".raw.db"),
    );
    for p in [&imported, &raw] {
        remove_book(p);
    }
    let started = Instant::now();
    let header = store.read(|c| handover::export(c, &ExportOptions::default(), &file))?;
    let export = started.elapsed();
    let records: u64 = header.counts.values().sum();

    let target = Store::open(&imported)?;
    let started = Instant::now();
    handover::import(
        &target,
        &file,
        &ImportOptions {
            backup_dir: Some(sibling(&imported, ".backups")),
            ..Default::default()
        },
    )?;
    let import = started.elapsed();
    drop(target);
    let _ = std::fs::remove_dir_all(sibling(&imported, ".backups"));

    // The reference: the same rows, read from the book and written with
    // plain prepared INSERTs into a fresh book (same schema, indexes and
    // search triggers), in one transaction.
    let source = rusqlite::Connection::open_with_flags(book, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let reference = Store::open(&raw)?;
    let started = Instant::now();
    reference.write(|tx| {
        for kind in RecordKind::ALL {
            let table = kind.table();
            // A record's search document number is the book's own, given
            // by its insert trigger: the copy leaves it out.
            let columns: Vec<String> = source
                .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))?
                .query_map([], |r| r.get::<_, String>(0))?
                .map(|c| c.map(|c| if c == "search_doc" { "NULL".to_string() } else { c }))
                .collect::<rusqlite::Result<_>>()?;
            let mut select = source.prepare(&format!("SELECT {} FROM {table}", columns.join(", ")))?;
            let n = select.column_count();
            let marks = vec!["?"; n].join(", ");
            let mut insert = tx.prepare(&format!("INSERT INTO {table} VALUES ({marks})"))?;
            let mut rows = select.query([])?;
            while let Some(row) = rows.next()? {
                let values: Vec<rusqlite::types::Value> =
                    (0..n).map(|i| row.get(i)).collect::<rusqlite::Result<_>>()?;
                insert.execute(rusqlite::params_from_iter(values))?;
            }
        }
        Ok(())
    })?;
    let raw_insert = started.elapsed();
    drop(reference);
    for p in [&imported, &raw] {
        remove_book(p);
    }
    let _ = std::fs::remove_file(&file);

    let per_s = |d: Duration| records as f64 / d.as_secs_f64().max(1e-9);
    report(&format!(
        "handover of {records} records: export {:.0} records/s, import {:.0} records/s, raw insert {:.0} records/s; \
         import takes {:.1}x the raw insert",
        per_s(export),
        per_s(import),
        per_s(raw_insert),
        import.as_secs_f64() / raw_insert.as_secs_f64().max(1e-9)
    ));
    add("handover: export the whole book", (export, export), None);
    add(
        "handover: import into an empty book (ref: raw inserts)",
        (import, import),
        // The same rows written with plain prepared INSERTs.
        Some((super::ReferenceIs::SameWork, (raw_insert, raw_insert))),
    );
    Ok(())
}
