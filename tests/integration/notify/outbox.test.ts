/**
 * The notification path every domain uses: in-app notice always, subscribe message only with an
 * opt-in credit; the sender timer claims entries so overlapping runs send each once; results,
 * retries and the retry limit are recorded. Locally the transport logs (NOTIFY_LOG_FILE).
 */
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InboxResult, OptInResult, TemplatesResult, MarkReadResult } from '../../../shared/notify/schemas';
import { MAX_ATTEMPTS } from '../../../shared/notify/delivery';
import { countDocs, fire, givenActivity, givenLocalCloud, givenMembers, unwrap, type TestCloud } from '../../scenarios/content';

let t: TestCloud;
const logFile = join(mkdtempSync(join(tmpdir(), 'notify-log-')), 'outbox.jsonl');

beforeAll(async () => {
  process.env.NOTIFY_LOG_FILE = logFile;
  t = await givenLocalCloud();
});
afterAll(async () => {
  delete process.env.NOTIFY_LOG_FILE;
  await t?.close();
});

function loggedIds(): string[] {
  if (!existsSync(logFile)) return [];
  return readFileSync(logFile, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { outboxId: string }).outboxId);
}

async function optIn(openid: string, requestId?: string) {
  const res = await t.post(
    '/api/functions/notify',
    JSON.stringify({
      action: 'optIn',
      data: {
        results: [
          { template: 'activity_signup', result: 'accept' },
          { template: 'activity_reminder', result: 'reject' },
        ],
      },
      ...(requestId ? { requestId } : {}),
    }),
    { 'x-local-openid': openid },
  );
  return res.json as { ok: boolean; data: OptInResult };
}

it('templates come with their Chinese titles; ids are not configured locally; credits start at zero', async () => {
  const [openid] = await givenMembers(t, 1);
  const res = unwrap(await t.call<TemplatesResult>('notify', 'templates', { keys: ['activity_signup', 'benefit_result'] }, { openid }));
  expect(res.templates).toEqual([
    { key: 'activity_signup', title: '活动报名结果通知', tmplId: null, credits: 0 },
    { key: 'benefit_result', title: '福利领取结果通知', tmplId: null, credits: 0 },
  ]);
});

it('each accept adds one credit; a retried report (same requestId) adds nothing; bad input is refused in Chinese', async () => {
  const [openid] = await givenMembers(t, 1);
  expect((await optIn(openid, 'optin-req-0001')).data.credits).toEqual({ activity_signup: 1, activity_reminder: 0 });
  expect((await optIn(openid, 'optin-req-0001')).data.credits).toEqual({ activity_signup: 1, activity_reminder: 0 });
  expect((await optIn(openid, 'optin-req-0002')).data.credits).toEqual({ activity_signup: 2, activity_reminder: 0 });

  const four = await t.call(
    'notify',
    'optIn',
    {
      results: ['activity_signup', 'activity_reminder', 'benefit_result', 'benefit_reminder'].map((template) => ({
        template,
        result: 'accept',
      })),
    },
    { openid },
  );
  expect(four).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '订阅结果最多 3 项' } });
  const unknown = await t.call('notify', 'optIn', { results: [{ template: 'nope', result: 'accept' }] }, { openid });
  expect(unknown).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  expect(await t.call('notify', 'optIn', { results: [] }, 'anonymous')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
});

it('a sign-up writes an in-app notice always, and queues a subscribe message only when the member opted in', async () => {
  const activity = await givenActivity(t, { capacity: 5 });
  const [subscribed, notSubscribed] = await givenMembers(t, 2);
  await optIn(subscribed);
  unwrap(await t.call('content', 'signUp', { postId: activity.id }, { openid: subscribed }));
  unwrap(await t.call('content', 'signUp', { postId: activity.id }, { openid: notSubscribed }));

  for (const openid of [subscribed, notSubscribed]) {
    const inbox = unwrap(await t.call<InboxResult>('notify', 'inbox', {}, { openid }));
    expect(inbox.items[0]).toMatchObject({ category: 'activity', categoryLabel: '活动', title: '活动报名成功', read: false });
    expect(inbox.unread).toBe(1);
  }
  expect(await countDocs(t, 'outbox', { openid: subscribed, status: 'pending' })).toBe(1);
  expect(await countDocs(t, 'outbox', { openid: notSubscribed })).toBe(0);
  // The credit was spent.
  const after = unwrap(await t.call<TemplatesResult>('notify', 'templates', { keys: ['activity_signup'] }, { openid: subscribed }));
  expect(after.templates[0].credits).toBe(0);
});

