// A customer's contact card as plain text, to paste into a chat or a mail:
// the company, its phone and address, and each key person on a line.
import { t } from './i18n/index.svelte';
import type { Customer, Person } from './types';

export function cardText(customer: Customer, people: Person[]): string {
  const lines = [customer.short_name ? `${customer.name}${t('punct.paren', { text: customer.short_name })}` : customer.name];
  if (customer.phone) lines.push(t('copycard.phone', { value: customer.phone }));
  if (customer.address) lines.push(t('copycard.address', { value: customer.address }));
  if (customer.website) lines.push(t('copycard.website', { value: customer.website }));
  if (people.length) {
    lines.push(t('copycard.people'));
    for (const p of people) {
      lines.push([p.name, p.title, p.phone, p.email, p.messaging_id].filter(Boolean).join(' · '));
    }
  }
  return lines.join('\n');
}
