use baton::customers::people::{KnownBy, PersonCard};
use baton::enums::{Dimension, Layer, Role};
use baton::relationship::dependence::{self, CardState, DependenceReason};
use baton::relationship::{self, AssessmentDraft, DimensionScore};
use baton::settings::{self, Settings};
use baton::{Error, Store, customers, customers::people, history::contacts};
use chrono::NaiveDate;

use crate::{assessment, card, person, score};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()
}

#[test]
fn bad_assessments_are_refused_by_field_and_nothing_is_written() {
    let store = Store::open_in_memory().unwrap();
    let c = store.write(|tx| customers::create(tx, card("ACME"))).unwrap();
    let future = (chrono::Utc::now() + chrono::Duration::days(2))
        .date_naive()
        .to_string();
    let cases = vec![
        (
            assessment("2026-01-01", vec![score(Dimension::Support, 6)]),
            "assessment.scores[0].score",
        ),
        (
            assessment(
                "2026-01-01",
                vec![DimensionScore {
                    target: Some(-1),
                    ..score(Dimension::Support, 2)
                }],
            ),
            "assessment.scores[0].target",
        ),
        (
            assessment(&future, vec![score(Dimension::Support, 2)]),
            "assessment.assessed_on",
        ),
        (
            assessment(
                "2026-01-01",
                vec![score(Dimension::Events, 2), score(Dimension::Events, 3)],
            ),
            "assessment.scores[1].dimension",
        ),
        (assessment("2026-01-01", vec![]), "assessment.scores"),
    ];
    for (bad, field) in cases {
        match store
            .write(|tx| relationship::create(tx, &c.id, bad.clone()))
            .unwrap_err()
        {
            Error::Invalid(v) => assert_eq!(v.field, field, "{bad:?}"),
            e => panic!("{e:?}"),
        }
    }
    let unknown = serde_json::json!({"assessed_on": "2026-01-01", "scores": [{"dimension": "charm", "score": 3}]});
    match baton::validate::from_json::<AssessmentDraft>("assessment", unknown).unwrap_err() {
        Error::Invalid(v) => assert_eq!(v.field, "assessment.scores[0].dimension"),
        e => panic!("{e:?}"),
    }
    assert!(
        store
            .read(|conn| relationship::list_for(conn, &c.id))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn weight_is_normalised_over_the_dimensions_in_use_and_settings_never_delete_scores() {
    let all = Settings::default();
    let six: Vec<DimensionScore> = Dimension::ALL.iter().map(|d| score(*d, 5)).collect();
    assert_eq!(relationship::weight(&six, &all), Some(100));
    let half: Vec<DimensionScore> = Dimension::ALL
        .iter()
        .map(|d| score(*d, if *d == Dimension::Support { 0 } else { 3 }))
        .collect();
    assert_eq!(relationship::weight(&half, &all), Some(50), "(5*3 + 0) / 30");

    let four = Settings {
        dimensions: Dimension::ALL[..4].to_vec(),
        ..Default::default()
    };
    let three_of_four: Vec<DimensionScore> = Dimension::ALL[..4].iter().map(|d| score(*d, 3)).collect();
    assert_eq!(relationship::weight(&three_of_four, &four), Some(60));
    assert_eq!(
        relationship::weight(&half, &four),
        Some(60),
        "dimensions not in use do not count"
    );
    assert_eq!(relationship::weight(&[score(Dimension::Competition, 5)], &four), None);

    let weighted = Settings {
        dimension_weights: [(Dimension::Support, 3)].into_iter().collect(),
        ..Default::default()
    };
    // Support weighs 3: (5*3*1 + 0*3) / (5*5 + 5*3) = 15/40.
    assert_eq!(relationship::weight(&half, &weighted), Some(38));

    let store = Store::open_in_memory().unwrap();
    let c = store.write(|tx| customers::create(tx, card("ACME"))).unwrap();
    store
        .write(|tx| relationship::create(tx, &c.id, assessment("2026-01-01", six.clone())))
        .unwrap();
    store.write(|tx| settings::save(tx, &four)).unwrap();
    assert_eq!(store.read(settings::get).unwrap().dimensions.len(), 4);
    assert_eq!(
        store.read(|conn| relationship::list_for(conn, &c.id)).unwrap()[0]
            .draft
            .scores
            .len(),
        6
    );
}

fn dep(store: &Store, id: &str) -> dependence::Dependence {
    store.read(|conn| dependence::score(conn, id, today())).unwrap()
}

#[test]
fn a_customer_with_no_people_and_no_card_is_fully_dependent() {
    let store = Store::open_in_memory().unwrap();
    let c = store.write(|tx| customers::create(tx, card("ACME"))).unwrap();
    let d = dep(&store, &c.id);
    assert_eq!(d.score, 100);
    assert!(d.reasons.contains(&DependenceReason::Card {
        state: CardState::None,
        off: 0
    }));
    assert!(d.reasons.contains(&DependenceReason::People { count: 0, off: 0 }));
}

#[test]
fn one_contact_reached_by_one_salesperson_with_a_stale_card_is_highly_dependent() {
    let store = Store::open_in_memory().unwrap();
    let c = store.write(|tx| customers::create(tx, card("ACME"))).unwrap();
    let only = PersonCard {
        role: Some(Role::Influencer),
        known_by: vec![KnownBy {
            name: "张伟".into(),
            layer: Layer::Everyday,
        }],
        ..person("王经理")
    };
    let p = store.write(|tx| people::create(tx, &c.id, only)).unwrap();
    store
        .write(|tx| {
            let mut contact = contacts::ContactDraft::new("2026-06-01T02:00:00Z", baton::enums::Channel::Phone, "call");
            contact.person_ids = vec![p.id.clone()];
            contacts::create(tx, &c.id, contact)
        })
        .unwrap();
    store
        .write(|tx| relationship::create(tx, &c.id, assessment("2025-06-01", vec![score(Dimension::Support, 3)])))
        .unwrap();
    let d = dep(&store, &c.id);
    assert!(d.score >= 70, "score {} with {:?}", d.score, d.reasons);
    assert!(d.reasons.iter().any(|r| matches!(
        r,
        DependenceReason::Roles {
            decision_maker: false,
            ..
        }
    )));
    assert!(d.reasons.iter().any(|r| matches!(
        r,
        DependenceReason::Card {
            state: CardState::Stale { days: 394 },
            off: 5
        }
    )));
}

#[test]
fn a_relationship_held_by_the_company_scores_low() {
    let store = Store::open_in_memory().unwrap();
    let c = store.write(|tx| customers::create(tx, card("ACME"))).unwrap();
    let colleagues = ["张伟", "李娜", "王芳"];
    let mut ids = Vec::new();
    for (i, role) in [
        Role::DecisionMaker,
        Role::Influencer,
        Role::TechnicalEvaluator,
        Role::User,
        Role::Gatekeeper,
        Role::Coach,
    ]
    .into_iter()
    .enumerate()
    {
        let known_by = vec![KnownBy {
            name: colleagues[i % 3].into(),
            layer: if i % 2 == 0 { Layer::Senior } else { Layer::Everyday },
        }];
        let p = store
            .write(|tx| {
                people::create(
                    tx,
                    &c.id,
                    PersonCard {
                        role: Some(role),
                        known_by,
                        ..person(&format!("p{i}"))
                    },
                )
            })
            .unwrap();
        ids.push(p.id);
    }
    store
        .write(|tx| {
            let mut contact =
                contacts::ContactDraft::new("2026-06-20T02:00:00Z", baton::enums::Channel::Meeting, "review");
            contact.person_ids = ids.clone();
            contacts::create(tx, &c.id, contact)
        })
        .unwrap();
    let organisational = AssessmentDraft {
        layer: Some(Layer::Organisational),
        ..assessment("2026-06-01", vec![score(Dimension::Acceptance, 5)])
    };
    store
        .write(|tx| relationship::create(tx, &c.id, organisational))
        .unwrap();
    let d = dep(&store, &c.id);
    assert_eq!(d.score, 0, "{:?}", d.reasons);
}
