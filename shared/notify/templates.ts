/**
 * Subscribe-message templates (订阅消息模板), one key per kind of event, shared by every domain.
 * The WeChat template id of each key is NOT in the code: the sender reads it from the
 * function's environment variable (`envVar`), set in the CloudBase console after choosing the
 * template in the mini-program admin (公共模板库). Field keys (`thing1`, `time2`…) are the ones
 * of the chosen public template; when an operator picks a template with other keys, only this
 * table changes.
 *
 * WeChat's rules this table follows: one-time subscriptions (each "accept" allows one message),
 * at most 3 templates per `requestSubscribeMessage` call, `thing` values at most 20 characters,
 * `phrase` at most 5, `time` a date-time string.
 */
export type TemplateFieldKind = 'thing' | 'phrase' | 'time' | 'date' | 'number' | 'character_string';

export interface TemplateField {
  /** WeChat's data key, e.g. "thing1". */
  key: string;
  /** Chinese label shown in the admin / docs. */
  label: string;
}

export interface TemplateSpec {
  /** Chinese title of the message as the member sees it when asked. */
  title: string;
  /** Environment variable that holds the WeChat template id. */
  envVar: string;
  fields: TemplateField[];
}

export const TEMPLATES = {
  membership_review: {
    title: '入会审核结果通知',
    envVar: 'WX_TMPL_MEMBERSHIP_REVIEW',
    fields: [
      { key: 'thing1', label: '申请事项' },
      { key: 'phrase2', label: '审核结果' },
      { key: 'thing3', label: '备注' },
      { key: 'time4', label: '审核时间' },
    ],
  },
  benefit_result: {
    title: '福利领取结果通知',
    envVar: 'WX_TMPL_BENEFIT_RESULT',
    fields: [
      { key: 'thing1', label: '福利名称' },
      { key: 'phrase2', label: '领取结果' },
      { key: 'thing3', label: '温馨提示' },
      { key: 'time4', label: '时间' },
    ],
  },
  benefit_reminder: {
    title: '福利开抢提醒',
    envVar: 'WX_TMPL_BENEFIT_REMINDER',
    fields: [
      { key: 'thing1', label: '福利名称' },
      { key: 'time2', label: '开始时间' },
      { key: 'thing3', label: '温馨提示' },
    ],
  },
  daycare_result: {
    title: '暑托班报名结果通知',
    envVar: 'WX_TMPL_DAYCARE_RESULT',
    fields: [
      { key: 'thing1', label: '班级名称' },
      { key: 'phrase2', label: '报名结果' },
      { key: 'thing3', label: '备注' },
    ],
  },
  recuperation_result: {
    title: '疗休养申请结果通知',
    envVar: 'WX_TMPL_RECUPERATION_RESULT',
    fields: [
      { key: 'thing1', label: '疗休养批次' },
      { key: 'phrase2', label: '审核结果' },
      { key: 'thing3', label: '备注' },
    ],
  },
  activity_signup: {
    title: '活动报名结果通知',
    envVar: 'WX_TMPL_ACTIVITY_SIGNUP',
    fields: [
      { key: 'thing1', label: '活动名称' },
      { key: 'phrase2', label: '报名状态' },
      { key: 'time3', label: '活动时间' },
      { key: 'thing4', label: '活动地点' },
    ],
  },
  activity_reminder: {
    title: '活动开始提醒',
    envVar: 'WX_TMPL_ACTIVITY_REMINDER',
    fields: [
      { key: 'thing1', label: '活动名称' },
      { key: 'time2', label: '活动时间' },
      { key: 'thing3', label: '活动地点' },
      { key: 'thing4', label: '温馨提示' },
    ],
  },
} as const satisfies Record<string, TemplateSpec>;

export type TemplateKey = keyof typeof TEMPLATES;
export const TEMPLATE_KEYS = Object.keys(TEMPLATES) as TemplateKey[];

/** WeChat accepts at most 3 template ids per requestSubscribeMessage call. */
export const MAX_TEMPLATES_PER_REQUEST = 3;

export function isTemplateKey(value: unknown): value is TemplateKey {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(TEMPLATES, value);
}

const LIMITS: Partial<Record<TemplateFieldKind, number>> = { thing: 20, phrase: 5, character_string: 32, number: 32 };

function kindOf(key: string): TemplateFieldKind | null {
  const m = /^([a-z_]+?)\d+$/.exec(key);
  return m ? (m[1] as TemplateFieldKind) : null;
}

/**
 * WeChat's `data` for a template: every declared field present (WeChat rejects empty values
 * with 47003, so a missing one becomes "-") and each value cut to its kind's length limit.
 */
export function templateData(key: TemplateKey, values: Record<string, string>): Record<string, { value: string }> {
  const out: Record<string, { value: string }> = {};
  for (const field of TEMPLATES[key].fields) {
    const raw = (values[field.key] ?? '').trim() || '-';
    const limit = LIMITS[kindOf(field.key) ?? 'thing'];
    const chars = Array.from(raw);
    const value = limit && chars.length > limit ? chars.slice(0, limit - 1).join('') + '…' : raw;
    out[field.key] = { value };
  }
  return out;
}
