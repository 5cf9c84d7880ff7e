//! The visual report's key customers: the top and bottom by relationship
//! weight, each with its radar and curve, then whose weight fell.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::super::facts::{Tally, Weighed};
use super::super::labels::Lang;
use super::super::svg::{self, Series, SeriesRole, esc};
use super::{Out, tier_label};
use crate::error::Result;
use crate::settings::Settings;
use crate::{relationship, relationship::dimensions};

/// How many top and bottom key customers get their radar and curve.
const KEY_CARDS: usize = 5;
/// How many key customers whose weight fell are listed (the biggest falls;
/// all are counted, and the workbook's summary names them all).
const FELL_LISTED: usize = 50;

/// The top and bottom key customers by weight, each with its radar and
/// curve, then every key customer whose weight fell.
pub(super) fn key_customers(
    conn: &Connection,
    lang: Lang,
    s: &Settings,
    tally: &Tally,
    out: &mut Out<'_>,
) -> Result<()> {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    out.put(&format!(
        "<section id=\"key\"><h2>{}</h2><p class=\"muted\">{}</p>\n",
        t("关键客户关系称重", "Key customers by relationship weight"),
        esc(&match lang {
            Lang::Zh => format!(
                "关键客户 {} 位，已评估 {} 位，未评估 {} 位。雷达图：实线为最新评估，虚线为目标，灰线为上次评估。",
                tally.key_count,
                tally.key.len(),
                tally.key_unassessed
            ),
            Lang::En => format!(
                "{} key customers, {} assessed, {} never assessed. Radar: solid = latest assessment, dashed = target, grey = the one before.",
                tally.key_count,
                tally.key.len(),
                tally.key_unassessed
            ),
        })
    ))?;
    let n = tally.key.len();
    let top = KEY_CARDS.min(n.div_ceil(2));
    let bottom = KEY_CARDS.min(n - top);
    if n == 0 {
        out.put(&format!(
            "<p class=\"empty\">{}</p>",
            t("还没有评估过的关键客户。", "No key customer has been assessed yet.")
        ))?;
    }
    if top > 0 {
        out.put(&format!("<h3>{}</h3>", t("称重最高", "Highest weight")))?;
        for w in &tally.key[..top] {
            out.put(&key_card(conn, lang, s, w)?)?;
        }
    }
    if bottom > 0 {
        out.put(&format!("<h3>{}</h3>", t("称重最低", "Lowest weight")))?;
        for w in tally.key[n - bottom..].iter().rev() {
            out.put(&key_card(conn, lang, s, w)?)?;
        }
    }
    let fell = tally.fell();
    out.put(&format!(
        "<h3 id=\"fell\">{} ({})</h3>",
        t("称重下降", "Weight fell"),
        fell.len()
    ))?;
    if fell.is_empty() {
        out.put(&format!(
            "<p class=\"empty\">{}</p>",
            t("没有关键客户的称重下降。", "No key customer's weight fell.")
        ))?;
    } else {
        out.put(&format!(
            "<table class=\"list\"><thead><tr><th>{}</th><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th>{}</th></tr></thead><tbody>",
            t("客户", "Customer"),
            t("分级", "Tier"),
            t("上次", "Before"),
            t("本次", "Now"),
            t("变化", "Change"),
            t("评估日期", "Assessed on"),
        ))?;
        for w in fell.iter().take(FELL_LISTED) {
            let before = w.previous.unwrap_or_default();
            out.put(&format!(
                "<tr><td>{}</td><td>{}</td><td class=\"num\">{before}</td><td class=\"num\">{}</td><td class=\"num down\">{}</td><td class=\"date\">{}</td></tr>",
                esc(&w.who.name),
                tier_label(lang, w.who.tier),
                w.weight,
                w.weight - before,
                esc(&w.assessed_on)
            ))?;
        }
        out.put("</tbody></table>")?;
        if fell.len() > FELL_LISTED {
            out.put(&format!(
                "<p class=\"muted\">{}</p>",
                esc(&match lang {
                    Lang::Zh => format!("以上是下降最多的 {FELL_LISTED} 位，完整名单见表格文件的汇总页。"),
                    Lang::En =>
                        format!("Above, the {FELL_LISTED} biggest falls; the workbook's summary names them all."),
                })
            ))?;
        }
    }
    out.put("</section>\n")
}

fn key_card(conn: &Connection, lang: Lang, s: &Settings, w: &Weighed) -> Result<String> {
    let zh = lang == Lang::Zh;
    let cards = relationship::list_for(conn, &w.who.id)?;
    let axes: Vec<String> = s
        .dimensions
        .iter()
        .map(|d| dimensions::scale(*d, zh).name.to_string())
        .collect();
    let score_of = |a: &relationship::Assessment, target: bool| -> Vec<Option<f64>> {
        s.dimensions
            .iter()
            .map(|d| {
                a.draft
                    .scores
                    .iter()
                    .find(|sc| sc.dimension == *d)
                    .and_then(|sc| if target { sc.target } else { Some(sc.score) })
                    .map(|v| v as f64)
            })
            .collect()
    };
    let mut series = Vec::new();
    if let Some(prev) = cards.len().checked_sub(2).map(|i| &cards[i]) {
        series.push(Series {
            scores: score_of(prev, false),
            role: SeriesRole::Previous,
        });
    }
    if let Some(last) = cards.last() {
        let targets = score_of(last, true);
        if targets.iter().any(Option::is_some) {
            // An unset target stays at the current score, so the dashed line
            // shows only where a rise is planned.
            let current = score_of(last, false);
            series.push(Series {
                scores: targets.iter().zip(&current).map(|(t, c)| t.or(*c)).collect(),
                role: SeriesRole::Target,
            });
        }
        series.push(Series {
            scores: score_of(last, false),
            role: SeriesRole::Latest,
        });
    }
    let points: Vec<(NaiveDate, i64)> = cards
        .iter()
        .filter_map(|a| {
            let day = NaiveDate::parse_from_str(&a.draft.assessed_on, "%Y-%m-%d").ok()?;
            Some((day, relationship::weight(&a.draft.scores, s)?))
        })
        .collect();
    let change = match w.previous {
        Some(p) if w.weight > p => format!("<span class=\"up\">+{}</span>", w.weight - p),
        Some(p) if w.weight < p => format!("<span class=\"down\">{}</span>", w.weight - p),
        Some(_) => "<span class=\"muted\">±0</span>".to_string(),
        None => String::new(),
    };
    Ok(format!(
        "<article class=\"card\"><h4>{} <span class=\"tier\">{}</span> <span class=\"weight\">{}</span> {change} <span class=\"muted\">{}</span></h4>\
         <div class=\"row\"><figure class=\"chart radar\">{}</figure><figure class=\"chart curve\">{}</figure></div>{}</article>\n",
        esc(&w.who.name),
        tier_label(lang, w.who.tier),
        w.weight,
        esc(&format!("{} {}", lang.pick("评估于", "assessed"), w.assessed_on)),
        svg::radar(&axes, &series, lang.pick("关系雷达图", "Relationship radar")),
        svg::curve(&points, lang.pick("称重曲线", "Weight over time")),
        super::chain::chain(conn, lang, &w.who.id)?,
    ))
}
