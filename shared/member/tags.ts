/**
 * Member tags: facts about a member's job that later features use for eligibility and priority
 * (recuperation favours frontline and model workers, some drops target hazardous posts…).
 * Applicants declare them on the form and the reviewing union checks them; 'leader' (领导干部:
 * recuperation caps their share of a batch) is set only by a union (bulk import), never
 * self-declared. One label per tag, everywhere users read it.
 */
export const MEMBER_TAGS = ['frontline', 'hazardous', 'model_worker', 'work_injured', 'near_retirement', 'leader'] as const;
export type MemberTag = (typeof MEMBER_TAGS)[number];

export const MEMBER_TAG_LABELS: Record<MemberTag, string> = {
  frontline: '一线职工',
  hazardous: '高危岗位',
  model_worker: '劳动模范',
  work_injured: '工伤职工',
  near_retirement: '临近退休',
  leader: '领导干部',
};

/** Tags an applicant may pick on the join form. */
export const SELF_DECLARED_TAGS = ['frontline', 'hazardous', 'model_worker', 'work_injured', 'near_retirement'] as const;

const BY_LABEL = new Map<string, MemberTag>(MEMBER_TAGS.map((t) => [MEMBER_TAG_LABELS[t], t]));
// Short forms people type in spreadsheets.
BY_LABEL.set('一线', 'frontline');
BY_LABEL.set('高危', 'hazardous');
BY_LABEL.set('劳模', 'model_worker');
BY_LABEL.set('工伤', 'work_injured');
// The label the import template used before the one label was settled: old spreadsheets still import.
BY_LABEL.set('工会干部', 'leader');
BY_LABEL.set('干部', 'leader');

/** A tag from its Chinese label, short form or code ("劳模", "劳动模范", "model_worker"). */
export function tagFromText(text: string): MemberTag | null {
  const t = text.trim();
  if ((MEMBER_TAGS as readonly string[]).includes(t)) return t as MemberTag;
  return BY_LABEL.get(t) ?? null;
}

/** Sorted, de-duplicated, in the table's order (stable for equality checks). */
export function normalizeTags(tags: readonly string[]): MemberTag[] {
  const set = new Set(tags);
  return MEMBER_TAGS.filter((t) => set.has(t));
}
