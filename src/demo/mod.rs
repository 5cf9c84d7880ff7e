//! `baton demo`: a realistic, deterministic demo book.
//!
//! The same `(customers, seed)` always gives the same book, ids and
//! timestamps included, so two demo books dump byte-identically and the
//! benchmark always measures the same data. Chinese and English companies
//! are mixed, and every profile-card and key-person field is used.

mod assessments;
mod deals;
mod history;
mod notes;
mod rng;

pub use rng::Rng;
mod words;

use chrono::{Duration, TimeZone, Utc};
use rusqlite::Connection;

use crate::changes::{self, ChangeField, CustomerChange};
use crate::customers::{self, Competitor, Customer, CustomerCard};
use crate::enums::{AgeBand, Attitude, Channel, Layer, Role, Status, Tier};
use crate::error::{Error, Result};
use crate::people::{self, KnownBy, Person, PersonCard};
use crate::{Store, clock};
use words::*;

/// What a demo run wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoSummary {
    /// Customers written.
    pub customers: usize,
    /// Key people written.
    pub people: usize,
    /// Contacts written.
    pub contacts: usize,
    /// Follow-ups written.
    pub followups: usize,
    /// Transactions written.
    pub deals: usize,
    /// Relationship-card assessments written.
    pub assessments: usize,
}

/// Fills an empty book with `customers` demo customers from `seed`, in one transaction.
pub fn fill(store: &Store, customers: usize, seed: u64) -> Result<DemoSummary> {
    store.write(|tx| {
        let existing: i64 = tx.query_row("SELECT count(*) FROM customers", [], |r| r.get(0))?;
        if existing > 0 {
            return Err(Error::NotEmpty(format!(
                "the book already holds {existing} customers; the demo only fills an empty book"
            )));
        }
        generate(tx, customers, seed)
    })
}

/// Writes the demo records through the same validated `put` paths as real data.
fn generate(conn: &Connection, count: usize, seed: u64) -> Result<DemoSummary> {
    let mut rng = Rng::new(seed);
    let mut people_written = 0;
    let (mut contacts_written, mut followups_written, mut deals_written, mut assessments_written) = (0, 0, 0, 0);
    for index in 0..count {
        let customer = customer(&mut rng);
        customers::put(conn, &customer)?;
        for (field, value) in [
            (ChangeField::Status, customer.card.status.as_str()),
            (ChangeField::Owner, &customer.card.owner),
        ] {
            changes::put(
                conn,
                &CustomerChange {
                    id: rng.uuid(),
                    customer_id: customer.id.clone(),
                    field,
                    old_value: String::new(),
                    new_value: value.to_string(),
                    changed_at: customer.created_at.clone(),
                    changed_by: customer.card.owner.clone(),
                    created_at: customer.created_at.clone(),
                    updated_at: customer.created_at.clone(),
                },
            )?;
        }
        let chinese = customer.card.name.chars().next().is_some_and(|c| !c.is_ascii());
        let n = 1 + rng.below(5) as usize; // 1..=5, three on average
        let mut its_people = Vec::with_capacity(n);
        for _ in 0..n {
            let p = person(&mut rng, &customer, chinese);
            people::put(conn, &p)?;
            its_people.push(p);
        }
        people_written += n;
        let (c, f) = history::generate(conn, &mut rng, &customer, &its_people, chinese, epoch())?;
        contacts_written += c;
        followups_written += f;
        deals_written += deals::generate(conn, &mut rng, &customer, epoch())?;
        if customer.card.is_key {
            assessments_written += assessments::generate(conn, &mut rng, &customer, epoch())?;
            notes::generate(conn, index as u64, seed, &customer, chinese, epoch())?;
            notes::checklist(conn, index as u64, seed, &customer, &its_people, epoch())?;
        }
    }
    Ok(DemoSummary {
        customers: count,
        people: people_written,
        contacts: contacts_written,
        followups: followups_written,
        deals: deals_written,
        assessments: assessments_written,
    })
}

/// A fixed "now" for the demo, so timestamps do not depend on the clock.
fn epoch() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).single().unwrap_or_default()
}

