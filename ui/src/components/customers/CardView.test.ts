import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/svelte';
import CardView from './CardView.svelte';
import { customerSections } from '../../lib/schema';
import { emptyCustomer } from '../../lib/types';
import { setLanguage } from '../../lib/i18n/index.svelte';

describe('CardView', () => {
  it('renders record text as text, never as HTML', () => {
    setLanguage('en');
    const evil = '<img src=x onerror=alert(1)>';
    const record = { ...emptyCustomer(), name: 'x', notes: evil, tags: ['<b>bold</b>'] };
    const { container } = render(CardView, { sections: customerSections, root: 'customer', record });
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toContain(evil);
    expect(container.textContent).toContain('<b>bold</b>');
  });

  it('shows filled fields with their labels and leaves empty ones out', () => {
    setLanguage('zh');
    const record = { ...emptyCustomer(), name: 'x', need_secret: '老板想换供应商', status: 'lost', lost_reason: '价格' };
    const { container } = render(CardView, { sections: customerSections, root: 'customer', record });
    expect(container.textContent).toContain('秘密需求');
    expect(container.textContent).toContain('老板想换供应商');
    expect(container.textContent).toContain('已流失');
    expect(container.querySelector('[data-view="website"]')).toBeNull();
  });
});
