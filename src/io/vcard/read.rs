//! Reading vCard 2.1, 3.0 and 4.0 files as phones and WeChat export them:
//! folded lines, QUOTED-PRINTABLE values with soft line breaks, CHARSET
//! parameters (GB2312/GBK/Big5…), escaped commas and semicolons, and photos
//! (skipped, whatever their size).

use encoding_rs::Encoding;

/// One contact from a vCard file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Card {
    /// The line its BEGIN:VCARD is on.
    pub line: u64,
    /// FN, or the name put together from N.
    pub name: String,
    /// ORG's first component: the company.
    pub org: String,
    /// ORG's second component.
    pub department: String,
    /// TITLE.
    pub title: String,
    /// The first TEL, a mobile one if there is one.
    pub phone: String,
    /// The first EMAIL.
    pub email: String,
    /// A WeChat id (X-WECHAT, or IMPP with a wechat/weixin scheme).
    pub wechat: String,
    /// BDAY as written.
    pub birthday: String,
    /// NOTE.
    pub note: String,
    /// Whether a PHOTO was skipped.
    pub had_photo: bool,
}

/// Lines of at most this many bytes are read; longer ones (inline photos,
/// mostly) are skipped.
const MAX_LINE: usize = 64 * 1024;

/// The physical lines of `bytes`: a line ends at LF, CRLF, a lone CR, or
/// CR CR LF (iPhone exports), in any mix.
fn physical_lines(bytes: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        match bytes[i] {
            b'\r' | b'\n' => {
                out.push(&bytes[start..i]);
                while i < bytes.len() && bytes[i] == b'\r' {
                    i += 1;
                }
                if i < bytes.len() && bytes[i] == b'\n' {
                    i += 1;
                }
                start = i;
            }
            _ => i += 1,
        }
    }
    if start < bytes.len() {
        out.push(&bytes[start..]);
    }
    out
}

/// Splits `bytes` into unfolded logical lines with the physical line each
/// starts on. RFC folding (a line end + space or tab) and QUOTED-PRINTABLE
/// soft breaks (a line ending in `=`) are both joined. Bytes, not text: a
/// value's own CHARSET decides how it is read.
fn logical_lines(bytes: &[u8]) -> Vec<(u64, Vec<u8>)> {
    let mut out: Vec<(u64, Vec<u8>)> = Vec::new();
    let mut qp_open = false;
    for (i, raw) in physical_lines(bytes).into_iter().enumerate() {
        let line_no = i as u64 + 1;
        if let Some(last) = out.last_mut() {
            if qp_open {
                last.1.pop(); // the soft break's '='
                last.1.extend_from_slice(raw.trim_ascii_start());
                qp_open = raw.ends_with(b"=");
                continue;
            }
            if let Some(rest) = raw.strip_prefix(b" ").or_else(|| raw.strip_prefix(b"\t")) {
                last.1.extend_from_slice(rest);
                continue;
            }
        }
        if raw.is_empty() {
            continue;
        }
        let head_end = raw.iter().position(|&b| b == b':').unwrap_or(raw.len());
        let upper = raw[..head_end].to_ascii_uppercase();
        qp_open = upper.windows(16).any(|w| w == b"QUOTED-PRINTABLE") && raw.ends_with(b"=");
        out.push((line_no, raw.to_vec()));
    }
    out
}

