//! The short-query index: every character pair of the searchable text as an
//! ASCII token, so one- and two-character queries (华, 华为, hw) are index
//! lookups like longer ones, not table scans.
//!
//! The trigram index cannot answer them: a trigram holds three characters,
//! and FTS5 has no prefix queries over trigrams. So `search_grams` (FTS5,
//! `detail=none`, only document ids per token) gets, for each non-whitespace
//! character, a token of it and its successor (or of it alone when whitespace
//! or the end follows). A two-character term is then one exact token, a
//! one-character term a prefix query over the tokens starting with it, kept
//! fast by a prefix index of exactly one encoded character. Title and body
//! tokens are tagged `t`/`b` so a title match can rank first; the pairs of a
//! name's pinyin initials are tagged `i`, so initials queries (hw) are index
//! lookups too.
//!
//! Characters are encoded as four base-36 digits (36⁴ > U+10FFFF), ASCII
//! letters lowercased as the trigram index folds them.

/// One encoded character: four base-36 digits.
fn encode(out: &mut String, ch: char) {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut n = ch.to_ascii_lowercase() as u32;
    let mut buf = [0u8; 4];
    for slot in buf.iter_mut().rev() {
        *slot = DIGITS[(n % 36) as usize];
        n /= 36;
    }
    out.extend(buf.iter().map(|&b| b as char));
}

fn emit(out: &mut String, tag: char, text: &str) {
    let chars: Vec<char> = text.chars().collect();
    for (i, &ch) in chars.iter().enumerate() {
        if ch.is_whitespace() {
            continue;
        }
        out.push(tag);
        encode(out, ch);
        if let Some(&next) = chars.get(i + 1).filter(|c| !c.is_whitespace()) {
            encode(out, next);
        }
        out.push(' ');
    }
}

/// The tokens of a document (what the index holds, through `baton_grams()`).
pub fn grams(title: &str, body: &str, initials: &str) -> String {
    let mut out = String::with_capacity((title.len() + body.len() + initials.len()) * 4);
    emit(&mut out, 't', title);
    emit(&mut out, 'b', body);
    emit(&mut out, 'i', initials);
    out
}

/// The FTS5 query for an initials term (2+ ASCII letters): every pair of it.
/// Pairs can match out of order, so callers confirm with `instr()`.
pub fn initials_query(term: &str) -> String {
    let chars: Vec<char> = term.chars().collect();
    chars
        .windows(2)
        .map(|w| {
            let mut token = String::from("i");
            encode(&mut token, w[0]);
            encode(&mut token, w[1]);
            token
        })
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// The FTS5 query for one short term (1–2 characters, no whitespace) in the
/// title (`title_only`) or anywhere.
pub fn term_query(term: &str, title_only: bool) -> String {
    let mut token = String::new();
    for ch in term.chars() {
        encode(&mut token, ch);
    }
    let star = if term.chars().count() == 1 { "*" } else { "" };
    if title_only {
        format!("t{token}{star}")
    } else {
        format!("(t{token}{star} OR b{token}{star})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_skip_whitespace_and_end_with_a_single() {
        let mut hua = String::new();
        encode(&mut hua, '华');
        let mut wei = String::new();
        encode(&mut wei, '为');
        assert_eq!(grams("华为", "", ""), format!("t{hua}{wei} t{wei} "));
        assert_eq!(grams("", "A b", ""), "b002p b002q ", "a = 97 = 2·36 + 25");
        assert_eq!(grams("", "", "ab"), "i002p002q i002q ");
        assert_eq!(initials_query("abc"), "i002p002q AND i002q002r");
        assert_eq!(term_query("华为", true), format!("t{hua}{wei}"));
        assert_eq!(term_query("华", false), format!("(t{hua}* OR b{hua}*)"));
        let mut max = String::new();
        encode(&mut max, char::MAX);
        assert_eq!(max.len(), 4);
    }
}