fn customer(rng: &mut Rng) -> Customer {
    let chinese = rng.chance(65);
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
    let mut tags: Vec<String> = (0..rng.below(4)).map(|_| rng.pick(TAGS).to_string()).collect();
    tags.sort();
    tags.dedup();
    let competitors = (0..rng.below(4))
        .map(|_| Competitor {
            name: rng.pick(COMPETITORS).to_string(),
            notes: format!(
                "已进入其{}供应商名录，报价约低{}%",
                rng.pick(&["一级", "二级", "备选"]),
                rng.between(3, 20)
            ),
        })
        .collect();
    let created = epoch() - Duration::seconds(rng.between(30 * 86_400, 5 * 365 * 86_400));
    let updated = created + Duration::seconds(rng.between(0, (epoch() - created).num_seconds()));
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
        notes: format!(
            "{}。Prefers quarterly review meetings.",
            rng.pick(&[
                "年底预算集中释放",
                "付款周期较长，需关注回款",
                "决策流程长，需要多层次接触"
            ])
        ),
        staff_count: Some(staff),
        revenue_band: rng
            .pick(&["<1000万", "1000万–5000万", "5000万–1亿", "1–5亿", ">5亿"])
            .to_string(),
        operating_condition: rng
            .pick(&[
                "经营稳健，现金流良好",
                "快速扩张期",
                "利润下滑，正在压缩成本",
                "Stable, profitable",
            ])
            .to_string(),
        founded_on: Some(
            chrono::NaiveDate::from_ymd_opt(
                rng.between(1980, 2022) as i32,
                rng.between(1, 12) as u32,
                rng.between(1, 28) as u32,
            )
            .map(|d| d.to_string())
            .unwrap_or_else(|| "2000-01-01".into()),
        ),
        organisation: rng
            .pick(&[
                "家族企业，老板拍板",
                "国企，流程规范，集体决策",
                "外资，矩阵式管理",
                "Flat, engineers decide",
            ])
            .to_string(),
        culture: rng
            .pick(&[
                "务实、重质量",
                "创新驱动",
                "成本优先",
                "Customer first, long-term partners",
            ])
            .to_string(),
        industry_standing: rng
            .pick(&["行业前三", "区域龙头", "中游，增长快", "Niche leader"])
            .to_string(),
        prospects: rng
            .pick(&[
                "计划三年内上市",
                "新厂房明年投产",
                "面临转型压力",
                "Expanding into Southeast Asia",
            ])
            .to_string(),
        importance: Some(rng.between(1, 5)),
        need_stated: rng
            .pick(&["降低采购成本10%", "缩短交货期到两周", "需要本地技术支持"])
            .to_string(),
        need_real: rng
            .pick(&["稳定的供货保障", "降低设备停机时间", "Reduce total cost of ownership"])
            .to_string(),
        need_unstated: rng
            .pick(&["希望供应商帮助培训操作人员", "需要对上级展示项目成果"])
            .to_string(),
        need_delight: rng.pick(&["定期上门巡检", "提供行业对标报告"]).to_string(),
        need_secret: rng
            .pick(&["采购经理希望借项目晋升", "老板考虑更换现有供应商"])
            .to_string(),
        competitors,
        lost_reason: if status == Status::Lost {
            rng.pick(LOST_REASONS).to_string()
        } else {
            String::new()
        },
        status,
        tier,
        is_key: matches!(tier, Some(Tier::S | Tier::A)) || rng.chance(5),
        owner: rng.pick(SALESPEOPLE).to_string(),
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

fn person(rng: &mut Rng, customer: &Customer, chinese: bool) -> Person {
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
            name: rng.pick(SALESPEOPLE).to_string(),
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
        background: if chinese {
            rng.pick(&["已婚，孩子读高中", "父亲是老厂长", "老乡，重乡情"])
                .to_string()
        } else {
            "Married, two children".to_string()
        },
        age_band: Some(*rng.pick(AgeBand::ALL)),
        origin: rng.pick(CITIES_ZH).to_string(),
        education: lang(rng.pick(EDUCATION)),
        preferred_channel: Some(*rng.pick(Channel::ALL)),
        known_by,
        notes: rng
            .pick(&[
                "不喜欢电话推销，先发微信",
                "周五下午不安排会议",
                "Likes detailed written proposals",
            ])
            .to_string(),
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
