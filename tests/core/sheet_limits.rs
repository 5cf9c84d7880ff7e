//! Issue 16 (bounded memory and time): files built to exhaust the reader
//! are refused within a second, naming the limit, with memory bounded (the
//! CLI runs under a 200 MiB address-space limit here: an attempt to pad a huge row
//! or build a dense range would abort instead).

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn import_sheet_limited(dir: &Path, file: &Path) -> (Output, Duration) {
    let db = dir.join("book.db");
    let started = Instant::now();
    let out = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 204800; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_baton"))
        .arg("--db")
        .arg(&db)
        .arg("import-sheet")
        .arg(file)
        .arg("--dry-run")
        .env_remove("BATON_DB")
        .output()
        .unwrap();
    (out, started.elapsed())
}

#[test]
fn a_csv_whose_first_row_is_two_million_commas_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("wide.csv");
    let mut text = ",".repeat(2_000_000);
    text.push_str("\n公司名称,联系人\n华为,张三\n");
    std::fs::write(&file, text).unwrap();
    let (out, took) = import_sheet_limited(dir.path(), &file);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "an error, not an abort: {err}");
    assert!(err.contains("line 1") && err.contains("16384"), "{err}");
    assert!(took < Duration::from_secs(1), "{took:?}");
}

#[test]
fn an_xlsx_with_a_stray_cell_at_xfd1048576_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("far.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.write_string(0, 0, "公司名称").unwrap();
    ws.write_string(1, 0, "华为").unwrap();
    ws.write_string(1_048_575, 16_383, "x").unwrap();
    book.save(&file).unwrap();
    let (out, took) = import_sheet_limited(dir.path(), &file);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "an error, not an abort: {err}");
    assert!(err.contains("A1:XFD1048576"), "{err}");
    assert!(took < Duration::from_secs(1), "{took:?}");
}

#[test]
fn ragged_rows_are_read_without_padding_and_still_import() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ragged.csv");
    std::fs::write(
        &file,
        "公司名称,联系人,手机,备注\n华为,张三\n腾讯,李四,13800000000,老客户\n",
    )
    .unwrap();
    let table = baton::io::sheet::read(&file).unwrap();
    assert_eq!(table.headers.len(), 4);
    assert_eq!(table.rows[0].cells, ["华为", "张三"], "a short row stays short");
    let store = baton::Store::open_in_memory().unwrap();
    let mapping = baton::io::sheet::Mapping::guess(&table.headers);
    let plan = store.read(|c| baton::io::sheet::plan(c, &table, &mapping)).unwrap();
    assert_eq!(plan.customers.len(), 2);
    assert!(plan.rejected.is_empty(), "{:?}", plan.rejected);
}
