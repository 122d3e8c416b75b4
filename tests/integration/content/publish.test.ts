/** Publishing rules: who may publish for which union, body sanitising, edit history. */
import type { AdminGetResult, AdminSaveResult, GetResult } from '../../../shared/content/views';
import {
  articleInput,
  CITY_ADMIN,
  DISTRICT_ADMIN,
  givenLocalCloud,
  givenPost,
  MEMBER,
  unwrap,
  type TestCloud,
} from '../../scenarios/content';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(async () => t?.close());

it('an admin cannot publish for another union: not the parent, a sibling, nor a union below', async () => {
  for (const unionId of ['nb', 'nb-hs', 'nb-bl-xq']) {
    const res = await t.call('content', 'adminSave', articleInput({ unionId }), DISTRICT_ADMIN);
    expect(res).toMatchObject({ ok: false, error: { code: 'PUBLISH_OWN_UNION_ONLY', message: '只能以您管理的工会名义发布内容' } });
  }
  expect(await t.call('content', 'adminSave', articleInput(), MEMBER)).toMatchObject({ ok: false, error: { code: 'NOT_UNION_ADMIN' } });

  // A post of 北仑 cannot be published, edited or scheduled by the city admin either…
  const draft = unwrap(await t.call<AdminSaveResult>('content', 'adminSave', articleInput(), DISTRICT_ADMIN)).post;
  expect(await t.call('content', 'adminPublish', { id: draft.id }, CITY_ADMIN)).toMatchObject({
    ok: false,
    error: { code: 'PUBLISH_OWN_UNION_ONLY' },
  });
  expect(await t.call('content', 'adminSave', articleInput({ id: draft.id, unionId: 'nb' }), CITY_ADMIN)).toMatchObject({
    ok: false,
    error: { code: 'PUBLISH_OWN_UNION_ONLY' },
  });
  // …but the city union oversees its subtree: it may withdraw it; 海曙's admin may not.
  const hs = { openid: 'o_admin_haishu_publish' };
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
  expect(await t.call('content', 'adminWithdraw', { id: draft.id }, hs)).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } });
  expect(await t.call('content', 'adminWithdraw', { id: draft.id }, CITY_ADMIN)).toMatchObject({
    ok: true,
    data: { post: { status: 'withdrawn' } },
  });
  const stored = (await t.db.collection('posts').doc(draft.id).get()).data[0] as { status: string };
  expect(stored.status).toBe('withdrawn');
});

it('a malicious body is neutralised: scripts, handlers, javascript: URLs, styles and iframes never reach readers', async () => {
  const bodyHtml = [
    '<p onclick="alert(1)" style="position:fixed">你好<script>alert(document.cookie)</script></p>',
    '<img src="x" onerror="alert(2)"><img src="https://example.org/a.png" onload="steal()">',
    '<a href="javascript:alert(3)">点我</a><a href=" JaVa&#x09;Script:alert(4)">再点</a><a href="https://union.example/ok">正常链接</a>',
    '<iframe src="https://evil.example"></iframe><style>body{display:none}</style><svg><script>alert(5)</script></svg>',
    '<h1>标题</h1><b>粗体</b><form action="https://evil.example"><input name="pw"></form>',
  ].join('');
  const saved = unwrap(await t.call<AdminSaveResult>('content', 'adminSave', articleInput({ bodyHtml }), DISTRICT_ADMIN));
  expect(saved.sanitized).toBe(true);
  const published = await givenPost(t, articleInput({ id: saved.post.id, bodyHtml }));
  const read = unwrap(await t.call<GetResult>('content', 'get', { id: published.id }, MEMBER)).post;

  const json = JSON.stringify(read.body);
  for (const bad of [
    'script',
    'onclick',
    'onerror',
    'onload',
    'javascript',
    'JaVa',
    'iframe',
    'evil.example',
    'display:none',
    'position:fixed',
    'svg',
    'form',
    'alert',
  ]) {
    expect(json.toLowerCase()).not.toContain(bad.toLowerCase());
  }
  expect(json).toContain('你好');
  expect(json).toContain('https://example.org/a.png');
  expect(json).toContain('https://union.example/ok');
  const names = new Set<string>();
  const walk = (nodes: Array<{ name?: string; children?: unknown[] }>) =>
    nodes.forEach((n) => {
      if (n.name) names.add(n.name);
      walk((n.children ?? []) as Array<{ name?: string }>);
    });
  walk(read.body as Array<{ name?: string }>);
  expect([...names].every((n) => ['p', 'h2', 'h3', 'strong', 'em', 'ul', 'ol', 'li', 'img', 'a', 'br', 'blockquote'].includes(n))).toBe(
    true,
  );
  // The editor gets the cleaned body back as HTML.
  expect(saved.post.bodyHtml).not.toMatch(/script|onclick|javascript/i);
});

it('edits keep a history of versions; bad input is refused in Chinese and changes nothing', async () => {
  const post = await givenPost(t, articleInput({ title: '第一版标题' }));
  unwrap(await t.call('content', 'adminSave', articleInput({ id: post.id, title: '第二版标题' }), DISTRICT_ADMIN));
  const got = unwrap(await t.call<AdminGetResult>('content', 'adminGet', { id: post.id }, DISTRICT_ADMIN));
  expect(got.post).toMatchObject({ title: '第二版标题', version: 3, status: 'published' });
  expect(got.revisions.map((r) => [r.version, r.actionLabel, r.title])).toEqual([
    [3, '编辑内容', '第二版标题'],
    [2, '发布', '第一版标题'],
    [1, '创建草稿', '第一版标题'],
  ]);

  const bad = await t.call('content', 'adminSave', articleInput({ id: post.id, title: '' }), DISTRICT_ADMIN);
  expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '标题至少 2 个字符' } });
  const cover = await t.call('content', 'adminSave', articleInput({ cover: 'javascript:alert(1)' }), DISTRICT_ADMIN);
  expect(cover).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '封面图片地址格式不正确' } });
  const empty = await t.call('content', 'adminSave', articleInput({ bodyHtml: '<script>alert(1)</script>' }), DISTRICT_ADMIN);
  expect(empty).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '正文不能为空（不允许的内容已被移除）' } });
  const after = unwrap(await t.call<AdminGetResult>('content', 'adminGet', { id: post.id }, DISTRICT_ADMIN));
  expect(after.post.version).toBe(3);
});

it('a retried create (same requestId) makes one draft', async () => {
  const body = JSON.stringify({ action: 'adminSave', data: articleInput({ title: '重试只建一篇' }), requestId: 'retry-create-0001' });
  const [a, b] = await Promise.all([
    t.post('/api/functions/content', body, { 'x-local-persona': 'district_admin' }),
    t.post('/api/functions/content', body, { 'x-local-persona': 'district_admin' }),
  ]);
  const ids = [a, b].map((r) => (r.json as { data: AdminSaveResult }).data.post.id);
  expect(ids[0]).toBe(ids[1]);
  expect((await t.db.collection('posts').where({ title: '重试只建一篇' }).count()).total).toBe(1);
});
