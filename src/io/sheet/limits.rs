//! What a sheet may demand of this machine, checked before and while it is
//! read, so no file (a CSV whose first row is two million commas, an .xlsx
//! with one cell at XFD1048576, a zip bomb) can exhaust memory or time.
//! Each refusal names the limit.

use std::path::Path;

/// Excel's own column limit: no real sheet is wider.
pub const MAX_COLUMNS: usize = 16_384;
/// Cells kept in all (rows × their filled width): ten times a 100,000-row,
/// 50-column customer list.
pub const MAX_CELLS: usize = 5_000_000;
/// The largest area the filled cells of a sheet may span (rows × columns):
/// a stray value at XFD1048576 beside a list at A1 spans 17 billion.
pub const MAX_EXTENT: u64 = 50_000_000;
/// The most an .xlsx/.ods may unpack to, in all.
pub const MAX_UNZIPPED: u64 = 1 << 30;
/// The highest compression ratio accepted (real workbooks: under 20).
pub const MAX_RATIO: u64 = 200;

/// Counts what a reader keeps, failing as soon as a limit is passed.
#[derive(Debug, Default)]
pub struct Budget {
    cells: usize,
}

impl Budget {
    /// Takes a row of `width` cells found at `at` (a line or row, for the message).
    pub fn row(&mut self, width: usize, at: &str) -> Result<(), (String, String)> {
        if width > MAX_COLUMNS {
            return Err((
                at.to_string(),
                format!("{width} columns; the most Baton reads is {MAX_COLUMNS} (Excel's own limit)"),
            ));
        }
        self.cells += width;
        if self.cells > MAX_CELLS {
            return Err((
                at.to_string(),
                format!("more than {MAX_CELLS} cells in all; split the file"),
            ));
        }
        Ok(())
    }
}

/// Checks a zip-based workbook's entries before anything is inflated.
pub fn check_zip(path: &Path) -> Result<(), (String, String)> {
    let file = std::fs::File::open(path).map_err(|e| ("file".to_string(), e.to_string()))?;
    let compressed = file.metadata().map(|m| m.len()).unwrap_or(0).max(1);
    let mut archive = zip::ZipArchive::new(std::io::BufReader::new(file))
        .map_err(|e| ("file".to_string(), format!("not a readable workbook ({e})")))?;
    let mut total = 0u64;
    for i in 0..archive.len() {
        let entry = archive
            .by_index_raw(i)
            .map_err(|e| ("file".to_string(), format!("not a readable workbook ({e})")))?;
        total = total.saturating_add(entry.size());
    }
    if total > MAX_UNZIPPED || total / compressed > MAX_RATIO {
        return Err((
            "file".to_string(),
            format!(
                "the workbook unpacks to {} MiB from {} KiB; the most Baton reads is {} MiB at a ratio of {MAX_RATIO}",
                total >> 20,
                compressed >> 10,
                MAX_UNZIPPED >> 20
            ),
        ));
    }
    Ok(())
}

/// `cells` without its trailing empty cells: rows are kept ragged, never
/// padded to the widest row.
pub fn trim_end(mut cells: Vec<String>) -> Vec<String> {
    while cells.last().is_some_and(|c| c.trim().is_empty()) {
        cells.pop();
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_budget_names_the_limit_it_hit() {
        let mut b = Budget::default();
        let (at, why) = b.row(MAX_COLUMNS + 1, "line 1").unwrap_err();
        assert_eq!(at, "line 1");
        assert!(why.contains("16384"), "{why}");
        let mut b = Budget::default();
        for i in 0..(MAX_CELLS / 1000) {
            b.row(1000, &format!("line {i}")).unwrap();
        }
        assert!(b.row(1, "line x").unwrap_err().1.contains("cells"));
    }

    #[test]
    fn rows_stay_ragged() {
        assert_eq!(trim_end(vec!["a".into(), "".into(), " ".into()]), ["a"]);
        assert!(trim_end(vec![String::new(); 3]).is_empty());
    }
}
