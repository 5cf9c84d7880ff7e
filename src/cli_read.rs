//! The read-only reports of the `baton` tool: the customer list by
//! standing, a customer's value picture, its relationship card.

use std::io::Write;

use baton::Store;
use baton::customers::activity::Standing;

/// `baton customers`: every live customer (or those standing so), by name,
/// as `standing<TAB>name<TAB>id`; with `count`, only how many.
pub fn customers(store: &Store, standing: Option<Standing>, count: bool) -> baton::Result<()> {
    let io = |e| baton::Error::io(std::path::Path::new("<stdout>"), e);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut offset = 0;
    loop {
        let page = store.read(|c| {
            baton::views::list::list(
                c,
                &baton::views::list::ListQuery {
                    standing,
                    offset,
                    limit: 500,
                    ..Default::default()
                },
            )
        })?;
        if count {
            writeln!(out, "{}", page.total).map_err(io)?;
            break;
        }
        for row in &page.rows {
            writeln!(out, "{}\t{}\t{}", row.standing.as_str(), row.name, row.id).map_err(io)?;
        }
        offset += page.rows.len() as u32;
        if page.rows.is_empty() || i64::from(offset) >= page.total {
            break;
        }
    }
    out.flush().map_err(io)
}

/// `baton value` as text: one fact per line, reasons indented.
pub fn value_report(name: &str, id: &str, v: &baton::value::ValuePicture) -> String {
    let money = |minor: i64| format!("{} {}.{:02}", v.rfm.currency, minor / 100, (minor % 100).abs());
    let or_none = |d: &Option<String>| d.clone().unwrap_or_else(|| "none".into());
    let tier = |t: Option<baton::enums::Tier>| t.map_or("none", |t| t.as_str());
    let threshold = v.activity.threshold_days;
    let activity = match (v.activity.standing, v.activity.days_since) {
        (Standing::Active, Some(d)) => format!("active ({d} days since the last purchase or contact)"),
        (Standing::Dormant, Some(d)) => format!("dormant for {d} days (threshold {threshold})"),
        (Standing::Dormant, None) => "dormant: no purchase or contact ever".to_string(),
        (Standing::New, _) => format!("new: no purchase or contact yet (created within {threshold} days)"),
        (other, _) => other.as_str().to_string(),
    };
    let mut out = format!(
        "customer: {name} ({id})\nfirst purchase: {}\nlast purchase: {}\npurchases in window ({} days): {}\n\
         total amount: {}\namount in window: {}\nactivity: {activity}\ntier: {}\nsuggested tier: {} ({} points)\nreasons:\n",
        or_none(&v.rfm.first_purchase),
        or_none(&v.rfm.last_purchase),
        v.rfm.window_days,
        v.rfm.purchases_in_window,
        money(v.rfm.total_amount),
        money(v.rfm.window_amount),
        tier(v.tier),
        v.suggestion.tier.as_str(),
        v.suggestion.points,
    );
    for r in &v.suggestion.reasons {
        out.push_str(&format!("  {r}\n"));
    }
    if v.rfm.other_currency_deals > 0 {
        out.push_str(&format!(
            "note: {} deals in other currencies are not counted\n",
            v.rfm.other_currency_deals
        ));
    }
    out
}

/// `baton relationship` as text.
pub fn relationship_report(
    name: &str,
    cards: &[baton::relationship::Assessment],
    settings: &baton::settings::Settings,
    dependence: &baton::relationship::dependence::Dependence,
) -> String {
    use baton::relationship::weight;
    let mut out = format!("customer: {name}\n");
    match cards.last() {
        None => out.push_str("relationship card: none yet\n"),
        Some(a) => {
            let d = &a.draft;
            out.push_str(&format!(
                "latest assessment: {} by {} (layer: {}, type: {})\n",
                d.assessed_on,
                if d.assessor.is_empty() { "?" } else { &d.assessor },
                d.layer.map_or("-", |l| l.as_str()),
                d.relationship_type.map_or("-", |t| t.as_str()),
            ));
            for s in &d.scores {
                let in_use = if settings.dimensions.contains(&s.dimension) {
                    ""
                } else {
                    " (not in use)"
                };
                let target = s.target.map_or(String::new(), |t| format!(" -> target {t}"));
                let scale = baton::relationship::dimensions::scale(s.dimension, false);
                out.push_str(&format!("  {:<28} {}/5{target}{in_use}\n", scale.name, s.score));
            }
            let now = weight(&d.scores, settings);
            let before = cards
                .len()
                .checked_sub(2)
                .and_then(|i| weight(&cards[i].draft.scores, settings));
            out.push_str(&format!("weight: {}", now.map_or("-".into(), |w| format!("{w}/100"))));
            if let (Some(n), Some(b)) = (now, before) {
                out.push_str(&format!(" (previous {b}, change {:+})", n - b));
            }
            out.push_str(&format!("\nassessments: {}\n", cards.len()));
        }
    }
    let level = match dependence.level {
        baton::relationship::dependence::Level::High => "high",
        baton::relationship::dependence::Level::Medium => "medium",
        baton::relationship::dependence::Level::Low => "low: the company holds it",
    };
    out.push_str(&format!(
        "dependence on one person: {}/100 ({level})\n",
        dependence.score
    ));
    for flag in &dependence.red_flags {
        out.push_str(match flag {
            baton::relationship::dependence::RedFlag::NoDecisionMaker => {
                "  red flag: we do not know the decision maker\n"
            }
            baton::relationship::dependence::RedFlag::OnePerson => "  red flag: we know one key person at most\n",
        });
    }
    for r in &dependence.reasons {
        out.push_str(&format!("  {r}\n"));
    }
    out
}

/// `baton search`: what the app's search finds for `query`, in its order.
pub fn search(store: &Store, query: &str, json: bool, limit: usize) -> baton::Result<()> {
    let q = baton::search::SearchQuery {
        text: query.to_string(),
        limit: Some(limit),
        ..Default::default()
    };
    let groups = store.read(|c| baton::search::search(c, &q, baton::clock::local_today()))?;
    let hits = groups.iter().flat_map(|g| &g.hits);
    let label = |h: &baton::search::Hit| h.title.iter().map(|p| p.text.as_str()).collect::<String>();
    let io = |e| baton::Error::io(std::path::Path::new("<stdout>"), e);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if json {
        let rows: Vec<serde_json::Value> = hits
            .map(|h| {
                serde_json::json!({
                    "kind": h.kind,
                    "id": h.record_id,
                    "customer_id": h.customer_id,
                    "customer": h.customer_name,
                    "label": label(h),
                    "tier": h.tier,
                    "title": h.person_title,
                    "phone": h.phone,
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &rows).map_err(|e| baton::Error::Corrupt(e.to_string()))?;
        writeln!(out).map_err(io)?;
    } else {
        for h in hits {
            let kind = serde_json::to_value(h.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            writeln!(out, "{kind}\t{}\t{}\t{}", h.record_id, h.customer_name, label(h)).map_err(io)?;
        }
    }
    out.flush().map_err(io)
}
