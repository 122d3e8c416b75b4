/**
 * 工会工作台 → 会员 through a console session: the member list (filters, server-side pages,
 * nothing outside the subtree) and the import preview, which shows row errors and writes nothing.
 */
import { C } from '../../../cloudfunctions/_lib/collections';
import type { AdminListMembersResult } from '../../../shared/member/console';
import type { AdminImportResult } from '../../../shared/member/schemas';
import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';
import { consoleCall, signInConsole, unwrap } from '../../scenarios/console';
import { importCsv, newIdNumber, withWrongCheck } from '../../scenarios/member';

let t: TestCloud;
let token: string;
beforeAll(async () => {
  t = await givenLocalCloud();
  token = await signInConsole(t, { persona: 'district_admin' });
});
afterAll(async () => {
  await t.close();
});

async function list(data: Record<string, unknown>) {
  return (await consoleCall<AdminListMembersResult>(t, token, 'member', 'adminListMembers', data)).body;
}
async function importFile(csv: string, preview: boolean) {
  return (await consoleCall<AdminImportResult>(t, token, 'member', 'adminImport', { csv, preview })).body;
}
async function memberCount(): Promise<number> {
  return (await t.db.collection(C.members).count()).total;
}

describe('会员 import preview', () => {
  it('shows every row error and writes nothing; the import then adds the valid rows', async () => {
    const good = [newIdNumber(), newIdNumber()];
    const csv = importCsv([
      { realName: '陈大海', idNumber: good[0], unionCode: 'nb-bl-xq-gw', tags: '一线职工' },
      { realName: '林小红', idNumber: withWrongCheck(newIdNumber()), unionCode: 'nb-bl-xq-gw' },
      { realName: '黄志强', idNumber: good[1], unionCode: 'nb-bl-xq-lh' },
      { realName: '外区人', idNumber: newIdNumber(), unionCode: 'nb-hs-nm-ly' },
    ]);
    const before = await memberCount();
    const preview = unwrap(await importFile(csv, true), 'preview');
    expect(preview).toMatchObject({ totalRows: 4, imported: 0, toImport: 2, skippedDuplicates: 0 });
    expect(preview.errors.map((e) => e.row)).toEqual([3, 5]);
    expect(await memberCount()).toBe(before);

    const done = unwrap(await importFile(csv, false), 'import');
    expect(done).toMatchObject({ totalRows: 4, imported: 2 });
    expect(await memberCount()).toBe(before + 2);
    // A second preview of the same file: both rows are now duplicates.
    expect(unwrap(await importFile(csv, true), 'again')).toMatchObject({ toImport: 0, skippedDuplicates: 2 });
  });
});

describe('会员 list', () => {
  it('pages through the subtree on the server and filters by union, tag and card number', async () => {
    const all = unwrap(await list({ limit: 2 }), 'all');
    expect(all.items).toHaveLength(2);
    expect(all.total).toBeGreaterThan(2);
    const next = unwrap(await list({ limit: 2, offset: 2 }), 'next');
    expect(next.items.map((m) => m.id)).not.toContain(all.items[0].id);
    const port = unwrap(await list({ unionId: 'nb-bl-xq-gw', limit: 100 }), 'port');
    expect(port.items.every((m) => m.union.id === 'nb-bl-xq-gw')).toBe(true);
    const frontline = unwrap(await list({ tag: 'frontline', limit: 100 }), 'tag');
    expect(frontline.items.length).toBeGreaterThan(0);
    expect(frontline.items.every((m) => m.tags.includes('frontline'))).toBe(true);
    const one = unwrap(await list({ cardNo: all.items[0].cardNo }), 'card');
    expect(one.items.map((m) => m.id)).toEqual([all.items[0].id]);
    expect(JSON.stringify(all)).not.toMatch(/idNumber|phone|openid/);
  });

  it('refuses another subtree and never finds its members by card number', async () => {
    expect(await list({ unionId: 'nb-hs' })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } });
    const city = await signInConsole(t, { persona: 'city_admin' });
    const csv = importCsv([{ realName: '海曙人', idNumber: newIdNumber(), unionCode: 'nb-hs-nm-ly' }]);
    expect(unwrap((await consoleCall<AdminImportResult>(t, city, 'member', 'adminImport', { csv })).body, 'city import').imported).toBe(1);
    const haishu = unwrap(
      (await consoleCall<AdminListMembersResult>(t, city, 'member', 'adminListMembers', { unionId: 'nb-hs-nm-ly', limit: 1 })).body,
      'city',
    );
    expect(haishu.items).toHaveLength(1);
    expect(unwrap(await list({ cardNo: haishu.items[0].cardNo }), 'hidden')).toMatchObject({ items: [], total: 0 });
  });
});

describe('福利 from the console', () => {
  it("exports an in-scope drop's claims and reads its figures, but cannot act as a member", async () => {
    const list = unwrap(
      (await consoleCall<{ drops: Array<{ id: string; unionName: string }> }>(t, token, 'benefit', 'adminList')).body,
      'list',
    );
    expect(list.drops.length).toBeGreaterThan(0);
    const drop = list.drops[0];
    const csv = unwrap(
      (await consoleCall<{ csv: string; rows: number }>(t, token, 'benefit', 'exportCsv', { dropId: drop.id })).body,
      'export',
    );
    expect(csv.csv.startsWith('\uFEFF序号,兑换码')).toBe(true);
    expect((await consoleCall(t, token, 'benefit', 'figures', { dropId: drop.id })).body.ok).toBe(true);
    expect((await consoleCall(t, token, 'benefit', 'claim', { dropId: drop.id })).body).toMatchObject({
      ok: false,
      error: { code: 'CONSOLE_NOT_ALLOWED' },
    });
    expect((await consoleCall(t, token, 'benefit', 'exportCsv', { dropId: 'd0000000000000000000' })).body).toMatchObject({ ok: false });
  });
});
