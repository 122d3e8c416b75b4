/** Bulk import: row-level errors, valid rows imported, re-import creates nothing, claim links the worker. */
import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';
import { anApplicant, as, givenAdminOf, importCsv, newIdNumber, newOpenid, withWrongCheck } from '../../scenarios/member';
import type { AdminImportResult, ClaimResult, Profile } from '../../../shared/member/schemas';
import { MAX_IMPORT_ROWS } from '../../../shared/member/importTemplate';
import { withCheckChar } from '../../../shared/member/idNumber';

let t: TestCloud;
beforeAll(async () => {
  t = await givenLocalCloud();
});
afterAll(async () => {
  await t.close();
});

const DISTRICT = { persona: 'district_admin' };
const memberCount = async () => (await t.db.collection('members').count()).total ?? 0;

describe('adminImport', () => {
  const good = [newIdNumber(), newIdNumber(), newIdNumber()];
  const csv = importCsv([
    { realName: '陈大海', idNumber: good[0], phone: '13700001111', employer: '港务公司', unionCode: 'nb-bl-xq-gw', tags: '一线职工、劳模' }, // row 2
    { realName: '林小红', idNumber: withWrongCheck(newIdNumber()), unionCode: 'nb-bl-xq-gw' }, // row 3: checksum
    { realName: '黄志强', idNumber: good[1], unionCode: 'nb-bl-xg' }, // row 4: street union
    { realName: '吴敏', idNumber: good[1], unionCode: 'nb-bl-xq-gw' }, // row 5: duplicate of row 4 in the file
    { realName: '', idNumber: newIdNumber(), unionCode: 'nb-bl-xq-gw' }, // row 6: no name
    { realName: '何平', idNumber: newIdNumber(), unionCode: 'nb-hs-nm-ly' }, // row 7: 海曙, out of scope
    { realName: '马丽', idNumber: newIdNumber(), unionCode: 'nb-no-such' }, // row 8: unknown union
    { realName: '冯刚', idNumber: newIdNumber(), unionCode: 'nb-bl' }, // row 9: a district cannot hold members
    { realName: '郭静', idNumber: good[2], phone: '1380000', unionCode: 'nb-bl-dq-jl' }, // row 10: bad phone
    { realName: '郭静', idNumber: good[2], unionCode: 'nb-bl-dq-jl', tags: '工会干部' }, // row 11: ok (row 10 failed)
  ]);

  it('imports the valid rows and reports the others by spreadsheet row, without echoing ID numbers', async () => {
    const before = await memberCount();
    const res = await t.call<AdminImportResult>('member', 'adminImport', { csv }, DISTRICT);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.data).toMatchObject({ totalRows: 10, imported: 3, skippedDuplicates: 0 });
    expect(res.data.errors).toEqual([
      { row: 3, reason: '身份证号校验位不正确，请核对' },
      { row: 5, reason: '身份证号与第 4 行重复' },
      { row: 6, reason: '姓名为空' },
      { row: 7, reason: '所属工会不在您的管理范围内' },
      { row: 8, reason: '所属工会编码不存在' },
      { row: 9, reason: '会员只能导入到基层工会或街道（乡镇）总工会' },
      { row: 10, reason: '手机号格式不正确' },
    ]);
    expect(JSON.stringify(res)).not.toMatch(/\d{17}[\dX]/);
    expect(await memberCount()).toBe(before + 3);
    const imported = (await t.db.collection('members').where({ source: 'import', unionId: 'nb-bl-xq-gw' }).get()).data;
    expect(imported).toEqual([
      expect.objectContaining({
        nameMasked: '陈*海',
        phoneMasked: '137****1111',
        tags: ['frontline', 'model_worker'],
        openid: null,
        status: 'active',
        cardNo: expect.stringMatching(/^NB51\d{8}$/),
      }),
    ]);
    expect(imported[0]).not.toHaveProperty('realName');
  });

  it('re-importing the same file creates no duplicates', async () => {
    const before = await memberCount();
    const res = await t.call<AdminImportResult>('member', 'adminImport', { csv }, DISTRICT);
    expect(res.ok && res.data).toMatchObject({ totalRows: 10, imported: 0, skippedDuplicates: 3 });
    expect(res.ok && res.data.errors).toHaveLength(7);
    expect(await memberCount()).toBe(before);
  });

  it('two admins importing overlapping files at once: every person exactly once, every card unique', async () => {
    const ids = Array.from({ length: 30 }, () => newIdNumber());
    const fileA = importCsv(
      ids.slice(0, 20).map((id, i) => ({ realName: `甲${'一二三四五六七八九十'[i % 10]}某`, idNumber: id, unionCode: 'nb-bl-dq-kd' })),
    );
    const fileB = importCsv(
      ids.slice(10).map((id, i) => ({ realName: `乙${'一二三四五六七八九十'[i % 10]}某`, idNumber: id, unionCode: 'nb-bl-dq-kd' })),
    );
    const before = await memberCount();
    const [a, b] = await Promise.all([
      t.call<AdminImportResult>('member', 'adminImport', { csv: fileA }, DISTRICT),
      t.call<AdminImportResult>('member', 'adminImport', { csv: fileB }, { persona: 'city_admin' }),
    ]);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.data.imported + b.data.imported).toBe(30);
    expect(a.data.skippedDuplicates + b.data.skippedDuplicates).toBe(10);
    expect(await memberCount()).toBe(before + 30);
    const cards = (await t.db.collection('members').where({ unionId: 'nb-bl-dq-kd' }).limit(100).get()).data.map((m) => m.cardNo);
    expect(new Set(cards).size).toBe(cards.length);
  });

  it('rows without a union code go to the importing admin’s own union when members can belong to it', async () => {
    const streetAdmin = await givenAdminOf(t, 'nb-bl-xq');
    const res = await t.call<AdminImportResult>(
      'member',
      'adminImport',
      { csv: importCsv([{ realName: '钟声', idNumber: newIdNumber() }]) },
      as(streetAdmin.openid),
    );
    expect(res.ok && res.data).toMatchObject({ imported: 1, errors: [] });
    const district = await t.call<AdminImportResult>(
      'member',
      'adminImport',
      { csv: importCsv([{ realName: '钟声', idNumber: newIdNumber() }]) },
      DISTRICT,
    );
    expect(district.ok && district.data.errors).toEqual([{ row: 2, reason: '未填所属工会：请在页面上选择导入到哪个工会' }]);
    expect(district.ok && district.data).toMatchObject({ blankRowsUnion: null, adminUnions: [{ id: 'nb-bl', name: '北仑区总工会' }] });
  });

  it('a district admin imports rows without a union code into a union chosen on the page (the template allows blank codes)', async () => {
    const idNumber = newIdNumber();
    const res = await t.call<AdminImportResult>(
      'member',
      'adminImport',
      { csv: importCsv([{ realName: '钟鸣', idNumber }]), unionId: 'nb-bl-xq-gw' },
      DISTRICT,
    );
    expect(res.ok && res.data).toMatchObject({
      imported: 1,
      errors: [],
      blankRowsUnion: { id: 'nb-bl-xq-gw', name: '宁波北仑港务有限公司工会' },
    });
    const stored = (await t.db.collection('members').where({ unionId: 'nb-bl-xq-gw', nameMasked: '钟*' }).get()).data;
    expect(stored.length).toBeGreaterThanOrEqual(1);
    // A union outside the subtree, or one members cannot belong to, is refused and nothing is written.
    const before = await memberCount();
    expect(
      await t.call(
        'member',
        'adminImport',
        { csv: importCsv([{ realName: '钟鸣', idNumber: newIdNumber() }]), unionId: 'nb-hs-nm-ly' },
        DISTRICT,
      ),
    ).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } });
    expect(
      await t.call(
        'member',
        'adminImport',
        { csv: importCsv([{ realName: '钟鸣', idNumber: newIdNumber() }]), unionId: 'nb-bl' },
        DISTRICT,
      ),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await memberCount()).toBe(before);
  });

  it('the preview counts what an import would really do and writes nothing', async () => {
    const fresh = newIdNumber();
    const onFile = newIdNumber();
    await t.call('member', 'adminImport', { csv: importCsv([{ realName: '孙可', idNumber: onFile, unionCode: 'nb-bl-xq-gw' }]) }, DISTRICT);
    const file = importCsv([
      { realName: '孙新', idNumber: fresh, unionCode: 'nb-bl-xq-gw' }, // would be imported
      { realName: '孙可', idNumber: onFile, unionCode: 'nb-bl-xq-gw' }, // already a member
      { realName: '孙外', idNumber: newIdNumber(), unionCode: 'nb-hs-nm-ly' }, // out of scope: well-formed, yet not importable
      { realName: '孙空', idNumber: newIdNumber() }, // no union code and none chosen
    ]);
    const before = await memberCount();
    const preview = await t.call<AdminImportResult>('member', 'adminImport', { csv: file, preview: true }, DISTRICT);
    expect(preview.ok && preview.data).toMatchObject({ preview: true, totalRows: 4, imported: 0, toImport: 1, skippedDuplicates: 1 });
    expect(preview.ok && preview.data.errors.map((e) => e.row)).toEqual([4, 5]);
    expect(await memberCount()).toBe(before);
    // The real import then does exactly what the preview said.
    const real = await t.call<AdminImportResult>('member', 'adminImport', { csv: file }, DISTRICT);
    expect(real.ok && real.data).toMatchObject({ preview: false, imported: 1, skippedDuplicates: 1 });
    expect(await memberCount()).toBe(before + 1);
  });

  it('rejects a file that is not in the template, empty, or too long', async () => {
    expect(await t.call('member', 'adminImport', { csv: '名字,号码\r\n张三,1\r\n' }, DISTRICT)).toEqual({
      ok: false,
      error: { code: 'IMPORT_FILE_INVALID', message: '表头「名字」不是模板中的列，请使用会员导入模板' },
    });
    expect(await t.call('member', 'adminImport', { csv: importCsv([]) }, DISTRICT)).toMatchObject({
      ok: false,
      error: { code: 'IMPORT_FILE_INVALID', message: '文件中没有会员数据' },
    });
    const tooMany = importCsv(Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => ({ realName: '某某', idNumber: '11010519491231002X' })));
    expect(await t.call('member', 'adminImport', { csv: tooMany }, DISTRICT)).toMatchObject({
      ok: false,
      error: { code: 'IMPORT_FILE_INVALID', message: expect.stringContaining('2000') },
    });
    expect(await t.call('member', 'adminImport', { csv: '' }, DISTRICT)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '请填写导入文件内容' },
    });
  });

  it('a member (not an admin) cannot import', async () => {
    expect(await t.call('member', 'adminImport', { csv }, { persona: 'member' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_UNION_ADMIN' },
    });
  });

  it('imports 2,000 rows in one call', async () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => ({ realName: '批量', idNumber: bulkId(i), unionCode: 'nb-bl-xq-lh' }));
    const started = Date.now();
    const res = await t.call<AdminImportResult>('member', 'adminImport', { csv: importCsv(rows) }, DISTRICT);
    expect(res.ok && res.data).toMatchObject({ imported: MAX_IMPORT_ROWS, errors: [] });
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

/** Distinct valid numbers for the bulk test (born 1980–1987, any day). */
function bulkId(i: number): string {
  const year = 1980 + Math.floor(i / 250);
  const day = 1 + (i % 25);
  const seq = Math.floor((i % 250) / 25);
  return withCheckChar(`330211${year}05${String(day).padStart(2, '0')}9${String(seq).padStart(2, '0')}`);
}

describe('claim: an imported worker links their WeChat account', () => {
  const idNumber = newIdNumber();
  beforeAll(async () => {
    const res = await t.call<AdminImportResult>(
      'member',
      'adminImport',
      { csv: importCsv([{ realName: '蒋文', idNumber, unionCode: 'nb-bl-xq-lh', tags: '高危' }]) },
      DISTRICT,
    );
    if (!res.ok || res.data.imported !== 1) throw new Error('import failed');
  });

  it('a wrong name or an unknown number finds nothing (one answer for both)', async () => {
    const worker = newOpenid();
    expect(await t.call('member', 'claim', { realName: '蒋武', idNumber, consent: true }, as(worker))).toMatchObject({
      ok: false,
      error: { code: 'MEMBER_RECORD_NOT_FOUND' },
    });
    expect(await t.call('member', 'claim', { realName: '蒋文', idNumber: newIdNumber(), consent: true }, as(worker))).toMatchObject({
      ok: false,
      error: { code: 'MEMBER_RECORD_NOT_FOUND' },
    });
  });

  it('applying with an imported number points the worker to the claim', async () => {
    const a = anApplicant({ idNumber, realName: '蒋文' });
    expect(await t.call('member', 'apply', a.request, as(a.openid))).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_MEMBER', message: expect.stringContaining('认领') },
    });
  });

  it('name + ID number link the record; the user becomes a verified member with follows; a second account is refused', async () => {
    const worker = newOpenid();
    const res = await t.call<ClaimResult>('member', 'claim', { realName: '蒋文', idNumber, consent: true }, as(worker));
    expect(res.ok && res.data.card).toMatchObject({ nameMasked: '蒋*', union: { id: 'nb-bl-xq-lh' }, status: 'active' });
    const profile = await t.call<Profile>('member', 'profile', {}, as(worker));
    expect(profile.ok && profile.data).toMatchObject({
      memberStatus: 'verified',
      tags: ['hazardous'],
      follows: ['nb', 'nb-bl', 'nb-bl-xq', 'nb-bl-xq-lh'],
    });
    // Claiming again from the same account is harmless; from another account it is refused.
    expect((await t.call('member', 'claim', { realName: '蒋文', idNumber, consent: true }, as(worker))).ok).toBe(true);
    expect(await t.call('member', 'claim', { realName: '蒋文', idNumber, consent: true }, as(newOpenid()))).toMatchObject({
      ok: false,
      error: { code: 'MEMBER_ALREADY_CLAIMED' },
    });
  });

  it('an application approved for an imported person reuses the imported card', async () => {
    const id = newIdNumber();
    const a = anApplicant({ idNumber: id, realName: '韩雪' });
    const filed = await t.call<{ application: { id: string } }>('member', 'apply', a.request, as(a.openid));
    expect(filed.ok).toBe(true);
    if (!filed.ok) return;
    await t.call('member', 'adminImport', { csv: importCsv([{ realName: '韩雪', idNumber: id, unionCode: 'nb-bl-xq-gw' }]) }, DISTRICT);
    const card = (await t.db.collection('members').doc(filed.data.application.id).get()).data[0].cardNo;
    const res = await t.call<{ application: { cardNo: string } }>(
      'member',
      'adminReview',
      { applicationId: filed.data.application.id, decision: 'approve' },
      DISTRICT,
    );
    expect(res.ok && res.data.application.cardNo).toBe(card);
    expect((await t.db.collection('members').doc(filed.data.application.id).get()).data[0].openid).toBe(a.openid);
  });
});
