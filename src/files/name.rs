//! File names made from record text (a customer's name for its vCard file).

/// The most bytes a name may take: most file systems allow 255 per name;
/// room is left for ` (12).vcf` and the like.
pub const STEM_MAX_BYTES: usize = 200;

/// `text` as a file name stem: characters no file system accepts (and
/// control characters) become `_`, leading dots and trailing dots or
/// spaces go, and it is cut on a character boundary to
/// [`STEM_MAX_BYTES`]. Empty text gives `fallback`.
pub fn safe_stem(text: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let c = if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
            '_'
        } else {
            c
        };
        if out.len() + c.len_utf8() > STEM_MAX_BYTES {
            break;
        }
        out.push(c);
    }
    let trimmed = out.trim_start_matches('.').trim_end_matches(['.', ' ']).trim();
    if trimmed.is_empty() {
        fallback.to_string()
    } else {
        trimmed.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_chinese_names_fit_a_file_name_and_odd_characters_go() {
        let long = "华".repeat(200); // 600 bytes in UTF-8
        let stem = safe_stem(&long, "x");
        assert!(
            stem.len() <= STEM_MAX_BYTES && stem.chars().all(|c| c == '华'),
            "{}",
            stem.len()
        );
        assert_eq!(safe_stem("a/b:c\n", "x"), "a_b_c_");
        assert_eq!(safe_stem("..", "people"), "people");
        assert_eq!(safe_stem(" 恒达. ", "x"), "恒达");
    }
}
