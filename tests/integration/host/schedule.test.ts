/**
 * The schedule (cloudfunctions/_lib/schedule.ts, docs/operations.md "What a quiet day costs"):
 * one `system.tick` timer reads the `schedule` collection and runs only the jobs whose time has
 * come, through the signed internal call; the writes that create work lower a job's due time.
 * Proven here with scheduled posts (content.adminPublish announces, content.publishDue runs),
 * on the local clock, through the real function host and its callFunction.
 */
import { C } from '../../../cloudfunctions/_lib/collections';
import { signInternal } from '../../../cloudfunctions/_lib/internal';
import { RETRY_MS, SCHEDULED_JOBS, TIMER_OP } from '../../../cloudfunctions/_lib/schedule';
import { articleInput, givenLocalCloud, givenPost, type TestCloud } from '../../scenarios/content';
import { formatBusiness } from '../../../shared/time';
import { claimAs, givenDrop, givenMembers as givenBenefitMembers } from '../../scenarios/benefit';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(async () => {
  await t?.close();
});

interface TickResult {
  ok: boolean;
  data: { ran: string[]; taken: string[]; failed: string[] };
}
interface Entry {
  _id: string;
  dueAt: Date;
  v: number;
}

async function tick(): Promise<TickResult> {
  const res = await t.cloud.triggers.fireNow('system', 'tick');
  return res!.result as TickResult;
}
async function entry(id: string): Promise<Entry | undefined> {
  return (await t.db.collection(C.schedule).doc(id).get()).data[0] as Entry | undefined;
}
async function postStatus(id: string): Promise<string> {
  return ((await t.db.collection(C.posts).doc(id).get()).data[0] as { status: string }).status;
}
/** A Beijing wall-clock minute `minutes` after `from`, as the admin form sends it, and its time. */
function minuteAfter(from: number, minutes: number): { wall: string; at: number } {
  const wall = formatBusiness(from + minutes * 60_000, 'YYYY-MM-DD HH:mm');
  return { wall, at: Date.parse(`${wall.replace(' ', 'T')}:00+08:00`) };
}

const start = Date.now();

