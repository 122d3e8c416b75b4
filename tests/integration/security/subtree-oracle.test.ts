/**
 * An admin learns nothing about people outside the admin's subtree (docs/security.md): not by
 * importing their ID numbers, not by typing their card numbers. Identity look-ups are budgeted per
 * admin per day and audited.
 */
import type { AdminImportResult } from '../../../shared/member/schemas';
import { LOOKUP_BUDGET } from '../../../cloudfunctions/_lib/lookups';
import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';
import { givenCampaign } from '../../scenarios/daycare';
import { givenAdminOf, importCsv, newIdNumber } from '../../scenarios/member';
import { changedCollections, snapshot } from '../../scenarios/snapshot';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(async () => t?.close());

const BEILUN = { persona: 'district_admin' } as const;
const CITY = { persona: 'city_admin' } as const;
const HS_CHAIN = ['nb', 'nb-hs', 'nb-hs-nm', 'nb-hs-nm-ly'];

/** A member of 海曙商贸楼宇联合工会 (outside 北仑), bound to a WeChat user. */
async function givenHaishuMember(openid: string, cardNo: string): Promise<void> {
  const now = new Date(t.cloud.clock.now());
  await t.db.collection('users').doc(openid).set({
    openid,
    nameMasked: '海*员',
    memberStatus: 'verified',
    unionId: 'nb-hs-nm-ly',
    unionAncestors: HS_CHAIN,
    tags: [],
    cardNo,
    adminUnionIds: [],
    follows: [],
  });
  await t.db.collection('members').doc(`m_${openid}`).set({
    cardNo,
    status: 'active',
    nameMasked: '海*员',
    nameHash: 'x',
    idMasked: 'x',
    phoneMasked: null,
    phoneHash: null,
    employer: '海曙商贸',
    unionId: 'nb-hs-nm-ly',
    unionAncestors: HS_CHAIN,
    tags: [],
    source: 'import',
    openid,
    joinedAt: now,
    createdBy: 'test',
  });
}

describe('member.adminImport', () => {
  it('a person registered in another district is neither imported nor called a member: the row goes to the common union', async () => {
    const haishu = await givenAdminOf(t, 'nb-hs');
    const elsewhere = newIdNumber();
    const inside = newIdNumber();
    const fresh = newIdNumber();
    const first = await t.call<AdminImportResult>(
      'member',
      'adminImport',
      { csv: importCsv([{ realName: '何平', idNumber: elsewhere, unionCode: 'nb-hs-nm-ly' }]) },
      { openid: haishu.openid },
    );
    expect(first).toMatchObject({ ok: true, data: { imported: 1 } });
    expect(
      await t.call(
        'member',
        'adminImport',
        { csv: importCsv([{ realName: '陈大海', idNumber: inside, unionCode: 'nb-bl-xq-gw' }]) },
        BEILUN,
      ),
    ).toMatchObject({ ok: true, data: { imported: 1 } });

    const csv = importCsv([
      { realName: '何平', idNumber: elsewhere, unionCode: 'nb-bl-xq-gw' },
      { realName: '陈大海', idNumber: inside, unionCode: 'nb-bl-xq-gw' },
      { realName: '林小红', idNumber: fresh, unionCode: 'nb-bl-xq-gw' },
    ]);
    // The preview (工作台 and the import page) counts exactly as the import does: the person of
    // another district is 'forwarded', never one of the 已是会员 (it counted them there before).
    const preview = await t.call<AdminImportResult>('member', 'adminImport', { csv, preview: true }, BEILUN);
    expect(preview).toMatchObject({
      ok: true,
      data: { totalRows: 3, imported: 0, toImport: 1, skippedDuplicates: 1, forwarded: 1, preview: true },
    });
    const res = await t.call<AdminImportResult>('member', 'adminImport', { csv }, BEILUN);
    // In the subtree: a duplicate (the admin may see that member anyway). Outside: forwarded, not "duplicate".
    expect(res).toMatchObject({
      ok: true,
      data: { totalRows: 3, imported: 1, skippedDuplicates: 1, forwarded: 1, errors: [], preview: false },
    });

    const transfers = (await t.db.collection('member_transfers').where({ toUnionId: 'nb-bl-xq-gw' }).get()).data as Array<
      Record<string, unknown>
    >;
    expect(transfers).toHaveLength(1);
    expect(transfers[0]).toMatchObject({
      fromUnionId: 'nb-hs-nm-ly',
      unionId: 'nb',
      unionAncestors: ['nb'],
      status: 'pending',
      source: 'import',
    });
    expect(JSON.stringify(transfers[0])).not.toContain('o_local_admin_beilun');
    // The city union's admin is told which of its cards to check.
    const inbox = await t.call<{ items: Array<{ title: string; body: string }> }>('notify', 'inbox', {}, CITY);
    const notice = inbox.ok ? inbox.data.items.find((n) => n.title === '有会员转会待核对') : undefined;
    expect(notice?.body).toContain(String(transfers[0].cardNo));

    // Re-importing the same file asks nothing twice.
    const again = await t.call<AdminImportResult>(
      'member',
      'adminImport',
      {
        csv: importCsv([{ realName: '何平', idNumber: elsewhere, unionCode: 'nb-bl-xq-gw' }]),
      },
      BEILUN,
    );
    expect(again).toMatchObject({ ok: true, data: { imported: 0, skippedDuplicates: 0, forwarded: 1 } });
    expect((await t.db.collection('member_transfers').where({ toUnionId: 'nb-bl-xq-gw' }).count()).total).toBe(1);
  });
});

