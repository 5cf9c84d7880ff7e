// The desktop app's own chores: backups by themselves, reminders, the log.
// Merged into `en`.
export const enDesktop = {
  'backups.auto_title': 'Backups Baton takes by itself',
  'backups.auto_hint': 'The first start of each day backs the book up; the last 7 days, 4 weeks and 6 months are kept, and the last 10 taken before imports and restores.',
  'backups.none': 'No backups yet.',
  'backups.col_taken': 'Taken',
  'backups.col_kind': 'Kind',
  'backups.col_size': 'Size',
  'backups.col_customers': 'Customers',
  'backups.kind.daily': 'Daily',
  'backups.kind.before_import': 'Before a handover import',
  'backups.kind.before_sheet_import': 'Before a spreadsheet import',
  'backups.kind.before_restore': 'Before a restore',
  'backups.restore': 'Restore',
  'backups.confirm': 'Replace everything in this book with the backup of {taken} ({customers} customers)? The book as it is now is backed up first, so this can be undone from this list.',
  'backups.restored': 'Restored the backup of {taken}.',
};
