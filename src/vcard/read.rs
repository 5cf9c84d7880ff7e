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

/// Splits `text` into unfolded logical lines with the physical line each
/// starts on. RFC folding (CRLF + space or tab) and QUOTED-PRINTABLE soft
/// breaks (a line ending in `=`) are both joined.
fn logical_lines(text: &str) -> Vec<(u64, String)> {
    let mut out: Vec<(u64, String)> = Vec::new();
    let mut qp_open = false;
    for (i, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let line_no = i as u64 + 1;
        if let Some(last) = out.last_mut() {
            if qp_open {
                last.1.pop(); // the soft break's '='
                last.1.push_str(raw.trim_start());
                qp_open = raw.ends_with('=');
                continue;
            }
            if let Some(rest) = raw.strip_prefix([' ', '\t']) {
                last.1.push_str(rest);
                continue;
            }
        }
        if raw.is_empty() {
            continue;
        }
        let upper = raw.to_ascii_uppercase();
        qp_open = upper.contains("QUOTED-PRINTABLE") && raw.ends_with('=');
        out.push((line_no, raw.to_string()));
    }
    out
}

/// `=E5=BC=A0` → bytes.
fn quoted_printable(value: &str) -> Vec<u8> {
    let bytes = value.as_bytes();
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

/// Reads every card in `text`.
pub fn read(text: &str) -> Vec<Card> {
    let mut cards = Vec::new();
    let mut card: Option<Card> = None;
    let mut phone_is_cell = false;
    let mut structured_name: Option<String> = None;
    for (line_no, line) in logical_lines(text) {
        let Some(colon) = find_value_colon(&line) else {
            continue;
        };
        let (head, value) = (&line[..colon], &line[colon + 1..]);
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
        if line.len() > MAX_LINE {
            continue;
        }
        let value = decode_value(value, &params);
        match name.as_str() {
            "FN" => c.name = unescape(&value).trim().to_string(),
            "N" => {
                let parts = components(&value, ';');
                let family = parts.first().cloned().unwrap_or_default();
                let given = parts.get(1).cloned().unwrap_or_default();
                let cjk = |s: &str| s.chars().any(|ch| ('\u{3400}'..='\u{9fff}').contains(&ch));
                let joined = if cjk(&family) || cjk(&given) {
                    format!("{family}{given}")
                } else {
                    format!("{given} {family}")
                };
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
fn find_value_colon(line: &str) -> Option<usize> {
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ':' if !quoted => return Some(i),
            _ => {}
        }
    }
    None
}

/// Applies QUOTED-PRINTABLE and CHARSET to a raw value.
fn decode_value(value: &str, params: &[String]) -> String {
    let qp = params
        .iter()
        .any(|p| p == "QUOTED-PRINTABLE" || p == "ENCODING=QUOTED-PRINTABLE");
    let charset = params
        .iter()
        .find_map(|p| p.strip_prefix("CHARSET="))
        .and_then(|label| Encoding::for_label(label.trim_matches('"').as_bytes()));
    if !qp && charset.is_none() {
        return value.to_string();
    }
    let bytes = if qp {
        quoted_printable(value)
    } else {
        value.as_bytes().to_vec()
    };
    let encoding = charset.unwrap_or(encoding_rs::UTF_8);
    // GB2312 labels decode as GBK, its superset, so nothing valid is lost.
    encoding.decode_without_bom_handling(&bytes).0.into_owned()
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
    fn escapes_and_components() {
        assert_eq!(components(r"华为\;深圳;研发部", ';'), ["华为;深圳", "研发部"]);
        assert_eq!(unescape(r"a\,b\nc"), "a,b\nc");
    }
}
