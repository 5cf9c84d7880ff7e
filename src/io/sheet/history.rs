//! Columns that tell a customer's history (上次拜访, 跟进记录, 下次跟进,
//! Last Activity Date, Next Step, 成交金额 …) become what Baton keeps of it:
//! a contact, a follow-up, an order. Read at plan time and checked against
//! the domain's rules there, so the one-transaction write cannot fail on
//! them; what cannot become a record (a summary with no day, an amount
//! with no date) stays a note line of the customer, with a warning.

use chrono::NaiveDate;
use serde::Serialize;

use super::values;
use super::warning::{DayOf, Expected, Whose, Why};
use crate::enums::{Channel, DealKind};
use crate::history::contacts::ContactDraft;
use crate::value::deals::DealDraft;

/// A row's history, as it will be written.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct PlannedHistory {
    /// The source line.
    pub line: u64,
    /// The row's key person (index into the customer's planned people).
    pub person: Option<usize>,
    /// The last contact, with its next step when the row gives one.
    pub contact: Option<ContactDraft>,
    /// A next step with a day and no contact to carry it.
    pub followup: Option<PlannedFollowUp>,
    /// An order.
    pub deal: Option<DealDraft>,
}

/// A follow-up of its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct PlannedFollowUp {
    /// What to do.
    pub title: String,
    /// When (`YYYY-MM-DD`).
    pub due_on: String,
}

/// The history cells of one row: (header, text) of each.
#[derive(Debug, Default)]
pub(super) struct HistoryCells {
    pub last_on: Option<(String, String)>,
    pub summary: Option<(String, String)>,
    pub next_step: Option<(String, String)>,
    pub next_on: Option<(String, String)>,
    pub amount: Option<(String, String)>,
    pub deal_on: Option<(String, String)>,
}

/// What a row's history cells become.
#[derive(Debug, Default)]
pub(super) struct HistoryRead {
    pub history: Option<PlannedHistory>,
    /// Values kept as note lines of the customer.
    pub kept: Vec<String>,
    /// (column, reason, why) of each value kept rather than written.
    pub warnings: Vec<(String, String, Why)>,
}

/// A contact's time for a day: noon UTC, the same calendar day in every
/// time zone from UTC−11 to UTC+11.
fn noon(day: NaiveDate) -> String {
    format!("{day}T12:00:00.000Z")
}

/// The channel a header speaks of (上次拜访 is a visit).
fn channel(header: &str) -> Channel {
    let h = header.to_lowercase();
    if h.contains("拜访") || h.contains("visit") || h.contains("meeting") || h.contains("见面") {
        Channel::Visit
    } else if h.contains("电话") || h.contains("call") {
        Channel::Phone
    } else {
        Channel::Other
    }
}

impl HistoryCells {
    /// Whether the row has any history cell.
    pub fn is_empty(&self) -> bool {
        [
            &self.last_on,
            &self.summary,
            &self.next_step,
            &self.next_on,
            &self.amount,
            &self.deal_on,
        ]
        .iter()
        .all(|c| c.is_none())
    }

