//! Writing the report as an .xlsx workbook.

use std::path::Path;

use chrono::{DateTime, Datelike, Local, NaiveDate, Timelike};
use rusqlite::Connection;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::facts;
use super::labels::{Lang, value, yes_no};
use super::{ReportOptions, ReportSummary};
use crate::error::{Error, Result};
use crate::{
    customers::people, history::contacts, history::followups, relationship, relationship::dimensions, settings,
    value::deals,
};

fn xlsx_error(path: &Path) -> impl Fn(XlsxError) -> Error + '_ {
    move |e| crate::files::workbook::error(path, e)
}

/// One cell's value.
enum Cell {
    Text(String),
    Number(f64),
    Date(Option<String>),
    DateTime(Option<String>),
    Empty,
}

/// A sheet being written row by row (the writer streams rows to disk).
struct Sheet<'a> {
    ws: &'a mut Worksheet,
    row: u32,
    columns: u16,
    date: &'a Format,
    datetime: &'a Format,
    money: &'a Format,
}

impl Sheet<'_> {
    fn new<'a>(
        ws: &'a mut Worksheet,
        name: &str,
        headers: &[(&str, f64)],
        formats: (&'a Format, &'a Format, &'a Format, &'a Format),
    ) -> std::result::Result<Sheet<'a>, XlsxError> {
        let (bold, date, datetime, money) = formats;
        ws.set_name(name)?;
        for (i, (title, width)) in headers.iter().enumerate() {
            ws.set_column_width(i as u16, *width)?;
            ws.write_string_with_format(0, i as u16, *title, bold)?;
        }
        ws.set_freeze_panes(1, 0)?;
        Ok(Sheet {
            ws,
            row: 0,
            columns: headers.len() as u16,
            date,
            datetime,
            money,
        })
    }

    fn push(&mut self, cells: Vec<Cell>) -> std::result::Result<(), XlsxError> {
        self.row += 1;
        let r = self.row;
        for (i, cell) in cells.into_iter().enumerate() {
            let c = i as u16;
            match cell {
                Cell::Text(t) if !t.is_empty() => {
                    self.ws.write_string(r, c, super::cell_limit::fit(&t))?;
                }
                Cell::Number(n) => {
                    self.ws.write_number_with_format(r, c, n, self.money)?;
                }
                Cell::Date(Some(d)) => match ExcelDateTime::parse_from_str(&d) {
                    Ok(dt) => {
                        self.ws.write_datetime_with_format(r, c, &dt, self.date)?;
                    }
                    Err(_) => {
                        self.ws.write_string(r, c, d)?;
                    }
                },
                Cell::DateTime(Some(ts)) => match local(&ts) {
                    Some(dt) => {
                        self.ws.write_datetime_with_format(r, c, &dt, self.datetime)?;
                    }
                    None => {
                        self.ws.write_string(r, c, ts)?;
                    }
                },
                _ => {}
            }
        }
        Ok(())
    }

    /// Filters on the header row over every written row; the row count.
    fn finish(self) -> std::result::Result<u64, XlsxError> {
        self.ws
            .autofilter(0, 0, self.row.max(1), self.columns.saturating_sub(1))?;
        Ok(u64::from(self.row))
    }
}