/// `=E5=BC=A0` → bytes.
fn quoted_printable(value: &[u8]) -> Vec<u8> {
    let bytes = value;
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' && i + 2 < bytes.len() + 1 {
            let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
            if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// Undoes vCard text escaping: `\,` `\;` `\:` `\\` `\n`.
fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Splits on `sep` where it is not escaped.
fn components(value: &str, sep: char) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut escaped = false;
    for c in value.chars() {
        if escaped {
            if let Some(p) = parts.last_mut() {
                p.push('\\');
                p.push(c);
            }
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == sep {
            parts.push(String::new());
        } else if let Some(p) = parts.last_mut() {
            p.push(c);
        }
    }
    parts.into_iter().map(|p| unescape(&p).trim().to_string()).collect()
}

/// Reads every card in `text` (already decoded, e.g. from UTF-16).
pub fn read(text: &str) -> Vec<Card> {
    read_bytes(text.as_bytes())
}

/// Reads every card in a file's bytes. Each value is decoded by its own
/// CHARSET parameter when it has one (Shift_JIS, Big5, GBK…); otherwise as
/// UTF-8, or GB18030 where it is not valid UTF-8.
pub fn read_bytes(bytes: &[u8]) -> Vec<Card> {
    let mut cards = Vec::new();
    let mut card: Option<Card> = None;
    let mut phone_is_cell = false;
    let mut structured_name: Option<String> = None;
    for (line_no, raw) in logical_lines(bytes) {
        let Some(colon) = find_value_colon(&raw) else {
            continue;
        };
        let head = String::from_utf8_lossy(&raw[..colon]);
        let value_bytes = &raw[colon + 1..];
        let line_len = raw.len();
        let plain = String::from_utf8_lossy(value_bytes);
        let value: &str = &plain;
        let mut params = head.split(';');
        let name = params.next().unwrap_or("");
        // Drop a group prefix ("item1.TEL").
        let name = name.rsplit('.').next().unwrap_or(name).to_ascii_uppercase();
        let params: Vec<String> = params.map(|p| p.to_ascii_uppercase()).collect();
        match name.as_str() {
            "BEGIN" if value.eq_ignore_ascii_case("VCARD") => {
                card = Some(Card {
                    line: line_no,
                    ..Card::default()
                });
                phone_is_cell = false;
                structured_name = None;
                continue;
            }
            "END" if value.eq_ignore_ascii_case("VCARD") => {
                if let Some(mut c) = card.take() {
                    if c.name.is_empty() {
                        c.name = structured_name.take().unwrap_or_default();
                    }
                    cards.push(c);
                }
                continue;
            }
            _ => {}
        }
        let Some(c) = card.as_mut() else {
            continue;
        };
        if name == "PHOTO" || name == "LOGO" || name == "SOUND" || name == "KEY" {
            c.had_photo |= name == "PHOTO";
            continue;
        }
        if line_len > MAX_LINE {
            continue;
        }
        let value = decode_value(value_bytes, &params);
        match name.as_str() {
            "FN" => c.name = unescape(&value).trim().to_string(),
            "N" => {
                let parts = components(&value, ';');
                let part = |i: usize| parts.get(i).map_or("", String::as_str);
                let joined = crate::io::sheet::values::full_name_parts(&crate::io::sheet::values::NameParts {
                    family: part(0),
                    given: part(1),
                    middle: part(2),
                    prefix: part(3),
                    suffix: part(4),
                });
                structured_name = Some(joined.trim().to_string());
            }
            "ORG" => {
                let parts = components(&value, ';');
                c.org = parts.first().cloned().unwrap_or_default();
                c.department = parts.get(1).cloned().unwrap_or_default();
            }
            "TITLE" => c.title = unescape(&value).trim().to_string(),
            "TEL" => {
                let number = value.trim().trim_start_matches("tel:").to_string();
                let cell = params.iter().any(|p| p.contains("CELL"));
                if !number.is_empty() && (c.phone.is_empty() || (cell && !phone_is_cell)) {
                    c.phone = number;
                    phone_is_cell = cell;
                }
            }
            "EMAIL" if c.email.is_empty() => c.email = value.trim().to_string(),
            "X-WECHAT" | "X-WEIXIN" if c.wechat.is_empty() => c.wechat = unescape(&value).trim().to_string(),
            "IMPP" if c.wechat.is_empty() => {
                let v = value.trim();
                for scheme in ["wechat:", "weixin:", "x-apple:"] {
                    if let Some(id) = v.strip_prefix(scheme)
                        && (scheme != "x-apple:" || params.iter().any(|p| p.contains("WECHAT")))
                    {
                        c.wechat = id.to_string();
                    }
                }
            }
            "BDAY" => c.birthday = value.trim().to_string(),
            "NOTE" => c.note = unescape(&value).trim().to_string(),
            _ => {}
        }
    }
    cards
}

/// The colon ending the name and parameters (a quoted parameter value may
/// hold one).
fn find_value_colon(line: &[u8]) -> Option<usize> {
    let mut quoted = false;
    for (i, &c) in line.iter().enumerate() {
        match c {
            b'"' => quoted = !quoted,
            b':' if !quoted => return Some(i),
            _ => {}
        }
    }
    None
}

/// Applies QUOTED-PRINTABLE and CHARSET to a raw value; without a
/// CHARSET, UTF-8, or GB18030 where the bytes are not UTF-8.
fn decode_value(value: &[u8], params: &[String]) -> String {
    let qp = params
        .iter()
        .any(|p| p == "QUOTED-PRINTABLE" || p == "ENCODING=QUOTED-PRINTABLE");
    let charset = params
        .iter()
        .find_map(|p| p.strip_prefix("CHARSET="))
        .and_then(|label| Encoding::for_label(label.trim_matches('"').as_bytes()));
    let bytes = if qp { quoted_printable(value) } else { value.to_vec() };
    // GB2312 labels decode as GBK, its superset, so nothing valid is lost.
    match charset {
        Some(encoding) => encoding.decode_without_bom_handling(&bytes).0.into_owned(),
        None => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => encoding_rs::GB18030
                .decode_without_bom_handling(e.as_bytes())
                .0
                .into_owned(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_printable_with_a_charset_and_soft_breaks() {
        let text = "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=BC=A0;=E4=B8=\r\n=89\r\nTEL;CELL:138 0013 8000\r\nEND:VCARD\r\n";
        let cards = read(text);
        assert_eq!(cards.len(), 1);
        assert_eq!(cards[0].name, "张三");
        assert_eq!(cards[0].phone, "138 0013 8000");
    }

    #[test]
    fn every_line_end_in_any_mix() {
        // iPhone: CR CR LF; Thunderbird on Windows: CRLF; old Macs: CR.
        for end in ["\r\r\n", "\r\n", "\n", "\r"] {
            let text = [
                "BEGIN:VCARD",
                "VERSION:3.0",
                "FN:王总",
                "TEL;TYPE=CELL:15080179467",
                "NOTE:第一行",
                " 接续",
                "END:VCARD",
                "",
            ]
            .join(end);
            let cards = read(&text);
            assert_eq!(cards.len(), 1, "{end:?}");
            assert_eq!(cards[0].name, "王总");
            assert_eq!(cards[0].note, "第一行接续", "{end:?}: folding still joins");
            assert_eq!(cards[0].line, 1);
        }
    }

    #[test]
    fn a_charset_parameter_decodes_its_own_value() {
        let mut bytes = b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=SHIFT_JIS:".to_vec();
        bytes.extend_from_slice(&encoding_rs::SHIFT_JIS.encode("山田;太郎").0);
        bytes.extend_from_slice(b"\r\nORG;CHARSET=BIG5:");
        bytes.extend_from_slice(&encoding_rs::BIG5.encode("台灣電子").0);
        bytes.extend_from_slice(b"\r\nTITLE:");
        bytes.extend_from_slice(&encoding_rs::GBK.encode("采购经理").0);
        bytes.extend_from_slice(b"\r\nEND:VCARD\r\n");
        let cards = read_bytes(&bytes);
        assert_eq!(cards.len(), 1);
        assert_eq!(cards[0].name, "山田太郎");
        assert_eq!(cards[0].org, "台灣電子");
        assert_eq!(cards[0].title, "采购经理", "no CHARSET: GBK bytes read as GB18030");
    }

    #[test]
    fn escapes_and_components() {
        assert_eq!(components(r"华为\;深圳;研发部", ';'), ["华为;深圳", "研发部"]);
        assert_eq!(unescape(r"a\,b\nc"), "a,b\nc");
    }
}
