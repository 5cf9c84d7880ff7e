//! The demo's profile cards: customers and their key people, each wholly
//! in one language.

use chrono::{DateTime, Duration, Utc};

use super::DemoLang;
use super::rng::Rng;
use super::words::*;
use crate::clock;
use crate::customers::people::{KnownBy, Person, PersonCard};
use crate::customers::{Competitor, Customer, CustomerCard};
use crate::enums::{AgeBand, Attitude, Channel, Layer, Role, Status, Tier};

/// A demo customer: Chinese in a Chinese demo, English in an English one,
/// about two in three Chinese in the mixed one (the benchmark's and the
/// tests' book). Every text of the card is in the customer's language.
pub(super) fn customer(rng: &mut Rng, lang: DemoLang, now: DateTime<Utc>) -> Customer {
    // Drawn in every language, so the rest of the stream stays aligned.
    let roll = rng.chance(65);
    let chinese = match lang {
        DemoLang::Mixed => roll,
        DemoLang::Zh => true,
        DemoLang::En => false,
    };
    let say = |pair: &(&str, &str)| if chinese { pair.0 } else { pair.1 }.to_string();
    let (industry_zh, industry_en) = *rng.pick(INDUSTRIES);
    let (name, short_name, region, industry) = if chinese {
        let city = *rng.pick(CITIES_ZH);
        let brand = *rng.pick(BRANDS_ZH);
        (
            format!("{city}{brand}{industry_zh}{}", rng.pick(SUFFIX_ZH)),
            brand.to_string(),
            city.to_string(),
            industry_zh.to_string(),
        )
    } else {
        let brand = *rng.pick(BRANDS_EN);
        (
            format!("{brand} {industry_en} {}", rng.pick(SUFFIX_EN)),
            brand.to_string(),
            rng.pick(CITIES_EN).to_string(),
            industry_en.to_string(),
        )
    };
    let status = match rng.below(100) {
        0..=24 => Status::Prospect,
        25..=74 => Status::Active,
        75..=91 => Status::Dormant,
        _ => Status::Lost,
    };
    let tier = match rng.below(100) {
        0..=4 => Some(Tier::S),
        5..=19 => Some(Tier::A),
        20..=54 => Some(Tier::B),
        55..=89 => Some(Tier::C),
        _ => None,
    };
    let mut tags: Vec<String> = (0..rng.below(4)).map(|_| say(rng.pick(TAGS))).collect();
    tags.sort();
    tags.dedup();
    let competitors = (0..rng.below(4))
        .map(|_| Competitor {
            name: say(rng.pick(COMPETITORS)),
            notes: {
                let (list, lower) = (rng.pick(SUPPLIER_LISTS), rng.between(3, 20));
                if chinese {
                    format!("已进入其{}供应商名录，报价约低{lower}%", list.0)
                } else {
                    format!("On their {} supplier list, quoting about {lower}% lower", list.1)
                }
            },
        })
        .collect();
    let created = now - Duration::seconds(rng.between(30 * 86_400, 5 * 365 * 86_400));
    let updated = created + Duration::seconds(rng.between(0, (now - created).num_seconds()));
    let staff = rng.between(20, 20_000);
    let card = CustomerCard {
        name,
        short_name,
        industry,
        region: region.clone(),
        address: if chinese {
            format!(
                "{region}市{}区{}路{}号",
                rng.pick(&["高新", "经开", "工业园", "滨江"]),
                rng.pick(&["科技", "创新", "人民", "中山"]),
                rng.between(1, 999)
            )
        } else {
            format!(
                "{} {} Street, {region}",
                rng.between(1, 300),
                rng.pick(&["Harbour", "King", "Mill", "Park"])
            )
        },
        phone: format!(
            "+86 {}-{:08}",
            rng.pick(&["10", "21", "755", "512", "571"]),
            rng.below(100_000_000)
        ),
        website: format!("https://www.example-{}.com", rng.below(1_000_000)),
        tags,
        notes: if chinese {
            format!("{}。喜欢每季度开一次回顾会。", rng.pick(CUSTOMER_NOTES).0)
        } else {
            format!("{}. Prefers quarterly review meetings.", rng.pick(CUSTOMER_NOTES).1)
        },
        staff_count: Some(staff),
        revenue_band: say(rng.pick(REVENUE_BAND)),
        operating_condition: say(rng.pick(OPERATING_CONDITION)),
        founded_on: Some(
            chrono::NaiveDate::from_ymd_opt(
                rng.between(1980, 2022) as i32,
                rng.between(1, 12) as u32,
                rng.between(1, 28) as u32,
            )
            .map(|d| d.to_string())
            .unwrap_or_else(|| "2000-01-01".into()),
        ),
        organisation: say(rng.pick(ORGANISATION)),
        culture: say(rng.pick(CULTURE)),
        industry_standing: say(rng.pick(INDUSTRY_STANDING)),
        prospects: say(rng.pick(PROSPECTS)),
        importance: Some(rng.between(1, 5)),
        need_stated: say(rng.pick(NEED_STATED)),
        need_real: say(rng.pick(NEED_REAL)),
        need_unstated: say(rng.pick(NEED_UNSTATED)),
        need_delight: say(rng.pick(NEED_DELIGHT)),
        need_secret: say(rng.pick(NEED_SECRET)),
        competitors,
        lost_reason: if status == Status::Lost {
            say(rng.pick(LOST_REASONS))
        } else {
            String::new()
        },
        status,
        tier,
        is_key: matches!(tier, Some(Tier::S | Tier::A)) || rng.chance(5),
        owner: say(rng.pick(SALESPEOPLE)),
        serving_staff: Some(rng.between(1, 4)),
    };
    Customer {
        id: rng.uuid(),
        card,
        created_at: clock::format_ts(created),
        updated_at: clock::format_ts(updated),
        deleted_at: None,
    }
}

