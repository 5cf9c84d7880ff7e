//! The sheets of the chosen customers' records: key people, contact
//! history, transactions, relationship assessments, overdue follow-ups.

use std::collections::HashMap;

use rusqlite::Connection;
use rust_xlsxwriter::Worksheet;

use super::Ctx;
use super::sheet::{Cell, Kind, Sheet, money, opt_number, text};
use crate::error::Result;
use crate::io::report::labels::{Lang, value};
use crate::{customers::people, history::contacts, history::followups, relationship, relationship::dimensions};
use crate::{record, value::deals};

/// The chosen customers' names by id.
pub(super) type Owners = HashMap<String, String>;

/// Writes each row `rows` hands over through `push`, stopping at the first
/// failure (of the sheet or of the other thread's sheets).
fn fill<T>(
    ctx: &Ctx<'_>,
    sheet: &mut Sheet<'_>,
    each: impl FnOnce(&mut dyn FnMut(Vec<Cell>) -> Result<()>) -> Result<T>,
) -> Result<T> {
    each(&mut |cells| {
        ctx.go_on()?;
        sheet.push(cells).map_err(ctx.err())
    })
}

/// Key people; private fields only when asked.
pub(super) fn people(conn: &Connection, ws: &mut Worksheet, ctx: &Ctx<'_>, owners: &Owners) -> Result<u64> {
    let lang = ctx.opts.lang;
    let mut headers = vec![
        (lang.pick("客户", "Customer"), 26.0, Kind::Plain),
        (lang.pick("姓名", "Name"), 10.0, Kind::Plain),
        (lang.pick("职务", "Title"), 14.0, Kind::Plain),
        (lang.pick("部门", "Department"), 12.0, Kind::Plain),
        (lang.pick("决策链角色", "Role"), 12.0, Kind::Plain),
        (lang.pick("态度", "Attitude"), 8.0, Kind::Plain),
        (lang.pick("电话", "Phone"), 14.0, Kind::Plain),
        (lang.pick("邮箱", "Email"), 20.0, Kind::Plain),
    ];
    let private = ctx.opts.include_private;
    if private {
        headers.extend([
            (lang.pick("生日", "Birthday"), 12.0, Kind::Date),
            (lang.pick("个性", "Personality"), 16.0, Kind::Plain),
            (lang.pick("兴趣", "Interests"), 16.0, Kind::Plain),
            (lang.pick("背景", "Background"), 20.0, Kind::Plain),
            (lang.pick("备注", "Notes"), 20.0, Kind::Plain),
        ]);
    }
    let name = lang.pick("关键人", "Key people");
    let mut sheet = Sheet::new(ws, name, &headers, &ctx.formats).map_err(ctx.err())?;
    fill(ctx, &mut sheet, |push| {
        record::for_each::<people::Person>(conn, |p| {
            let Some(customer) = owners.get(&p.customer_id).filter(|_| p.deleted_at.is_none()) else {
                return Ok(());
            };
            let c = p.card;
            let mut row = vec![
                text(customer.clone()),
                text(c.name),
                text(c.title),
                text(c.department),
                text(c.role.map_or(String::new(), |r| value(lang, r.as_str()))),
                text(c.attitude.map_or(String::new(), |a| value(lang, a.as_str()))),
                text(c.phone),
                text(c.email),
            ];
            if private {
                row.extend([
                    Cell::Date(c.birthday),
                    text(c.personality),
                    text(c.interests),
                    text(c.background),
                    text(c.notes),
                ]);
            }
            push(row)
        })
    })?;
    sheet.finish().map_err(ctx.err())
}

/// Contact history.
pub(super) fn contacts(conn: &Connection, ws: &mut Worksheet, ctx: &Ctx<'_>, owners: &Owners) -> Result<u64> {
    let lang = ctx.opts.lang;
    let headers = [
        (lang.pick("客户", "Customer"), 26.0, Kind::Plain),
        (lang.pick("时间", "When"), 16.0, Kind::DateTime),
        (lang.pick("方式", "Channel"), 8.0, Kind::Plain),
        (lang.pick("主题", "Subject"), 24.0, Kind::Plain),
        (lang.pick("内容", "Summary"), 40.0, Kind::Plain),
        (lang.pick("结果", "Outcome"), 24.0, Kind::Plain),
        (lang.pick("下一步", "Next step"), 24.0, Kind::Plain),
        (lang.pick("截止日期", "Due"), 12.0, Kind::Date),
    ];
    let name = lang.pick("联系记录", "Contact history");
    let mut sheet = Sheet::new(ws, name, &headers, &ctx.formats).map_err(ctx.err())?;
    fill(ctx, &mut sheet, |push| {
        record::for_each::<contacts::Contact>(conn, |k| {
            let Some(customer) = owners.get(&k.customer_id).filter(|_| k.deleted_at.is_none()) else {
                return Ok(());
            };
            let d = k.draft;
            push(vec![
                text(customer.clone()),
                Cell::DateTime(Some(d.happened_at)),
                text(value(lang, d.channel.as_str())),
                text(d.subject),
                text(d.summary),
                text(d.outcome),
                text(d.next_step),
                Cell::Date(d.next_due),
            ])
        })
    })?;
    sheet.finish().map_err(ctx.err())
}

