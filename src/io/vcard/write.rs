//! Writing key people as vCard 4.0 (RFC 6350) that phones and mail clients
//! accept: CRLF line ends, lines folded at 75 octets without splitting a
//! character, text escaped. Private fields (background, notes) stay out.

use crate::customers::people::Person;
use crate::files::content_line::{escape, push as line};

/// `2026-11-23T13:14:32.123Z` as vCard's basic form `20261123T131432Z`.
fn timestamp(rfc3339: &str) -> Option<String> {
    let t = chrono::DateTime::parse_from_rfc3339(rfc3339).ok()?;
    Some(t.with_timezone(&chrono::Utc).format("%Y%m%dT%H%M%SZ").to_string())
}

/// One person as a vCard, filed under `company`.
pub fn card(out: &mut String, person: &Person, company: &str) {
    let p = &person.card;
    line(out, "BEGIN:VCARD");
    line(out, "VERSION:4.0");
    line(out, &format!("UID:urn:uuid:{}", person.id));
    line(out, &format!("FN:{}", escape(&p.name)));
    line(out, &format!("N:{};;;;", escape(&p.name)));
    if p.department.is_empty() {
        line(out, &format!("ORG:{}", escape(company)));
    } else {
        line(out, &format!("ORG:{};{}", escape(company), escape(&p.department)));
    }
    if !p.title.is_empty() {
        line(out, &format!("TITLE:{}", escape(&p.title)));
    }
    if !p.phone.is_empty() {
        line(out, &format!("TEL;TYPE=cell:{}", escape(&p.phone)));
    }
    if !p.email.is_empty() {
        line(out, &format!("EMAIL:{}", escape(&p.email)));
    }
    if !p.messaging_id.is_empty() {
        line(out, &format!("X-WECHAT:{}", escape(&p.messaging_id)));
    }
    if let Some(b) = &p.birthday {
        line(out, &format!("BDAY:{}", b.replace('-', "")));
    }
    if let Some(rev) = timestamp(&person.updated_at) {
        line(out, &format!("REV:{rev}"));
    }
    line(out, "END:VCARD");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_without_splitting_characters() {
        let mut out = String::new();
        line(&mut out, &format!("NOTE:{}", "长".repeat(40)));
        for l in out.split("\r\n") {
            assert!(l.len() <= 75, "{l}");
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("NOTE:{}\r\n", "长".repeat(40)));
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        assert_eq!(
            timestamp("2026-11-23T13:14:32.123Z").as_deref(),
            Some("20261123T131432Z")
        );
    }
}
