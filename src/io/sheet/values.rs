//! Reading cell text as typed values the way people write them in Chinese
//! and English sheets, and the keys duplicates are found by.

use chrono::NaiveDate;

use super::mapping::fold_width;
use crate::enums::{Status, Tier};

/// A date as Excel or a person writes it: `2024-03-05`, `2024/3/5`,
/// `2024.3.5`, `20240305`, `2024年3月5日`, with an optional time after it,
/// or an Excel serial day number (`45356`).
pub fn date(text: &str) -> Result<Option<NaiveDate>, String> {
    let t: String = text.trim().chars().map(fold_width).collect();
    // Empty, or Outlook's "no date" (0/0/00, 00.00.0000, 0000-00-00).
    if t.chars().all(|c| matches!(c, '0' | '/' | '-' | '.' | ' ')) {
        return Ok(None);
    }
    let day_part = t.split([' ', 'T']).next().unwrap_or("");
    let yyyymmdd = day_part.len() == 8 && day_part.chars().all(|c| c.is_ascii_digit());
    if let Ok(serial) = day_part.parse::<f64>()
        && !yyyymmdd
        && (1.0..=2_958_465.0).contains(&serial)
    {
        // Excel's day 1 is 1900-01-01 and it counts a 29 February 1900 that
        // never was, so serials from 61 on are one day ahead.
        let base = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
        let days = serial.floor() as i64;
        let days = if days < 61 { days + 1 } else { days };
        return Ok(Some(base + chrono::Duration::days(days)));
    }
    let unified: String = day_part
        .replace(['年', '月', '/', '.'], "-")
        .trim_end_matches(['日', '号', '-'])
        .to_string();
    let parsed = if unified.len() == 8 && unified.chars().all(|c| c.is_ascii_digit()) {
        NaiveDate::parse_from_str(&unified, "%Y%m%d")
    } else {
        NaiveDate::parse_from_str(&unified, "%Y-%m-%d")
    };
    parsed
        .map(Some)
        .map_err(|_| format!("\"{text}\" is not a date (write 2024-03-05, 2024/3/5 or 2024年3月5日)"))
}

/// A whole number as people write it: `120`, `１２０`, `1,200`, `120人`,
/// `约120`; `None` when empty.
pub fn whole_number(text: &str) -> Result<Option<i64>, String> {
    let t: String = text.trim().chars().map(fold_width).collect();
    if t.is_empty() {
        return Ok(None);
    }
    let core = t
        .trim_start_matches(['约', '~', '≈'])
        .trim_end_matches(['人', '名', '位', '+'])
        .replace([',', '，', ' '], "");
    if let Ok(n) = core.parse::<i64>() {
        return Ok(Some(n));
    }
    if let Ok(f) = core.parse::<f64>()
        && f.fract() == 0.0
        && f.abs() < 9e15
    {
        return Ok(Some(f as i64));
    }
    Err(format!("\"{text}\" is not a whole number"))
}

/// A status in Chinese or English.
pub fn status(text: &str) -> Result<Option<Status>, String> {
    // "Marketing Qualified Lead", "marketing_qualified_lead": one word.
    let t: String = text
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-'))
        .collect();
    Ok(Some(match t.as_str() {
        "" => return Ok(None),
        "潜在"
        | "潜在客户"
        | "意向"
        | "意向客户"
        | "prospect"
        | "lead"
        | "subscriber"
        | "opportunity"
        | "marketingqualifiedlead"
        | "salesqualifiedlead"
        | "new"
        | "open" => Status::Prospect,
        "活跃" | "合作中" | "成交" | "已成交" | "正常" | "active" | "customer" | "evangelist" => {
            Status::Active
        }
        "休眠" | "沉睡" | "dormant" | "inactive" => Status::Dormant,
        "流失" | "已流失" | "lost" | "churned" => Status::Lost,
        _ => return Err(format!("\"{text}\" is not a status (潜在/活跃/休眠/流失)")),
    }))
}

