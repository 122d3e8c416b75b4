/**
 * Images in the local cloud's storage, end to end through the front door: the slot actions decide
 * who may upload for which union (content: the publishing union's admins; benefit: admins of the
 * union or above), the storage endpoint accepts only a slot's path from its caller (images only,
 * ≤ 2 MB, written once), serves what was stored, and a post or drop is saved with a cloud:// image
 * only when the image was issued for that union.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { UploadSlot } from '../../../shared/files/images';
import type { AdminSaveResult, FeedResult } from '../../../shared/content/views';
import type { AdminCreateResult, ListResult } from '../../../shared/benefit/schemas';
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
import { jpegLikeBytes, pngBytes, slot, upload } from '../../scenarios/images';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(async () => t?.close());

/**
 * Every file under <dataDir>/storage (relative paths), the upload staging folder included, but
 * the demo seed's own pictures (`covers/seed/`, drawn at start): those are not uploads.
 */
function storedFiles(): string[] {
  const root = join(t.dataDir, 'storage');
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (!relative(root, p).startsWith('covers/seed/')) out.push(relative(root, p));
    }
  };
  walk(root);
  return out.sort();
}

async function slotOk(
  fn: 'content' | 'benefit',
  as: Parameters<typeof slot>[2],
  unionId: string,
  ext: 'jpg' | 'png' | 'webp' = 'png',
): Promise<UploadSlot> {
  return unwrap(await slot(t, fn, as, unionId, ext), 'adminUploadSlot');
}

function get(cloudPath: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${t.cloud.appUrl}/api/storage/${cloudPath}`, { headers });
}

it('issues a slot to an admin for their own union only; members and other districts are refused', async () => {
  const s = await slotOk('content', DISTRICT_ADMIN, 'nb-bl');
  expect(s.cloudPath).toMatch(/^covers\/nb-bl\/20\d{4}\/p_[0-9a-f]{12}_[0-9a-f]{20}\.png$/);
  expect(s.maxBytes).toBe(2 * 1024 * 1024);
  expect(s.expiresAt - Date.now()).toBeGreaterThan(9 * 60_000);
  expect(s.expiresAt - Date.now()).toBeLessThanOrEqual(10 * 60_000);
  // Two slots never share a path.
  expect((await slotOk('content', DISTRICT_ADMIN, 'nb-bl')).cloudPath).not.toBe(s.cloudPath);

  expect(await slot(t, 'content', MEMBER, 'nb-bl')).toMatchObject({
    ok: false,
    error: { code: 'NOT_UNION_ADMIN', message: '仅工会管理员可以执行此操作' },
  });
  expect(await slot(t, 'benefit', MEMBER, 'nb-bl')).toMatchObject({ ok: false, error: { code: 'NOT_UNION_ADMIN' } });
  expect(await slot(t, 'content', 'anonymous', 'nb-bl')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  // 海曙 is another district: neither a cover nor a drop picture for it.
  expect(await slot(t, 'content', DISTRICT_ADMIN, 'nb-hs')).toMatchObject({ ok: false, error: { code: 'PUBLISH_OWN_UNION_ONLY' } });
  expect(await slot(t, 'benefit', DISTRICT_ADMIN, 'nb-hs')).toMatchObject({
    ok: false,
    error: { code: 'OUT_OF_SCOPE', message: '该事项不属于您所管理的工会范围' },
  });
  // Drops may be published for a union below (as adminCreate allows); posts only as one's own union.
  expect((await slotOk('benefit', DISTRICT_ADMIN, 'nb-bl-xq', 'jpg')).cloudPath).toMatch(
    /^covers\/nb-bl-xq\/20\d{4}\/d_[0-9a-f]{12}_[0-9a-f]{20}\.jpg$/,
  );
  expect(await slot(t, 'content', DISTRICT_ADMIN, 'nb-bl-xq')).toMatchObject({ ok: false, error: { code: 'PUBLISH_OWN_UNION_ONLY' } });
  expect(await t.call('content', 'adminUploadSlot', { unionId: 'nb-bl', ext: 'gif' }, DISTRICT_ADMIN)).toMatchObject({
    ok: false,
    error: { code: 'INVALID_ARGUMENT' },
  });
  expect(storedFiles()).toEqual([]); // a slot stores nothing
});

it('an upload to a slot is served back byte for byte as an image, cacheable, and written once', async () => {
  const s = await slotOk('content', DISTRICT_ADMIN, 'nb-bl');
  const png = pngBytes();
  const up = await upload(t, DISTRICT_ADMIN, s.cloudPath, s.uploadToken, png);
  expect(up).toEqual({
    status: 200,
    body: { ok: true, data: { fileID: `cloud://local.local-storage/${s.cloudPath}`, cloudPath: s.cloudPath } },
  });

  const res = await get(s.cloudPath);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('image/png');
  expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
  const again = await get(s.cloudPath, { 'if-none-match': res.headers.get('etag') ?? '' });
  expect(again.status).toBe(304);

  // The same slot cannot overwrite what it stored.
  const second = await upload(t, DISTRICT_ADMIN, s.cloudPath, s.uploadToken, pngBytes(4, 4, [0, 0, 255]));
  expect(second).toMatchObject({
    status: 409,
    body: { ok: false, error: { code: 'UPLOAD_NOT_ALLOWED', message: '该上传凭证已使用，请重新选择图片' } },
  });
  expect(Buffer.from(await (await get(s.cloudPath)).arrayBuffer()).equals(png)).toBe(true);

  expect(await get('covers/nb-bl/209901/p_000000000000_00000000000000000000.png').then((r) => r.status)).toBe(404);
  expect(storedFiles()).toEqual([s.cloudPath]);
});

