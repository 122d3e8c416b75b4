/** 工会通知: the home page lists notices and each one opens with its text (system.notice). */
import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';
import type { HomeSummary, NoticeDetail } from '../../../shared/system/schemas';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(async () => {
  await t.close();
});

it('every notice on the home page opens with its paragraphs, for a guest too', async () => {
  const home = await t.call<HomeSummary>('system', 'homeSummary', {}, { persona: 'guest' });
  if (!home.ok) throw new Error(JSON.stringify(home));
  expect(home.data.notices.length).toBeGreaterThan(0);
  for (const listed of home.data.notices) {
    const res = await t.call<NoticeDetail>('system', 'notice', { id: listed.id }, 'anonymous');
    if (!res.ok) throw new Error(JSON.stringify(res));
    expect(res.data).toMatchObject({ id: listed.id, title: listed.title, unionName: listed.unionName, publishedAt: listed.publishedAt });
    expect(res.data.paragraphs.length).toBeGreaterThan(0);
  }
});

it('a notice scheduled for later cannot be read early, and an unknown id is NOT_FOUND', async () => {
  await t.db
    .collection('notices')
    .doc('notice-later')
    .set({ title: '下周通知', unionName: '宁波市总工会', publishedAt: new Date(Date.now() + 86_400_000), body: '未到时间' });
  expect(await t.call('system', 'notice', { id: 'notice-later' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(await t.call('system', 'notice', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});

it('a notice with only a title has no paragraphs', async () => {
  await t.db
    .collection('notices')
    .doc('notice-bare')
    .set({ title: '仅标题', unionName: '北仑区总工会', publishedAt: new Date(Date.now() - 60_000) });
  const res = await t.call<NoticeDetail>('system', 'notice', { id: 'notice-bare' });
  expect(res.ok && res.data.paragraphs).toEqual([]);
});

it('bad input is a structured validation error', async () => {
  const res = await t.call('system', 'notice', { id: '' });
  expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  if (!res.ok) expect(res.error.message).toMatch(/[\u4e00-\u9fa5]/);
});
