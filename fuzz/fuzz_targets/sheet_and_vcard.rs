//! libFuzzer target: the spreadsheet-text and vCard readers and the plan
//! must never panic on any bytes.
#![no_main]

use baton::sheet_import::{self, Mapping};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let book = baton::Store::open_in_memory().expect("book");
    if let Ok(table) = sheet_import::read_text(data) {
        let mapping = Mapping::guess(&table.headers);
        let _ = book.read(|c| sheet_import::plan(c, &table, &mapping));
    }
    if let Ok(text) = sheet_import::read_text_only(data) {
        let cards = baton::vcard::read(&text);
        let (table, mapping) = baton::vcard::as_table(&cards);
        let _ = book.read(|c| sheet_import::plan(c, &table, &mapping));
    }
    let cards = baton::vcard::read_bytes(data);
    let (table, mapping) = baton::vcard::as_table(&cards);
    let _ = book.read(|c| sheet_import::plan(c, &table, &mapping));
});
