import { describe, expect, it } from 'vitest';
import { cardText } from './contact-card';
import { setLanguage } from './i18n/index.svelte';
import { emptyCustomer, emptyPerson, type Customer, type Person } from './types';

describe('contact card as text', () => {
  it('names the company, its phone and address, and each key person', () => {
    setLanguage('zh');
    const customer = { ...emptyCustomer(), id: 'c', name: '深圳华为技术有限公司', short_name: '华为', phone: '0755-2878 0808', address: '深圳市龙岗区坂田' } as Customer;
    const people = [{ ...emptyPerson(), id: 'p', name: '张三', title: '采购总监', phone: '15080179467', email: 'zhangsan@example.com' } as Person];
    expect(cardText(customer, people)).toBe(
      '深圳华为技术有限公司（华为）\n电话：0755-2878 0808\n地址：深圳市龙岗区坂田\n关键人：\n张三 · 采购总监 · 15080179467 · zhangsan@example.com',
    );
  });
});