/// A tier S/A/B/C, also written `A类`, `A级`, `a`.
pub fn tier(text: &str) -> Result<Option<Tier>, String> {
    let t: String = text.trim().chars().map(fold_width).collect();
    let t = t.trim_end_matches(['类', '级']).trim().to_uppercase();
    Ok(Some(match t.as_str() {
        "" => return Ok(None),
        "S" => Tier::S,
        "A" => Tier::A,
        "B" => Tier::B,
        "C" => Tier::C,
        _ => return Err(format!("\"{text}\" is not a tier (S, A, B or C)")),
    }))
}

/// A person's name from its parts, in the order of its script: a Chinese
/// (or Japanese, Korean) family name first with no space (王 + 芳 = 王芳),
/// a Latin given name first (Anna + Schmidt = Anna Schmidt).
pub fn full_name(family: &str, given: &str) -> String {
    full_name_parts(&NameParts {
        family,
        given,
        ..Default::default()
    })
}

/// A name in parts, as split-name columns and vCard's N give it.
#[derive(Debug, Clone, Copy, Default)]
pub struct NameParts<'a> {
    /// Honorific before the name (Dr., Mr.).
    pub prefix: &'a str,
    /// Given (first) name.
    pub given: &'a str,
    /// Middle (additional) names.
    pub middle: &'a str,
    /// Family (last) name.
    pub family: &'a str,
    /// After the name (Jr., PhD).
    pub suffix: &'a str,
}

/// The parts in the order of their script: a Chinese (Japanese, Korean)
/// name is family name first without spaces (王芳, 欧阳娜娜); a Latin one is
/// given name first with spaces (Dr. Anna Maria Schmidt Jr.).
pub fn full_name_parts(n: &NameParts<'_>) -> String {
    let cjk = |s: &str| {
        s.chars()
            .any(|c| matches!(c, '\u{3400}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}' | '\u{3040}'..='\u{30ff}'))
    };
    let parts = |order: [&str; 5], sep: &str| {
        order
            .iter()
            .map(|p| p.trim())
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(sep)
    };
    if cjk(n.family) || cjk(n.given) {
        parts([n.prefix, n.family, n.middle, n.given, n.suffix], "")
    } else {
        parts([n.prefix, n.given, n.middle, n.family, n.suffix], " ")
    }
}

/// An amount as people write it (`12000`, `¥12,000.50`, `1.2万`, `5000元`,
/// `$5,000`, `USD 5000`): minor units (分, cents) and the currency it names,
/// if any; `None` when empty. Never negative: a return is not an order.
pub fn amount(text: &str) -> Result<Option<(i64, Option<&'static str>)>, String> {
    let t: String = text.trim().chars().map(fold_width).collect();
    if t.is_empty() {
        return Ok(None);
    }
    let upper = t.to_uppercase();
    let currency = [
        ("USD", "USD"),
        ("US$", "USD"),
        ("$", "USD"),
        ("EUR", "EUR"),
        ("€", "EUR"),
        ("GBP", "GBP"),
        ("£", "GBP"),
        ("HKD", "HKD"),
        ("JPY", "JPY"),
        ("CNY", "CNY"),
        ("RMB", "CNY"),
        ("¥", "CNY"),
        ("元", "CNY"),
    ]
    .iter()
    .find(|(mark, _)| upper.contains(mark))
    .map(|(_, code)| *code);
    let wan = t.contains('万');
    let number: String = t
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.' || *c == '-')
        .collect();
    let bad = || format!("\"{text}\" is not an amount (write 12000, ¥12,000.50 or 1.2万)");
    let value: f64 = number.parse().map_err(|_| bad())?;
    let value = if wan { value * 10_000.0 } else { value };
    if !(0.0..9e13).contains(&value) {
        return Err(bad());
    }
    Ok(Some(((value * 100.0).round() as i64, currency)))
}

