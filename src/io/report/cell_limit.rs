//! Excel's limit of 32,767 UTF-16 units in one cell.
//!
//! A single long contact summary (the book allows longer text) must not make
//! the whole workbook fail: the cell is cut with a visible marker saying how
//! long the full text is. The html report and the book keep it whole.

/// Excel's maximum cell length, in UTF-16 code units.
pub const EXCEL_CELL_MAX: usize = 32_767;

/// `text` as it fits in one Excel cell: unchanged when short enough, else
/// cut on a character boundary and ended by a marker.
pub fn fit(text: &str) -> std::borrow::Cow<'_, str> {
    let units = text.encode_utf16().count();
    if units <= EXCEL_CELL_MAX {
        return text.into();
    }
    let chars = text.chars().count();
    let marker = format!(" …〔已截断 · cut: {chars} 字 characters in full〕");
    let room = EXCEL_CELL_MAX - marker.encode_utf16().count();
    let mut used = 0;
    let mut out = String::with_capacity(room * 2);
    for ch in text.chars() {
        used += ch.len_utf16();
        if used > room {
            break;
        }
        out.push(ch);
    }
    out.push_str(&marker);
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_unchanged_and_long_text_fits_with_a_marker() {
        assert_eq!(fit("华为"), "华为");
        let exact = "a".repeat(EXCEL_CELL_MAX);
        assert_eq!(fit(&exact), exact);
        // Characters outside the BMP count twice in UTF-16.
        let long = "客".repeat(20_000) + &"😀".repeat(10_000);
        let cut = fit(&long);
        assert!(cut.encode_utf16().count() <= EXCEL_CELL_MAX);
        assert!(
            cut.ends_with("30000 字 characters in full〕"),
            "{}",
            &cut[cut.len() - 80..]
        );
        assert!(cut.starts_with(&"客".repeat(20_000)));
    }
}