    /// The history the cells describe, as of `today`, in `currency` when
    /// the amount names none.
    pub fn read(self, line: u64, today: NaiveDate, currency: &str) -> HistoryRead {
        let mut out = HistoryRead::default();
        let keep = |cell: &(String, String), reason: &str, why: Why, out: &mut HistoryRead| {
            out.kept.push(format!("{}：{}", cell.0, cell.1));
            out.warnings.push((cell.0.clone(), reason.to_string(), why));
        };
        let unread = |cell: &(String, String), expected| Why::Unread {
            value: cell.1.clone(),
            expected,
            kept_in: Whose::Customer,
            mappable: false,
        };
        let no_day = |cell: &(String, String), of| Why::NoDay {
            of,
            value: cell.1.clone(),
        };
        let earliest = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap_or_default();
        // A day in a cell: None (and the cell kept) when it is no day or out of range.
        let day = |cell: &Option<(String, String)>, latest: NaiveDate, out: &mut HistoryRead| -> Option<NaiveDate> {
            let c = cell.as_ref()?;
            match values::date(&c.1) {
                Ok(Some(d)) if d <= latest && d >= earliest => Some(d),
                Ok(None) => None,
                Ok(Some(d)) => {
                    let why = Why::DayOutOfRange {
                        value: d.to_string(),
                        min: earliest.to_string(),
                        max: latest.to_string(),
                    };
                    keep(c, &format!("{d} is not between {earliest} and {latest}"), why, out);
                    None
                }
                Err(reason) => {
                    keep(c, &reason, unread(c, Expected::Date), out);
                    None
                }
            }
        };
        let last = day(&self.last_on, today + chrono::Duration::days(1), &mut out);
        let next = day(&self.next_on, NaiveDate::MAX, &mut out);
        let step_text = self.next_step.as_ref().map(|c| c.1.clone()).unwrap_or_default();
        let mut history = PlannedHistory {
            line,
            person: None,
            contact: None,
            followup: None,
            deal: None,
        };
        match (last, &self.summary) {
            (Some(day), summary) => {
                let header = self.last_on.as_ref().map_or("", |c| c.0.as_str());
                let mut contact = ContactDraft {
                    summary: summary.as_ref().map(|c| c.1.clone()).unwrap_or_default(),
                    ..ContactDraft::new(noon(day), channel(header), header.chars().take(100).collect::<String>())
                };
                // The next step rides on the contact, as one typed in the app does.
                if next.is_some_and(|n| n >= day) || (next.is_none() && !step_text.is_empty()) {
                    contact.next_step = if step_text.is_empty() {
                        self.next_on.as_ref().map_or(String::new(), |c| c.0.clone())
                    } else {
                        step_text.clone()
                    };
                    contact.next_due = next.map(|n| n.to_string());
                } else if let Some(n) = next {
                    history.followup = Some(follow_up(&self, &step_text, n));
                }
                history.contact = Some(contact);
            }
            (None, summary) => {
                if let Some(summary) = summary {
                    let why = no_day(summary, DayOf::Contact);
                    keep(summary, "no day of the contact in the row", why, &mut out);
                }
                match next {
                    Some(n) => history.followup = Some(follow_up(&self, &step_text, n)),
                    None => {
                        if let Some(step) = &self.next_step {
                            keep(
                                step,
                                "no day for the next step",
                                no_day(step, DayOf::NextStep),
                                &mut out,
                            );
                        }
                    }
                }
            }
        }
        if let Some(cell) = &self.amount {
            match values::amount(&cell.1) {
                Ok(None) => {}
                Err(reason) => keep(cell, &reason, unread(cell, Expected::Amount), &mut out),
                Ok(Some((minor, code))) => match day(&self.deal_on, today, &mut out).or(last) {
                    None => keep(
                        cell,
                        "no day of the order in the row",
                        no_day(cell, DayOf::Order),
                        &mut out,
                    ),
                    Some(on) => {
                        let deal = DealDraft {
                            kind: DealKind::Order,
                            occurred_on: on.to_string(),
                            amount_minor: minor,
                            currency: code.unwrap_or(currency).to_string(),
                            description: format!("{}（导入）", cell.0),
                        };
                        match deal.validate() {
                            Ok(()) => history.deal = Some(deal),
                            Err(e) => keep(cell, &e.to_string(), unread(cell, Expected::Amount), &mut out),
                        }
                    }
                },
            }
        }
        if history.contact.is_some() || history.followup.is_some() || history.deal.is_some() {
            out.history = Some(history);
        }
        out
    }
}

fn follow_up(cells: &HistoryCells, step: &str, due: NaiveDate) -> PlannedFollowUp {
    let title = if step.is_empty() {
        cells.next_on.as_ref().map_or("跟进".to_string(), |c| c.0.clone())
    } else {
        step.to_string()
    };
    PlannedFollowUp {
        title: title.chars().take(500).collect(),
        due_on: due.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(h: &str, t: &str) -> Option<(String, String)> {
        Some((h.into(), t.into()))
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
    }

    #[test]
    fn a_visit_its_next_step_and_an_order() {
        let read = HistoryCells {
            last_on: cell("上次拜访", "2026/11/20"),
            summary: cell("跟进记录", "谈了报价"),
            next_step: cell("下一步", "寄样品"),
            next_on: cell("下次跟进", "2026-12-05"),
            amount: cell("成交金额", "¥12,000.50"),
            deal_on: cell("成交日期", "2026-10-01"),
        }
        .read(4, today(), "CNY");
        let h = read.history.unwrap();
        let c = h.contact.unwrap();
        assert_eq!(
            (c.happened_at.as_str(), c.channel),
            ("2026-11-20T12:00:00.000Z", Channel::Visit)
        );
        assert_eq!((c.summary.as_str(), c.next_step.as_str()), ("谈了报价", "寄样品"));
        assert_eq!(c.next_due.as_deref(), Some("2026-12-05"));
        assert!(h.followup.is_none());
        let d = h.deal.unwrap();
        assert_eq!(
            (d.amount_minor, d.occurred_on.as_str(), d.currency.as_str()),
            (1_200_050, "2026-10-01", "CNY")
        );
        assert!(read.kept.is_empty());
    }

    #[test]
    fn what_cannot_be_a_record_is_kept_with_a_word() {
        let read = HistoryCells {
            summary: cell("跟进记录", "客户说下月再谈"),
            next_on: cell("下次跟进", "2027-01-04"),
            amount: cell("金额", "三万"),
            ..Default::default()
        }
        .read(2, today(), "CNY");
        let h = read.history.unwrap();
        assert!(h.contact.is_none());
        assert_eq!(
            h.followup,
            Some(PlannedFollowUp {
                title: "下次跟进".into(),
                due_on: "2027-01-04".into()
            })
        );
        assert_eq!(read.kept, ["跟进记录：客户说下月再谈", "金额：三万"]);
        assert_eq!(read.warnings.len(), 2);
        let future = HistoryCells {
            last_on: cell("Last Activity Date", "2031-01-01"),
            ..Default::default()
        }
        .read(3, today(), "CNY");
        assert!(future.history.is_none() && future.kept.len() == 1, "{future:?}");
    }
}
