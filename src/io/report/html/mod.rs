//! Writing the report as one self-contained .html file: styles inline,
//! charts as inline SVG, no script, and a Content-Security-Policy that
//! forbids every fetch — so it opens offline in any browser, makes no
//! request, and prints to A4 with no chart cut by a page break.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::facts::{self, Tally};
use super::labels::{Lang, money_short, value};
use super::svg::{self, Bar, Layer, TIER_COLOURS, esc};
use super::{ReportOptions, ReportSummary};
use crate::error::{Error, Result};
use crate::settings;
use crate::settings::Settings;

mod chain;
mod key;
mod lists;

const STYLE: &str = include_str!("report.css");

/// The file being written, with its path for errors.
pub(super) struct Out<'a> {
    w: BufWriter<File>,
    path: &'a Path,
}

impl Out<'_> {
    /// Appends text to the file.
    pub(super) fn put(&mut self, text: &str) -> Result<()> {
        self.w.write_all(text.as_bytes()).map_err(|e| Error::io(self.path, e))
    }
}

/// Writes the visual report of the book behind `conn` to `path` (.html).
/// The file appears whole or not at all (see [`crate::files`]).
pub fn write_html(conn: &Connection, opts: &ReportOptions, path: &Path, today: NaiveDate) -> Result<ReportSummary> {
    let protected = crate::files::Protected::of_conn(conn);
    crate::files::write_atomic(path, &protected, crate::files::Replace::Allowed, |file, _| {
        let mut out = Out {
            w: BufWriter::new(file.try_clone().map_err(|e| Error::io(path, e))?),
            path,
        };
        let summary = write_to(conn, opts, &mut out, today)?;
        out.w.flush().map_err(|e| Error::io(path, e))?;
        Ok(summary)
    })
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
    key::key_customers(conn, lang, &s, &tally, out)?;
    out.put(&lists::dependent(lang, &s, &tally))?;
    out.put(&lists::dormant(lang, &s, &tally))?;
    let overdue = lists::overdue(conn, lang, today, &chosen, out)?;
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
            money_short(lang, &s.currency, tally.total_revenue()),
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

pub(super) fn tier_label(lang: Lang, tier: Option<crate::enums::Tier>) -> String {
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
            revenue: money_short(lang, &s.currency, g.revenue),
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
            caption: money_short(lang, &s.currency, g.revenue),
            colour: TIER_COLOURS[i],
        })
        .collect();
    // prospect, new, active, dormant, lost
    const STATUS_COLOURS: [&str; 5] = ["#60a5fa", "#0891b2", "#16a34a", "#d97706", "#dc2626"];
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
