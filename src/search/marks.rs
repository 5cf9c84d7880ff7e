//! Cutting a hit's text into marked and unmarked pieces, so the UI can show
//! what matched without ever rendering record text as HTML.

use serde::Serialize;

/// A piece of a hit's text; `mark` pieces are what matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Piece {
    /// The text.
    pub text: String,
    /// Whether it matched the query.
    pub mark: bool,
}

/// Byte ranges in `text` where any term occurs (ASCII case-folded), merged.
fn ranges(text: &str, terms: &[String]) -> Vec<(usize, usize)> {
    let folded = text.to_ascii_lowercase(); // same byte offsets as `text`
    let mut found: Vec<(usize, usize)> = Vec::new();
    for t in terms {
        let mut from = 0;
        while let Some(i) = folded[from..].find(t.as_str()) {
            let start = from + i;
            found.push((start, start + t.len()));
            from = start + t.len().max(1);
        }
    }
    found.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in found {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// `text` cut into marked and unmarked pieces.
pub fn mark(text: &str, terms: &[String]) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut at = 0;
    for (s, e) in ranges(text, terms) {
        if s > at {
            pieces.push(Piece {
                text: text[at..s].to_string(),
                mark: false,
            });
        }
        pieces.push(Piece {
            text: text[s..e].to_string(),
            mark: true,
        });
        at = e;
    }
    if at < text.len() || pieces.is_empty() {
        pieces.push(Piece {
            text: text[at..].to_string(),
            mark: false,
        });
    }
    pieces
}

/// Characters of context kept on each side of the first match in the body.
const CONTEXT_CHARS: usize = 30;

/// The body's line around its first match, if the body matches at all.
pub(super) fn context(body: &str, terms: &[String]) -> Vec<Piece> {
    let Some(&(s, _)) = ranges(body, terms).first() else {
        return Vec::new();
    };
    let line_start = body[..s].rfind('\n').map_or(0, |i| i + 1);
    let line_end = body[s..].find('\n').map_or(body.len(), |i| s + i);
    let start = body[line_start..s]
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map_or(line_start, |(i, _)| line_start + i);
    let end = body[s..line_end]
        .char_indices()
        .nth(CONTEXT_CHARS * 2)
        .map_or(line_end, |(i, _)| s + i);
    let mut pieces = mark(&body[start..end], terms);
    if start > line_start {
        pieces.insert(
            0,
            Piece {
                text: "…".into(),
                mark: false,
            },
        );
    }
    if end < line_end {
        pieces.push(Piece {
            text: "…".into(),
            mark: false,
        });
    }
    pieces
}
