/**
 * A per-WeChat-user budget for identity probes: answers that tell the caller something about an
 * ID number they typed (claim: "no record" / "claimed by someone else"; apply: "already a member",
 * "already has an application"). Without a budget, someone who knows a worker's name could try
 * ID numbers (checksum, birth date and region narrow them a lot) until one matches, and take the
 * membership over — or find which number is a member through `apply`, then claim it in one go.
 *
 * Budget: at most HOUR.max counted probes per fixed hour window and DAY.max per fixed 24-hour
 * window. Each window starts at the first counted probe after the previous one ran out. `claim`
 * and `apply` share one budget, so alternating between them gives no extra tries.
 *
 * Race-free by construction: a probe first TAKES a slot with one conditional update
 * (`where({_id, counts below the caps, windows current}).updateAndReturn({_.inc(1)})`), which
 * the database applies atomically, and only a caller that got a slot may read `members` /
 * `member_applications`. A burst of 20 simultaneous tries therefore evaluates at most HOUR.max
 * of them. A probe that ends in a success (record linked, application filed) or in a refusal
 * that depends only on the caller gives its slot back. Unexpected errors keep the slot (fail
 * closed: they are rare and an attacker must not learn how to provoke free tries).
 *
 * Stored per user (`member_attempts/idproof:<openid>`): window starts, counts and the time of the
 * last change. Never a name, an ID number or a hash of one.
 */
import { formatBusinessFriendly } from '../../../shared/time';
import { C } from '../../_lib/collections';
import { AppFailure, type UserContext } from '../../_lib/router';
import { isDuplicate } from './tx';

export const PROOF_LIMITS = {
  hour: { ms: 60 * 60 * 1000, max: 5 },
  day: { ms: 24 * 60 * 60 * 1000, max: 10 },
} as const;

/** `member_attempts/<key>`. */
export interface AttemptDoc {
  _id: string;
  hourFrom: Date;
  hourCount: number;
  dayFrom: Date;
  dayCount: number;
  updatedAt: Date;
}

/** The slot a probe holds: which windows it was counted in (to give it back to the same ones). */
export interface ProofSlot {
  key: string;
  hourFrom: Date;
  dayFrom: Date;
}

/**
 * A refusal that depends only on the caller (e.g. "you are already a member"), answered the same
 * for any ID number: it reveals nothing, so the probe's slot is given back.
 */
export class CallerRefusal extends AppFailure {}

/** Rounds of take / (create | reset window) before giving up; a burst needs at most 3. */
const MAX_ROUNDS = 6;

export function proofKey(openid: string): string {
  return `idproof:${openid}`;
}

function limitedFailure(retryAt: number): AppFailure {
  // Rounded up to the minute shown, so trying again at that minute always works.
  const shown = Math.ceil(retryAt / 60_000) * 60_000;
  return new AppFailure(
    'RATE_LIMITED',
    `身份证号核验次数过多，为保护会员个人信息，请于 ${formatBusinessFriendly(shown)}（北京时间）后再试`,
  );
}

