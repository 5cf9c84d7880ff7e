//! The decision chain (决策链) of a key customer in the visual report, as
//! the app's card draws it: the key people by role, each with attitude and
//! who on our side knows them, and the roles nobody covers flagged — the
//! missing decision maker in red. HTML boxes, every name escaped as text.

use rusqlite::Connection;

use super::super::labels::{Lang, value};
use super::super::svg::esc;
use crate::customers::people;
use crate::enums::Role;
use crate::error::Result;

/// The chain of `customer_id` as an HTML block.
pub(super) fn chain(conn: &Connection, lang: Lang, customer_id: &str) -> Result<String> {
    let people = people::list_for(conn, customer_id)?;
    let mut boxes = String::new();
    let mut gaps = Vec::new();
    for role in Role::ALL {
        let here: Vec<&people::Person> = people.iter().filter(|p| p.card.role == Some(*role)).collect();
        let label = value(lang, role.as_str());
        if here.is_empty() {
            let critical = *role == Role::DecisionMaker;
            gaps.push(label.clone());
            boxes.push_str(&format!(
                "<div class=\"role nobody{}\"><b>{}</b><span>{}</span></div>",
                if critical { " critical" } else { "" },
                esc(&label),
                lang.pick("无人", "Nobody")
            ));
            continue;
        }
        let names: String = here
            .iter()
            .map(|p| {
                let attitude = p.card.attitude.map(|a| a.as_str()).unwrap_or("unknown");
                let known: Vec<&str> = p.card.known_by.iter().map(|k| k.name.as_str()).collect();
                let known = if known.is_empty() {
                    String::new()
                } else {
                    let names = known.join(lang.pick("、", ", "));
                    format!(
                        " <small>{}</small>",
                        esc(&lang.pick("{} 认识", "known by {}").replace("{}", &names))
                    )
                };
                format!(
                    "<span class=\"node {attitude}\">{}{}{known}</span>",
                    esc(&p.card.name),
                    p.card
                        .attitude
                        .map(|a| format!(" <small>{}</small>", esc(&value(lang, a.as_str()))))
                        .unwrap_or_default()
                )
            })
            .collect();
        boxes.push_str(&format!("<div class=\"role\"><b>{}</b>{names}</div>", esc(&label)));
    }
    let warning = if gaps.is_empty() {
        String::new()
    } else {
        format!(
            "<p class=\"gaps\">{}{}</p>",
            lang.pick("我们还不认识：", "Nobody we know is the "),
            esc(&gaps.join(lang.pick("、", ", ")))
        )
    };
    Ok(format!(
        "<div class=\"chain\"><h5>{}</h5>{warning}<div class=\"roles\">{boxes}</div></div>",
        lang.pick("决策链", "Decision chain")
    ))
}
