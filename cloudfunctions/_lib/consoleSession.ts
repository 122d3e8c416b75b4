/**
 * 工会工作台 sessions on the server (docs/console.md). A console call reaches a function with
 * the session id as the platform's custom-login user id (`TCB_CUSTOM_USER_ID`: on CloudBase from
 * the web SDK's custom sign-in, locally from the front door's Bearer check). The router turns it
 * into the admin's openid here, from the stored session, never from the request. Tokens and
 * tickets are stored only as SHA-256 hashes: a database reader cannot sign anyone in.
 */
import type tcb from '@cloudbase/node-sdk';
import { createHash, randomBytes } from 'node:crypto';
import { CONSOLE_SESSION_IDLE_MS, CONSOLE_SESSION_MAX_MS } from '../../shared/member/console';
import { C } from './collections';

/** The SDK's database (the router's `Database`, named here so the router can import this module). */
type Database = ReturnType<ReturnType<typeof tcb.init>['database']>;

export interface ConsoleSessionDoc {
  _id: string;
  openid: string;
  device: string;
  createdAt: Date;
  lastSeenAt: Date;
  /** Idle expiry, moved forward by calls (never past `maxExpiresAt`). */
  idleExpiresAt: Date;
  maxExpiresAt: Date;
  revokedAt: Date | null;
}

/** 128 random bits as 32 hex characters: tickets, poll keys, session tokens. */
export function newSecret(): string {
  return randomBytes(16).toString('hex');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The session id a token signs in as: the first 128 bits of its SHA-256 (32 hex characters,
 * within CloudBase's 4–32 character custom user id). Knowing the id does not give the token.
 */
export function sessionIdOf(token: string): string {
  return sha256Hex(token).slice(0, 32);
}

const SESSION_ID = /^[0-9a-f]{32}$/;
/** Extend the idle expiry at most this often (a write per minute, not per call). */
const TOUCH_EVERY_MS = 60 * 1000;

export function sessionEnd(doc: Pick<ConsoleSessionDoc, 'idleExpiresAt' | 'maxExpiresAt'>): Date {
  return new Date(Math.min(new Date(doc.idleExpiresAt).getTime(), new Date(doc.maxExpiresAt).getTime()));
}

export function isLive(doc: ConsoleSessionDoc, now: Date): boolean {
  return !doc.revokedAt && sessionEnd(doc).getTime() > now.getTime();
}

/** The live session named by a custom-login user id, renewed for another idle period; null otherwise. */
export async function resolveConsoleSession(db: Database, sessionId: string, now: Date): Promise<ConsoleSessionDoc | null> {
  if (!SESSION_ID.test(sessionId)) return null;
  const res = await db.collection(C.consoleSessions).doc(sessionId).get();
  const doc = res.data[0] as ConsoleSessionDoc | undefined;
  if (!doc || !isLive(doc, now)) return null;
  if (now.getTime() - new Date(doc.lastSeenAt).getTime() >= TOUCH_EVERY_MS) {
    const idleExpiresAt = new Date(Math.min(now.getTime() + CONSOLE_SESSION_IDLE_MS, new Date(doc.maxExpiresAt).getTime()));
    // Conditional on not revoked: a revocation racing this call is never undone.
    await db.collection(C.consoleSessions).where({ _id: sessionId, revokedAt: null }).update({ lastSeenAt: now, idleExpiresAt });
    return { ...doc, lastSeenAt: now, idleExpiresAt };
  }
  return doc;
}

/** A new session document for `openid` (the token is returned to the console once, never stored). */
export function newSessionDoc(openid: string, device: string, now: Date): { token: string; doc: ConsoleSessionDoc } {
  const token = newSecret();
  return {
    token,
    doc: {
      _id: sessionIdOf(token),
      openid,
      device,
      createdAt: now,
      lastSeenAt: now,
      idleExpiresAt: new Date(now.getTime() + CONSOLE_SESSION_IDLE_MS),
      maxExpiresAt: new Date(now.getTime() + CONSOLE_SESSION_MAX_MS),
      revokedAt: null,
    },
  };
}