it('refuses, in Chinese and without storing anything: no slot, someone else’s slot, a non-image, a wrong format, > 2 MB, unsafe paths, an expired slot', async () => {
  const before = storedFiles();
  const s = await slotOk('content', DISTRICT_ADMIN, 'nb-bl');
  const png = pngBytes();

  // A path no slot issued (made-up signature), with or without a token of another path.
  const madeUp = s.cloudPath.replace(/_[0-9a-f]{20}\.png$/, '_0123456789abcdef0123.png');
  expect(await upload(t, DISTRICT_ADMIN, madeUp, s.uploadToken, png)).toMatchObject({
    status: 403,
    body: { ok: false, error: { code: 'UPLOAD_NOT_ALLOWED', message: '该路径没有上传授权，请重新选择图片' } },
  });
  // The slot's path without its token, or with the token by another caller (a member who saw it).
  expect(await upload(t, DISTRICT_ADMIN, s.cloudPath, null, png)).toMatchObject({
    status: 403,
    body: { ok: false, error: { code: 'UPLOAD_NOT_ALLOWED', message: '上传凭证无效或已过期，请重新选择图片' } },
  });
  expect(await upload(t, MEMBER, s.cloudPath, s.uploadToken, png)).toMatchObject({
    status: 403,
    body: { ok: false, error: { code: 'UPLOAD_NOT_ALLOWED' } },
  });
  expect(await upload(t, 'anonymous', s.cloudPath, s.uploadToken, png)).toMatchObject({
    status: 401,
    body: { ok: false, error: { code: 'UNAUTHENTICATED' } },
  });
  // Not an image (by content, whatever the name says), or another format than the slot's.
  expect(await upload(t, DISTRICT_ADMIN, s.cloudPath, s.uploadToken, Buffer.from('<svg onload="alert(1)"></svg>'))).toMatchObject({
    status: 415,
    body: { ok: false, error: { code: 'FILE_NOT_IMAGE', message: '只能上传 JPG、PNG 或 WebP 格式的图片' } },
  });
  expect(await upload(t, DISTRICT_ADMIN, s.cloudPath, s.uploadToken, Buffer.alloc(0))).toMatchObject({
    status: 415,
    body: { ok: false, error: { code: 'FILE_NOT_IMAGE' } },
  });
  expect(await upload(t, DISTRICT_ADMIN, s.cloudPath, s.uploadToken, jpegLikeBytes())).toMatchObject({
    status: 415,
    body: { ok: false, error: { code: 'FILE_NOT_IMAGE', message: '图片内容（JPG）与申请的格式（PNG）不符，请重新选择图片' } },
  });
  // Larger than 2 MB (a PNG header, so only the size is wrong).
  const big = Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024 + 1 - png.length, 1)]);
  expect(await upload(t, DISTRICT_ADMIN, s.cloudPath, s.uploadToken, big)).toMatchObject({
    status: 413,
    body: { ok: false, error: { code: 'FILE_TOO_LARGE', message: '图片不能超过 2 MB，请换一张或压缩后重试' } },
  });
  // Paths outside covers/, with `..`, absolute.
  for (const bad of [
    'covers/nb-bl/../../secrets.json',
    '/etc/passwd',
    '../cloudbase.sqlite',
    'secrets.json',
    'covers//x.png',
    'covers/nb-bl/a\\b.png',
  ]) {
    expect(await upload(t, DISTRICT_ADMIN, bad, s.uploadToken, png)).toMatchObject({
      status: 400,
      body: { ok: false, error: { code: 'FILE_PATH_INVALID' } },
    });
  }
  // The slot expires after 10 minutes (business clock).
  await t.setClock(new Date(Date.now() + 11 * 60_000));
  try {
    expect(await upload(t, DISTRICT_ADMIN, s.cloudPath, s.uploadToken, png)).toMatchObject({
      status: 403,
      body: { ok: false, error: { code: 'UPLOAD_NOT_ALLOWED', message: '上传凭证已过期，请重新选择图片' } },
    });
  } finally {
    await t.setClock(new Date());
  }

  expect(storedFiles()).toEqual(before);
  expect((await get(s.cloudPath)).status).toBe(404);
  // Reading cannot leave the storage folder either.
  for (const p of ['covers%2F..%2F..%2Fsecrets.json', '..%2Fsecrets.json', 'covers/%2e%2e/%2e%2e/secrets.json']) {
    const res = await get(p);
    expect(res.headers.get('content-type')).not.toMatch(/image|octet/);
    expect(await res.text()).not.toContain('CARD_TOKEN_SECRET');
  }
  // And the slot still works afterwards.
  expect((await upload(t, DISTRICT_ADMIN, s.cloudPath, s.uploadToken, png)).status).toBe(200);
});

