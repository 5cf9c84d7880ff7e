// Pure helpers behind the relationship card: the radar and curve series, the
// carry-over of targets and plans into a new assessment, and the wording of
// the dependence score. Kept free of Svelte and Chart.js so they are unit-tested.
import { t } from './i18n/index.svelte';
import type { Assessment, AssessmentDraft, Dependence, DependenceReason, Dimension, DimensionScore, PlanStep, RelationshipCard } from './types';

export function scoreOf(a: Assessment | undefined, d: Dimension): DimensionScore | undefined {
  return a?.scores.find((s) => s.dimension === d);
}

export interface RadarSeries {
  dimensions: Dimension[];
  latest: (number | null)[];
  target: (number | null)[];
  previous: (number | null)[] | null;
  latestOn: string;
  previousOn: string | null;
}

/** The latest assessment against its targets, with the one before for a faint trace. */
export function radarSeries(card: RelationshipCard): RadarSeries | null {
  const list = card.assessments;
  const latest = list.at(-1)?.assessment;
  if (!latest) return null;
  const previous = list.at(-2)?.assessment;
  const dims = card.dimensions;
  return {
    dimensions: dims,
    latest: dims.map((d) => scoreOf(latest, d)?.score ?? null),
    target: dims.map((d) => scoreOf(latest, d)?.target ?? null),
    previous: previous ? dims.map((d) => scoreOf(previous, d)?.score ?? null) : null,
    latestOn: latest.assessed_on,
    previousOn: previous?.assessed_on ?? null,
  };
}

export interface CurveSeries {
  labels: string[];
  weight: (number | null)[];
  dimensions: { dimension: Dimension; scores: (number | null)[] }[];
}

/** The weight and each dimension in use over time, one point per assessment. */
export function curveSeries(card: RelationshipCard): CurveSeries {
  const list = card.assessments;
  return {
    labels: list.map((w) => w.assessment.assessed_on),
    weight: list.map((w) => w.weight),
    dimensions: card.dimensions.map((d) => ({
      dimension: d,
      scores: list.map((w) => scoreOf(w.assessment, d)?.score ?? null),
    })),
  };
}

/** A dimension being scored in the form: `score` null means "not scored". */
export interface ScoreInput {
  dimension: Dimension;
  score: number | null;
  evidence: string;
  contact_ids: string[];
  target: number | null;
  target_on: string;
  plan: PlanStep[];
}

/**
 * The form's starting point: every dimension in use, unscored, with the
 * previous assessment's targets and its unfinished plan steps carried over
 * (the plan continues until the target is reached).
 */
export function startAssessment(card: RelationshipCard, today: string): { meta: Omit<AssessmentDraft, 'scores'>; scores: ScoreInput[] } {
  const last = card.assessments.at(-1)?.assessment;
  return {
    meta: {
      assessed_on: today,
      assessor: '',
      layer: last?.layer ?? null,
      relationship_type: last?.relationship_type ?? null,
      notes: '',
    },
    scores: card.dimensions.map((d) => {
      const prev = scoreOf(last, d);
      return {
        dimension: d,
        score: null,
        evidence: '',
        contact_ids: [],
        target: prev?.target ?? null,
        target_on: prev?.target_on ?? '',
        plan: (prev?.plan ?? []).filter((p) => !p.done).map((p) => ({ ...p })),
      };
    }),
  };
}

/**
 * The form's starting point for correcting `a`: its own values, every
 * dimension it scored (in use or not, so nothing is dropped by saving) and
 * the others in use, unscored.
 */
export function editAssessment(card: RelationshipCard, a: Assessment): { meta: Omit<AssessmentDraft, 'scores'>; scores: ScoreInput[] } {
  const dims = [...card.dimensions, ...a.scores.map((s) => s.dimension).filter((d) => !card.dimensions.includes(d))];
  return {
    meta: { assessed_on: a.assessed_on, assessor: a.assessor, layer: a.layer, relationship_type: a.relationship_type, notes: a.notes },
    scores: dims.map((d) => {
      const own = scoreOf(a, d);
      return {
        dimension: d,
        score: own?.score ?? null,
        evidence: own?.evidence ?? '',
        contact_ids: [...(own?.contact_ids ?? [])],
        target: own?.target ?? null,
        target_on: own?.target_on ?? '',
        plan: (own?.plan ?? []).map((p) => ({ ...p })),
      };
    }),
  };
}

/** The draft sent to the core: only scored dimensions, blank steps dropped. */
export function toDraft(meta: Omit<AssessmentDraft, 'scores'>, scores: ScoreInput[]): AssessmentDraft {
  return {
    ...meta,
    assessed_on: meta.assessed_on.trim(),
    scores: scores
      .filter((s): s is ScoreInput & { score: number } => s.score !== null)
      .map((s) => ({
        dimension: s.dimension,
        score: s.score,
        evidence: s.evidence,
        contact_ids: s.contact_ids,
        target: s.target,
        target_on: s.target_on.trim() || null,
        plan: s.plan
          .filter((p) => p.step.trim())
          .map((p) => ({ ...p, step: p.step.trim(), due_on: p.due_on?.trim() || null })),
      })),
  };
}


function list(items: string[]): string {
  return items.join(t('punct.list_sep'));
}

/** One safeguard of the dependence score, in words. */
export function dependenceText(r: DependenceReason): string {
  switch (r.reason) {
    case 'people':
      return t('dep.people', { count: r.count });
    case 'roles': {
      const base = r.covered.length ? t('dep.roles', { roles: list(r.covered.map((x) => t(`role.${x}`))) }) : t('dep.roles_none');
      return r.decision_maker ? base : base + t('dep.no_decision_maker');
    }
    case 'layers':
      return r.layers.length ? t('dep.layers', { layers: list(r.layers.map((x) => t(`layer.${x}`))) }) : t('dep.layers_none');
    case 'recent':
      return t('dep.recent', { contacted: r.contacted, of: r.of, days: r.days });
    case 'colleagues':
      return t('dep.colleagues', { count: r.count });
    case 'card':
      if (r.state === 'current') return t('dep.card_current');
      if (r.state === 'none') return t('dep.card_none');
      return t('dep.card_stale', { days: r.state.stale.days });
  }
}

/** Every safeguard in words, with the points it took off. */
export function dependenceLines(d: Dependence): { text: string; off: number }[] {
  return d.reasons.map((r) => ({ text: dependenceText(r), off: r.off }));
}

/**
 * A radar's axis label on two lines when it is long and has a space to
 * break at, at the space nearest its middle: the radar sits in half the
 * card, and an English label such as "Attitude to competitors" ran off the
 * canvas on one line. Chinese labels are short and stay whole.
 */
export function axisLabel(label: string, longest = 16): string | string[] {
  if (label.length <= longest) return label;
  const middle = label.length / 2;
  let at = -1;
  for (let i = label.indexOf(' '); i !== -1; i = label.indexOf(' ', i + 1)) {
    if (at === -1 || Math.abs(i - middle) < Math.abs(at - middle)) at = i;
  }
  return at === -1 ? label : [label.slice(0, at), label.slice(at + 1)];
}
