/**
 * The function side of a quota profile (./quota.ts), applied by the host before an invocation
 * runs. Per function: `instances` warm instances (the provisioned ones from the start), each
 * serving `perInstance` requests at once. A request that finds them all busy starts a new
 * instance if the function is below `maxInstances` and the scale-out allows one (a token bucket:
 * `scaleBurst` at once, refilled at `scalePerMin`); otherwise it is refused, as SCF refuses a
 * synchronous invocation (status 432 ResourceLimitReached past the ceiling, 429 ResourceLimit
 * when instances cannot be added fast enough: cloud.tencent.com/document/product/583/51585,
 * tencentcloud.com/document/product/583/35311). Instances are not reclaimed while the local
 * cloud runs (a rehearsal lasts minutes; SCF keeps idle instances for a while too).
 *
 * What the mini-program sees: `wx.cloud.callFunction` fails with an Error carrying `errCode`
 * and `errMsg` (developers.weixin.qq.com/minigame/en/dev/wxcloud/reference/errcode.html):
 * -501004 "the number of concurrent requests exceeds the environment quota" for both
 * refusals above, -501003 "the number of requests exceeds the environment quota" once the
 * month's calls are used up. The H5 transport receives the same `{errCode, errMsg}` as an
 * HTTP 429 body and throws it, so services/cloud.ts handles one shape for both builds.
 *
 * Timer invocations are never refused here: SCF retries refused asynchronous invocations by
 * itself (they are counted while they run).
 */
import type { FnLimits } from './quota';

export type FnRefusalKind = 'instances' | 'scale' | 'calls';

export interface FnRefusal {
  kind: FnRefusalKind;
  errCode: number;
  errMsg: string;
}

export interface FnQuotaStats {
  profile: FnLimits | null;
  admitted: number;
  refused: Record<FnRefusalKind, number>;
  /** Per function: instances started (incl. provisioned) and the most invocations running at once. */
  functions: Record<string, { instances: number; peakRunning: number }>;
}

interface FnState {
  instances: number;
  running: number;
  peakRunning: number;
  tokens: number;
  tokensAt: number;
}

const SHANGHAI_MS = 8 * 3_600_000;

function monthOf(ms: number): number {
  const d = new Date(ms + SHANGHAI_MS);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

export class FnQuota {
  private limits: FnLimits | null = null;
  private readonly state = new Map<string, FnState>();
  private admitted = 0;
  private refused: Record<FnRefusalKind, number> = { instances: 0, scale: 0, calls: 0 };
  private month = -1;
  private calls = 0;

  constructor(private readonly businessNow: () => number) {}

  set(limits: FnLimits | null): void {
    this.limits = limits;
    // Invocations running now finish and leave; their counts carry over.
    for (const s of this.state.values()) {
      s.instances = limits ? Math.min(limits.maxInstances, limits.provisioned) : 0;
      s.peakRunning = s.running;
      s.tokens = limits ? limits.scaleBurst : 0;
      s.tokensAt = Date.now();
    }
    this.admitted = 0;
    this.refused = { instances: 0, scale: 0, calls: 0 };
    this.month = -1;
    this.calls = 0;
  }

  private fn(name: string): FnState {
    let s = this.state.get(name);
    if (!s) {
      const l = this.limits;
      s = {
        instances: l ? Math.min(l.maxInstances, l.provisioned) : 0,
        running: 0,
        peakRunning: 0,
        tokens: l ? l.scaleBurst : 0,
        tokensAt: Date.now(),
      };
      this.state.set(name, s);
    }
    return s;
  }

  /** Admit one invocation (then call `leave`) or say why not. */
  admit(name: string, timer: boolean): FnRefusal | null {
    const s = this.fn(name);
    const l = this.limits;
    if (l && !timer) {
      const month = monthOf(this.businessNow());
      if (month !== this.month) {
        this.month = month;
        this.calls = 0;
      }
      if (this.calls >= l.callsPerMonth)
        return this.refuse('calls', -501003, `EXCEED_REQUEST_LIMIT. function calls of the month exhausted (${l.callsPerMonth})`);
      if (s.running >= s.instances * l.perInstance) {
        if (s.instances >= l.maxInstances) {
          return this.refuse(
            'instances',
            -501004,
            `EXCEED_CONCURRENT_REQUEST_LIMIT. Function [${name}] concurrency exceeded (${l.maxInstances} instances × ${l.perInstance}; 432 ResourceLimitReached)`,
          );
        }
        const now = Date.now();
        s.tokens = Math.min(l.scaleBurst, s.tokens + ((now - s.tokensAt) / 60_000) * l.scalePerMin);
        s.tokensAt = now;
        if (s.tokens < 1) {
          return this.refuse(
            'scale',
            -501004,
            `EXCEED_CONCURRENT_REQUEST_LIMIT. Function [${name}] cannot add instances fast enough (${l.scalePerMin}/min; 429 ResourceLimit)`,
          );
        }
        s.tokens -= 1;
        s.instances += 1;
      }
      this.calls++;
    }
    s.running++;
    if (s.running > s.peakRunning) s.peakRunning = s.running;
    this.admitted++;
    return null;
  }

  leave(name: string): void {
    this.fn(name).running--;
  }

  snapshot(): FnQuotaStats {
    const functions: FnQuotaStats['functions'] = {};
    for (const [name, s] of this.state) functions[name] = { instances: s.instances, peakRunning: s.peakRunning };
    return { profile: this.limits, admitted: this.admitted, refused: { ...this.refused }, functions };
  }

  private refuse(kind: FnRefusalKind, errCode: number, detail: string): FnRefusal {
    this.refused[kind]++;
    return { kind, errCode, errMsg: `cloud.callFunction:fail Error: errCode: ${errCode} | errMsg: ${detail}` };
  }
}