it('the first tick finds no schedule, runs every job once and records when each is next due', async () => {
  const first = await tick();
  expect(first.ok).toBe(true);
  expect([...first.data.ran].sort()).toEqual(SCHEDULED_JOBS.map((j) => j.id).sort());
  expect(first.data.failed).toEqual([]);
  const docs = (await t.db.collection(C.schedule).limit(100).get()).data as Entry[];
  expect(docs.map((d) => d._id).sort()).toEqual(SCHEDULED_JOBS.map((j) => j.id).sort());
  // Nothing was announced: at the latest each job's safety sweep (a day; the heartbeat an hour).
  const finish = (await entry('member.finishDeletions'))!;
  expect(new Date(finish.dueAt).getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
  expect(new Date((await entry('system.heartbeat'))!.dueAt).getTime()).toBeGreaterThan(Date.now() + 59 * 60_000);
});

it('a post scheduled for a minute lowers publishDue to that minute; the tick runs it then and not before, and nothing that is not due', async () => {
  const soon = minuteAfter(start, 30);
  const later = minuteAfter(start, 50);
  const first = await givenPost(t, articleInput(), { at: soon.wall });
  const second = await givenPost(t, articleInput(), { at: later.wall });
  expect(new Date((await entry('content.publishDue'))!.dueAt).getTime()).toBe(soon.at);

  await t.setClock(new Date(soon.at - 60_000)); // the minute before
  const before = await tick();
  expect(before.data.ran).not.toContain('content.publishDue');
  expect(await postStatus(first.id)).toBe('scheduled');

  await t.setClock(new Date(soon.at + 500)); // the tick of that minute
  const due = await tick();
  expect(due.data.ran).toContain('content.publishDue');
  // Jobs nobody announced stay asleep until their sweep.
  for (const quiet of ['member.finishDeletions', 'daycare.closeWindows', 'notify.send']) expect(due.data.ran).not.toContain(quiet);
  expect(await postStatus(first.id)).toBe('published');
  expect(await postStatus(second.id)).toBe('scheduled');
  // The job reported its next work: the second post's minute.
  expect(new Date((await entry('content.publishDue'))!.dueAt).getTime()).toBe(later.at);

  await t.setClock(new Date(later.at + 500));
  expect((await tick()).data.ran).toContain('content.publishDue');
  expect(await postStatus(second.id)).toBe('published');
  await t.setClock(new Date(Date.now()));
});

it('two ticks at the same time run a due job once: the claim is a conditional update on the version read', async () => {
  const at = minuteAfter(Date.now(), 10);
  const post = await givenPost(t, articleInput(), { at: at.wall });
  await t.setClock(new Date(at.at + 500));
  const [a, b] = await Promise.all([tick(), tick()]);
  const runs = [a, b].filter((r) => r.data.ran.includes('content.publishDue')).length;
  expect(runs).toBe(1);
  expect(await postStatus(post.id)).toBe('published');
  await t.setClock(new Date(Date.now()));
});

it('a job whose run fails comes back RETRY_MS after its claim', async () => {
  // An entry whose version a failing run would leave behind: claimed, never reported back.
  const now = t.cloud.clock.now();
  await t.db
    .collection(C.schedule)
    .doc('content.publishDue')
    .update({ dueAt: new Date(now + RETRY_MS), lastRunAt: new Date(now) });
  await t.setClock(new Date(now + RETRY_MS - 30_000));
  expect((await tick()).data.ran).not.toContain('content.publishDue');
  await t.setClock(new Date(now + RETRY_MS + 500));
  expect((await tick()).data.ran).toContain('content.publishDue');
  await t.setClock(new Date(Date.now()));
});

it('a client cannot run a job: neither a timer-shaped event nor a signed internal call with a caller', async () => {
  const at = minuteAfter(Date.now(), 20);
  const post = await givenPost(t, articleInput(), { at: at.wall });
  await t.setClock(new Date(at.at + 500)); // due now: a run would publish it
  const signed = signInternal(
    'content',
    TIMER_OP,
    { trigger: 'publishDue', scheduledFor: new Date().toISOString() },
    Date.now(),
    process.env.INTERNAL_CALL_SECRET,
  );
  const callers: Array<Record<string, string>> = [
    { 'x-local-persona': 'member' },
    { 'x-local-persona': 'anonymous' },
    { 'x-local-openid': 'o_schedule_probe_1' },
  ];
  for (const headers of callers) {
    for (const event of [signed, { Type: 'Timer', TriggerName: 'publishDue' }, { Type: 'Timer', TriggerName: 'tick' }]) {
      const fn = (event as { TriggerName?: string }).TriggerName === 'tick' ? 'system' : 'content';
      const res = await t.post(`/api/functions/${fn}`, JSON.stringify(event), headers);
      expect(res.json).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  }
  expect(await postStatus(post.id)).toBe('scheduled');
  // A signed call for a handler the function does not have answers UNKNOWN_ACTION (from a function).
  const unknown = await t.app.callFunction({
    name: 'content',
    data: signInternal('content', TIMER_OP, { trigger: 'nope' }, Date.now(), process.env.INTERNAL_CALL_SECRET),
  });
  expect(unknown.result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
  // The tick itself is what runs it.
  expect((await tick()).data.ran).toContain('content.publishDue');
  expect(await postStatus(post.id)).toBe('published');
  await t.setClock(new Date(Date.now()));
});

it('a drop announces its opening: the reconcile runs from that minute and then every minute while the drop is open', async () => {
  const opensAt = minuteAfter(t.cloud.clock.now(), 40).at;
  const closesAt = opensAt + 2 * 3600_000;
  const { dropId } = await givenDrop(t, { opensAt, closesAt, stock: 5 });
  expect(new Date((await entry('benefit.reconcile'))!.dueAt).getTime()).toBeLessThanOrEqual(opensAt);

  await t.setClock(new Date(opensAt + 500));
  expect((await tick()).data.ran).toContain('benefit.reconcile');
  // While the drop sells (a crash can orphan a unit at any take, and no write announces that):
  // due again at once, so each minute's tick runs it — the recount stays within QUIET_MS + 1 minute.
  expect(new Date((await entry('benefit.reconcile'))!.dueAt).getTime()).toBeLessThanOrEqual(opensAt + 60_000);
  await t.setClock(new Date(opensAt + 60_500));
  expect((await tick()).data.ran).toContain('benefit.reconcile');

  // Long after every drop has closed (the demo's too): the next deadline or the sweep, no longer every minute.
  const later = closesAt + 60 * 24 * 3600_000;
  await t.setClock(new Date(later));
  expect((await tick()).data.ran).toContain('benefit.reconcile');
  expect(new Date((await entry('benefit.reconcile'))!.dueAt).getTime()).toBeGreaterThan(later + 60 * 60_000);
  expect(dropId).toMatch(/^d/);
  await t.setClock(new Date(Date.now()));
});

it('a due time further ahead than any sweep (written before the clock went back) is run, not slept through', async () => {
  const now = t.cloud.clock.now();
  await t.db
    .collection(C.schedule)
    .doc('member.finishDeletions')
    .update({ dueAt: new Date(now + 3 * 24 * 3600_000) });
  await t.db
    .collection(C.schedule)
    .doc('daycare.closeWindows')
    .update({ dueAt: new Date(now + 20 * 3600_000) });
  const ran = (await tick()).data.ran;
  expect(ran).toContain('member.finishDeletions');
  expect(ran).not.toContain('daycare.closeWindows'); // within its sweep: a real due time
  expect(new Date((await entry('member.finishDeletions'))!.dueAt).getTime()).toBeLessThanOrEqual(now + 24 * 3600_000 + 60_000);
});

it('a sold-out drop keeps the reconcile every minute while a unit is orphaned, and lets it sleep once every unit has its claim', async () => {
  // 90 days on: the demo's drops are long over, only this one is live.
  const base = minuteAfter(Date.now() + 90 * 24 * 3600_000, 0).at;
  await t.setClock(new Date(base));
  const opensAt = base + 10 * 60_000;
  const { dropId } = await givenDrop(t, { opensAt, closesAt: opensAt + 6 * 3600_000, stock: 2 });
  const [a] = await givenBenefitMembers(t, 1);
  await t.setClock(new Date(opensAt + 1000));
  expect((await claimAs(t, a, dropId)).result.ok).toBe(true);
  // A crash between "take a unit" and "insert the claim": the last unit is taken, no claim.
  const _ = t.db.command;
  await t.db
    .collection(C.dropStock)
    .where({ _id: `${dropId}_s0`, left: 1 })
    .update({ left: _.inc(-1), lastTakenAt: new Date(opensAt + 2000) });

  const dueAfterTick = async (at: number) => {
    await t.setClock(new Date(at));
    expect((await tick()).data.ran).toContain('benefit.reconcile');
    return new Date((await entry('benefit.reconcile'))!.dueAt).getTime();
  };
  // Sold out but a unit has no claim: every minute until the recount returns it (90 s quiet).
  expect(await dueAfterTick(opensAt + 60_500)).toBeLessThanOrEqual(opensAt + 2 * 60_000);
  expect(await dueAfterTick(opensAt + 120_500)).toBeLessThanOrEqual(opensAt + 3 * 60_000);
  const left = ((await t.db.collection(C.dropStock).doc(`${dropId}_s0`).get()).data[0] as { left: number }).left;
  expect(left).toBe(1); // returned: takeable again, so still every minute
  const [b] = await givenBenefitMembers(t, 1);
  await t.setClock(new Date(opensAt + 150_000));
  expect((await claimAs(t, b, dropId)).result.ok).toBe(true);
  // Sold out, quiet, every unit claimed and told: no more minutes; the next work is a deadline or the sweep.
  expect(await dueAfterTick(opensAt + 3 * 60_000 + 500)).toBeLessThanOrEqual(opensAt + 4 * 60_000); // b's take not quiet yet
  const asleep = await dueAfterTick(opensAt + 5 * 60_000 + 500);
  expect(asleep).toBeGreaterThan(opensAt + 5 * 60_000 + 60 * 60_000);
  await t.setClock(new Date(Date.now()));
});
