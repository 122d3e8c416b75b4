/**
 * The documented priority score (DOMAIN.md "Recuperation": frontline workers first; priority to
 * long-term hazardous or high-intensity posts, model workers and other advanced individuals;
 * care for work-injured workers and those about to retire). Points add up; the ranking is
 * score (high first), then application time (early first), then id (stable).
 * Leaders get no points: their share is capped separately (./caps.ts).
 */
export type PriorityFactor = 'hazardous' | 'model_worker' | 'work_injured' | 'near_retirement' | 'frontline' | 'first_time';

export interface FactorRule {
  key: PriorityFactor;
  label: string;
  points: number;
}

/** In display order. The member tags come from membership (set or checked by the union). */
export const PRIORITY_RULES: readonly FactorRule[] = [
  { key: 'hazardous', label: '长期从事有毒有害或高强度岗位', points: 40 },
  { key: 'model_worker', label: '劳动模范、先进个人', points: 30 },
  { key: 'work_injured', label: '因工负伤职工', points: 20 },
  { key: 'near_retirement', label: '即将退休职工', points: 20 },
  { key: 'frontline', label: '生产、工作一线职工', points: 10 },
  { key: 'first_time', label: '此前从未参加过疗休养', points: 5 },
];

export const PRIORITY_LABELS = Object.fromEntries(PRIORITY_RULES.map((r) => [r.key, r.label])) as Record<PriorityFactor, string>;

export interface ScoreInput {
  tags: readonly string[];
  /** True when the member has no recuperation trip on record. */
  firstTime: boolean;
}

export interface ScoreLine {
  key: PriorityFactor;
  label: string;
  points: number;
}

export interface PriorityScore {
  score: number;
  lines: ScoreLine[];
}

export function priorityScore(input: ScoreInput): PriorityScore {
  const has = new Set(input.tags);
  const lines = PRIORITY_RULES.filter((r) => (r.key === 'first_time' ? input.firstTime : has.has(r.key))).map((r) => ({
    key: r.key,
    label: r.label,
    points: r.points,
  }));
  return { score: lines.reduce((sum, l) => sum + l.points, 0), lines };
}

/** "优先分 55 分：长期从事有毒有害或高强度岗位 +40，生产、工作一线职工 +10，此前从未参加过疗休养 +5" */
export function explainScore(p: PriorityScore): string {
  if (p.lines.length === 0) return '优先分 0 分：暂无优先条件，按申请先后排序';
  return `优先分 ${p.score} 分：${p.lines.map((l) => `${l.label} +${l.points}`).join('，')}`;
}

export interface Rankable {
  id: string;
  score: number;
  submittedAt: number;
}

/** Score high → low, then earlier application, then id. */
export function compareByPriority(a: Rankable, b: Rankable): number {
  return b.score - a.score || a.submittedAt - b.submittedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function rankByPriority<T extends Rankable>(items: readonly T[]): T[] {
  return [...items].sort(compareByPriority);
}
