// English text of working the day faster (issue 14): the card at a glance
// and its section bar. Merged into `en`.
export const enWorkday = {
  'glance.weight': 'Weight {weight}',
  'glance.not_assessed': 'Not assessed',
  'glance.dependence': 'Dependence {score}',
  'glance.last_contact': 'Last contact {date}',
  'glance.never_contacted': 'Never contacted',
  'glance.suggested': 'Suggested {tier}',
  'glance.reach': 'Phone and address',
  'bar.people': 'People',
  'bar.followups': 'Follow-ups',
  'bar.value': 'Value',
  'bar.relationship': 'Relationship',
  'bar.handover': 'Handover',
  'bar.timeline': 'History',
  'bar.profile': 'Profile',
  'bar.label': 'Sections of the card',
};
