//! Writing the report as one self-contained .html file: styles inline,
//! charts as inline SVG, no script, and a Content-Security-Policy that
//! forbids every fetch — so it opens offline in any browser, makes no
//! request, and prints to A4 with no chart cut by a page break.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::facts::{self, Tally, Weighed};
use super::labels::{Lang, money, value};
use super::svg::{self, Bar, Layer, Series, SeriesRole, TIER_COLOURS, esc};
use super::{ReportOptions, ReportSummary};
use crate::dependence::{CardState, Dependence, DependenceReason};
use crate::error::{Error, Result};
use crate::settings::Settings;
use crate::{dimensions, followups, relationship, settings};

/// How many top and bottom key customers get their radar and curve.
const KEY_CARDS: usize = 5;
/// How many overdue follow-ups are listed (all are counted).
const OVERDUE_LISTED: usize = 100;
/// How many key customers whose weight fell are listed (the biggest falls;
/// all are counted, and the workbook's summary names them all).
const FELL_LISTED: usize = 50;

const STYLE: &str = include_str!("report.css");

/// The file being written, with its path for errors.
struct Out<'a> {
    w: BufWriter<File>,
    path: &'a Path,
}

impl Out<'_> {
    fn put(&mut self, text: &str) -> Result<()> {
        self.w.write_all(text.as_bytes()).map_err(|e| Error::io(self.path, e))
    }
}

/// Writes the visual report of the book behind `conn` to `path` (.html).
/// The file appears whole or not at all: it is written beside the target
/// and renamed into place.
pub fn write_html(conn: &Connection, opts: &ReportOptions, path: &Path, today: NaiveDate) -> Result<ReportSummary> {
    let staging = path.with_extension("html.part");
    let file = File::create(&staging).map_err(|e| Error::io(&staging, e))?;
    let mut out = Out {
        w: BufWriter::new(file),
        path: &staging,
    };
    let written = write_to(conn, opts, &mut out, today).and_then(|summary| {
        out.w.flush().map_err(|e| Error::io(&staging, e))?;
        Ok(summary)
    });
    drop(out);
    match written {
        Ok(summary) => {
            std::fs::rename(&staging, path).map_err(|e| Error::io(path, e))?;
            Ok(summary)
        }
        Err(e) => {
            let _ = std::fs::remove_file(&staging);
            Err(e)
        }
    }
}

fn write_to(conn: &Connection, opts: &ReportOptions, out: &mut Out<'_>, today: NaiveDate) -> Result<ReportSummary> {
    let lang = opts.lang;
    let s = settings::get(conn)?;
    let (tally, chosen) = facts::pass(conn, opts, &s, today, |_| Ok(()))?;
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);

    let title = t("客户关系报告", "Customer relationship report");
    out.put(&format!(
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{} · {}</title><style>{STYLE}</style></head><body>\n",
        t("zh-CN", "en"),
        esc(title),
        esc(&s.user_name)
    ))?;
    out.put(&header(opts, &s, today, &tally))?;
    out.put(&figures(lang, &s, &tally))?;
    out.put(&pyramid(lang, &s, &tally))?;
    out.put(&distribution(lang, &s, &tally))?;
    key_customers(conn, lang, &s, &tally, out)?;
    out.put(&dependent(lang, &s, &tally))?;
    out.put(&dormant(lang, &s, &tally))?;
    let overdue = overdue(conn, lang, today, &chosen, out)?;
    out.put(&format!(
        "<footer>{} Baton {} · {}</footer></body></html>\n",
        t("生成于", "Made with"),
        env!("CARGO_PKG_VERSION"),
        today
    ))?;
    Ok(ReportSummary {
        sheets: vec![
            (t("客户", "Customers").to_string(), tally.customers as u64),
            (t("关键客户", "Key customers").to_string(), tally.key_count as u64),
            (
                t("休眠客户", "Dormant customers").to_string(),
                tally.dormant_count as u64,
            ),
            (t("逾期跟进", "Overdue follow-ups").to_string(), overdue),
        ],
    })
}

fn header(opts: &ReportOptions, s: &Settings, today: NaiveDate, tally: &Tally) -> String {
    let lang = opts.lang;
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let mut scope: Vec<String> = Vec::new();
    if !opts.tiers.is_empty() {
        let tiers: Vec<&str> = opts.tiers.iter().map(|t| t.as_str()).collect();
        scope.push(format!("{} {}", t("分级", "tier"), tiers.join("/")));
    }
    if !opts.statuses.is_empty() {
        let st: Vec<String> = opts.statuses.iter().map(|v| value(lang, v.as_str())).collect();
        scope.push(format!("{} {}", t("状态", "status"), st.join("/")));
    }
    if !opts.tags.is_empty() {
        scope.push(format!("{} {}", t("标签", "tag"), opts.tags.join("/")));
    }
    let scope = if scope.is_empty() {
        t("全部客户", "the whole book").to_string()
    } else {
        scope.join(t("，", ", "))
    };
    let private = if opts.include_private {
        t(
            "包含关键人的私人信息（生日、家庭背景、备注）。",
            "Private fields about people (birthday, family background, notes) are included.",
        )
    } else {
        t(
            "不含关键人的私人信息（生日、家庭背景、备注）。",
            "Private fields about people (birthday, family background, notes) are left out.",
        )
    };
    format!(
        "<header><h1>{}</h1><p class=\"meta\">{}：{} · {}：{} · {}：{} · {} {}</p><p class=\"meta\">{}</p></header>\n",
        t("客户关系报告", "Customer relationship report"),
        t("销售", "Salesperson"),
        esc(if s.user_name.is_empty() { "—" } else { &s.user_name }),
        t("日期", "Date"),
        today,
        t("范围", "Scope"),
        esc(&scope),
        tally.customers,
        t("位客户", "customers"),
        private
    )
}

