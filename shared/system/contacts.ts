/**
 * 联系工会: one contact per union (phone, address, office hours, optional map point), set by an
 * admin of the union's subtree; a member sees their own union's, or the nearest union above
 * with one (docs/membership.md#contact-your-union). It is the union office's public contact, so
 * it is shown to anyone who asks.
 */
import type { FromSchema } from 'json-schema-to-ts';

const id = (title: string) => ({ type: 'string', title, minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) as const;

/** A phone a union office answers: a landline with area code ("0574-86781234"), a mobile, or a short service line ("12351"). */
export const CONTACT_PHONE_PATTERN = '^(0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?|1[3-9]\\d{9}|\\d{5})$';

/** system.contact: the caller's union contact (guests: the top union's). */
export const contactRequest = { $id: 'system.contact', type: 'object', additionalProperties: false, properties: {} } as const;
export type ContactRequest = FromSchema<typeof contactRequest>;

export interface UnionContactView {
  unionId: string;
  unionName: string;
  /** Named `contactPhone`, as the day-care sites' public phone: a public office line (tests/scenarios/leaks.ts). */
  contactPhone: string;
  address: string;
  hours: string;
  /** Map point (GCJ-02, as WeChat's openLocation expects) when the admin set one. */
  location: { latitude: number; longitude: number } | null;
  updatedAt: string; // ISO instant
}
export interface ContactResult {
  /** Null when neither the caller's union nor any union above it has a contact yet. */
  contact: UnionContactView | null;
  /** True when the contact is of a union above the caller's own (the own union has none). */
  inherited: boolean;
}

/** system.adminContact: a union's own stored contact (not inherited), for editing. */
export const adminContactRequest = {
  $id: 'system.adminContact',
  type: 'object',
  additionalProperties: false,
  required: ['unionId'],
  properties: { unionId: id('工会组织') },
} as const;
export type AdminContactRequest = FromSchema<typeof adminContactRequest>;
export interface AdminContactResult {
  unionId: string;
  unionName: string;
  contact: UnionContactView | null;
}

/** system.adminSaveContact: set a union's contact (a union in the caller's subtree). */
export const adminSaveContactRequest = {
  $id: 'system.adminSaveContact',
  type: 'object',
  additionalProperties: false,
  required: ['unionId', 'contactPhone', 'address', 'hours'],
  properties: {
    unionId: id('工会组织'),
    contactPhone: { type: 'string', title: '联系电话', pattern: CONTACT_PHONE_PATTERN },
    address: { type: 'string', title: '办公地址', minLength: 4, maxLength: 80 },
    hours: { type: 'string', title: '办公时间', minLength: 2, maxLength: 60 },
    latitude: { type: 'number', title: '纬度', minimum: 3, maximum: 54 },
    longitude: { type: 'number', title: '经度', minimum: 73, maximum: 136 },
  },
  dependencies: { latitude: ['longitude'], longitude: ['latitude'] },
} as const;
export type AdminSaveContactRequest = FromSchema<typeof adminSaveContactRequest>;

export const CONTACT_SCHEMAS = {
  'system.contact': contactRequest,
  'system.adminContact': adminContactRequest,
  'system.adminSaveContact': adminSaveContactRequest,
} as const;
