//! The visual report's lists: the customers most dependent on one person,
//! the most valuable dormant ones, the oldest overdue follow-ups.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::super::facts::Tally;
use super::super::labels::{Lang, money};
use super::super::svg::esc;
use super::{Out, tier_label};
use crate::error::Result;
use crate::history::followups;
use crate::relationship::dependence::{CardState, Dependence, DependenceReason};
use crate::settings::Settings;

/// How many overdue follow-ups are listed (all are counted).
const OVERDUE_LISTED: usize = 100;

/// The weak points of a dependence score, in words.
fn dependence_words(lang: Lang, d: &Dependence) -> String {
    let mut words = Vec::new();
    for r in &d.reasons {
        match (r, lang) {
            (DependenceReason::People { count, .. }, Lang::Zh) if *count < 3 => {
                words.push(format!("只认识 {count} 位关键人"))
            }
            (DependenceReason::People { count, .. }, Lang::En) if *count < 3 => {
                words.push(format!("{count} key people known"))
            }
            (
                DependenceReason::Roles {
                    decision_maker: false, ..
                },
                _,
            ) => words.push(lang.pick("未接触决策者", "no decision maker").to_string()),
            (DependenceReason::Colleagues { count, .. }, Lang::Zh) if *count < 2 => {
                words.push(format!("只有 {count} 位同事认识对方"))
            }
            (DependenceReason::Colleagues { count, .. }, Lang::En) if *count < 2 => {
                words.push(format!("known by {count} colleague(s)"))
            }
            (DependenceReason::Recent { contacted, of, .. }, Lang::Zh) if contacted < of => {
                words.push(format!("近期联系过 {contacted}/{of} 人"))
            }
            (DependenceReason::Recent { contacted, of, .. }, Lang::En) if contacted < of => {
                words.push(format!("{contacted} of {of} contacted lately"))
            }
            (
                DependenceReason::Card {
                    state: CardState::None, ..
                },
                _,
            ) => words.push(lang.pick("没有关系卡", "no relationship card").to_string()),
            (
                DependenceReason::Card {
                    state: CardState::Stale { days },
                    ..
                },
                Lang::Zh,
            ) => words.push(format!("关系卡 {days} 天未更新")),
            (
                DependenceReason::Card {
                    state: CardState::Stale { days },
                    ..
                },
                Lang::En,
            ) => words.push(format!("card {days} days old")),
            _ => {}
        }
    }
    words.join(lang.pick("；", "; "))
}

pub(super) fn dependent(lang: Lang, s: &Settings, tally: &Tally) -> String {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let mut rows = String::new();
    for d in &tally.dependent {
        rows.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td class=\"num\"><span class=\"score\" style=\"--score:{}\">{}</span></td><td class=\"num\">{}</td><td>{}</td></tr>",
            esc(&d.who.name),
            tier_label(lang, d.who.tier),
            d.dependence.score,
            d.dependence.score,
            esc(&money(&s.currency, d.revenue)),
            esc(&d.detail.as_ref().map(|x| dependence_words(lang, x)).unwrap_or_default())
        ));
    }
    format!(
        "<section id=\"dependent\"><h2>{}</h2><p class=\"muted\">{}</p>\
         <table class=\"list\"><thead><tr><th>{}</th><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th>{}</th></tr></thead><tbody>{rows}</tbody></table></section>\n",
        t("最依赖一个人的客户", "Customers most dependent on one person"),
        t(
            "依赖度 0–100：100 表示关系全在一个人身上（换人就可能丢客户）。",
            "Dependence 0–100: 100 means one person holds the whole relationship (if they leave, the customer may too).",
        ),
        t("客户", "Customer"),
        t("分级", "Tier"),
        t("依赖度", "Dependence"),
        t("近期营业额", "Revenue"),
        t("薄弱之处", "Weak points"),
    )
}

pub(super) fn dormant(lang: Lang, s: &Settings, tally: &Tally) -> String {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let mut rows = String::new();
    for d in &tally.dormant {
        let days = d.days.map_or_else(|| t("从未", "never").to_string(), |d| d.to_string());
        rows.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            esc(&d.who.name),
            tier_label(lang, d.who.tier),
            esc(&money(&s.currency, d.total)),
            esc(&days)
        ));
    }
    let note = match lang {
        Lang::Zh => format!(
            "休眠客户共 {} 位（超过 {} 天没有购买或联系）。下表是历史营业额最高的 {} 位，完整名单见表格文件。",
            tally.dormant_count,
            s.dormant_days,
            tally.dormant.len()
        ),
        Lang::En => format!(
            "{} dormant customers (no purchase or contact for more than {} days). Below, the {} that bought the most; the spreadsheet lists them all.",
            tally.dormant_count,
            s.dormant_days,
            tally.dormant.len()
        ),
    };
    format!(
        "<section id=\"dormant\"><h2>{}</h2><p class=\"muted\">{}</p>\
         <table class=\"list\"><thead><tr><th>{}</th><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead><tbody>{rows}</tbody></table></section>\n",
        t("休眠客户", "Dormant customers"),
        esc(&note),
        t("客户", "Customer"),
        t("分级", "Tier"),
        t("累计营业额", "Revenue, all time"),
        t("休眠天数", "Days dormant"),
    )
}

/// Lists the oldest overdue follow-ups of the chosen customers, counting
/// them all; returns the count.
pub(super) fn overdue(
    conn: &Connection,
    lang: Lang,
    today: NaiveDate,
    chosen: &std::collections::HashMap<String, String>,
    out: &mut Out<'_>,
) -> Result<u64> {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let mut rows = String::new();
    let mut count = 0u64;
    followups::for_each_overdue(conn, today, |f| {
        if let Some(name) = chosen.get(&f.customer_id) {
            count += 1;
            if count as usize <= OVERDUE_LISTED {
                let days = NaiveDate::parse_from_str(&f.due_on, "%Y-%m-%d")
                    .map(|d| (today - d).num_days())
                    .unwrap_or_default();
                rows.push_str(&format!(
                    "<tr><td>{}</td><td>{}</td><td class=\"date\">{}</td><td class=\"num\">{days}</td></tr>",
                    esc(name),
                    esc(&f.title),
                    esc(&f.due_on)
                ));
            }
        }
        Ok(())
    })?;
    let note = match lang {
        Lang::Zh => format!(
            "逾期未完成的跟进共 {count} 项。下表列出最早到期的 {} 项，完整名单见表格文件。",
            count.min(OVERDUE_LISTED as u64)
        ),
        Lang::En => format!(
            "{count} follow-ups are overdue. Below, the {} oldest; the spreadsheet lists them all.",
            count.min(OVERDUE_LISTED as u64)
        ),
    };
    out.put(&format!(
        "<section id=\"overdue\"><h2>{}</h2><p class=\"muted\">{}</p>\
         <table class=\"list\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th class=\"num\">{}</th></tr></thead><tbody>{rows}</tbody></table></section>\n",
        t("逾期跟进", "Overdue follow-ups"),
        esc(&note),
        t("客户", "Customer"),
        t("事项", "To do"),
        t("截止日期", "Due"),
        t("逾期天数", "Days overdue"),
    ))?;
    Ok(count)
}