it('two overlapping sender runs send every pending entry exactly once and record the result', async () => {
  const now = new Date();
  const ids = Array.from({ length: 60 }, (_, i) => `o_overlap_${process.pid}_${i}`);
  for (const [i, id] of ids.entries()) {
    await t.db.collection('outbox').add({
      _id: id,
      openid: `o_someone_${i}`,
      template: 'benefit_result',
      data: { thing1: '周五流量包', phrase2: '领取成功' },
      page: '/packages/benefit/mine/index',
      status: 'pending',
      attempts: 0,
      createdAt: now,
      nextAttemptAt: now,
      sentAt: null,
      lastError: null,
    });
  }
  await Promise.all([fire(t, 'notify', 'send'), fire(t, 'notify', 'send'), fire(t, 'notify', 'send')]);

  const logged = loggedIds().filter((id) => id.startsWith(`o_overlap_${process.pid}_`));
  expect(logged.sort()).toEqual([...ids].sort()); // each once, none twice
  const docs = (
    await t.db
      .collection('outbox')
      .where({ _id: t.db.command.in(ids) })
      .limit(100)
      .get()
  ).data as Array<{ status: string; attempts: number; sentAt: Date | null }>;
  expect(docs).toHaveLength(60);
  for (const d of docs) expect(d).toMatchObject({ status: 'sent', attempts: 1 });
  const line = JSON.parse(
    readFileSync(logFile, 'utf8')
      .trim()
      .split('\n')
      .find((l) => l.includes(ids[0]))!,
  );
  expect(line).toMatchObject({
    template: 'benefit_result',
    page: 'packages/benefit/mine/index',
    data: { thing1: { value: '周五流量包' }, phrase2: { value: '领取成功' }, thing3: { value: '-' } },
  });
});

it('a failing transport is retried with backoff and recorded as failed after the limit; permanent errors fail at once', async () => {
  const id = `o_retry_${process.pid}`;
  const now = Date.now();
  await t.db.collection('outbox').add({
    _id: id,
    openid: 'o_retry_member',
    template: 'activity_signup',
    data: {},
    page: null,
    status: 'pending',
    attempts: 0,
    createdAt: new Date(now),
    nextAttemptAt: new Date(now),
    sentAt: null,
    lastError: null,
  });
  // Production transport with no template id configured: WeChat would answer 40037 → permanent.
  // (The functions' environment is their configuration: changing it starts a new instance.)
  await t.cloud.host.setEnvironment({ NOTIFY_TRANSPORT: 'wechat' });
  try {
    await fire(t, 'notify', 'send');
    const doc = (await t.db.collection('outbox').doc(id).get()).data[0] as { status: string; attempts: number; lastError: string };
    expect(doc).toMatchObject({ status: 'failed', attempts: 1 });
    expect(doc.lastError).toContain('WX_TMPL_ACTIVITY_SIGNUP');

    // With a template id the call goes to the platform's wx.api, which the local cloud does not
    // offer: a transport error, retried with growing waits until the limit.
    await t.cloud.host.setEnvironment({ WX_TMPL_BENEFIT_RESULT: 'tmpl_test_id' });
    const retry = `o_retry2_${process.pid}`;
    await t.db.collection('outbox').add({
      _id: retry,
      openid: 'o_retry_member',
      template: 'benefit_result',
      data: {},
      page: null,
      status: 'pending',
      attempts: 0,
      createdAt: new Date(now),
      nextAttemptAt: new Date(now),
      sentAt: null,
      lastError: null,
    });
    let clock = now;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await fire(t, 'notify', 'send');
      const d = (await t.db.collection('outbox').doc(retry).get()).data[0] as {
        status: string;
        attempts: number;
        nextAttemptAt: Date;
        lastError: string;
      };
      expect(d.attempts).toBe(attempt);
      expect(d.lastError).toBeTruthy();
      if (attempt < MAX_ATTEMPTS) {
        expect(d.status).toBe('pending');
        // Not due yet: another run right away does nothing.
        await fire(t, 'notify', 'send');
        expect(((await t.db.collection('outbox').doc(retry).get()).data[0] as { attempts: number }).attempts).toBe(attempt);
        clock = new Date(d.nextAttemptAt).getTime() + 1000;
        await t.setClock(new Date(clock));
      } else {
        expect(d.status).toBe('failed');
        expect(d.lastError).toContain(`重试 ${MAX_ATTEMPTS} 次仍失败`);
      }
    }
  } finally {
    await t.cloud.host.setEnvironment({ NOTIFY_TRANSPORT: 'log', WX_TMPL_BENEFIT_RESULT: undefined });
    await t.setClock(new Date());
  }
});

