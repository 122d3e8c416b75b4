/**
 * 工会工作台 sign-in (docs/console.md): the desktop console asks for a one-time login ticket,
 * shows it as a QR code, an admin scans it with the mini-program and confirms, and the console's
 * poll then receives a short session. Requests are JSON Schemas (validated by the generated
 * validators); responses are plain types. Tickets and session tokens are 128-bit random hex.
 */
import type { FromSchema } from 'json-schema-to-ts';
import { MEMBER_TAGS } from './tags';
import type { AdminMemberDetail } from './schemas';

/** A ticket is valid this long after the console asked for it. */
export const CONSOLE_TICKET_TTL_MS = 2 * 60 * 1000;
/** A session ends after this long without a call… */
export const CONSOLE_SESSION_IDLE_MS = 30 * 60 * 1000;
/** …and this long after sign-in at the latest, however active. */
export const CONSOLE_SESSION_MAX_MS = 8 * 60 * 60 * 1000;
/** What the QR code carries before the ticket, so the scanner can tell a console code from others. */
export const CONSOLE_QR_PREFIX = 'YGH-CONSOLE:';
/** A ticket, poll key or session token: 32 lowercase hex characters (128 random bits). */
export const CONSOLE_SECRET_PATTERN = '^[0-9a-f]{32}$';

const ticket = { type: 'string', title: '登录二维码', pattern: CONSOLE_SECRET_PATTERN } as const;

export const consoleTicketRequest = {
  $id: 'member.consoleTicket',
  type: 'object',
  additionalProperties: false,
  required: ['device'],
  properties: {
    /** The browser's own summary of itself ("Chrome 131 · Windows"): shown to the admin who confirms. */
    device: { type: 'string', title: '设备说明', minLength: 1, maxLength: 60 },
  },
} as const;
export type ConsoleTicketRequest = FromSchema<typeof consoleTicketRequest>;
export interface ConsoleTicketResult {
  /** Goes into the QR code (after CONSOLE_QR_PREFIX). */
  ticket: string;
  /** Stays in the browser: only the console that asked can collect the session. */
  pollKey: string;
  expiresAt: string; // ISO instant
}

export const consoleScanRequest = {
  $id: 'member.consoleScan',
  type: 'object',
  additionalProperties: false,
  required: ['ticket'],
  properties: { ticket },
} as const;
export type ConsoleScanRequest = FromSchema<typeof consoleScanRequest>;
/** What the admin sees before confirming: which device asks, when, and as which union they will act. */
export interface ConsoleScanResult {
  device: string;
  requestedAt: string;
  expiresAt: string; // ISO instant
  unionNames: string[];
}

export const consoleConfirmRequest = {
  $id: 'member.consoleConfirm',
  type: 'object',
  additionalProperties: false,
  required: ['ticket', 'decision'],
  properties: {
    ticket,
    decision: { type: 'string', title: '是否登录', enum: ['confirm', 'decline'] },
  },
} as const;
export type ConsoleConfirmRequest = FromSchema<typeof consoleConfirmRequest>;
export interface ConsoleConfirmResult {
  decision: 'confirm' | 'decline';
}

export const consolePollRequest = {
  $id: 'member.consolePoll',
  type: 'object',
  additionalProperties: false,
  required: ['ticket', 'pollKey'],
  properties: { ticket, pollKey: { type: 'string', title: '登录凭据', pattern: CONSOLE_SECRET_PATTERN } },
} as const;
export type ConsolePollRequest = FromSchema<typeof consolePollRequest>;
export type ConsolePollResult =
  | { status: 'waiting'; scanned: boolean; expiresAt: string }
  | { status: 'declined' | 'expired' }
  /**
   * `token` is handed out once; locally the console sends it as `Authorization: Bearer <token>`.
   * On CloudBase `loginTicket` is the custom-login ticket (for the session id) the console signs
   * in with (`auth.signInWithCustomTicket`); absent where no custom-login key is configured.
   */
  | { status: 'signedIn'; token: string; expiresAt: string; loginTicket?: string };

