/** Follow and feed: scheduled posts, withdrawal, keyset pagination, read counts, follower counts. */
import type {
  DiscoverResult,
  FeedResult,
  FollowResult,
  GetResult,
  UnionPageResult,
  AdminFiguresResult,
} from '../../../shared/content/views';
import {
  articleInput,
  countDocs,
  DISTRICT_ADMIN,
  fire,
  givenLocalCloud,
  givenMembers,
  givenPost,
  unwrap,
  wallClockIn,
  type TestCloud,
} from '../../scenarios/content';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud({ seed: true });
});
afterAll(async () => t?.close());

async function feedTitles(openid: string): Promise<string[]> {
  const titles: string[] = [];
  let cursor: string | undefined;
  do {
    const page = unwrap(await t.call<FeedResult>('content', 'feed', { limit: 30, ...(cursor ? { cursor } : {}) }, { openid }));
    titles.push(...page.items.map((i) => i.title));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return titles;
}

it('a scheduled post appears in feeds only after its time (clock offset + publishing timer)', async () => {
  const [reader] = await givenMembers(t, 1);
  const now = Date.now();
  const post = await givenPost(t, articleInput({ title: '定时发布的通知' }), { at: wallClockIn(2, now) });
  expect(post).toMatchObject({ status: 'scheduled', statusLabel: '定时发布' });
  await fire(t, 'content', 'publishDue');
  expect(await feedTitles(reader)).not.toContain('定时发布的通知');
  expect(await t.call('content', 'get', { id: post.id }, { openid: reader })).toMatchObject({
    ok: false,
    error: { code: 'POST_NOT_FOUND' },
  });

  await t.setClock(new Date(now + 2 * 3600_000 + 60_000));
  try {
    await fire(t, 'content', 'publishDue');
    const titles = await feedTitles(reader);
    expect(titles).toContain('定时发布的通知');
    const stored = (await t.db.collection('posts').doc(post.id).get()).data[0] as { status: string; publishedAt: Date; publishAt: Date };
    expect(stored.status).toBe('published');
    expect(new Date(stored.publishedAt).getTime()).toBe(new Date(stored.publishAt).getTime());
  } finally {
    await t.setClock(new Date());
  }
  expect(await t.call('content', 'adminPublish', { id: (await givenDraft()).id, at: wallClockIn(-1) }, DISTRICT_ADMIN)).toMatchObject({
    ok: false,
    error: { code: 'SCHEDULE_IN_PAST' },
  });
});

async function givenDraft() {
  return unwrap(await t.call<{ post: { id: string } }>('content', 'adminSave', articleInput(), DISTRICT_ADMIN)).post;
}

it('a withdrawn post disappears from feeds, the union page and its detail', async () => {
  const [reader] = await givenMembers(t, 1);
  const post = await givenPost(t, articleInput({ title: '将被撤回的文章' }));
  expect(await feedTitles(reader)).toContain('将被撤回的文章');
  unwrap(await t.call('content', 'adminWithdraw', { id: post.id, reason: '信息有误' }, DISTRICT_ADMIN));
  expect(await feedTitles(reader)).not.toContain('将被撤回的文章');
  const page = unwrap(await t.call<UnionPageResult>('content', 'unionPage', { unionId: 'nb-bl' }, { openid: reader }));
  expect(page.posts.map((p) => p.title)).not.toContain('将被撤回的文章');
  expect(await t.call('content', 'get', { id: post.id }, { openid: reader })).toMatchObject({
    ok: false,
    error: { code: 'POST_NOT_FOUND' },
  });
  expect(await t.call('content', 'adminSave', articleInput({ id: post.id }), DISTRICT_ADMIN)).toMatchObject({
    ok: false,
    error: { code: 'POST_WITHDRAWN' },
  });
});

it('read counts count each member once, however often and however concurrently they open a post', async () => {
  const post = await givenPost(t, articleInput({ title: '阅读计数' }));
  const readers = await givenMembers(t, 5);
  await Promise.all(readers.flatMap((openid) => Array.from({ length: 4 }, () => t.call('content', 'get', { id: post.id }, { openid }))));
  await t.call('content', 'get', { id: post.id }, { openid: readers[0] });
  const got = unwrap(await t.call<GetResult>('content', 'get', { id: post.id }, { openid: readers[1] }));
  expect(got.post.readCount).toBe(5);
  expect(((await t.db.collection('posts').doc(post.id).get()).data[0] as { readCount: number }).readCount).toBe(5);
  expect(await countDocs(t, 'post_reads', { postId: post.id })).toBe(5);
});

it('the feed pages newest first by cursor with no repeats or gaps, and shows only followed unions', async () => {
  const [reader] = await givenMembers(t, 1, { follows: ['nb-hs'] });
  // 海曙区总工会 has its own admin for this test.
  const hs = { openid: 'o_admin_haishu_feed' };
  await t.db
    .collection('users')
    .doc(hs.openid)
    .set({
      openid: hs.openid,
      nameMasked: '海*员',
      memberStatus: 'none',
      unionId: null,
      unionAncestors: [],
      tags: [],
      cardNo: null,
      adminUnionIds: ['nb-hs'],
      follows: [],
    });
  const titles: string[] = [];
  for (let i = 0; i < 23; i++) {
    titles.push(`海曙动态 ${i}`);
    await givenPost(t, articleInput({ unionId: 'nb-hs', title: `海曙动态 ${i}` }), { as: hs });
  }
  await givenPost(t, articleInput({ title: '北仑的文章（未关注）' }));
  const seen: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = unwrap(await t.call<FeedResult>('content', 'feed', { limit: 5, ...(cursor ? { cursor } : {}) }, { openid: reader }));
    expect(page.following).toBe(1);
    seen.push(...page.items.map((i) => i.title));
    cursor = page.nextCursor ?? undefined;
    pages++;
  } while (cursor);
  expect(pages).toBe(5);
  expect(seen).toEqual([...titles].reverse());
});

