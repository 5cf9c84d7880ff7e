//! Contact history and what comes next: every contact logged (联系记录),
//! the follow-ups it leaves (跟进), and the customer's timeline that
//! interleaves them with deals and changes.

pub mod contacts;
pub mod followups;
pub mod timeline;