fn figures(lang: Lang, s: &Settings, tally: &Tally) -> String {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let tile = |label: &str, figure: String| {
        format!(
            "<div class=\"tile\"><div class=\"figure\">{}</div><div class=\"muted\">{}</div></div>",
            esc(&figure),
            esc(label)
        )
    };
    let fell = tally.fell().len();
    let tiles = [
        tile(t("客户", "Customers"), tally.customers.to_string()),
        tile(
            &format!(
                "{} ({} {})",
                t("近期营业额", "Revenue"),
                s.value_window_days,
                t("天", "days")
            ),
            money(&s.currency, tally.total_revenue()),
        ),
        tile(
            t("带来 80% 营业额的客户", "Customers bringing 80% of revenue"),
            format!("{} / {}", tally.customers_for_80(), tally.customers_with_revenue()),
        ),
        tile(t("休眠客户", "Dormant customers"), tally.dormant_count.to_string()),
        tile(t("关键客户", "Key customers"), tally.key_count.to_string()),
        tile(
            t("称重下降的关键客户", "Key customers whose weight fell"),
            fell.to_string(),
        ),
    ];
    format!("<section id=\"figures\" class=\"tiles\">{}</section>\n", tiles.concat())
}

fn tier_label(lang: Lang, tier: Option<crate::enums::Tier>) -> String {
    match tier {
        Some(t) => t.as_str().to_string(),
        None => lang.pick("未分级", "No tier").to_string(),
    }
}

fn pyramid(lang: Lang, s: &Settings, tally: &Tally) -> String {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let layers: Vec<Layer> = tally
        .per_tier
        .iter()
        .enumerate()
        .map(|(i, (tier, g))| Layer {
            label: tier_label(lang, *tier),
            customers: g.customers,
            revenue: money(&s.currency, g.revenue),
            colour: TIER_COLOURS[i],
        })
        .collect();
    format!(
        "<section id=\"pyramid\"><h2>{}</h2><figure class=\"chart\">{}<figcaption>{}</figcaption></figure></section>\n",
        t("价值金字塔", "Value pyramid"),
        svg::pyramid(&layers, t("价值金字塔", "Value pyramid")),
        esc(&format!(
            "{} {} {}",
            t("每层：客户数，近", "Each tier: customers, revenue in the last"),
            s.value_window_days,
            t("天营业额", "days")
        ))
    )
}

fn distribution(lang: Lang, s: &Settings, tally: &Tally) -> String {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let per_tier: Vec<Bar> = tally
        .per_tier
        .iter()
        .enumerate()
        .map(|(i, (tier, g))| Bar {
            label: tier_label(lang, *tier),
            value: g.customers as f64,
            caption: g.customers.to_string(),
            colour: TIER_COLOURS[i],
        })
        .collect();
    let revenue: Vec<Bar> = tally
        .per_tier
        .iter()
        .enumerate()
        .map(|(i, (tier, g))| Bar {
            label: tier_label(lang, *tier),
            value: g.revenue.max(0) as f64,
            caption: money(&s.currency, g.revenue),
            colour: TIER_COLOURS[i],
        })
        .collect();
    const STATUS_COLOURS: [&str; 4] = ["#60a5fa", "#16a34a", "#d97706", "#dc2626"];
    let per_status: Vec<Bar> = tally
        .per_status
        .iter()
        .enumerate()
        .map(|(i, (status, g))| Bar {
            label: value(lang, status.as_str()),
            value: g.customers as f64,
            caption: g.customers.to_string(),
            colour: STATUS_COLOURS[i % STATUS_COLOURS.len()],
        })
        .collect();
    let fig = |title: &str, kind: &str, bars: &[Bar]| {
        format!(
            "<figure class=\"chart half\"><figcaption>{}</figcaption>{}</figure>",
            esc(title),
            svg::bars(kind, bars, title)
        )
    };
    format!(
        "<section id=\"distribution\"><h2>{}</h2><div class=\"row\">{}{}{}</div></section>\n",
        t("分级与状态分布", "Tiers and statuses"),
        fig(t("各级客户数", "Customers per tier"), "tiers", &per_tier),
        fig(t("各级近期营业额", "Revenue per tier"), "revenue", &revenue),
        fig(t("各状态客户数", "Customers per status"), "statuses", &per_status),
    )
}

/// The top and bottom key customers by weight, each with its radar and
/// curve, then every key customer whose weight fell.
fn key_customers(conn: &Connection, lang: Lang, s: &Settings, tally: &Tally, out: &mut Out<'_>) -> Result<()> {
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
         <div class=\"row\"><figure class=\"chart radar\">{}</figure><figure class=\"chart curve\">{}</figure></div></article>\n",
        esc(&w.who.name),
        tier_label(lang, w.who.tier),
        w.weight,
        esc(&format!("{} {}", lang.pick("评估于", "assessed"), w.assessed_on)),
        svg::radar(&axes, &series, lang.pick("关系雷达图", "Relationship radar")),
        svg::curve(&points, lang.pick("称重曲线", "Weight over time")),
    ))
}

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

fn dependent(lang: Lang, s: &Settings, tally: &Tally) -> String {
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
            esc(&dependence_words(lang, &d.dependence))
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

fn dormant(lang: Lang, s: &Settings, tally: &Tally) -> String {
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
fn overdue(
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
