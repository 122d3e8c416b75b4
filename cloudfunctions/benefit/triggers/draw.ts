/**
 * Job `draw` (run by the schedule tick at each draw's opening, _lib/schedule.ts): draws every draw-mode drop whose opening has come. Resumable and
 * idempotent: the winners follow from the committed seed and the registrations (which close
 * at least a minute before), claim ids are deterministic and notices carry dedupe keys, so a
 * run cut short by a timeout is finished by the next one without doing anything twice.
 *
 * Eligibility is checked again when the draw runs: a registrant whose card the union suspended
 * (or who has left the drop's scope or lost a required tag) since registering is not drawn; the
 * registration says why (`excluded`) and the member is told. The published entrants are the
 * eligible ones, so the recompute script reproduces the winners from the record as before. The
 * exclusions are written before the record, and a resumed run takes the entrants from the record.
 *
 * A withdrawn (撤回, status `cancelled`) drop is never drawn: the due query leaves it out, and
 * the run's first conditional update (`scheduled` → `drawing`) would not match it anyway. The
 * same timer then tells the registrants of withdrawn draws (./cancelNotices.ts).
 */
import { quoted } from '../../../shared/text';
import { checkEligibility } from '../../../shared/benefit/eligibility';
import { drawSentence } from '../../../shared/benefit/rules';
import { formatBusiness } from '../../../shared/time';
import { drawWinners } from '../../../shared/benefit/draw';
import { C } from '../../_lib/collections';
import { notify } from '../../_lib/notify';
import type { BaseContext } from '../../_lib/router';
import { requireSchema } from '../../_lib/schema';
import { inChunks } from '../../_lib/chunks';
import { retryRefused } from '../../_lib/quota';
import { earliest } from '../../_lib/schedule';
import { newClaim } from '../lib/claims';
import { isDuplicate, type DrawDoc, type DropDoc, type UserDoc, type RegistrationDoc } from '../lib/docs';
import { sha256Hex } from '../lib/keys';
import { sendCancelNotices } from './cancelNotices';

async function allRegistrations(ctx: BaseContext, dropId: string): Promise<RegistrationDoc[]> {
  const out: RegistrationDoc[] = [];
  for (let skip = 0; ; skip += 1000) {
    const res = await ctx.db.collection(C.dropRegistrations).where({ dropId }).orderBy('_id', 'asc').skip(skip).limit(1000).get();
    out.push(...(res.data as RegistrationDoc[]));
    if (res.data.length < 1000) return out;
  }
}

/** Registrations whose member no longer qualifies, with the reason (Chinese). */
async function noLongerEligible(ctx: BaseContext, drop: DropDoc, regs: RegistrationDoc[]): Promise<Map<string, string>> {
  const _ = ctx.db.command;
  const members = new Map<string, UserDoc>();
  const openids = [...new Set(regs.map((r) => r.openid))];
  for (let i = 0; i < openids.length; i += 100) {
    const res = await ctx.db
      .collection(C.users)
      .where({ _id: _.in(openids.slice(i, i + 100)) })
      .limit(100)
      .get();
    for (const u of res.data as (UserDoc & { _id: string })[]) members.set(u._id, u);
  }
  const out = new Map<string, string>();
  for (const r of regs) {
    const why = checkEligibility(members.get(r.openid) ?? null, drop);
    if (why) out.set(r._id, why.message);
  }
  return out;
}

