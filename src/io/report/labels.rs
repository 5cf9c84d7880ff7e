//! The words of the manager's file in Chinese and English: sheet names,
//! column headers, and the values of enumerations.

/// The report's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Simplified Chinese.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// `zh` or `en`.
    pub fn parse(text: &str) -> Option<Lang> {
        match text {
            "zh" | "zh-CN" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The Chinese or the English of a pair.
    pub fn pick(self, zh: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// An enumeration value (its stored spelling) in words.
pub fn value(lang: Lang, stored: &str) -> String {
    const WORDS: &[(&str, &str, &str)] = &[
        ("prospect", "潜在", "Prospect"),
        ("active", "活跃", "Active"),
        ("dormant", "休眠", "Dormant"),
        ("lost", "流失", "Lost"),
        ("new", "新客户", "New"),
        ("decision_maker", "决策者", "Decision maker"),
        ("influencer", "影响者", "Influencer"),
        ("technical_evaluator", "技术评估者", "Technical evaluator"),
        ("user", "使用者", "User"),
        ("gatekeeper", "把关者", "Gatekeeper"),
        ("coach", "内线", "Coach"),
        ("supporter", "支持", "Supporter"),
        ("neutral", "中立", "Neutral"),
        ("opponent", "反对", "Opponent"),
        ("phone", "电话", "Phone"),
        ("visit", "拜访", "Visit"),
        ("meeting", "会议", "Meeting"),
        ("email", "邮件", "Email"),
        ("message", "消息", "Message"),
        ("event", "活动", "Event"),
        ("meal", "餐叙", "Meal"),
        ("other", "其他", "Other"),
        ("quote", "报价", "Quote"),
        ("order", "订单", "Order"),
        ("contract", "合同", "Contract"),
        ("payment", "回款", "Payment"),
        ("return", "退货", "Return"),
    ];
    WORDS
        .iter()
        .find(|(k, _, _)| *k == stored)
        .map(|(_, zh, en)| lang.pick(zh, en).to_string())
        .unwrap_or_else(|| stored.to_string())
}

/// Yes or no.
pub fn yes_no(lang: Lang, yes: bool) -> &'static str {
    match (lang, yes) {
        (Lang::Zh, true) => "是",
        (Lang::Zh, false) => "否",
        (Lang::En, true) => "yes",
        (Lang::En, false) => "no",
    }
}

/// An amount in minor units as whole units with thousands separators:
/// `¥1,234,568` for CNY, `USD 1,234,568` otherwise.
pub fn money(currency: &str, minor: i64) -> String {
    let units = (minor as f64 / 100.0).round() as i64;
    let digits = units.unsigned_abs().to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let sign = if units < 0 { "-" } else { "" };
    match currency {
        "CNY" | "RMB" => format!("{sign}¥{grouped}"),
        other => format!("{sign}{other} {grouped}"),
    }
}

/// An amount for a summary (the tiles, the pyramid, the distribution), as
/// readers say it — Chinese counts in 万 and 亿 (¥1.06 亿, ¥1,063.3 万),
/// English in K, M and B — as the app's summaries do
/// (`ui/src/lib/money.ts` formatMoneyShort). Under 10,000 it is exact; the
/// lists keep exact amounts.
pub fn money_short(lang: Lang, currency: &str, minor: i64) -> String {
    let major = minor as f64 / 100.0;
    let abs = major.abs();
    let exact = money(currency, minor);
    let symbol: String = exact
        .chars()
        .filter(|c| !c.is_ascii_digit() && *c != ',' && *c != '-')
        .collect();
    let sign = if major < 0.0 { "-" } else { "" };
    // Rounded to `digits` places, trailing zeros dropped; thousands grouped.
    let num = |n: f64, digits: usize| {
        let text = format!("{n:.digits$}");
        let text = if text.contains('.') {
            text.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            text
        };
        let (whole, frac) = text.split_once('.').map_or((text.as_str(), ""), |(w, f)| (w, f));
        let grouped = money("", (whole.parse::<i64>().unwrap_or(0)) * 100);
        let grouped = grouped.trim();
        if frac.is_empty() {
            grouped.to_string()
        } else {
            format!("{grouped}.{frac}")
        }
    };
    match lang {
        Lang::Zh if abs >= 1e8 => format!("{sign}{symbol}{} 亿", num(abs / 1e8, 2)),
        Lang::Zh if abs >= 1e4 => format!("{sign}{symbol}{} 万", num(abs / 1e4, 1)),
        Lang::En if abs >= 1e9 => format!("{sign}{symbol}{}B", num(abs / 1e9, 2)),
        Lang::En if abs >= 1e6 => format!("{sign}{symbol}{}M", num(abs / 1e6, 1)),
        Lang::En if abs >= 1e4 => format!("{sign}{symbol}{}K", num(abs / 1e3, 1)),
        _ => exact,
    }
}

#[cfg(test)]
mod tests {
    use super::{Lang, money_short};

    #[test]
    fn summaries_count_in_wan_and_yi_in_chinese() {
        assert_eq!(money_short(Lang::Zh, "CNY", 10_633_327_000), "¥1.06 亿");
        assert_eq!(money_short(Lang::Zh, "CNY", 1_063_327_000), "¥1,063.3 万");
        assert_eq!(money_short(Lang::Zh, "CNY", 500_000), "¥5,000");
        assert_eq!(money_short(Lang::En, "CNY", 10_633_327_000), "¥106.3M");
        assert_eq!(money_short(Lang::En, "USD", 1_060_000), "USD 10.6K");
    }

    #[test]
    fn money_is_grouped_whole_units() {
        assert_eq!(super::money("CNY", 123_456_789), "¥1,234,568");
        assert_eq!(super::money("USD", -99_900), "-USD 999");
        assert_eq!(super::money("EUR", 0), "EUR 0");
    }
}
