//! Demo contact history: about ten contacts per customer over the years,
//! with objections, next steps, and follow-ups (most done, some overdue).

use chrono::{DateTime, Duration, Utc};
use rusqlite::Connection;

use super::rng::Rng;
use crate::clock;
use crate::customers::Customer;
use crate::customers::people::Person;
use crate::enums::{Channel, Objection};
use crate::error::Result;
use crate::history::contacts::{self, Contact, ContactDraft};
use crate::history::followups::{self, FollowUp};

const SUBJECTS: &[(&str, &str)] = &[
    ("季度业务回顾", "Quarterly business review"),
    ("新产品介绍", "New product introduction"),
    ("报价跟进", "Quote follow-up"),
    ("技术交流", "Technical exchange"),
    ("回款沟通", "Payment follow-up"),
    ("展会邀请", "Trade fair invitation"),
    ("样品测试反馈", "Sample test feedback"),
    ("年度框架协议谈判", "Annual framework agreement"),
];
const OUTCOMES: &[(&str, &str)] = &[
    (
        "客户认可方案，等待内部审批",
        "They like the proposal; internal approval pending",
    ),
    ("需要补充技术资料", "They need more technical material"),
    ("对价格有顾虑", "Price concerns"),
    ("约定下次上门演示", "Agreed on an on-site demo"),
    ("暂无需求，保持联系", "No need now; keep in touch"),
];
const NEXT_STEPS: &[(&str, &str)] = &[
    ("发送修改后的报价单", "Send the revised quote"),
    ("安排技术工程师上门", "Send an engineer on site"),
    ("确认决策人是否看过资料", "Check the decision maker saw the material"),
    ("邀请参加新品发布会", "Invite to the product launch"),
    ("跟进合同审批进度", "Chase the contract approval"),
];

/// Writes the demo history of one customer and its people.
pub(super) fn generate(
    conn: &Connection,
    rng: &mut Rng,
    customer: &Customer,
    people: &[Person],
    chinese: bool,
    now: DateTime<Utc>,
) -> Result<(usize, usize)> {
    let lang = |pair: &(&str, &str)| {
        if chinese {
            pair.0.to_string()
        } else {
            pair.1.to_string()
        }
    };
    let created = DateTime::parse_from_rfc3339(&customer.created_at)
        .map(|d| d.with_timezone(&Utc))
        .unwrap_or(now);
    let span = (now - created).num_seconds().max(3600);
    let count = rng.below(21) as usize; // 0..=20, ten on average
    let mut followups_written = 0;
    for _ in 0..count {
        let at = created + Duration::seconds(rng.between(0, span));
        let involved: Vec<String> = if people.is_empty() {
            Vec::new()
        } else {
            (0..1 + rng.below(2)).map(|_| rng.pick(people).id.clone()).collect()
        };
        let objection = if rng.chance(30) {
            Some(*rng.pick(Objection::ALL))
        } else {
            None
        };
        let next = rng.chance(40);
        let due = (at + Duration::days(rng.between(1, 30))).date_naive();
        let contact = Contact {
            id: rng.uuid(),
            customer_id: customer.id.clone(),
            draft: ContactDraft {
                happened_at: clock::format_ts(at),
                channel: *rng.pick(Channel::ALL),
                person_ids: {
                    let mut ids = involved;
                    ids.sort();
                    ids.dedup();
                    ids
                },
                subject: lang(rng.pick(SUBJECTS)),
                summary: if chinese {
                    "双方就项目进度和下一步安排交换了意见。".into()
                } else {
                    "Discussed progress and next steps.".into()
                },
                outcome: lang(rng.pick(OUTCOMES)),
                objection,
                objection_note: match objection {
                    Some(Objection::Price) if chinese => "比竞品贵8%".into(),
                    Some(Objection::Price) => "8% above the competitor".into(),
                    Some(Objection::SendMaterial) if chinese => "已发送产品手册和案例".into(),
                    Some(Objection::SendMaterial) => "Sent the brochure and case studies".into(),
                    Some(_) => "—".into(),
                    None => String::new(),
                },
                in_charge_person_id: match objection {
                    Some(Objection::NotInCharge) if !people.is_empty() => Some(rng.pick(people).id.clone()),
                    _ => None,
                },
                next_step: if next {
                    lang(rng.pick(NEXT_STEPS))
                } else {
                    String::new()
                },
                next_due: if next { Some(due.to_string()) } else { None },
            },
            created_at: clock::format_ts(at),
            updated_at: clock::format_ts(at),
            deleted_at: None,
        };
        contacts::put_unchecked(conn, &contact)?;
        if next {
            // Old next steps are mostly done; recent ones and a few old ones stay open.
            let old = due < (now - Duration::days(10)).date_naive();
            let done = old && rng.chance(92);
            let done_at = clock::format_ts(at + Duration::days(rng.between(1, 30)));
            let followup = FollowUp {
                id: rng.uuid(),
                customer_id: customer.id.clone(),
                contact_id: Some(contact.id.clone()),
                title: contact.draft.next_step.clone(),
                due_on: due.to_string(),
                done_at: done.then(|| done_at.clone()),
                done_contact_id: None,
                created_at: contact.created_at.clone(),
                updated_at: if done { done_at } else { contact.created_at.clone() },
                cancelled_at: None,
                cancel_reason: String::new(),
                deleted_at: None,
            };
            crate::record::put(conn, &followup)?;
            if !done {
                moved_once(conn, &followup)?;
            }
            followups_written += 1;
        }
    }
    Ok((count, followups_written))
}

/// About one open follow-up in six was moved once, a week later than first
/// promised. Drawn from a generator seeded by the follow-up's id, so the main
/// stream (and every other demo record) is the same as before follow-up
/// changes existed.
fn moved_once(conn: &Connection, f: &FollowUp) -> Result<()> {
    let seed =
        f.id.bytes()
            .fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
    let mut side = Rng::new(seed);
    if !side.chance(16) {
        return Ok(());
    }
    let Ok(due) = f.due_on.parse::<chrono::NaiveDate>() else {
        return Ok(());
    };
    let old = due - Duration::days(7);
    let at = f.created_at.clone();
    crate::record::put(
        conn,
        &followups::changes::FollowUpChange {
            id: side.uuid(),
            customer_id: f.customer_id.clone(),
            followup_id: f.id.clone(),
            action: followups::changes::FollowUpAction::Rescheduled,
            title: f.title.clone(),
            old_due: Some(old.to_string()),
            new_due: Some(f.due_on.clone()),
            reason: String::new(),
            changed_at: at.clone(),
            changed_by: String::new(),
            created_at: at.clone(),
            updated_at: at,
        },
    )
}