describe('daycare.adminSetStaff', () => {
  it('a card of another district answers exactly like a card that does not exist, and appoints nobody', async () => {
    const c = await givenCampaign(t, { mode: 'first_come', sites: [[{ capacity: 5 }]] });
    const siteId = c.sites[0].siteId;
    await givenHaishuMember('o_hs_staff_candidate', 'NB5199990001');
    const before = await snapshot(t);
    const outside = await t.call('daycare', 'adminSetStaff', { siteId, cardNos: ['NB5199990001'] }, BEILUN);
    const missing = await t.call('daycare', 'adminSetStaff', { siteId, cardNos: ['NB5199990002'] }, BEILUN);
    expect(outside).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(JSON.stringify(outside).replace('NB5199990001', 'X')).toBe(JSON.stringify(missing).replace('NB5199990002', 'X'));
    expect(JSON.stringify(outside)).not.toContain('海*员');
    // Only the look-up's own record (budget and audit) was written: the site has no staff.
    expect(changedCollections(before, await snapshot(t)).sort()).toEqual(['admin_lookup_audit', 'admin_lookup_budgets']);
  });
});

describe('the look-up budget', () => {
  it(`an admin who spent ${LOOKUP_BUDGET.perDay} misses today is refused further look-ups, audited, nothing looked up`, async () => {
    const admin = await givenAdminOf(t, 'nb-yz');
    const who = { openid: admin.openid };
    // Spend the budget on cards that are not in 鄞州 (none of them exists at all).
    const calls = Array.from({ length: LOOKUP_BUDGET.perDay }, (_, i) => `NB51${String(70000000 + i)}`);
    for (const cardNo of calls) {
      const res = await t.call('member', 'adminFindMember', { cardNo }, who);
      expect(res).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    const refused = await t.call('member', 'adminFindMember', { cardNo: 'NB5170009999' }, who);
    expect(refused).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('明天') } });
    const audit = (await t.db.collection('admin_lookup_audit').where({ action: 'member.adminFindMember', byName: '管*员' }).count()).total;
    expect(audit).toBeGreaterThanOrEqual(LOOKUP_BUDGET.perDay);
    const stored = JSON.stringify((await t.db.collection('admin_lookup_audit').limit(1000).get()).data);
    expect(stored).not.toContain(admin.openid);
    expect(stored).not.toContain('NB5170000001');
    // Another admin's budget is their own.
    expect(await t.call('member', 'adminFindMember', { cardNo: 'NB5170009999' }, BEILUN)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
