//! The rejected rows given back as a workbook: the source's columns as they
//! were, plus where and why, so the user can fix them and import again.

use std::path::Path;

use rust_xlsxwriter::{Format, Workbook};

use super::plan::Plan;
use crate::error::Result;
use crate::files::{Protected, Replace, write_atomic};
use crate::io::report::fit_excel_cell as fit;

/// Writes the plan's rejected rows to `path` (.xlsx), whole or not at all,
/// never over one of the `protected` files (the open book's).
pub fn write_rejected(plan: &Plan, path: &Path, protected: &Protected) -> Result<()> {
    let err = |e: rust_xlsxwriter::XlsxError| crate::files::workbook::error(path, e);
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("未导入 Rejected").map_err(err)?;
    let bold = Format::new().set_bold();
    let extra = ["行 Row", "列 Column", "原因 Reason"];
    for (i, h) in extra
        .iter()
        .chain(plan.headers.iter().map(String::as_str).collect::<Vec<_>>().iter())
        .enumerate()
    {
        ws.write_string_with_format(0, i as u16, fit(h), &bold).map_err(err)?;
    }
    for (r, row) in plan.rejected.iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_number(r, 0, row.line as f64).map_err(err)?;
        ws.write_string(r, 1, fit(&row.column)).map_err(err)?;
        ws.write_string(r, 2, fit(&row.reason)).map_err(err)?;
        for (c, cell) in row.cells.iter().enumerate() {
            ws.write_string(r, c as u16 + 3, fit(cell)).map_err(err)?;
        }
    }
    ws.set_column_width(2, 40).map_err(err)?;
    ws.set_freeze_panes(1, 0).map_err(err)?;
    write_atomic(path, protected, Replace::Allowed, |file, _| {
        book.save_to_writer(std::io::BufWriter::new(file)).map_err(err)
    })
}