/// A key person of `customer`, in its language.
pub(super) fn person(rng: &mut Rng, customer: &Customer, chinese: bool) -> Person {
    let name = if chinese {
        format!("{}{}", rng.pick(SURNAMES_ZH), rng.pick(GIVEN_ZH))
    } else {
        format!("{} {}", rng.pick(FIRST_EN), rng.pick(LAST_EN))
    };
    let lang = |pair: &(&str, &str)| {
        if chinese {
            pair.0.to_string()
        } else {
            pair.1.to_string()
        }
    };
    let birthday = chrono::NaiveDate::from_ymd_opt(
        rng.between(1960, 1998) as i32,
        rng.between(1, 12) as u32,
        rng.between(1, 28) as u32,
    );
    let known_by = (0..rng.below(3))
        .map(|_| KnownBy {
            name: lang(rng.pick(SALESPEOPLE)),
            layer: *rng.pick(&[Layer::Everyday, Layer::Senior]),
        })
        .collect();
    let card = PersonCard {
        title: lang(rng.pick(TITLES)),
        department: lang(rng.pick(DEPARTMENTS)),
        phone: format!("1{}{:08}", rng.between(30, 99), rng.below(100_000_000)),
        email: format!("contact{}@example.com", rng.below(10_000_000)),
        messaging_id: format!("wx_{}", rng.below(100_000_000)),
        birthday: birthday.map(|d| d.to_string()),
        role: Some(*rng.pick(Role::ALL)),
        attitude: Some(*rng.pick(Attitude::ALL)),
        personality: lang(rng.pick(PERSONALITY)),
        interests: lang(rng.pick(INTERESTS)),
        experience: if chinese {
            format!("在本公司工作{}年，之前在外企任职", rng.between(2, 20))
        } else {
            format!("{} years here, previously at a competitor", rng.between(2, 20))
        },
        background: lang(rng.pick(BACKGROUNDS)),
        age_band: Some(*rng.pick(AgeBand::ALL)),
        origin: if chinese {
            rng.pick(CITIES_ZH)
        } else {
            rng.pick(CITIES_EN)
        }
        .to_string(),
        education: lang(rng.pick(EDUCATION)),
        preferred_channel: Some(*rng.pick(Channel::ALL)),
        known_by,
        notes: lang(rng.pick(PERSON_NOTES)),
        name,
    };
    Person {
        id: rng.uuid(),
        customer_id: customer.id.clone(),
        card,
        created_at: customer.created_at.clone(),
        updated_at: customer.updated_at.clone(),
        deleted_at: None,
    }
}
