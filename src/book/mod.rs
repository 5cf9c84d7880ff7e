//! The book as a whole: the registry of record kinds that every whole-book
//! walk uses, the canonical dump, the consistency check and the trash that
//! holds deleted records of every kind.

pub mod check;
pub mod dump;
pub mod kinds;
pub mod restore;
pub mod trash;