it('follow and unfollow are idempotent: counters move once, growth is booked by day', async () => {
  const [a, b] = await givenMembers(t, 2, { follows: [] });
  const before = unwrap(await t.call<DiscoverResult>('content', 'discover', {}, { openid: a })).unions.find((u) => u.id === 'nb-yz')!;
  await Promise.all(Array.from({ length: 5 }, () => t.call('content', 'follow', { unionId: 'nb-yz', follow: true }, { openid: a })));
  const res = unwrap(await t.call<FollowResult>('content', 'follow', { unionId: 'nb-yz', follow: true }, { openid: b }));
  expect(res.followers).toBe(before.followers + 2);
  await Promise.all(Array.from({ length: 3 }, () => t.call('content', 'follow', { unionId: 'nb-yz', follow: false }, { openid: b })));
  const after = unwrap(await t.call<DiscoverResult>('content', 'discover', {}, { openid: a })).unions.find((u) => u.id === 'nb-yz')!;
  expect(after).toMatchObject({ followers: before.followers + 1, following: true, name: '鄞州区总工会' });
  const user = (await t.db.collection('users').doc(a).get()).data[0] as { follows: string[] };
  expect(user.follows).toEqual(['nb-yz']);

  // The nightly recount books follows that bypassed content.follow (membership's default chain).
  const [c] = await givenMembers(t, 1, { follows: ['nb-yz'] });
  void c;
  await fire(t, 'content', 'recountFollowers');
  const page = unwrap(await t.call<UnionPageResult>('content', 'unionPage', { unionId: 'nb-yz' }, { openid: a }));
  expect(page.union.followers).toBe(await countDocs(t, 'users', { follows: 'nb-yz' }));

  const yzAdmin = { openid: 'o_admin_yinzhou_fig' };
  await t.db
    .collection('users')
    .doc(yzAdmin.openid)
    .set({
      openid: yzAdmin.openid,
      nameMasked: '鄞*员',
      memberStatus: 'none',
      unionId: null,
      unionAncestors: [],
      tags: [],
      cardNo: null,
      adminUnionIds: ['nb-yz'],
      follows: [],
    });
  const figures = unwrap(await t.call<AdminFiguresResult>('content', 'adminFigures', { days: 7 }, yzAdmin));
  expect(figures.followers.days).toHaveLength(7);
  const today = figures.followers.days[6];
  expect(today.follows - today.unfollows).toBe(page.union.followers);
  expect(await t.call('content', 'follow', { unionId: 'no-such-union', follow: true }, { openid: a })).toMatchObject({
    ok: false,
    error: { code: 'UNION_NOT_FOUND' },
  });
});
