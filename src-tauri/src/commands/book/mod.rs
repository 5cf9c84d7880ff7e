//! The book as a whole: the trash, and the backups a restore takes from.

pub mod backups;
pub mod trash;