/// An RFC 3339 timestamp as local wall-clock time for Excel, to the
/// second; `None` if it is no timestamp or out of Excel's years. Built from
/// the parts, not printed and parsed again (a million contacts' times:
/// about 8% of the workbook's CPU time).
fn local(ts: &str) -> Option<ExcelDateTime> {
    let t = DateTime::parse_from_rfc3339(ts)
        .ok()?
        .with_timezone(&Local)
        .naive_local();
    let year = u16::try_from(t.year()).ok()?;
    ExcelDateTime::from_ymd(year, t.month() as u8, t.day() as u8)
        .and_then(|d| d.and_hms(t.hour() as u16, t.minute() as u8, t.second()))
        .ok()
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn money(minor: i64) -> Cell {
    Cell::Number(minor as f64 / 100.0)
}

fn opt_number(n: Option<i64>) -> Cell {
    n.map_or(Cell::Empty, |n| Cell::Number(n as f64))
}

/// Writes the report of the book behind `conn` to `path` (.xlsx), whole or
/// not at all (see [`crate::files`]).
pub fn write_xlsx(conn: &Connection, opts: &ReportOptions, path: &Path, today: NaiveDate) -> Result<ReportSummary> {
    let protected = crate::files::Protected::of_conn(conn);
    crate::files::write_atomic(path, &protected, crate::files::Replace::Allowed, |file, _| {
        write_xlsx_to(conn, opts, file, path, today)
    })
}

/// Writes the workbook into `file`; `path` names it in errors.
fn write_xlsx_to(
    conn: &Connection,
    opts: &ReportOptions,
    file: &mut std::fs::File,
    path: &Path,
    today: NaiveDate,
) -> Result<ReportSummary> {
    let err = xlsx_error(path);
    let lang = opts.lang;
    let s = settings::get(conn)?;
    let mut book = Workbook::new();
    // Zip level 3, not 6: deflating was a fifth of writing a big book's
    // workbook. At 20k customers 3 is as fast as 1 and the file stays the
    // size 6 made (25 MB; 1 made 35 MB).
    book.set_zip_compression_level(3);
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let datetime = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    let amount = Format::new().set_num_format("#,##0.00");
    let plain = Format::new();
    let formats = (&bold, &date, &datetime, &amount);
    let formats_plain = (&bold, &date, &datetime, &plain);
    let mut sheets = Vec::new();

    // Customers (in name order), and the set the other sheets follow.
    let (tally, chosen) = {
        let name = lang.pick("客户", "Customers");
        let headers = [
            (lang.pick("客户名称", "Customer"), 30.0),
            (lang.pick("简称", "Short name"), 12.0),
            (lang.pick("分级", "Tier"), 6.0),
            (lang.pick("建议分级", "Suggested tier"), 10.0),
            (lang.pick("分级理由", "Tier reason"), 24.0),
            (lang.pick("状态", "Status"), 8.0),
            (lang.pick("负责人", "Owner"), 10.0),
            (lang.pick("关键客户", "Key customer"), 8.0),
            (lang.pick("最近联系", "Last contact"), 12.0),
            (lang.pick("下次跟进", "Next follow-up"), 12.0),
            (lang.pick("近期订单数", "Orders in window"), 10.0),
            (lang.pick("近期营业额", "Revenue in window"), 14.0),
            (
                lang.pick("距最近购买或联系（天）", "Days since last purchase or contact"),
                12.0,
            ),
            (lang.pick("关系称重", "Relationship weight"), 10.0),
            (lang.pick("称重变化", "Weight change"), 10.0),
            (lang.pick("依赖度", "Dependence"), 10.0),
            (lang.pick("满意度", "Satisfaction"), 10.0),
        ];
        let ws = book.add_worksheet_with_constant_memory().map_err(&err)?;
        let mut sheet = Sheet::new(ws, name, &headers, formats).map_err(&err)?;
        let found = facts::pass(conn, opts, &s, today, |f| {
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
                .map_err(&err)
        })?;
        sheets.push((name.to_string(), sheet.finish().map_err(&err)?));
        found
    };
    let owner = |customer_id: &str| chosen.get(customer_id).cloned();

    // Key people; private fields only when asked.
    {
        let name = lang.pick("关键人", "Key people");
        let mut headers = vec![
            (lang.pick("客户", "Customer"), 26.0),
            (lang.pick("姓名", "Name"), 10.0),
            (lang.pick("职务", "Title"), 14.0),
            (lang.pick("部门", "Department"), 12.0),
            (lang.pick("决策链角色", "Role"), 12.0),
            (lang.pick("态度", "Attitude"), 8.0),
            (lang.pick("电话", "Phone"), 14.0),
            (lang.pick("邮箱", "Email"), 20.0),
        ];
        if opts.include_private {
            headers.extend([
                (lang.pick("生日", "Birthday"), 12.0),
                (lang.pick("个性", "Personality"), 16.0),
                (lang.pick("兴趣", "Interests"), 16.0),
                (lang.pick("背景", "Background"), 20.0),
                (lang.pick("备注", "Notes"), 20.0),
            ]);
        }
        let ws = book.add_worksheet_with_constant_memory().map_err(&err)?;
        let mut sheet = Sheet::new(ws, name, &headers, formats).map_err(&err)?;
        let mut result = Ok(());
        crate::record::for_each::<people::Person>(conn, |p| {
            if p.deleted_at.is_some() {
                return Ok(());
            }
            let Some(customer) = owner(&p.customer_id) else {
                return Ok(());
            };
            let c = &p.card;
            let mut row = vec![
                text(customer),
                text(c.name.clone()),
                text(c.title.clone()),
                text(c.department.clone()),
                text(c.role.map_or(String::new(), |r| value(lang, r.as_str()))),
                text(c.attitude.map_or(String::new(), |a| value(lang, a.as_str()))),
                text(c.phone.clone()),
                text(c.email.clone()),
            ];
            if opts.include_private {
                row.extend([
                    Cell::Date(c.birthday.clone()),
                    text(c.personality.clone()),
                    text(c.interests.clone()),
                    text(c.background.clone()),
                    text(c.notes.clone()),
                ]);
            }
            if let Err(e) = sheet.push(row) {
                result = Err(e);
            }
            Ok(())
        })?;
        result.map_err(&err)?;
        sheets.push((name.to_string(), sheet.finish().map_err(&err)?));
    }

    // Contact history.
    {
        let name = lang.pick("联系记录", "Contact history");
        let headers = [
            (lang.pick("客户", "Customer"), 26.0),
            (lang.pick("时间", "When"), 16.0),
            (lang.pick("方式", "Channel"), 8.0),
            (lang.pick("主题", "Subject"), 24.0),
            (lang.pick("内容", "Summary"), 40.0),
            (lang.pick("结果", "Outcome"), 24.0),
            (lang.pick("下一步", "Next step"), 24.0),
            (lang.pick("截止日期", "Due"), 12.0),
        ];
        let ws = book.add_worksheet_with_constant_memory().map_err(&err)?;
        let mut sheet = Sheet::new(ws, name, &headers, formats).map_err(&err)?;
        let mut result = Ok(());
        crate::record::for_each::<contacts::Contact>(conn, |k| {
            let Some(customer) = owner(&k.customer_id).filter(|_| k.deleted_at.is_none()) else {
                return Ok(());
            };
            let d = k.draft;
            if let Err(e) = sheet.push(vec![
                text(customer),
                Cell::DateTime(Some(d.happened_at)),
                text(value(lang, d.channel.as_str())),
                text(d.subject),
                text(d.summary),
                text(d.outcome),
                text(d.next_step),
                Cell::Date(d.next_due),
            ]) {
                result = Err(e);
            }
            Ok(())
        })?;
        result.map_err(&err)?;
        sheets.push((name.to_string(), sheet.finish().map_err(&err)?));
    }

    // Transactions.
    {
        let name = lang.pick("交易", "Transactions");
        let headers = [
            (lang.pick("客户", "Customer"), 26.0),
            (lang.pick("日期", "Date"), 12.0),
            (lang.pick("类型", "Kind"), 8.0),
            (lang.pick("金额", "Amount"), 14.0),
            (lang.pick("币种", "Currency"), 8.0),
            (lang.pick("说明", "Description"), 30.0),
        ];
        let ws = book.add_worksheet_with_constant_memory().map_err(&err)?;
        let mut sheet = Sheet::new(ws, name, &headers, formats).map_err(&err)?;
        let mut result = Ok(());
        crate::record::for_each::<deals::Deal>(conn, |d| {
            let Some(customer) = owner(&d.customer_id).filter(|_| d.deleted_at.is_none()) else {
                return Ok(());
            };
            let x = d.draft;
            if let Err(e) = sheet.push(vec![
                text(customer),
                Cell::Date(Some(x.occurred_on)),
                text(value(lang, x.kind.as_str())),
                money(x.amount_minor),
                text(x.currency),
                text(x.description),
            ]) {
                result = Err(e);
            }
            Ok(())
        })?;
        result.map_err(&err)?;
        sheets.push((name.to_string(), sheet.finish().map_err(&err)?));
    }

    // Relationship assessments: one row per assessment per dimension.
    {
        let name = lang.pick("关系评估", "Relationship assessments");
        let headers = [
            (lang.pick("客户", "Customer"), 26.0),
            (lang.pick("评估日期", "Assessed on"), 12.0),
            (lang.pick("评估人", "Assessor"), 10.0),
            (lang.pick("维度", "Dimension"), 16.0),
            (lang.pick("得分", "Score"), 6.0),
            (lang.pick("依据", "Evidence"), 30.0),
            (lang.pick("目标分", "Target"), 6.0),
            (lang.pick("目标日期", "Target date"), 12.0),
            (lang.pick("行动计划", "Action plan"), 40.0),
        ];
        let ws = book.add_worksheet_with_constant_memory().map_err(&err)?;
        let mut sheet = Sheet::new(ws, name, &headers, formats_plain).map_err(&err)?;
        let mut result = Ok(());
        crate::record::for_each::<relationship::Assessment>(conn, |a| {
            let Some(customer) = owner(&a.customer_id).filter(|_| a.deleted_at.is_none()) else {
                return Ok(());
            };
            for sc in &a.draft.scores {
                let plan: Vec<String> = sc.plan.iter().map(|p| p.step.clone()).collect();
                if let Err(e) = sheet.push(vec![
                    text(customer.clone()),
                    Cell::Date(Some(a.draft.assessed_on.clone())),
                    text(a.draft.assessor.clone()),
                    text(dimensions::scale(sc.dimension, lang == Lang::Zh).name),
                    Cell::Number(sc.score as f64),
                    text(sc.evidence.clone()),
                    opt_number(sc.target),
                    Cell::Date(sc.target_on.clone()),
                    text(plan.join("\n")),
                ]) {
                    result = Err(e);
                }
            }
            Ok(())
        })?;
        result.map_err(&err)?;
        sheets.push((name.to_string(), sheet.finish().map_err(&err)?));
    }

    // Overdue follow-ups.
    {
        let name = lang.pick("逾期跟进", "Overdue follow-ups");
        let headers = [
            (lang.pick("客户", "Customer"), 26.0),
            (lang.pick("截止日期", "Due"), 12.0),
            (lang.pick("事项", "To do"), 40.0),
        ];
        let ws = book.add_worksheet_with_constant_memory().map_err(&err)?;
        let mut sheet = Sheet::new(ws, name, &headers, formats).map_err(&err)?;
        followups::for_each_overdue(conn, today, |f| {
            if let Some(customer) = owner(&f.customer_id) {
                sheet
                    .push(vec![text(customer), Cell::Date(Some(f.due_on)), text(f.title)])
                    .map_err(&err)?;
            }
            Ok(())
        })?;
        sheets.push((name.to_string(), sheet.finish().map_err(&err)?));
    }

    // Summary: per tier, per status, the 80/20 line.
    {
        let name = lang.pick("汇总", "Summary");
        let headers = [
            (lang.pick("项目", "Item"), 36.0),
            (lang.pick("客户数", "Customers"), 10.0),
            (lang.pick("近期营业额", "Revenue in window"), 16.0),
            (lang.pick("上次称重", "Weight before"), 10.0),
            (lang.pick("本次称重", "Weight now"), 10.0),
        ];
        let ws = book.add_worksheet_with_constant_memory().map_err(&err)?;
        let mut sheet = Sheet::new(ws, name, &headers, formats).map_err(&err)?;
        for (tier, g) in &tally.per_tier {
            let tier = tier.map_or(lang.pick("未分级", "No tier"), |t| t.as_str());
            sheet
                .push(vec![
                    text(format!("{} {tier}", lang.pick("分级", "Tier"))),
                    Cell::Number(g.customers as f64),
                    money(g.revenue),
                ])
                .map_err(&err)?;
        }
        for (status, g) in &tally.per_status {
            sheet
                .push(vec![
                    text(format!(
                        "{} {}",
                        lang.pick("状态", "Status"),
                        value(lang, status.as_str())
                    )),
                    Cell::Number(g.customers as f64),
                    money(g.revenue),
                ])
                .map_err(&err)?;
        }
        sheet
            .push(vec![
                text(lang.pick("带来 80% 营业额的客户", "Customers bringing 80% of revenue")),
                Cell::Number(tally.customers_for_80() as f64),
                money(tally.total_revenue() * 8 / 10),
            ])
            .map_err(&err)?;
        let fell = tally.fell();
        sheet
            .push(vec![
                text(lang.pick("称重下降的关键客户", "Key customers whose weight fell")),
                Cell::Number(fell.len() as f64),
            ])
            .map_err(&err)?;
        for w in fell {
            sheet
                .push(vec![
                    text(format!("{}{}", lang.pick("称重下降：", "Weight fell: "), w.who.name)),
                    Cell::Empty,
                    Cell::Empty,
                    opt_number(w.previous),
                    Cell::Number(w.weight as f64),
                ])
                .map_err(&err)?;
        }
        sheets.push((name.to_string(), sheet.finish().map_err(&err)?));
    }

    book.save_to_writer(std::io::BufWriter::new(file)).map_err(&err)?;
    Ok(ReportSummary { sheets })
}
