/**
 * 工会工作台 → 福利 / 暑托班 / 疗休养 / 发布 through console sessions: the actions the console pages
 * call that are not `admin*` (核销, the draw record, a site's roster and its CSV, 本地行 claims)
 * are reachable from a console session and keep their role and scope checks; 核销记录
 * (benefit.adminRedemptions) names staff by masked name only and pages and orders on the server;
 * a cover picture uploads through the console's storage route as the session that got the slot.
 */
import { C } from '../../../cloudfunctions/_lib/collections';
import type { AdminRedemptionsResult, ClaimView, DrawProof, RedeemResult } from '../../../shared/benefit/schemas';
import type { StaffRosterCsvResult, StaffRosterResult } from '../../../shared/daycare/views';
import type { SubsidyDecideResult, SubsidyListResult } from '../../../shared/recuperation/schemas';
import type { UploadSlot } from '../../../shared/files/images';
import type { AdminSaveResult } from '../../../shared/content/views';
import type { TestCloud } from '../../scenarios/cloud';
import { claimAs, givenBenefitCloud, givenDrop, givenMembers } from '../../scenarios/benefit';
import { consoleCall, signInConsole, unwrap } from '../../scenarios/console';
import { anApplicant } from '../../scenarios/member';
import type { AdminListApplicationsResult } from '../../../shared/member/schemas';

const HAISHU = 'o_test_console_haishu';
let t: TestCloud;
let district: string;
let haishu: string;
/** Fresh sessions (a test that moves the clock hours ahead outlives the 30-minute idle limit). */
async function signIn(): Promise<void> {
  district = await signInConsole(t, { persona: 'district_admin' });
  haishu = await signInConsole(t, { openid: HAISHU });
}
beforeAll(async () => {
  t = await givenBenefitCloud();
  await t.db
    .collection(C.users)
    .doc(HAISHU)
    .set({ openid: HAISHU, nameMasked: '海*管', memberStatus: 'verified', adminUnionIds: ['nb-hs'], unionAncestors: [] });
});
beforeEach(signIn);
afterAll(async () => {
  await t.close();
});

const call = async <T>(token: string, fn: string, action: string, data: unknown = {}) =>
  (await consoleCall<T>(t, token, fn, action, data)).body;

describe('福利 from the console', () => {
  it('redeems a code and lists every attempt in 核销记录, paged and ordered on the server, masked', async () => {
    const { dropId, opensAt } = await givenDrop(t, { stock: 3 });
    const members = await givenMembers(t, 2);
    await t.setClock(new Date(opensAt + 500));
    await signIn();
    const codes: string[] = [];
    for (const m of members) codes.push(unwrap((await claimAs(t, m, dropId)).result as { ok: true; data: ClaimView }, 'claim').code);

    expect(await call(haishu, 'benefit', 'redeem', { code: codes[0] })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } });
    const done = unwrap(await call<RedeemResult>(district, 'benefit', 'redeem', { code: codes[0] }), 'redeem');
    expect(done).toMatchObject({ code: codes[0], memberName: expect.any(String) });
    expect(await call(district, 'benefit', 'redeem', { code: codes[0] })).toMatchObject({
      ok: false,
      error: { code: 'CODE_ALREADY_REDEEMED' },
    });
    await t.setClock(new Date(opensAt + 2000));
    unwrap(await call<RedeemResult>(district, 'benefit', 'redeem', { code: codes[1] }), 'second');

    const all = unwrap(await call<AdminRedemptionsResult>(district, 'benefit', 'adminRedemptions', { dropId }), 'log');
    expect(all.total).toBe(4);
    expect(all.items.map((r) => r.outcome)).toEqual(['redeemed', 'already_redeemed', 'redeemed', 'out_of_scope']);
    expect(all.items.map((r) => r.at)).toEqual([...all.items.map((r) => r.at)].sort((a, b) => b - a));
    expect(all.items[0]).toMatchObject({ code: codes[1], outcomeLabel: '核销成功', by: '周*燕' });
    // The refused attempt by another district's admin names nobody.
    expect(all.items[3].by).toBe('其他工会核销员');
    expect(JSON.stringify(all)).not.toContain(HAISHU);
    expect(JSON.stringify(all)).not.toContain('o_local_admin_beilun');

    const oldest = unwrap(
      await call<AdminRedemptionsResult>(district, 'benefit', 'adminRedemptions', { dropId, order: 'asc', limit: 2 }),
      'asc',
    );
    expect(oldest.items.map((r) => r.outcome)).toEqual(['out_of_scope', 'redeemed']);
    const second = unwrap(
      await call<AdminRedemptionsResult>(district, 'benefit', 'adminRedemptions', { dropId, order: 'asc', limit: 2, offset: 2 }),
      'asc page 2',
    );
    expect(second.items.map((r) => r.outcome)).toEqual(['already_redeemed', 'redeemed']);

    expect(await call(haishu, 'benefit', 'adminRedemptions', { dropId })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } });
  });

  it('reads a draw drop’s public record', async () => {
    const { dropId } = await givenDrop(t, { stock: 2, mode: 'draw' });
    const proof = unwrap(await call<DrawProof>(district, 'benefit', 'drawProof', { dropId }), 'drawProof');
    expect(proof).toMatchObject({ dropId, seed: null, entrants: [], seedHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });
});

