//! Demo handover notes: most key customers get one, written in the
//! customer's language. A separate random stream per customer, so adding
//! notes did not change the rest of the demo.

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use super::rng::Rng;
use crate::clock;
use crate::customers::Customer;
use crate::error::Result;
use crate::relationship::handover_notes::{HandoverNote, NoteDraft};

const ZH: [[&str; 3]; 4] = [
    [
        "采购总监王总是决策者，技术部李工是我们的支持者",
        "总经理很少出面，关系主要在采购部",
        "财务经理对我们有疑虑，需要多沟通",
    ],
    [
        "答应月底前提供新版报价和样品",
        "承诺下季度安排一次工厂参观",
        "答应帮他们申请延长付款期",
    ],
    [
        "竞争对手正在低价抢单",
        "对接人可能年内调岗",
        "去年交货延期，对方仍有意见",
    ],
    [
        "先拜访王总，当面介绍接手安排",
        "两周内跟进样品测试结果",
        "尽快约技术交流会",
    ],
];
const EN: [[&str; 3]; 4] = [
    [
        "The purchasing director decides; the lead engineer supports us",
        "The MD rarely meets suppliers",
        "Finance doubts our pricing",
    ],
    [
        "Promised a revised quote and samples by month end",
        "Promised a factory visit next quarter",
        "Promised to ask for longer payment terms",
    ],
    [
        "A competitor is undercutting us",
        "Our contact may move to another role this year",
        "Last year's late delivery still rankles",
    ],
    [
        "Meet the purchasing director first, in person",
        "Follow up the sample test within two weeks",
        "Book a technical workshop soon",
    ],
];

/// Writes a note for `customer` (a key customer) with 80% probability.
pub(super) fn generate(
    conn: &Connection,
    index: u64,
    seed: u64,
    customer: &Customer,
    chinese: bool,
    now: DateTime<Utc>,
) -> Result<usize> {
    let mut rng = Rng::new(seed ^ 0x6e6f_7465_7300_0000 ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    if !rng.chance(80) {
        return Ok(0);
    }
    let words = if chinese { &ZH } else { &EN };
    let mut pick = |i: usize| words[i][rng.below(3) as usize].to_string();
    let draft = NoteDraft {
        key_relationships: pick(0),
        open_promises: pick(1),
        risks: pick(2),
        next_steps: pick(3),
    };
    let at = clock::format_ts(now);
    crate::record::put(
        conn,
        &HandoverNote {
            id: rng.uuid(),
            customer_id: customer.id.clone(),
            draft,
            written_by: customer.card.owner.clone(),
            created_at: at.clone(),
            updated_at: at,
            deleted_at: None,
        },
    )?;
    Ok(1)
}

/// Some key customers were taken over from a previous salesperson: their
/// checklist (meet each person, re-assess the card), ticked in part.
pub(super) fn checklist(
    conn: &Connection,
    index: u64,
    seed: u64,
    customer: &Customer,
    people: &[crate::customers::people::Person],
    now: DateTime<Utc>,
) -> Result<usize> {
    use crate::relationship::checklist::{ChecklistItem, Task};
    let mut rng = Rng::new(seed ^ 0x6368_6563_6b00_0000 ^ index.wrapping_mul(0xD1B5_4A32_D192_ED03));
    if !rng.chance(25) {
        return Ok(0);
    }
    let at = clock::format_ts(now - chrono::Duration::days(20));
    let mut tasks: Vec<(Task, Option<String>, String)> = people
        .iter()
        .map(|p| (Task::MeetPerson, Some(p.id.clone()), p.card.name.clone()))
        .collect();
    tasks.push((Task::Reassess, None, String::new()));
    for (task, target_id, label) in &tasks {
        crate::record::put(
            conn,
            &ChecklistItem {
                id: rng.uuid(),
                customer_id: customer.id.clone(),
                task: *task,
                target_id: target_id.clone(),
                label: label.clone(),
                taken_over_by: customer.card.owner.clone(),
                taken_over_at: at.clone(),
                ticked_at: rng.chance(40).then(|| at.clone()),
                created_at: at.clone(),
                updated_at: at.clone(),
            },
        )?;
    }
    Ok(tasks.len())
}
