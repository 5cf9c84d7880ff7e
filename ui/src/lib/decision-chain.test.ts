import { describe, expect, it } from 'vitest';
import { chainOf } from './decision-chain';
import { emptyPerson, type Person } from './types';

const person = (id: string, extra: Partial<Person>): Person =>
  ({ ...emptyPerson(), id, customer_id: 'c', created_at: '', updated_at: '', deleted_at: null, ...extra }) as Person;

describe('decision chain', () => {
  it('places people by role and flags the roles nobody covers', () => {
    const chain = chainOf([
      person('1', { name: '李四', role: 'influencer', attitude: 'supporter', known_by: [{ name: '王芳', layer: 'everyday' }] }),
      person('2', { name: '赵六', role: 'influencer', attitude: 'opponent' }),
      person('3', { name: '钱七' }),
    ]);
    expect(chain.roles.find((r) => r.role === 'influencer')?.people.map((p) => p.name)).toEqual(['李四', '赵六']);
    expect(chain.roles[1].people[0].knownBy).toEqual(['王芳']);
    expect(chain.gaps[0]).toBe('decision_maker');
    expect(chain.gaps).not.toContain('influencer');
    expect(chain.unplaced.map((p) => p.name)).toEqual(['钱七']);
  });
});