describe('暑托班 roster from the console', () => {
  it('shows a site’s roster and its CSV to an admin of the host chain only', async () => {
    const roster = unwrap(await call<StaffRosterResult>(district, 'daycare', 'staffRoster', { slotId: 'dp_seed_xqc_lower' }), 'roster');
    expect(roster.rows).toHaveLength(5);
    expect(roster.slot.siteName).toBe('新碶社区文艺暑托班');
    const csv = unwrap(await call<StaffRosterCsvResult>(district, 'daycare', 'staffRosterCsv', { slotId: 'dp_seed_xqc_lower' }), 'csv');
    expect(csv.csv.startsWith('\ufeff')).toBe(true);
    expect(csv.csv.trim().split('\r\n')).toHaveLength(6);
    expect(await call(haishu, 'daycare', 'staffRoster', { slotId: 'dp_seed_xqc_lower' })).toMatchObject({
      ok: false,
      error: { code: 'DAYCARE_NOT_STAFF' },
    });
    expect(await call(haishu, 'daycare', 'staffRosterCsv', { slotId: 'dp_seed_xqc_lower' })).toMatchObject({
      ok: false,
      error: { code: 'DAYCARE_NOT_STAFF' },
    });
  });
});

describe('疗休养 本地行 claims from the console', () => {
  it('lists and decides a claim in scope; another district sees none and changes nothing', async () => {
    const theirs = unwrap(await call<SubsidyListResult>(haishu, 'recuperation', 'subsidyList', {}), 'haishu list');
    expect(theirs.claims.map((c) => c.id)).not.toContain('subsidy_seed_kaida');
    expect(await call(haishu, 'recuperation', 'subsidyDecide', { claimId: 'subsidy_seed_kaida', decision: 'approve' })).toMatchObject({
      ok: false,
      error: { code: 'OUT_OF_SCOPE' },
    });
    expect((await t.db.collection(C.recuSubsidies).doc('subsidy_seed_kaida').get()).data[0]).toMatchObject({ status: 'pending' });

    const list = unwrap(await call<SubsidyListResult>(district, 'recuperation', 'subsidyList', { status: 'pending' }), 'list');
    expect(list.claims.find((c) => c.id === 'subsidy_seed_kaida')).toMatchObject({ canReview: true, status: 'pending' });
    const decided = unwrap(
      await call<SubsidyDecideResult>(district, 'recuperation', 'subsidyDecide', { claimId: 'subsidy_seed_kaida', decision: 'approve' }),
      'decide',
    );
    expect(decided.claim.status).toBe('approved');
  });
});

describe('发布 cover upload from the console', () => {
  const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  const upload = (path: string, slot: UploadSlot, headers: Record<string, string>) =>
    t.post(path, PNG as unknown as string, {
      'content-type': 'application/octet-stream',
      'x-cloud-path': slot.cloudPath,
      'x-upload-token': slot.uploadToken,
      ...headers,
    });

  it('uploads to a slot as the session that got it, and only so; the post saves with it', async () => {
    const slot = unwrap(await call<UploadSlot>(district, 'content', 'adminUploadSlot', { unionId: 'nb-bl', ext: 'png' }), 'slot');
    // The same admin on the phone route, or another session, cannot use the console's slot.
    expect((await upload('/api/storage/upload', slot, { 'x-local-persona': 'district_admin' })).json).toMatchObject({
      ok: false,
      error: { code: 'UPLOAD_NOT_ALLOWED' },
    });
    const other = await signInConsole(t, { persona: 'district_admin' });
    expect((await upload('/api/console/storage/upload', slot, { authorization: `Bearer ${other}` })).json).toMatchObject({
      ok: false,
      error: { code: 'UPLOAD_NOT_ALLOWED' },
    });
    expect((await upload('/api/console/storage/upload', slot, {})).json).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    const res = await upload('/api/console/storage/upload', slot, { authorization: `Bearer ${district}` });
    expect(res.status).toBe(200);
    const fileID = (res.json as { data: { fileID: string } }).data.fileID;
    expect(fileID).toBe(`cloud://local.local-storage/${slot.cloudPath}`);
    const saved = unwrap(
      await call<AdminSaveResult>(district, 'content', 'adminSave', {
        unionId: 'nb-bl',
        kind: 'article',
        title: '带封面的工作台文章',
        cover: fileID,
        bodyHtml: '<p>正文</p>',
      }),
      'save',
    );
    expect(saved.post).toMatchObject({ id: expect.any(String), cover: fileID });
  });
});

describe('入会审核 sorted on the server', () => {
  it('orders by 提交时间 either way across pages', async () => {
    const people = [anApplicant({ realName: '排序一' }), anApplicant({ realName: '排序二' }), anApplicant({ realName: '排序三' })];
    for (const p of people) unwrap(await t.call('member', 'apply', p.request, { openid: p.openid }), 'apply');
    const list = async (data: Record<string, unknown>) =>
      unwrap(
        await call<AdminListApplicationsResult>(district, 'member', 'adminListApplications', {
          unionId: 'nb-bl-xq-gw',
          limit: 50,
          ...data,
        }),
        'list',
      );
    const names = (r: AdminListApplicationsResult) => r.items.map((a) => a.realName ?? a.nameMasked);
    const byDefault = await list({});
    const asc = await list({ order: 'asc' });
    const desc = await list({ order: 'desc' });
    expect(names(asc)).toEqual(names(byDefault)); // pending: oldest first unless asked
    expect(names(desc)).toEqual([...names(asc)].reverse());
    expect(asc.items.map((a) => a.submittedAt)).toEqual([...asc.items.map((a) => a.submittedAt)].sort());
    // The newest application is the first of page one when sorted newest first, whatever the page size.
    const first = await list({ order: 'desc', limit: 1 });
    expect(first.total).toBe(desc.total);
    expect(names(first)).toEqual([names(desc)[0]]);
  });
});
