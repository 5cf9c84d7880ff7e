//! The customers sheet (one row per chosen customer, with its facts) and
//! the summary the pass over them tallies.

use rusqlite::Connection;
use rust_xlsxwriter::{Worksheet, XlsxError};

use super::Ctx;
use super::history::Owners;
use super::sheet::{Cell, Formats, Kind, Sheet, money, opt_number, text};
use crate::error::Result;
use crate::io::report::facts::{self, Tally};
use crate::io::report::labels::{Lang, value, yes_no};
use crate::settings;

/// The customers, in name order; the tallies and the chosen customers.
pub(super) fn customers(conn: &Connection, ws: &mut Worksheet, ctx: &Ctx<'_>) -> Result<(Tally, Owners, u64)> {
    let lang = ctx.opts.lang;
    let s = settings::get(conn)?;
    let headers = [
        (lang.pick("客户名称", "Customer"), 30.0, Kind::Plain),
        (lang.pick("简称", "Short name"), 12.0, Kind::Plain),
        (lang.pick("分级", "Tier"), 6.0, Kind::Plain),
        (lang.pick("建议分级", "Suggested tier"), 10.0, Kind::Plain),
        (lang.pick("分级理由", "Tier reason"), 24.0, Kind::Plain),
        (lang.pick("状态", "Status"), 8.0, Kind::Plain),
        (lang.pick("负责人", "Owner"), 10.0, Kind::Plain),
        (lang.pick("关键客户", "Key customer"), 8.0, Kind::Plain),
        (lang.pick("最近联系", "Last contact"), 12.0, Kind::DateTime),
        (lang.pick("下次跟进", "Next follow-up"), 12.0, Kind::Date),
        (lang.pick("近期订单数", "Orders in window"), 10.0, Kind::Plain),
        (lang.pick("近期营业额", "Revenue in window"), 14.0, Kind::Money),
        (
            lang.pick("距最近购买或联系（天）", "Days since last purchase or contact"),
            12.0,
            Kind::Plain,
        ),
        (lang.pick("关系称重", "Relationship weight"), 10.0, Kind::Plain),
        (lang.pick("称重变化", "Weight change"), 10.0, Kind::Plain),
        (lang.pick("依赖度", "Dependence"), 10.0, Kind::Plain),
        (lang.pick("满意度", "Satisfaction"), 10.0, Kind::Plain),
    ];
    let name = lang.pick("客户", "Customers");
    let mut sheet = Sheet::new(ws, name, &headers, &ctx.formats).map_err(ctx.err())?;
    let (tally, chosen) = facts::pass(conn, ctx.opts, &s, ctx.today, |f| {
        ctx.go_on()?;
        let c = &f.customer.card;
        sheet
            .push(vec![
                text(c.name.clone()),
                text(c.short_name.clone()),
                text(c.tier.map_or("", |t| t.as_str())),
                text(f.picture.suggestion.tier.as_str()),
                text(f.tier_reason.clone()),
                // The standing, as the app's list badge and `baton customers` say it.
                text(value(lang, f.picture.activity.standing.as_str())),
                text(c.owner.clone()),
                text(yes_no(lang, c.is_key)),
                Cell::DateTime(f.picture.activity.last_contact.clone()),
                Cell::Date(f.next_followup.clone()),
                Cell::Number(f.picture.rfm.purchases_in_window as f64),
                money(f.picture.rfm.window_amount),
                opt_number(f.picture.activity.days_since),
                opt_number(f.weight),
                opt_number(f.weight.zip(f.previous_weight).map(|(a, b)| a - b)),
                Cell::Number(f.dependence.score as f64),
                opt_number(f.satisfaction),
            ])
            .map_err(ctx.err())
    })?;
    let rows = sheet.finish().map_err(ctx.err())?;
    Ok((tally, chosen, rows))
}

/// Per tier, per status, the 80/20 line, key customers whose weight fell.
pub(super) fn summary(ws: &mut Worksheet, lang: Lang, tally: &Tally, formats: &Formats) -> Result<u64, XlsxError> {
    let headers = [
        (lang.pick("项目", "Item"), 36.0, Kind::Plain),
        (lang.pick("客户数", "Customers"), 10.0, Kind::Plain),
        (lang.pick("近期营业额", "Revenue in window"), 16.0, Kind::Money),
        (lang.pick("上次称重", "Weight before"), 10.0, Kind::Plain),
        (lang.pick("本次称重", "Weight now"), 10.0, Kind::Plain),
    ];
    let mut sheet = Sheet::new(ws, lang.pick("汇总", "Summary"), &headers, formats)?;
    for (tier, g) in &tally.per_tier {
        let tier = tier.map_or(lang.pick("未分级", "No tier"), |t| t.as_str());
        sheet.push(vec![
            text(format!("{} {tier}", lang.pick("分级", "Tier"))),
            Cell::Number(g.customers as f64),
            money(g.revenue),
        ])?;
    }
    for (status, g) in &tally.per_status {
        sheet.push(vec![
            text(format!(
                "{} {}",
                lang.pick("状态", "Status"),
                value(lang, status.as_str())
            )),
            Cell::Number(g.customers as f64),
            money(g.revenue),
        ])?;
    }
    sheet.push(vec![
        text(lang.pick("带来 80% 营业额的客户", "Customers bringing 80% of revenue")),
        Cell::Number(tally.customers_for_80() as f64),
        money(tally.total_revenue() * 8 / 10),
    ])?;
    let fell = tally.fell();
    sheet.push(vec![
        text(lang.pick("称重下降的关键客户", "Key customers whose weight fell")),
        Cell::Number(fell.len() as f64),
    ])?;
    for w in fell {
        sheet.push(vec![
            text(format!("{}{}", lang.pick("称重下降：", "Weight fell: "), w.who.name)),
            Cell::Empty,
            Cell::Empty,
            opt_number(w.previous),
            Cell::Number(w.weight as f64),
        ])?;
    }
    sheet.finish()
}
