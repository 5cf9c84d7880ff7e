-- Marks the file as a Baton book, so Baton can refuse other programs' SQLite
-- files untouched (see src/store/open.rs). Books made before this migration
-- are recognised by their version and tables, then stamped here.
PRAGMA application_id = 1111577678;