/// Tags split on commas, semicolons, 、 and slashes.
pub fn tags(text: &str) -> Vec<String> {
    text.split([',', '，', ';', '；', '、', '/', '|'])
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

/// A company name folded for finding duplicates: width, case, spaces and
/// punctuation do not count (`华为技术（深圳）` = `华为技术(深圳)`).
pub fn name_key(name: &str) -> String {
    name.chars()
        .map(fold_width)
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A phone folded to its digits, without a +86 / 0086 country prefix.
pub fn phone_key(phone: &str) -> String {
    let digits: String = phone.chars().map(fold_width).filter(|c| c.is_ascii_digit()).collect();
    let digits = digits
        .strip_prefix("0086")
        .or_else(|| (digits.len() == 13).then(|| digits.strip_prefix("86")).flatten())
        .unwrap_or(&digits);
    if digits.len() < 5 {
        String::new()
    } else {
        digits.to_string()
    }
}

/// An email folded to lower case, trimmed.
pub fn email_key(email: &str) -> String {
    let e = email.trim().to_lowercase();
    if e.contains('@') { e } else { String::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_joined_in_the_order_of_their_script() {
        assert_eq!(full_name("王", "芳"), "王芳");
        assert_eq!(full_name("Schmidt", "Anna"), "Anna Schmidt");
        assert_eq!(full_name("", "Anna"), "Anna");
        assert_eq!(full_name("欧阳", ""), "欧阳");
        assert_eq!(amount("¥12,000.50"), Ok(Some((1_200_050, Some("CNY")))));
        assert_eq!(amount("1.2万"), Ok(Some((1_200_000, None))));
        assert_eq!(amount("US$ 5,000"), Ok(Some((500_000, Some("USD")))));
        assert_eq!(amount(""), Ok(None));
        assert!(amount("三万").is_err() && amount("-5").is_err());
        let n = |prefix, given, middle, family, suffix| {
            full_name_parts(&NameParts {
                prefix,
                given,
                middle,
                family,
                suffix,
            })
        };
        assert_eq!(
            n("Dr.", "Anna", "Maria", "Schmidt", "Jr."),
            "Dr. Anna Maria Schmidt Jr."
        );
        assert_eq!(n("", "娜娜", "", "欧阳", ""), "欧阳娜娜");
        assert_eq!(n(" ", "Tom", "", "", "PhD"), "Tom PhD");
    }

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn dates_are_read_in_the_common_chinese_and_excel_forms() {
        for (text, want) in [
            ("2024-03-05", d(2024, 3, 5)),
            ("2024/3/5", d(2024, 3, 5)),
            ("2024.3.5", d(2024, 3, 5)),
            ("20240305", d(2024, 3, 5)),
            ("2024年3月5日", d(2024, 3, 5)),
            ("２０２４年３月５日", d(2024, 3, 5)),
            ("2024-03-05 14:30", d(2024, 3, 5)),
            ("45356", d(2024, 3, 5)),
            ("45356.5", d(2024, 3, 5)),
            ("1", d(1900, 1, 1)),
            ("", None),
        ] {
            assert_eq!(date(text), Ok(want), "{text}");
        }
        assert!(date("2024-02-30").is_err());
        assert!(date("下周三").unwrap_err().contains("下周三"));
    }

    #[test]
    fn numbers_written_as_text_are_understood_or_refused() {
        assert_eq!(whole_number("１２０"), Ok(Some(120)));
        assert_eq!(whole_number("1,200人"), Ok(Some(1200)));
        assert_eq!(whole_number("约300"), Ok(Some(300)));
        assert_eq!(whole_number("500.0"), Ok(Some(500)));
        assert_eq!(whole_number(""), Ok(None));
        assert!(whole_number("很多").is_err());
    }

    #[test]
    fn duplicate_keys_fold_width_case_punctuation_and_country_codes() {
        assert_eq!(
            name_key("华为技术（深圳） 有限公司"),
            name_key("华为技术(深圳)有限公司")
        );
        assert_eq!(name_key("ACME Ltd."), name_key("acme ltd"));
        assert_eq!(phone_key("+86 138-0013-8000"), "13800138000");
        assert_eq!(phone_key("0086 13800138000"), phone_key("13800138000"));
        assert_eq!(phone_key("—"), "");
        assert_eq!(email_key(" Li@Example.COM "), "li@example.com");
        assert_eq!(tier("a类"), Ok(Some(Tier::A)));
        assert_eq!(status("合作中"), Ok(Some(Status::Active)));
    }
}
