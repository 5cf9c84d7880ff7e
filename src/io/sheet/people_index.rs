//! Finding "the same person" among a company's planned people in constant
//! time, so planning is linear in the rows: a sheet of 60,000 rows of one
//! company used to compare every row with every person so far.
//!
//! Answers exactly what a front-to-back scan with [`super::plan::same_person`]
//! answers (the first matching person), which the test checks on random
//! cards: a phone or an email shared, or the same name where neither side
//! has a phone (resp. email) that could tell them apart.

use std::collections::{HashMap, VecDeque};

use super::values::{email_key, name_key, phone_key};
use crate::customers::people::PersonCard;

/// The keys of one company's planned people.
#[derive(Debug, Default)]
pub struct PeopleIndex {
    phones: HashMap<String, usize>,
    emails: HashMap<String, usize>,
    /// By name, in order: everyone; those without a phone; without an
    /// email; without either. Entries that gained a phone or email since
    /// are dropped from the front lazily.
    names: HashMap<String, [VecDeque<usize>; 4]>,
    /// How many people are indexed.
    len: usize,
}

impl PeopleIndex {
    /// The first person matching `card`, as a scan in order would find it;
    /// `person(i)` is the indexed person `i` as it is now.
    pub fn find<'a>(&mut self, person: impl Fn(usize) -> &'a PersonCard, card: &PersonCard) -> Option<usize> {
        let (phone, email, name) = (phone_key(&card.phone), email_key(&card.email), name_key(&card.name));
        let mut best: Option<usize> = None;
        let mut consider = |i: Option<usize>| {
            if let Some(i) = i {
                best = Some(best.map_or(i, |b| b.min(i)));
            }
        };
        if !phone.is_empty() {
            consider(self.phones.get(&phone).copied());
        }
        if !email.is_empty() {
            consider(self.emails.get(&email).copied());
        }
        // The name matches a person whose phone (if `card` has one) and
        // email (likewise) are empty.
        let list = usize::from(!phone.is_empty()) | (usize::from(!email.is_empty()) << 1);
        if let Some(lists) = self.names.get_mut(&name) {
            let queue = &mut lists[list];
            while let Some(&i) = queue.front() {
                let p = person(i);
                let (no_phone, no_email) = (phone_key(&p.phone).is_empty(), email_key(&p.email).is_empty());
                let fits = (phone.is_empty() || no_phone) && (email.is_empty() || no_email);
                if fits {
                    consider(Some(i));
                    break;
                }
                queue.pop_front(); // it gained a phone or email: it never fits this list again
            }
        }
        best
    }

    /// Indexes person `i` (new, or changed by filling gaps).
    pub fn index(&mut self, i: usize, card: &PersonCard) {
        let (phone, email, name) = (phone_key(&card.phone), email_key(&card.email), name_key(&card.name));
        let (no_phone, no_email) = (phone.is_empty(), email.is_empty());
        // The earliest person with a key answers for it, as a scan would
        // (a person may gain a key after a later one got the same).
        if !phone.is_empty() {
            self.phones.entry(phone).and_modify(|v| *v = (*v).min(i)).or_insert(i);
        }
        if !email.is_empty() {
            self.emails.entry(email).and_modify(|v| *v = (*v).min(i)).or_insert(i);
        }
        if i == self.len {
            // New: on every list it fits, in order.
            self.len += 1;
            let lists = self.names.entry(name).or_default();
            lists[0].push_back(i);
            if no_phone {
                lists[1].push_back(i);
            }
            if no_email {
                lists[2].push_back(i);
            }
            if no_phone && no_email {
                lists[3].push_back(i);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::Rng;

    fn card(rng: &mut Rng) -> PersonCard {
        let pick = |rng: &mut Rng, options: &[&str]| options[rng.index(options.len())].to_string();
        PersonCard {
            name: pick(rng, &["张三", "李四", "王五", "张 三"]),
            phone: pick(rng, &["", "", "13800000001", "138-0000-0001", "13900000002"]),
            email: pick(rng, &["", "", "a@x.cn", "A@X.CN", "b@y.cn"]),
            ..Default::default()
        }
    }

    #[test]
    fn finds_what_a_scan_finds_on_random_cards() {
        let mut rng = Rng::new(7);
        for _ in 0..300 {
            let mut people: Vec<PersonCard> = Vec::new();
            let mut index = PeopleIndex::default();
            for _ in 0..30 {
                let c = card(&mut rng);
                let scan = people.iter().position(|p| super::super::merge::same_person(p, &c));
                assert_eq!(index.find(|i| &people[i], &c), scan, "{c:?} among {people:?}");
                match scan {
                    Some(i) => {
                        super::super::merge::fill_person_gaps(&mut people[i], c);
                        index.index(i, &people[i]);
                    }
                    None => {
                        people.push(c);
                        index.index(people.len() - 1, &people[people.len() - 1]);
                    }
                }
            }
        }
    }
}