it('a post or a drop is saved with an uploaded image of its own union only', async () => {
  // The city admin uploads a cover for 宁波市总工会.
  const city = await slotOk('content', CITY_ADMIN, 'nb');
  const cityFile = unwrap((await upload(t, CITY_ADMIN, city.cloudPath, city.uploadToken, pngBytes())).body).fileID;
  const postsBefore = (await t.db.collection('posts').count()).total;

  // 北仑's admin cannot put it on a 北仑 post, nor a fileID with a made-up path under 北仑's folder.
  expect(await t.call('content', 'adminSave', articleInput({ cover: cityFile }), DISTRICT_ADMIN)).toMatchObject({
    ok: false,
    error: { code: 'FILE_NOT_OWN_UNION', message: '图片不属于本工会，请重新上传图片' },
  });
  const forged = `cloud://local.local-storage/covers/nb-bl/${city.cloudPath.split('/').slice(2).join('/')}`;
  expect(await t.call('content', 'adminSave', articleInput({ cover: forged }), DISTRICT_ADMIN)).toMatchObject({
    ok: false,
    error: { code: 'FILE_NOT_OWN_UNION' },
  });
  expect(
    await t.call('content', 'adminSave', articleInput({ cover: 'cloud://local.local-storage/anything/else.png' }), DISTRICT_ADMIN),
  ).toMatchObject({
    ok: false,
    error: { code: 'FILE_NOT_OWN_UNION', message: '图片地址无效，请重新上传图片' },
  });
  expect(
    await t.call(
      'benefit',
      'adminCreate',
      { unionId: 'nb-bl', title: '北仑观影券', kind: 'film', stock: 10, mode: 'first_come', picture: cityFile },
      DISTRICT_ADMIN,
    ),
  ).toMatchObject({
    ok: false,
    error: { code: 'FILE_NOT_OWN_UNION' },
  });
  expect((await t.db.collection('posts').count()).total).toBe(postsBefore);

  // Its own upload is accepted, and members get the fileID (weapp shows it; H5 maps it to /api/storage).
  const own = await slotOk('content', DISTRICT_ADMIN, 'nb-bl');
  const ownFile = unwrap((await upload(t, DISTRICT_ADMIN, own.cloudPath, own.uploadToken, pngBytes())).body).fileID;
  const post = await givenPost(t, articleInput({ title: '带封面的资讯', cover: ownFile }));
  expect(post.cover).toBe(ownFile);
  const feed = unwrap(await t.call<FeedResult>('content', 'feed', {}, MEMBER));
  expect(feed.items.find((p) => p.id === post.id)?.cover).toBe(ownFile);
  // Editing keeps it; an https:// cover still works as before.
  expect(
    await t.call<AdminSaveResult>(
      'content',
      'adminSave',
      articleInput({ id: post.id, title: '带封面的资讯（修订）', cover: ownFile }),
      DISTRICT_ADMIN,
    ),
  ).toMatchObject({ ok: true });
  expect(
    await t.call<AdminSaveResult>('content', 'adminSave', articleInput({ cover: 'https://example.org/cover.png' }), DISTRICT_ADMIN),
  ).toMatchObject({ ok: true });

  const pic = await slotOk('benefit', DISTRICT_ADMIN, 'nb-bl');
  const picFile = unwrap((await upload(t, DISTRICT_ADMIN, pic.cloudPath, pic.uploadToken, pngBytes())).body).fileID;
  // A drop picture issued for 北仑 is not one for the street union below it.
  expect(
    await t.call(
      'benefit',
      'adminCreate',
      { unionId: 'nb-bl-xq', title: '新碶观影券', kind: 'film', stock: 10, mode: 'first_come', picture: picFile },
      DISTRICT_ADMIN,
    ),
  ).toMatchObject({
    ok: false,
    error: { code: 'FILE_NOT_OWN_UNION' },
  });
  const drop = unwrap(
    await t.call<AdminCreateResult>(
      'benefit',
      'adminCreate',
      { unionId: 'nb-bl', title: '北仑观影券', kind: 'film', stock: 10, mode: 'first_come', picture: picFile },
      DISTRICT_ADMIN,
    ),
  );
  const list = unwrap(await t.call<ListResult>('benefit', 'list', {}, MEMBER));
  expect(list.drops.find((d) => d.id === drop.dropId)?.picture).toBe(picFile);
});
