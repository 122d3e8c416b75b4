/**
 * content.search: published posts of the unions the caller's feed may show, by a literal keyword
 * in the title, summary or activity place; keyset pages without repeats; drafts, withdrawn posts
 * and other chains' posts never found; blank input refused with a structured error.
 */
import type { FeedResult } from '../../../shared/content/views';
import { activityInput, articleInput, givenLocalCloud, givenMembers, givenPost, unwrap, type TestCloud } from '../../scenarios/content';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud({ seed: true });
});
afterAll(async () => t?.close());

async function titles(keyword: string, openid: string, limit = 20): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | undefined;
  do {
    const page = unwrap(await t.call<FeedResult>('content', 'search', { keyword, limit, ...(cursor ? { cursor } : {}) }, { openid }));
    out.push(...page.items.map((i) => i.title));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

it('finds by title, summary and place, newest first, in pages without repeats', async () => {
  const [reader] = await givenMembers(t, 1);
  await givenPost(t, articleInput({ title: '港城职工羽毛球赛 第一轮' }));
  await givenPost(t, articleInput({ title: '港城职工羽毛球赛 第二轮' }));
  await givenPost(t, articleInput({ title: '赛事通知', summary: '本周末羽毛球赛决赛' }));
  await givenPost(
    t,
    activityInput({ title: '周末趣味运动会', activity: { startAt: '2099-01-01 09:00', place: '北仑羽毛球馆', signupEnabled: false } }),
  );
  const all = await titles('羽毛球', reader, 1);
  expect(all).toHaveLength(4);
  expect(new Set(all).size).toBe(4);
  expect(all).toEqual(await titles('羽毛球', reader, 20));
  expect(all).toEqual(expect.arrayContaining(['港城职工羽毛球赛 第一轮', '赛事通知', '周末趣味运动会']));
});

it('drafts, withdrawn posts and posts of a chain the reader does not follow are never found', async () => {
  const [reader] = await givenMembers(t, 1);
  const draftRes = await t.call('content', 'adminSave', articleInput({ title: '未发布的乒乓球草稿' }), { persona: 'district_admin' });
  expect(draftRes.ok).toBe(true);
  const withdrawn = await givenPost(t, articleInput({ title: '已撤回的乒乓球通知' }));
  unwrap(await t.call('content', 'adminWithdraw', { id: withdrawn.id, reason: '时间调整' }, { persona: 'district_admin' }));
  await givenPost(t, articleInput({ title: '乒乓球公开赛报名' }));
  expect(await titles('乒乓球', reader)).toEqual(['乒乓球公开赛报名']);
  // A 海曙 member who follows only the city union does not get 北仑's post.
  const hs = 'o_search_haishu';
  await t.db
    .collection('users')
    .doc(hs)
    .set({
      openid: hs,
      memberStatus: 'verified',
      unionId: 'nb-hs-nm-ly',
      unionAncestors: ['nb', 'nb-hs', 'nb-hs-nm', 'nb-hs-nm-ly'],
      follows: ['nb'],
      tags: [],
      adminUnionIds: [],
    });
  expect(await titles('乒乓球', hs)).toEqual([]);
  // …but the city union's posts, yes.
  expect(await titles('最美职工', hs)).toEqual(['宁波市总工会发布 2026 年度“最美职工”名单']);
});

it('the keyword is literal text and bad input is a structured error', async () => {
  const [reader] = await givenMembers(t, 1);
  await givenPost(t, articleInput({ title: '[通知] 工会(会费)缴纳说明' }));
  expect(await titles('(会费)', reader)).toEqual(['[通知] 工会(会费)缴纳说明']);
  for (const k of ['.*', '会.费', '^', '会费|x', '\\']) expect(await titles(k, reader)).toEqual([]);
  for (const data of [
    { keyword: '' },
    { keyword: '   ' },
    { keyword: 'x'.repeat(31) },
    {},
    { keyword: '会费', cursor: 'not a cursor' },
    { keyword: '会费', limit: 100 },
  ]) {
    const r = await t.call('content', 'search', data, { openid: reader });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(r.ok ? '' : r.error.message).toMatch(/[\u4e00-\u9fa5]/);
  }
  expect(await t.call('content', 'search', { keyword: '会费' }, 'anonymous')).toMatchObject({
    ok: false,
    error: { code: 'UNAUTHENTICATED' },
  });
});

it('an activity found by search carries its place, map position and phone', async () => {
  const [reader] = await givenMembers(t, 1);
  await givenPost(
    t,
    activityInput({
      title: '职工摄影展开幕',
      signup: false,
      activity: {
        startAt: '2099-02-01 10:00',
        place: '北仑区文化中心展厅',
        location: { lat: 29.9031, lng: 121.8452 },
        phone: '0574-86783000',
        signupEnabled: false,
      },
    }),
  );
  const page = unwrap(await t.call<FeedResult>('content', 'search', { keyword: '摄影展' }, { openid: reader }));
  expect(page.items[0].activity).toMatchObject({
    place: '北仑区文化中心展厅',
    location: { lat: 29.9031, lng: 121.8452 },
    phone: '0574-86783000',
  });
  const bad = await t.call(
    'content',
    'adminSave',
    activityInput({
      activity: { startAt: '2099-02-01 10:00', place: '北仑区文化中心展厅', location: { lat: 200, lng: 121 }, signupEnabled: false },
    }),
    { persona: 'district_admin' },
  );
  expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
});