export async function runDraw(ctx: BaseContext, drop: DropDoc): Promise<{ registrants: number; winners: number } | null> {
  const _ = ctx.db.command;
  const now = ctx.now();
  const moved = await ctx.db.collection(C.drops).where({ _id: drop._id, status: 'scheduled' }).update({ status: 'drawing' });
  if (moved.updated !== 1 && drop.status === 'scheduled') {
    // Changed since the due query: another run started it (go on) or it was withdrawn (never draw it).
    const fresh = (await ctx.db.collection(C.drops).doc(drop._id).get()).data[0] as DropDoc | undefined;
    if (fresh?.status !== 'drawing') return null;
  }
  const [drawRes, secretRes] = await Promise.all([
    ctx.db.collection(C.dropDraws).doc(drop._id).get(),
    ctx.db.collection(C.dropSecrets).doc(drop._id).get(),
  ]);
  const record = drawRes.data[0] as DrawDoc;
  const seed = (secretRes.data[0] as { seed: string }).seed;
  const regs = await allRegistrations(ctx, drop._id);
  // Why each left-out registration was not drawn: worked out now on the first run; a resumed run
  // finds it stored (the exclusions are written before the record).
  const excluded = new Map<string, string>();
  let entrants: string[];
  if (record.seed === null) {
    for (const [id, why] of await noLongerEligible(ctx, drop, regs)) excluded.set(id, `未参与抽签：${why}`);
    await inChunks([...excluded], 20, ([id, explain]) =>
      retryRefused(() => ctx.db.collection(C.dropRegistrations).where({ _id: id, result: null }).update({ result: 'excluded', explain })),
    );
    entrants = [...new Set(regs.filter((r) => !excluded.has(r._id)).map((r) => r.entrantKey))].sort();
  } else {
    entrants = record.entrants; // a resumed run draws exactly what the record published
    for (const r of regs) if (r.result === 'excluded') excluded.set(r._id, r.explain ?? '未参与抽签：抽签时不符合参与条件');
  }
  const winners = drawWinners(seed, entrants, drop.stock, sha256Hex);
  if (record.seed === null) {
    await ctx.db.collection(C.dropDraws).doc(drop._id).update({ seed, entrants, winners, drawnAt: now });
  }
  const won = new Set(winners);
  const wonSentence = drawSentence('won', entrants.length, winners.length);
  const lostSentence = drawSentence('lost', entrants.length, winners.length);

  const winnerRegs = regs.filter((r) => won.has(r.entrantKey));
  await inChunks(winnerRegs, 20, async (r) => {
    try {
      await retryRefused(() => ctx.db.collection(C.dropClaims).add(newClaim(drop, r.openid, 1, `draw-${drop._id}`, now)));
    } catch (err) {
      if (!isDuplicate(err)) throw err;
    }
  });
  for (let i = 0; i < winners.length; i += 100) {
    await retryRefused(() =>
      ctx.db
        .collection(C.dropRegistrations)
        .where({ dropId: drop._id, entrantKey: _.in(winners.slice(i, i + 100)) })
        .update({ result: 'won', explain: wonSentence }),
    );
  }
  await retryRefused(() =>
    ctx.db.collection(C.dropRegistrations).where({ dropId: drop._id, result: null }).update({ result: 'lost', explain: lostSentence }),
  );
  await retryRefused(() =>
    ctx.db
      .collection(C.dropStock)
      .doc(`${drop._id}_s0`)
      .update({ left: drop.stock - winners.length, lastTakenAt: now }),
  );

  // Under the environment's quota a refused write is sent again (every step here is idempotent:
  // conditional updates, deterministic ids, notices deduplicated by key).
  await inChunks(regs, 20, (r) => retryRefused(() => notifyOne(r)));
  await retryRefused(() =>
    ctx.db
      .collection(C.drops)
      .doc(drop._id)
      .update({ status: 'drawn', drawnAt: now, registrants: entrants.length, winners: winners.length }),
  );
  return { registrants: entrants.length, winners: winners.length };

  function notifyOne(r: (typeof regs)[number]): Promise<unknown> {
    const leftOut = excluded.get(r._id);
    if (leftOut) {
      return notify(ctx, {
        openid: r.openid,
        category: 'benefit',
        title: '福利抽签：未参与抽签',
        body: `${quoted(drop.title)}${leftOut}`,
        link: '/packages/benefit/mine/index',
        dedupeKey: `drop:${drop._id}:draw:${r.openid}`,
      });
    }
    const win = won.has(r.entrantKey);
    return notify(ctx, {
      openid: r.openid,
      category: 'benefit',
      title: win ? '福利抽签：已中签' : '福利抽签：未中签',
      body: `${quoted(drop.title)}${win ? wonSentence : lostSentence}`,
      link: '/packages/benefit/mine/index',
      template: 'benefit_result',
      templateData: {
        thing1: drop.title.slice(0, 20),
        phrase2: win ? '已中签' : '未中签',
        thing3: win ? '兑换码见我的福利' : '感谢参与，下周再来',
        time4: formatBusiness(now, 'YYYY-MM-DD HH:mm'),
      },
      dedupeKey: `drop:${drop._id}:draw:${r.openid}`,
    });
  }
}

export async function draw(
  ctx: BaseContext,
): Promise<{ ok: true; data: { drawn: number; cancelNotices: number; nextDueAt: Date | null } }> {
  const startedAt = Date.now();
  const _ = ctx.db.command;
  const due = await ctx.db
    .collection(C.drops)
    .where({ mode: 'draw', status: _.in(['scheduled', 'drawing']), opensAt: _.lte(ctx.now()) })
    .orderBy('opensAt', 'asc')
    .limit(10)
    .get();
  let drawn = 0;
  if (due.data.length > 0) await requireSchema(ctx, 'benefit.draw');
  for (const drop of due.data as DropDoc[]) {
    const r = await runDraw(ctx, drop);
    if (!r) continue;
    drawn++;
    ctx.log.info('drop drawn', { dropId: drop._id, registrants: r.registrants, winners: r.winners });
  }
  const cancelled = await sendCancelNotices(ctx, startedAt);
  if (cancelled.notified > 0) ctx.log.info('cancel notices sent', cancelled);
  // For the schedule (_lib/schedule.ts): a draw or withdrawal still in progress → the next
  // minute; otherwise the next draw drop's opening (adminCreate announces new ones).
  const next = await ctx.db
    .collection(C.drops)
    .where({ mode: 'draw', status: 'scheduled', opensAt: _.gt(ctx.now()) })
    .orderBy('opensAt', 'asc')
    .field({ opensAt: true })
    .limit(1)
    .get();
  const busy = due.data.length > 0 || cancelled.pending;
  const nextDueAt = busy ? ctx.now() : earliest((next.data[0] as DropDoc | undefined)?.opensAt);
  return { ok: true, data: { drawn, cancelNotices: cancelled.notified, nextDueAt } };
}
