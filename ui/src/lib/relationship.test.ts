import { describe, expect, it } from 'vitest';
import { setLanguage } from './i18n/index.svelte';
import { axisLabel, curveSeries, dependenceText, editAssessment, radarSeries, startAssessment, toDraft } from './relationship';
import type { Assessment, DimensionScore, RelationshipCard } from './types';

function assessment(day: string, scores: Partial<DimensionScore>[]): Assessment {
  return {
    id: day,
    customer_id: 'c',
    assessed_on: day,
    assessor: '',
    layer: 'senior',
    relationship_type: 'proactive',
    notes: '',
    created_at: day,
    updated_at: day,
    deleted_at: null,
    scores: scores.map((s) => ({ dimension: 'acceptance', score: 0, evidence: '', contact_ids: [], target: null, target_on: null, plan: [], ...s })),
  };
}

const card: RelationshipCard = {
  is_key: true,
  cited: [],
  dimensions: ['acceptance', 'events', 'support'],
  due: { due_on: '2026-08-01', overdue_days: -10, never: false },
  dependence: { score: 50, level: 'medium', red_flags: [], reasons: [] },
  assessments: [
    { assessment: assessment('2026-01-01', [{ dimension: 'acceptance', score: 1 }, { dimension: 'competition', score: 5 }]), weight: 20 },
    {
      assessment: assessment('2026-04-01', [
        {
          dimension: 'acceptance',
          score: 3,
          target: 4,
          target_on: '2026-09-30',
          plan: [
            { step: 'done already', due_on: null, done: true },
            { step: '拜访总经理', due_on: '2026-05-01', done: false, followup_id: 'f1' },
          ],
        },
        { dimension: 'events', score: 2 },
      ]),
      weight: 50,
    },
  ],
};

describe('relationship card series', () => {
  it('the radar is the latest against its targets, the previous faint, over the dimensions in use', () => {
    const r = radarSeries(card)!;
    expect(r.dimensions).toEqual(['acceptance', 'events', 'support']);
    expect(r.latest).toEqual([3, 2, null]);
    expect(r.target).toEqual([4, null, null]);
    expect(r.previous).toEqual([1, null, null]);
    expect([r.latestOn, r.previousOn]).toEqual(['2026-04-01', '2026-01-01']);
    expect(radarSeries({ ...card, assessments: [] })).toBeNull();
    expect(radarSeries({ ...card, assessments: card.assessments.slice(0, 1) })!.previous).toBeNull();
  });

  it('the curve has one point per assessment for the weight and each dimension in use', () => {
    const c = curveSeries(card);
    expect(c.labels).toEqual(['2026-01-01', '2026-04-01']);
    expect(c.weight).toEqual([20, 50]);
    expect(c.dimensions.map((d) => [d.dimension, d.scores])).toEqual([
      ['acceptance', [1, 3]],
      ['events', [null, 2]],
      ['support', [null, null]],
    ]);
  });

  it('a new assessment carries targets and unfinished steps over, and sends only scored dimensions', () => {
    const start = startAssessment(card, '2026-07-01');
    expect(start.meta).toMatchObject({ assessed_on: '2026-07-01', layer: 'senior', relationship_type: 'proactive' });
    expect(start.scores.map((s) => s.dimension)).toEqual(['acceptance', 'events', 'support']);
    const acc = start.scores[0];
    expect(acc.score).toBeNull();
    expect([acc.target, acc.target_on]).toEqual([4, '2026-09-30']);
    expect(acc.plan.map((p) => p.step)).toEqual(['拜访总经理']);
    expect(acc.plan[0].followup_id).toBe('f1');

    acc.score = 4;
    acc.plan.push({ step: '   ', due_on: null, done: false });
    start.scores[2].score = 0;
    start.scores[2].target_on = ' ';
    const draft = toDraft(start.meta, start.scores);
    expect(draft.scores.map((s) => [s.dimension, s.score])).toEqual([
      ['acceptance', 4],
      ['support', 0],
    ]);
    expect(draft.scores[0].plan).toHaveLength(1);
    expect(draft.scores[1].target_on).toBeNull();
  });
});

describe('dependence wording', () => {
  it('levels and reasons in both languages', () => {
    setLanguage('zh');
    expect(dependenceText({ reason: 'roles', covered: ['influencer', 'user'], decision_maker: false, off: 8 })).toBe(
      '覆盖的决策链角色：影响者、使用者（不认识决策者：危险信号）',
    );
    expect(dependenceText({ reason: 'card', state: { stale: { days: 120 } }, off: 5 })).toBe('关系卡片已 120 天未更新');
    setLanguage('en');
    expect(dependenceText({ reason: 'layers', layers: [], off: 0 })).toBe('No relationship layer reached');
    expect(dependenceText({ reason: 'recent', contacted: 1, of: 3, days: 90, off: 3 })).toBe('1 of 3 key people contacted in the last 90 days');
  });
});

describe('correcting an assessment', () => {
  it('starts from its own values and keeps a dimension no longer in use, so saving drops nothing', () => {
    const first = card.assessments[0].assessment;
    const start = editAssessment(card, first);
    expect(start.meta).toMatchObject({ assessed_on: '2026-01-01', layer: 'senior', relationship_type: 'proactive' });
    expect(start.scores.map((s) => s.dimension)).toEqual(['acceptance', 'events', 'support', 'competition']);
    const draft = toDraft(start.meta, start.scores);
    expect(draft.scores.map((s) => [s.dimension, s.score])).toEqual([
      ['acceptance', 1],
      ['competition', 5],
    ]);
    expect(draft.assessed_on).toBe(first.assessed_on);
  });
  it('keeps the plan and its follow-ups as they were', () => {
    const second = card.assessments[1].assessment;
    const acc = editAssessment(card, second).scores[0];
    expect(acc.plan.map((p) => [p.step, p.done, p.followup_id ?? null])).toEqual([
      ['done already', true, null],
      ['拜访总经理', false, 'f1'],
    ]);
  });
});

describe('radar axis labels', () => {
  it('breaks a long label at the space nearest its middle', () => {
    expect(axisLabel('Attitude to competitors')).toEqual(['Attitude to', 'competitors']);
    expect(axisLabel('Day-to-day project guidance')).toEqual(['Day-to-day', 'project guidance']);
  });

  it('keeps short labels, Chinese labels and labels without a space whole', () => {
    expect(axisLabel('Project support')).toBe('Project support');
    expect(axisLabel('对我公司的接受认可度高低')).toBe('对我公司的接受认可度高低');
    expect(axisLabel('Supercalifragilistic')).toBe('Supercalifragilistic');
  });
});