/** Take one probe slot for this user, or throw RATE_LIMITED (saying when to retry) without touching anything else. */
export async function takeProofSlot(ctx: UserContext): Promise<ProofSlot> {
  const _ = ctx.db.command;
  const coll = ctx.db.collection(C.memberAttempts);
  const key = proofKey(ctx.openid);
  const { hour, day } = PROOF_LIMITS;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const now = ctx.now();
    const t = now.getTime();
    // The only way to get a slot in a current window: atomic, so concurrent probes cannot overshoot.
    const res = (await coll
      .where({
        _id: key,
        hourFrom: _.gt(new Date(t - hour.ms)),
        hourCount: _.lt(hour.max),
        dayFrom: _.gt(new Date(t - day.ms)),
        dayCount: _.lt(day.max),
      })
      .updateAndReturn({ hourCount: _.inc(1), dayCount: _.inc(1), updatedAt: now })) as { updated?: number; doc?: AttemptDoc | null };
    if (res.updated === 1 && res.doc) return { key, hourFrom: new Date(res.doc.hourFrom), dayFrom: new Date(res.doc.dayFrom) };

    const doc = (await coll.doc(key).get()).data[0] as AttemptDoc | undefined;
    if (!doc) {
      // First counted probe of this user: creating the document takes the slot. A parallel
      // creator wins the primary key; the others go round and take a slot by the update above.
      try {
        await coll.add({ _id: key, hourFrom: now, hourCount: 1, dayFrom: now, dayCount: 1, updatedAt: now });
        return { key, hourFrom: now, dayFrom: now };
      } catch (err) {
        if (!isDuplicate(err)) throw err;
        continue;
      }
    }
    const hourFrom = new Date(doc.hourFrom).getTime();
    const dayFrom = new Date(doc.dayFrom).getTime();
    const hourOpen = hourFrom > t - hour.ms;
    const dayOpen = dayFrom > t - day.ms;
    const retryAt = Math.max(
      hourOpen && doc.hourCount >= hour.max ? hourFrom + hour.ms : 0,
      dayOpen && doc.dayCount >= day.max ? dayFrom + day.ms : 0,
    );
    if (retryAt > 0) {
      ctx.log.info('identity probe limited', { window: retryAt === hourFrom + hour.ms ? 'hour' : 'day' });
      throw limitedFailure(retryAt);
    }
    // A window ran out: start a new one at zero. Guarded by the old start, so of several
    // parallel resetters exactly one applies; everyone then goes round to take a slot above.
    const resets: Promise<unknown>[] = [];
    if (!dayOpen) resets.push(coll.where({ _id: key, dayFrom: new Date(dayFrom) }).update({ dayFrom: now, dayCount: 0, updatedAt: now }));
    if (!hourOpen)
      resets.push(coll.where({ _id: key, hourFrom: new Date(hourFrom) }).update({ hourFrom: now, hourCount: 0, updatedAt: now }));
    await Promise.all(resets);
    // (Both windows open and below the caps: the document changed between the update and the read.) Go round.
  }
  // Only under heavy contention on one user's own document: refuse rather than evaluate unlimited.
  throw new AppFailure('RATE_LIMITED');
}

/**
 * Return a slot (the probe succeeded or revealed nothing). Only to the windows it was taken
 * from: if a window has been restarted since, the slot is already gone with it.
 */
export async function giveBackProofSlot(ctx: UserContext, slot: ProofSlot): Promise<void> {
  const _ = ctx.db.command;
  const coll = ctx.db.collection(C.memberAttempts);
  await Promise.all([
    coll.where({ _id: slot.key, hourFrom: slot.hourFrom, hourCount: _.gt(0) }).update({ hourCount: _.inc(-1) }),
    coll.where({ _id: slot.key, dayFrom: slot.dayFrom, dayCount: _.gt(0) }).update({ dayCount: _.inc(-1) }),
  ]);
}

/**
 * Run `probe` (everything that reads what is stored about the typed identity) under the caller's
 * budget. Over budget: RATE_LIMITED, and `probe` never runs. The slot is kept when the probe
 * refuses (the answer told the caller something about that ID number) and given back when it
 * succeeds or throws a CallerRefusal.
 */
export async function underProofLimit<T>(ctx: UserContext, probe: () => Promise<T>): Promise<T> {
  const slot = await takeProofSlot(ctx);
  let result: T;
  try {
    result = await probe();
  } catch (err) {
    if (err instanceof CallerRefusal) await safeGiveBack(ctx, slot);
    throw err;
  }
  await safeGiveBack(ctx, slot);
  return result;
}

/** The probe's outcome stands even if returning the slot fails (the user merely loses one try). */
async function safeGiveBack(ctx: UserContext, slot: ProofSlot): Promise<void> {
  try {
    await giveBackProofSlot(ctx, slot);
  } catch (err) {
    ctx.log.error('identity probe slot not given back', { err });
  }
}
