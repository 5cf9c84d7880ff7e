//! Sort keys that order names the way a Chinese user expects.
//!
//! Chinese names sort by pinyin and interleave with Latin names by letter
//! (阿里巴巴 "ali…" before Bosch before 长城 "chang…"), as in a phone's
//! contact list. The key is computed on every write and indexed, so sorting
//! 100k customers is an index walk, not a collation callback per comparison.

use pinyin::ToPinyin;

/// The sort key of a name: pinyin (toneless) for Han characters, lowercase for the rest.
pub fn sort_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len() * 2);
    for (ch, py) in name.trim().chars().zip(name.trim().to_pinyin()) {
        match py {
            Some(py) => {
                key.push_str(py.plain());
                // Separates syllables so "xi an" (西安) sorts before "xian" (先).
                key.push(' ');
            }
            None => key.extend(ch.to_lowercase()),
        }
    }
    key
}

/// Pinyin initials of a name, for searching it the way Chinese users type
/// (`hw` finds 华为): the first letter of each Han character's reading,
/// Latin letters and digits lowercased, everything else dropped. Characters
/// with several readings use the most common one.
pub fn initials(name: &str) -> String {
    name.chars()
        .zip(name.to_pinyin())
        .filter_map(|(ch, py)| match py {
            Some(py) => py.first_letter().chars().next(),
            None if ch.is_ascii_alphanumeric() => Some(ch.to_ascii_lowercase()),
            None => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{initials, sort_key};

    #[test]
    fn initials_follow_pinyin_and_keep_latin() {
        assert_eq!(initials("深圳华为技术有限公司"), "szhwjsyxgs");
        assert_eq!(initials("中兴 ZTE-5G"), "zxzte5g");
        assert_eq!(initials("😀"), "");
    }

    #[test]
    fn chinese_sorts_by_pinyin_among_latin_names() {
        let mut names = vec!["长城汽车", "Bosch", "阿里巴巴", "apple", "中国石化"];
        names.sort_by_key(|n| sort_key(n));
        assert_eq!(names, vec!["阿里巴巴", "apple", "Bosch", "长城汽车", "中国石化"]);
    }

    #[test]
    fn key_is_toneless_lowercase() {
        assert_eq!(sort_key("华为 HQ"), "hua wei  hq");
    }
}