/// Transactions.
pub(super) fn deals(conn: &Connection, ws: &mut Worksheet, ctx: &Ctx<'_>, owners: &Owners) -> Result<u64> {
    let lang = ctx.opts.lang;
    let headers = [
        (lang.pick("客户", "Customer"), 26.0, Kind::Plain),
        (lang.pick("日期", "Date"), 12.0, Kind::Date),
        (lang.pick("类型", "Kind"), 8.0, Kind::Plain),
        (lang.pick("金额", "Amount"), 14.0, Kind::Money),
        (lang.pick("币种", "Currency"), 8.0, Kind::Plain),
        (lang.pick("说明", "Description"), 30.0, Kind::Plain),
    ];
    let name = lang.pick("交易", "Transactions");
    let mut sheet = Sheet::new(ws, name, &headers, &ctx.formats).map_err(ctx.err())?;
    fill(ctx, &mut sheet, |push| {
        record::for_each::<deals::Deal>(conn, |d| {
            let Some(customer) = owners.get(&d.customer_id).filter(|_| d.deleted_at.is_none()) else {
                return Ok(());
            };
            let x = d.draft;
            push(vec![
                text(customer.clone()),
                Cell::Date(Some(x.occurred_on)),
                text(value(lang, x.kind.as_str())),
                money(x.amount_minor),
                text(x.currency),
                text(x.description),
            ])
        })
    })?;
    sheet.finish().map_err(ctx.err())
}

/// Relationship assessments: one row per assessment per dimension.
pub(super) fn assessments(conn: &Connection, ws: &mut Worksheet, ctx: &Ctx<'_>, owners: &Owners) -> Result<u64> {
    let lang = ctx.opts.lang;
    let headers = [
        (lang.pick("客户", "Customer"), 26.0, Kind::Plain),
        (lang.pick("评估日期", "Assessed on"), 12.0, Kind::Date),
        (lang.pick("评估人", "Assessor"), 10.0, Kind::Plain),
        (lang.pick("维度", "Dimension"), 16.0, Kind::Plain),
        (lang.pick("得分", "Score"), 6.0, Kind::Plain),
        (lang.pick("依据", "Evidence"), 30.0, Kind::Plain),
        (lang.pick("目标分", "Target"), 6.0, Kind::Plain),
        (lang.pick("目标日期", "Target date"), 12.0, Kind::Date),
        (lang.pick("行动计划", "Action plan"), 40.0, Kind::Plain),
    ];
    let name = lang.pick("关系评估", "Relationship assessments");
    let mut sheet = Sheet::new(ws, name, &headers, &ctx.formats).map_err(ctx.err())?;
    fill(ctx, &mut sheet, |push| {
        record::for_each::<relationship::Assessment>(conn, |a| {
            let Some(customer) = owners.get(&a.customer_id).filter(|_| a.deleted_at.is_none()) else {
                return Ok(());
            };
            for sc in &a.draft.scores {
                let plan: Vec<String> = sc.plan.iter().map(|p| p.step.clone()).collect();
                push(vec![
                    text(customer.clone()),
                    Cell::Date(Some(a.draft.assessed_on.clone())),
                    text(a.draft.assessor.clone()),
                    text(dimensions::scale(sc.dimension, lang == Lang::Zh).name),
                    Cell::Number(sc.score as f64),
                    text(sc.evidence.clone()),
                    opt_number(sc.target),
                    Cell::Date(sc.target_on.clone()),
                    text(plan.join("\n")),
                ])?;
            }
            Ok(())
        })
    })?;
    sheet.finish().map_err(ctx.err())
}

/// Overdue follow-ups.
pub(super) fn overdue(conn: &Connection, ws: &mut Worksheet, ctx: &Ctx<'_>, owners: &Owners) -> Result<u64> {
    let lang = ctx.opts.lang;
    let headers = [
        (lang.pick("客户", "Customer"), 26.0, Kind::Plain),
        (lang.pick("截止日期", "Due"), 12.0, Kind::Date),
        (lang.pick("事项", "To do"), 40.0, Kind::Plain),
    ];
    let name = lang.pick("逾期跟进", "Overdue follow-ups");
    let mut sheet = Sheet::new(ws, name, &headers, &ctx.formats).map_err(ctx.err())?;
    fill(ctx, &mut sheet, |push| {
        followups::for_each_overdue(conn, ctx.today, |f| match owners.get(&f.customer_id) {
            Some(customer) => push(vec![text(customer.clone()), Cell::Date(Some(f.due_on)), text(f.title)]),
            None => Ok(()),
        })
    })?;
    sheet.finish().map_err(ctx.err())
}
