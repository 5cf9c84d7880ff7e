//! The app's demo has a day's work waiting when it is loaded (issue 14):
//! on the best active customers, follow-ups due today and over the coming
//! week, in each customer's language, so Today and the reminder show what
//! a real morning looks like rather than only an old backlog.

use chrono::{DateTime, Duration, Utc};
use rusqlite::Connection;

use super::rng::Rng;
use crate::clock;
use crate::error::Result;
use crate::history::followups::FollowUp;

/// (Chinese, English) titles of the waiting steps.
const STEPS: &[(&str, &str)] = &[
    ("电话确认样品测试结果", "Call about the sample test results"),
    ("发送年度框架协议草案", "Send the draft framework agreement"),
    ("约采购经理下周拜访", "Book next week's visit with purchasing"),
    ("跟进二季度订单交期", "Chase the Q2 order's delivery date"),
    ("准备季度业务回顾材料", "Prepare the quarterly business review"),
    ("确认技术交流会议程", "Confirm the technical meeting's agenda"),
    ("回复报价单修改意见", "Answer their comments on the quote"),
    ("邀请参加新品发布会", "Invite them to the product launch"),
];

/// Days from today of the waiting steps: three today, the rest this week.
const DAYS: &[i64] = &[0, 0, 0, 1, 2, 3, 5, 6];

/// Writes the waiting follow-ups on the best active customers (tier, then
/// name); returns how many.
pub(super) fn generate(conn: &Connection, seed: u64, now: DateTime<Utc>) -> Result<usize> {
    let today = now.with_timezone(&chrono::Local).date_naive();
    let mut rng = Rng::new(seed ^ 0x5eed_da7e);
    let mut stmt = conn.prepare(
        "SELECT id, name FROM customers WHERE deleted_at IS NULL AND status = 'active' AND tier IS NOT NULL \
         ORDER BY CASE tier WHEN 'S' THEN 0 WHEN 'A' THEN 1 WHEN 'B' THEN 2 ELSE 3 END, sort_key LIMIT ?1",
    )?;
    let best = stmt
        .query_map([DAYS.len() as i64], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let created = clock::format_ts(now - Duration::days(3));
    for (i, (customer_id, name)) in best.iter().enumerate() {
        let chinese = name.chars().next().is_some_and(|c| !c.is_ascii());
        let step = STEPS[i % STEPS.len()];
        crate::record::put(
            conn,
            &FollowUp {
                id: rng.uuid(),
                customer_id: customer_id.clone(),
                contact_id: None,
                title: if chinese { step.0 } else { step.1 }.to_string(),
                due_on: (today + Duration::days(DAYS[i])).to_string(),
                done_at: None,
                done_contact_id: None,
                created_at: created.clone(),
                updated_at: created.clone(),
                cancelled_at: None,
                cancel_reason: String::new(),
                deleted_at: None,
            },
        )?;
    }
    Ok(best.len())
}
