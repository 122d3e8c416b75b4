/**
 * The limits that approvals consume, kept as counters and changed only by conditional updates
 * (`where({_id, placesLeft: _.gt(0)}).update({placesLeft: _.inc(-1)})`), so any number of
 * simultaneous approvals can never take more than the limit:
 *   - `recu_counters/year_<unit>_<year>.placesLeft`: min(yearly quota, staff share) − approved;
 *   - `recu_batches/<batch>.seatsLeft`: the batch capacity;
 *   - `recu_counters/roster_<batch>_<unit>`: approved and leaders of the unit on the batch; a
 *     leader is added by compare-and-set on both numbers, so the leader share holds under races.
 * A place is reserved in that order and given back in reverse when a later step fails (or the
 * application was decided by someone else meanwhile). A crash between steps can only leave a
 * place counted as used, never let a limit be exceeded.
 */
import { capacityViolation, leaderShareAllows, leaderViolation, quotaViolation, type Violation } from '../../../shared/recuperation/caps';
import { yearlyLimit, type UnitSettings } from '../../../shared/recuperation/settings';
import { C } from '../../_lib/collections';
import type { ActionContext } from '../../_lib/router';
import type { ApplicationDoc, BatchDoc, RosterCounterDoc, YearCounterDoc } from './docs';
import { rosterCounterId, yearCounterId } from './ids';
import { isDuplicate } from '../../_lib/dbErrors';

const LEADER_CAS_ROUNDS = 12;

async function getDoc<T>(ctx: ActionContext, collection: string, id: string): Promise<T | null> {
  const res = await ctx.db.collection(collection).doc(id).get();
  return (res.data[0] as T | undefined) ?? null;
}

/** Creates the doc unless it exists (a concurrent creator wins; both then use it). */
async function ensure(ctx: ActionContext, collection: string, doc: { _id: string } & Record<string, unknown>): Promise<void> {
  try {
    await ctx.db.collection(collection).add(doc);
  } catch (err) {
    if (!isDuplicate(err)) throw err;
  }
}

export async function yearCounter(ctx: ActionContext, unionId: string, year: number): Promise<YearCounterDoc | null> {
  return getDoc<YearCounterDoc>(ctx, C.recuCounters, yearCounterId(unionId, year));
}

export async function ensureYearCounter(
  ctx: ActionContext,
  unionId: string,
  year: number,
  settings: UnitSettings,
): Promise<YearCounterDoc> {
  const id = yearCounterId(unionId, year);
  const existing = await getDoc<YearCounterDoc>(ctx, C.recuCounters, id);
  if (existing) return existing;
  const { limit } = yearlyLimit(settings);
  await ensure(ctx, C.recuCounters, { _id: id, unionId, year, limit, placesLeft: limit, approved: 0 });
  return (await getDoc<YearCounterDoc>(ctx, C.recuCounters, id)) as YearCounterDoc;
}

/**
 * Moves a year counter to a new limit: placesLeft changes by the difference. Compare-and-set
 * on `limit` so two settings saves cannot both apply their difference; approvals only touch
 * placesLeft/approved with $inc and never conflict with it.
 */
export async function setYearLimit(ctx: ActionContext, unionId: string, year: number, settings: UnitSettings): Promise<void> {
  const _ = ctx.db.command;
  const target = yearlyLimit(settings).limit;
  for (let round = 0; round < LEADER_CAS_ROUNDS; round++) {
    const c = await ensureYearCounter(ctx, unionId, year, settings);
    if (c.limit === target) return;
    const res = await ctx.db
      .collection(C.recuCounters)
      .where({ _id: c._id, limit: c.limit })
      .update({ limit: target, placesLeft: _.inc(target - c.limit) });
    if (res.updated === 1) return;
  }
  throw new Error('year limit not updated after retries');
}

export interface Reservation {
  /** Gives the place back (all counters taken), when the application could not be marked approved. */
  release(): Promise<void>;
}

/** Takes one place for the application on all counters, or names the rule that stops it. */
export async function reservePlace(
  ctx: ActionContext,
  app: ApplicationDoc,
  batch: BatchDoc,
  settings: UnitSettings,
): Promise<Reservation | Violation> {
  const _ = ctx.db.command;
  const counters = ctx.db.collection(C.recuCounters);
  const undo: Array<() => Promise<unknown>> = [];
  const release = async () => {
    for (const step of undo.reverse()) await step();
  };

  // 1. The unit's places this year.
  const yc = await ensureYearCounter(ctx, app.unionId, app.year, settings);
  const took = await counters.where({ _id: yc._id, placesLeft: _.gt(0) }).update({ placesLeft: _.inc(-1), approved: _.inc(1) });
  if (took.updated !== 1) {
    const now = (await yearCounter(ctx, app.unionId, app.year)) ?? yc;
    return quotaViolation(settings, now.approved) ?? { code: 'RECU_QUOTA_FULL', message: '本单位本年度疗休养名额已用完' };
  }
  undo.push(() => counters.doc(yc._id).update({ placesLeft: _.inc(1), approved: _.inc(-1) }));

  // 2. A seat on the batch.
  const seat = await ctx.db
    .collection(C.recuBatches)
    .where({ _id: batch._id, status: 'open', seatsLeft: _.gt(0) })
    .update({ seatsLeft: _.inc(-1) });
  if (seat.updated !== 1) {
    await release();
    if (batch.status !== 'open') return { code: 'RECU_BATCH_CLOSED', message: '该批次已结束，不能再批准' };
    return capacityViolation({ capacity: batch.capacity, approved: batch.capacity, costFen: batch.costFen }) as Violation;
  }
  undo.push(() =>
    ctx.db
      .collection(C.recuBatches)
      .doc(batch._id)
      .update({ seatsLeft: _.inc(1) }),
  );

  // 3. The unit's roster on the batch (the leader share).
  const rid = rosterCounterId(batch._id, app.unionId);
  await ensure(ctx, C.recuCounters, { _id: rid, approved: 0, leaders: 0 });
  if (!app.isLeader) {
    await counters.doc(rid).update({ approved: _.inc(1) });
    undo.push(() => counters.doc(rid).update({ approved: _.inc(-1) }));
    return { release };
  }
  for (let round = 0; round < LEADER_CAS_ROUNDS; round++) {
    const r = (await getDoc<RosterCounterDoc>(ctx, C.recuCounters, rid)) as RosterCounterDoc;
    if (!leaderShareAllows(r, true, settings)) {
      await release();
      return leaderViolation(r, true, settings) as Violation;
    }
    const cas = await counters
      .where({ _id: rid, approved: r.approved, leaders: r.leaders })
      .update({ approved: _.inc(1), leaders: _.inc(1) });
    if (cas.updated === 1) {
      undo.push(() => counters.doc(rid).update({ approved: _.inc(-1), leaders: _.inc(-1) }));
      return { release };
    }
    await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
  }
  await release();
  return { code: 'CONFLICT', message: '同时审批的人较多，请稍后重试' };
}

export function isViolation(x: Reservation | Violation): x is Violation {
  return (x as Violation).code !== undefined;
}

export async function rosterCounter(ctx: ActionContext, batchId: string, unionId: string): Promise<RosterCounterDoc> {
  return (
    (await getDoc<RosterCounterDoc>(ctx, C.recuCounters, rosterCounterId(batchId, unionId))) ?? {
      _id: rosterCounterId(batchId, unionId),
      approved: 0,
      leaders: 0,
    }
  );
}
