/**
 * The database side of a quota profile (../quota.ts), enforced in the database thread before a
 * request is executed: a refused request changes nothing, as on CloudBase.
 *
 * Each refusal is an HTTP 200 body `{code, message, requestId}`, which the real
 * @cloudbase/node-sdk throws as an error with that `code` (utils/tcbapirequester.ts), the way it
 * surfaces every CloudBase error. Codes from CloudBase's basic error-code table
 * (docs.cloudbase.net/en/error-code/basic):
 * - EXCEED_RATELIMIT — "request frequency exceeds package resource limit": past the QPS;
 * - EXCEED_CONCURRENT_REQUEST_LIMIT — "the number of simultaneous requests exceeds the plan
 *   limit": past the concurrent connections;
 * - EXCEED_REQUEST_LIMIT — "request count exceeds limit, plan resources exhausted": the day's
 *   reads or writes are used up (until the next day, Asia/Shanghai).
 */
import type { DbLimits } from '../quota';
import { classify } from './stats';

export type DbRefusal = 'rate' | 'connections' | 'reads' | 'writes';

export interface DbQuotaStats {
  profile: DbLimits | null;
  accepted: number;
  /** Of the accepted: reads and writes (the rest: transaction bookkeeping). */
  acceptedReads: number;
  acceptedWrites: number;
  refused: Record<DbRefusal, number>;
  /** The most requests accepted within one second since the last reset (counted in 100 ms steps, so within 10 %). */
  peakQps: number;
  /** Requests being served right now, and the most at once. */
  inFlight: number;
  peakInFlight: number;
}

export interface RefusalBody {
  code: string;
  message: string;
  requestId: string;
}

const SLOT_MS = 100;
const SLOTS = 10;
const DAY_MS = 86_400_000;
const SHANGHAI_MS = 8 * 3_600_000;

export class DbQuota {
  private limits: DbLimits | null = null;
  private readonly slots = new Float64Array(SLOTS);
  private slotAt = 0;
  /**
   * The times of the last `qps` accepted requests (a ring): a request is accepted only if the
   * oldest of them is at least a second old, so no one-second window ever holds more than `qps`.
   */
  private accepted = new Float64Array(0);
  private acceptedAt = 0;
  private day = -1;
  private reads = 0;
  private writes = 0;
  private inFlight = 0;
  private stats: DbQuotaStats = DbQuota.emptyStats(null);

  constructor(private readonly clock: () => number) {}

  private static emptyStats(profile: DbLimits | null): DbQuotaStats {
    return {
      profile,
      accepted: 0,
      acceptedReads: 0,
      acceptedWrites: 0,
      refused: { rate: 0, connections: 0, reads: 0, writes: 0 },
      peakQps: 0,
      inFlight: 0,
      peakInFlight: 0,
    };
  }

  /** Switch the profile (null = off). Counters and figures start again. */
  set(limits: DbLimits | null): void {
    this.limits = limits;
    this.accepted = new Float64Array(limits && Number.isFinite(limits.qps) ? limits.qps : 0).fill(-Infinity);
    this.acceptedAt = 0;
    this.slots.fill(0);
    this.day = -1;
    this.reads = 0;
    this.writes = 0;
    this.stats = DbQuota.emptyStats(limits);
  }

  snapshot(): DbQuotaStats {
    return { ...this.stats, refused: { ...this.stats.refused }, inFlight: this.inFlight };
  }

  /** A request arrived (before its body is read): the connection limit. Call `leave()` when answered if this returned null. */
  enter(seqId: string): RefusalBody | null {
    if (this.limits && this.inFlight >= this.limits.connections) {
      return this.refuse(
        'connections',
        'EXCEED_CONCURRENT_REQUEST_LIMIT',
        `concurrent database requests exceed the environment quota (${this.limits.connections})`,
        seqId,
      );
    }
    this.inFlight++;
    if (this.inFlight > this.stats.peakInFlight) this.stats.peakInFlight = this.inFlight;
    return null;
  }

  leave(): void {
    this.inFlight--;
  }

  /** The request's action is known: the QPS window, then the day's reads or writes. */
  admit(action: string, seqId: string): RefusalBody | null {
    const now = Date.now();
    const inWindow = this.advance(now);
    const limits = this.limits;
    const kind = classify(action);
    if (limits) {
      const ring = this.accepted;
      if (limits.qps === 0 || (ring.length > 0 && now - ring[this.acceptedAt] < 1000))
        return this.refuse('rate', 'EXCEED_RATELIMIT', `database requests exceed the environment quota (${limits.qps} per second)`, seqId);
      const day = Math.floor((this.clock() + SHANGHAI_MS) / DAY_MS);
      if (day !== this.day) {
        this.day = day;
        this.reads = 0;
        this.writes = 0;
      }
      if (kind === 'read' && this.reads >= limits.readsPerDay)
        return this.refuse('reads', 'EXCEED_REQUEST_LIMIT', `database reads of the day exhausted (${limits.readsPerDay})`, seqId);
      if (kind === 'write' && this.writes >= limits.writesPerDay)
        return this.refuse('writes', 'EXCEED_REQUEST_LIMIT', `database writes of the day exhausted (${limits.writesPerDay})`, seqId);
      if (kind === 'read') this.reads++;
      if (kind === 'write') this.writes++;
      if (ring.length > 0) {
        ring[this.acceptedAt] = now;
        this.acceptedAt = (this.acceptedAt + 1) % ring.length;
      }
    }
    this.slots[Math.floor(now / SLOT_MS) % SLOTS]++;
    this.stats.accepted++;
    if (kind === 'read') this.stats.acceptedReads++;
    if (kind === 'write') this.stats.acceptedWrites++;
    if (inWindow + 1 > this.stats.peakQps) this.stats.peakQps = inWindow + 1;
    return null;
  }

  /** Clears the slots that fell out of the one-second window; returns what the window holds. */
  private advance(now: number): number {
    const slot = Math.floor(now / SLOT_MS);
    if (slot - this.slotAt >= SLOTS) this.slots.fill(0);
    else for (let s = this.slotAt + 1; s <= slot; s++) this.slots[s % SLOTS] = 0;
    this.slotAt = slot;
    let sum = 0;
    for (let i = 0; i < SLOTS; i++) sum += this.slots[i];
    return sum;
  }

  private refuse(kind: DbRefusal, code: string, message: string, seqId: string): RefusalBody {
    this.stats.refused[kind]++;
    return { code, message, requestId: seqId };
  }
}