it('the 消息 list pages newest first with a cursor, counts unread, and marks only my own notices read', async () => {
  const [me, other] = await givenMembers(t, 2);
  const base = Date.now() - 3600_000;
  for (let i = 0; i < 25; i++) {
    await t.db.collection('notifications').add({
      _id: `n_test_${me}_${i}`,
      openid: me,
      category: i % 2 ? 'benefit' : 'system',
      title: `通知 ${i}`,
      body: '内容',
      link: null,
      createdAt: new Date(base + Math.floor(i / 2) * 1000),
      readAt: null, // pairs share a timestamp
    });
  }
  await t.db.collection('notifications').add({
    _id: `n_test_${other}_0`,
    openid: other,
    category: 'system',
    title: '别人的',
    body: '内容',
    link: null,
    createdAt: new Date(base),
    readAt: null,
  });

  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = unwrap(await t.call<InboxResult>('notify', 'inbox', { limit: 7, ...(cursor ? { cursor } : {}) }, { openid: me }));
    seen.push(...page.items.map((n) => n.title));
    expect(page.unread).toBe(25);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  expect(seen).toHaveLength(25);
  expect(new Set(seen).size).toBe(25);
  expect(seen[0]).toBe('通知 24');

  const marked = unwrap(
    await t.call<MarkReadResult>('notify', 'markRead', { ids: [`n_test_${me}_0`, `n_test_${other}_0`] }, { openid: me }),
  );
  expect(marked).toEqual({ marked: 1, unread: 24 });
  expect(unwrap(await t.call<MarkReadResult>('notify', 'markRead', { all: true }, { openid: me }))).toEqual({ marked: 24, unread: 0 });
  expect(unwrap(await t.call<{ unread: number }>('notify', 'unreadCount', {}, { openid: other })).unread).toBe(1);
  expect(await t.call('notify', 'inbox', { cursor: 'garbage' }, { openid: me })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_ARGUMENT' },
  });
});

it('an entry a dead run left `sending` goes back to the queue once its claim is stale, and the run says when that is (docs/notifications.md)', async () => {
  const base = Date.parse('2031-03-04T09:11:00+08:00');
  const id = `o_stale_${process.pid}`;
  const claimedAt = base - 2 * 60_000; // 5 minutes (STALE_SENDING_MS) make it stale at 09:14
  await t.db.collection('outbox').add({
    _id: id,
    openid: 'o_someone_stale',
    template: 'benefit_result',
    data: { thing1: '周五流量包', phrase2: '领取成功' },
    page: '/packages/benefit/mine/index',
    status: 'sending',
    attempts: 1,
    createdAt: new Date(base - 20 * 60_000),
    nextAttemptAt: new Date(base - 20 * 60_000),
    claimedAt: new Date(claimedAt),
    sentAt: null,
    lastError: null,
  });
  const statusOf = async () => ((await t.db.collection('outbox').doc(id).get()).data[0] as { status: string }).status;

  await t.setClock(new Date(base + 500)); // 09:11: the claim may still be a live run's
  const early = (await fire(t, 'notify', 'send')) as { data: { nextDueAt: string } };
  expect(await statusOf()).toBe('sending');
  // The schedule runs the sender again when the claim goes stale (the earliest work it knows of).
  expect(Date.parse(early.data.nextDueAt)).toBeLessThanOrEqual(claimedAt + 5 * 60_000 + 1000);

  await t.setClock(new Date(claimedAt + 5 * 60_000 + 1500)); // stale now: put back and sent by the same run
  await fire(t, 'notify', 'send');
  expect(await statusOf()).toBe('sent');
  expect(loggedIds()).toContain(id);
});
