import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud({ runTimers: true });
});
afterAll(async () => {
  await t.close();
});

it('the scheduler fires a 7-field cron trigger when the (shifted) clock reaches it, and the tick runs the due heartbeat', async () => {
  // Put the clock 1.5 s before a minute boundary: the system tick is "0 * * * * * *". On a fresh
  // schedule every job is due, the heartbeat among them (run inside the tick, with its time).
  const boundary = Math.ceil((Date.now() + 10 * 60_000) / 60_000) * 60_000;
  await t.setClock(new Date(boundary - 1500));
  const deadline = Date.now() + 8000;
  let doc: { lastAt?: Date; scheduledFor?: string } | undefined;
  while (Date.now() < deadline) {
    doc = (await t.db.collection('system_meta').doc('heartbeat').get()).data[0] as typeof doc;
    if (doc?.scheduledFor) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  expect(doc?.scheduledFor).toBe(new Date(boundary).toISOString());
});