export const consoleSessionsRequest = {
  $id: 'member.consoleSessions',
  type: 'object',
  additionalProperties: false,
  properties: {},
} as const;
export type ConsoleSessionsRequest = FromSchema<typeof consoleSessionsRequest>;
export interface ConsoleSessionView {
  /** Opaque key for consoleRevoke (not the token: it cannot sign anything in). */
  key: string;
  device: string;
  signedInAt: string;
  lastSeenAt: string;
  /** When it ends if nothing happens (idle limit or the 8-hour limit, whichever is first). */
  expiresAt: string; // ISO instant
}
export interface ConsoleSessionsResult {
  sessions: ConsoleSessionView[];
}

export const consoleRevokeRequest = {
  $id: 'member.consoleRevoke',
  type: 'object',
  additionalProperties: false,
  required: ['key'],
  properties: { key: { type: 'string', title: '登录记录', pattern: CONSOLE_SECRET_PATTERN } },
} as const;
export type ConsoleRevokeRequest = FromSchema<typeof consoleRevokeRequest>;
export interface ConsoleRevokeResult {
  revoked: boolean;
}

export const consoleMeRequest = { $id: 'member.consoleMe', type: 'object', additionalProperties: false, properties: {} } as const;
export type ConsoleMeRequest = FromSchema<typeof consoleMeRequest>;
export interface ConsoleMeResult {
  nameMasked: string;
  unions: { id: string; name: string }[];
  expiresAt: string; // ISO instant
}

export const consoleSignOutRequest = { $id: 'member.consoleSignOut', type: 'object', additionalProperties: false, properties: {} } as const;
export type ConsoleSignOutRequest = FromSchema<typeof consoleSignOutRequest>;
export interface ConsoleSignOutResult {
  signedOut: true;
}

export const CONSOLE_SCHEMAS = {
  'member.consoleTicket': consoleTicketRequest,
  'member.consoleScan': consoleScanRequest,
  'member.consoleConfirm': consoleConfirmRequest,
  'member.consolePoll': consolePollRequest,
  'member.consoleSessions': consoleSessionsRequest,
  'member.consoleRevoke': consoleRevokeRequest,
  'member.consoleMe': consoleMeRequest,
  'member.consoleSignOut': consoleSignOutRequest,
} as const;

/** The QR payload for a ticket, and back (null when the scanned code is not a console code). */
export function consoleQrText(ticketHex: string): string {
  return CONSOLE_QR_PREFIX + ticketHex;
}
export function ticketFromQr(text: string): string | null {
  const t = text.trim();
  if (!t.startsWith(CONSOLE_QR_PREFIX)) return null;
  const hex = t.slice(CONSOLE_QR_PREFIX.length);
  return new RegExp(CONSOLE_SECRET_PATTERN).test(hex) ? hex : null;
}

// ---- 工会工作台 → 会员: the member list (server-side pagination) -------------------------------

/** Rows per page of the member list (and per request of its CSV export). */
export const MEMBER_LIST_MAX = 100;

export const adminListMembersRequest = {
  $id: 'member.adminListMembers',
  type: 'object',
  additionalProperties: false,
  properties: {
    unionId: { type: 'string', title: '工会组织', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' },
    status: { type: 'string', title: '会员卡状态', enum: ['active', 'revoked'] },
    tag: { type: 'string', title: '职工标签', enum: MEMBER_TAGS },
    cardNo: { type: 'string', title: '会员卡号', minLength: 1, maxLength: 40 },
    offset: { type: 'integer', title: '起始位置', minimum: 0, maximum: 100000 },
    limit: { type: 'integer', title: '每页条数', minimum: 1, maximum: MEMBER_LIST_MAX },
  },
} as const;
export type AdminListMembersRequest = FromSchema<typeof adminListMembersRequest>;
export interface AdminListMembersResult {
  items: AdminMemberDetail[];
  total: number;
  offset: number;
  limit: number;
}
