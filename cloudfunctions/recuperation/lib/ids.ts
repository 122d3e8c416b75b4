/** Deterministic ids: a retried or concurrent request lands on the same document. */
import { createHash, randomBytes } from 'node:crypto';

function digest(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/** One application per member per year: the id is the year and a hash of the member key. */
export function applicationId(year: number, memberKey: string): string {
  return `${year}_${digest(`recuperation:${memberKey}`, 32)}`;
}

export function yearCounterId(unionId: string, year: number): string {
  return `year_${unionId}_${year}`;
}

export function rosterCounterId(batchId: string, unionId: string): string {
  return `roster_${batchId}_${unionId}`;
}

/** A new venue / batch / claim id derived from the caller's request id, so a retried create is a no-op. */
export function createdId(prefix: string, openid: string, requestId: string): string {
  return `${prefix}_${digest(`${openid}:${requestId}`, 20)}`;
}

export function randomId(prefix: string): string {
  return `${prefix}_${randomBytes(10).toString('hex')}`;
}
