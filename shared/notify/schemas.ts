/**
 * The `notify` function's requests (schema-first, `as const`) and responses: subscribe-message
 * opt-ins, the in-app 消息 list and its unread count.
 */
import type { FromSchema } from 'json-schema-to-ts';
import { TEMPLATE_KEYS, MAX_TEMPLATES_PER_REQUEST, type TemplateKey } from './templates';
import type { NoticeCategoryName } from './categories';

const templateKey = { type: 'string', title: '消息模板', enum: TEMPLATE_KEYS } as const;

export const templatesRequest = {
  $id: 'notify.templates',
  type: 'object',
  additionalProperties: false,
  properties: {
    keys: { type: 'array', title: '消息模板', minItems: 1, maxItems: TEMPLATE_KEYS.length, uniqueItems: true, items: templateKey },
  },
} as const;
export type TemplatesRequest = FromSchema<typeof templatesRequest>;

export const optInRequest = {
  $id: 'notify.optIn',
  type: 'object',
  additionalProperties: false,
  required: ['results'],
  properties: {
    results: {
      type: 'array',
      title: '订阅结果',
      minItems: 1,
      maxItems: MAX_TEMPLATES_PER_REQUEST,
      items: {
        type: 'object',
        title: '订阅结果',
        additionalProperties: false,
        required: ['template', 'result'],
        properties: {
          template: templateKey,
          // WeChat's answers per template id: accept / reject / ban / filter.
          result: { type: 'string', title: '订阅结果', enum: ['accept', 'reject', 'ban', 'filter'] },
        },
      },
    },
  },
} as const;
export type OptInRequest = FromSchema<typeof optInRequest>;

export const inboxRequest = {
  $id: 'notify.inbox',
  type: 'object',
  additionalProperties: false,
  properties: {
    /** The `nextCursor` of the previous page. */
    cursor: { type: 'string', title: '分页位置', minLength: 1, maxLength: 200 },
    limit: { type: 'integer', title: '每页条数', minimum: 1, maximum: 50 },
  },
} as const;
export type InboxRequest = FromSchema<typeof inboxRequest>;

export const markReadRequest = {
  $id: 'notify.markRead',
  type: 'object',
  additionalProperties: false,
  properties: {
    ids: {
      type: 'array',
      title: '消息',
      minItems: 1,
      maxItems: 50,
      uniqueItems: true,
      items: { type: 'string', title: '消息编号', minLength: 1, maxLength: 140 },
    },
    all: { type: 'boolean', title: '全部已读' },
  },
} as const;
export type MarkReadRequest = FromSchema<typeof markReadRequest>;

export const unreadCountRequest = { $id: 'notify.unreadCount', type: 'object', additionalProperties: false, properties: {} } as const;
export type UnreadCountRequest = FromSchema<typeof unreadCountRequest>;

// ---- Responses ----------------------------------------------------------------------------

export interface TemplateView {
  key: TemplateKey;
  title: string;
  /** The WeChat template id, or null when this environment has not configured it. */
  tmplId: string | null;
  /** One-time acceptances the member still has for this template. */
  credits: number;
}
export interface TemplatesResult {
  templates: TemplateView[];
}
export interface OptInResult {
  credits: Partial<Record<TemplateKey, number>>;
}
export interface NoticeView {
  id: string;
  category: NoticeCategoryName;
  categoryLabel: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string; // ISO
  read: boolean;
}
export interface InboxResult {
  items: NoticeView[];
  nextCursor: string | null;
  unread: number;
}
export interface MarkReadResult {
  marked: number;
  unread: number;
}
export interface UnreadCountResult {
  unread: number;
}
