/**
 * Runs the timer triggers declared in each function's config.json on the local clock, and lets
 * tests and demos fire one now. A clock jump re-plans every trigger from the new time (missed
 * fires are not replayed; fire one by hand if a demo needs it).
 *
 * Jobs without a timer of their own (the app's scheduled jobs, which its `system` tick runs when
 * due) are given by the caller (`jobs`): listed here (`cron: null`) and fired by hand with the
 * same timer event and context as a trigger.
 */
import type { Clock } from './clock';
import { parseCron, type CronSchedule } from './cron';
import type { FunctionHost, InvokeResult } from './functions';

interface Planned {
  fn: string;
  name: string;
  cron: string;
  schedule: CronSchedule;
  nextAt: number | null;
  lastFiredAt: number | null;
  lastResult: unknown;
}

export interface TriggerInfo {
  fn: string;
  name: string;
  /** null: a scheduled job, run by the system tick when due. */
  cron: string | null;
  nextAt: string | null;
  lastFiredAt: string | null;
}

/** A job that runs as a timer trigger of `fn` named `trigger`, but has no timer of its own. */
export interface UntimedJob {
  fn: string;
  trigger: string;
}

export class TriggerRunner {
  private readonly planned: Planned[] = [];
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly host: FunctionHost,
    private readonly clock: Clock,
    private readonly untimed: readonly UntimedJob[] = [],
  ) {
    for (const fn of host.list()) {
      for (const t of fn.triggers) {
        if (t.type !== 'timer') continue;
        const schedule = parseCron(t.config);
        this.planned.push({ fn: fn.name, name: t.name, cron: t.config, schedule, nextAt: null, lastFiredAt: null, lastResult: null });
      }
    }
    this.replan();
  }

  private replan(): void {
    const now = this.clock.now();
    for (const p of this.planned) p.nextAt = p.schedule.next(now);
  }

  start(): void {
    if (this.timer) return;
    this.unsubscribe = this.clock.onChange(() => this.replan());
    this.timer = setInterval(() => void this.tick(), 250);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.unsubscribe?.();
  }

  private async tick(): Promise<void> {
    const now = this.clock.now();
    for (const p of this.planned) {
      if (p.nextAt === null || p.nextAt > now) continue;
      const firedFor = p.nextAt;
      p.nextAt = p.schedule.next(firedFor);
      void this.fire(p, firedFor);
    }
  }

  private async fire(p: Planned, at: number): Promise<InvokeResult> {
    const event = { Type: 'Timer', TriggerName: p.name, Time: new Date(at).toISOString(), Message: '' };
    // The event and context CloudBase gives a timer trigger: no caller identity, source wx_trigger.
    const res = await this.host.invoke(p.fn, event, { source: 'wx_trigger' });
    p.lastFiredAt = at;
    p.lastResult = res.result;
    return res;
  }

  /**
   * Simulated time, for measurements (scripts/bench/idle-cost.ts): moves the clock from trigger
   * fire to trigger fire up to `until`, firing each in turn and waiting for its answer. Only for a
   * runner that was not start()ed (the real-time loop would fire the same triggers again).
   */
  async advanceTo(until: number, onFired?: (fn: string, name: string, res: InvokeResult) => void): Promise<void> {
    if (this.timer) throw new Error('advanceTo needs a runner that was not started');
    for (;;) {
      let next: Planned | null = null;
      for (const p of this.planned) if (p.nextAt !== null && p.nextAt <= until && (!next || p.nextAt < next.nextAt!)) next = p;
      if (!next) break;
      const at = next.nextAt!;
      this.clock.setOffset(at - Date.now());
      next.nextAt = next.schedule.next(at);
      const res = await this.fire(next, at);
      onFired?.(next.fn, next.name, res);
    }
    this.clock.setOffset(until - Date.now());
  }

  /** Fire a trigger or a scheduled job now, whatever its schedule; resolves with the function's answer. */
  async fireNow(fn: string, name: string): Promise<InvokeResult | null> {
    const p = this.planned.find((x) => x.fn === fn && x.name === name);
    if (p) return this.fire(p, this.clock.now());
    if (!this.jobs().some((j) => j.fn === fn && j.name === name)) return null;
    const at = this.clock.now();
    const event = { Type: 'Timer', TriggerName: name, Time: new Date(at).toISOString(), Message: '' };
    return this.host.invoke(fn, event, { source: 'wx_trigger' });
  }

  /** The scheduled jobs of the loaded functions. */
  private jobs(): Array<{ fn: string; name: string }> {
    return this.untimed.filter((j) => this.host.has(j.fn)).map((j) => ({ fn: j.fn, name: j.trigger }));
  }

  list(): TriggerInfo[] {
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    const timers = this.planned.map((p) => ({
      fn: p.fn,
      name: p.name,
      cron: p.cron as string | null,
      nextAt: iso(p.nextAt),
      lastFiredAt: iso(p.lastFiredAt),
    }));
    return [...timers, ...this.jobs().map((j) => ({ ...j, cron: null, nextAt: null, lastFiredAt: null }))];
  }
}
