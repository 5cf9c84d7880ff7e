//! The content lines vCard (RFC 6350) and iCalendar (RFC 5545) share: TEXT
//! values escape backslash, comma, semicolon and line breaks, and a line
//! longer than 75 octets is folded (CRLF and a space) without splitting a
//! UTF-8 character, which Chinese text would otherwise break.

/// Escapes a TEXT value.
pub fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line to `out`, folded at 75 octets, ended by CRLF.
pub fn push(out: &mut String, text: &str) {
    let mut width = 0;
    for c in text.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_chinese_lines_fold_at_75_octets_between_characters() {
        let mut out = String::new();
        push(&mut out, &format!("SUMMARY:{}", "华为技术有限公司".repeat(6)));
        for piece in out.split("\r\n").filter(|p| !p.is_empty()) {
            assert!(piece.len() <= 75, "{} octets: {piece}", piece.len());
        }
        let unfolded = out.trim_end().replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}", "华为技术有限公司".repeat(6)));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("报价;样品,再议\n下周\\"), "报价\\;样品\\,再议\\n下周\\\\");
    }
}
