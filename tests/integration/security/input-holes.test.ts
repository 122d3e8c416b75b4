/**
 * Issue 11, holes 4–6, through the local cloud: input at fault is answered with a structured
 * Chinese error (never INTERNAL, never a 500), impossible values are refused, messages do not
 * echo input, and a refused call writes nothing (SQLite's data_version, read from a second
 * connection, moves with every commit the database thread makes).
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { withCheckChar } from '../../../shared/member/idNumber';
import { schemaRegistry } from '../../../shared/validation/registry';
import { givenLocalCloud, type TestCloud } from '../../scenarios/cloud';

const DISTRICT_ADMIN = { persona: 'district_admin' };
const CITY_ADMIN = { persona: 'city_admin' };
const PARENT = { persona: 'parent' };

let t: TestCloud;
let watcher: Database.Database;
beforeAll(async () => {
  t = await givenLocalCloud();
  watcher = new Database(join(t.dataDir, 'cloudbase.sqlite'), { readonly: true, fileMustExist: true });
});
afterAll(async () => {
  watcher?.close();
  await t?.close();
});

/** Runs `call` and says whether the database committed anything meanwhile. */
async function writesOf<T>(call: () => Promise<T>): Promise<{ result: T; wrote: boolean }> {
  const before = watcher.pragma('data_version', { simple: true });
  const result = await call();
  return { result, wrote: watcher.pragma('data_version', { simple: true }) !== before };
}

function refusedCleanly(r: unknown, code = 'INVALID_ARGUMENT'): void {
  expect(r).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(/[\u4e00-\u9fff]/) } });
}

function dateIn(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

describe('hole 4: input at fault is never INTERNAL', () => {
  it('a day-care campaign closing past JavaScript’s Date range is refused, and leaves no seed behind', async () => {
    const seeds = async () => (await t.db.collection('daycare_seeds').count()).total;
    const before = await seeds();
    for (const closesAt of [9e15, 8.64e15 + 1, Number.MAX_SAFE_INTEGER]) {
      const { result, wrote } = await writesOf(() =>
        t.call(
          'daycare',
          'adminCreateCampaign',
          { unionId: 'nb-bl', title: '超长时间暑托', summer: 2027, opensAt: Date.now(), closesAt, mode: 'lottery' },
          DISTRICT_ADMIN,
        ),
      );
      refusedCleanly(result);
      expect(wrote).toBe(false);
    }
    expect(await seeds()).toBe(before);
  });

  it('a body of 16,000 nested <b> is refused with a message, not a stack overflow', async () => {
    const { result, wrote } = await writesOf(() =>
      t.call(
        'content',
        'adminSave',
        { unionId: 'nb-bl', kind: 'article', title: '嵌套测试', bodyHtml: '<b>'.repeat(16_000) },
        DISTRICT_ADMIN,
      ),
    );
    refusedCleanly(result);
    expect(JSON.stringify(result)).toContain('层级');
    expect(wrote).toBe(false);
  });

  it('member.listUnions with a keyword of spaces is refused', async () => {
    for (const keyword of [' ', '   ', '\u3000']) {
      refusedCleanly(await t.call('member', 'listUnions', { keyword }, 'anonymous'));
    }
  });

  it('JSON nested thousands deep is refused at the door, and calls arriving with it are answered', async () => {
    const deep = `{"action":"serverTime","data":{"x":${'['.repeat(5000)}${']'.repeat(5000)}}}`;
    const [bad, ...innocent] = await Promise.all([
      t.post('/api/functions/system', deep),
      ...Array.from({ length: 12 }, () => t.call('system', 'serverTime', {})),
    ]);
    expect(bad.status).toBe(400);
    refusedCleanly(bad.json, 'BAD_REQUEST');
    for (const r of innocent) expect(r).toMatchObject({ ok: true });
  });

  it('one event the host cannot copy to the instance fails alone, not the invocations sent with it', async () => {
    let deep: unknown = {};
    for (let i = 0; i < 20_000; i++) deep = { a: deep };
    const host = t.cloud.host;
    const [bad, ...innocent] = await Promise.all([
      host.invoke('system', { action: 'serverTime', data: deep }, { openid: 'o_local_member_wangjianguo' }),
      ...Array.from({ length: 8 }, () =>
        host.invoke('system', { action: 'serverTime', data: {} }, { openid: 'o_local_member_wangjianguo' }),
      ),
    ]);
    expect(bad.result).toMatchObject({ ok: false });
    for (const r of innocent) expect(r.result).toMatchObject({ ok: true });
  });

  it('the router refuses data nested deeper than any schema before validating it', async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = [deep];
    const out = await t.cloud.host.invoke('system', { action: 'serverTime', data: deep }, { openid: 'o_local_member_wangjianguo' });
    expect(out.result).toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '请求内容层级过深' } });
  });

  it('POST /api/functions/%ZZ is a 404 envelope, not a 500', async () => {
    const r = await t.post('/api/functions/%ZZ', '{}');
    expect(r.status).toBe(404);
    refusedCleanly(r.json, 'UNKNOWN_FUNCTION');
    const trig = await t.post('/api/_local/triggers/%ZZ/x', '{}');
    expect(trig.status).toBe(404);
  });
});

describe('hole 5: impossible values are refused, not stored', () => {
  it.each([
    [
      'daycare.addChild: 30 February',
      'daycare',
      'addChild',
      {
        name: '李小明',
        gender: 'male',
        birthDate: '2019-02-30',
        school: '新碶小学',
        emergencyName: '李秀梅',
        emergencyPhone: '13805741202',
      },
      PARENT,
    ],
    [
      'daycare.addChild: a child born 30 years ago',
      'daycare',
      'addChild',
      {
        name: '李小明',
        gender: 'male',
        birthDate: '2000-03-01',
        school: '新碶小学',
        emergencyName: '李秀梅',
        emergencyPhone: '13805741202',
      },
      PARENT,
    ],
    [
      'daycare.adminAddSlot: 31 June',
      'daycare',
      'adminAddSlot',
      { siteId: 'ds_seed_xinqi', periodName: '第九期', startDate: '2026-06-31', endDate: '2026-07-10', band: 'lower', capacity: 10 },
      DISTRICT_ADMIN,
    ],
    [
      'content.adminSave: an activity on 31 June',
      'content',
      'adminSave',
      { unionId: 'nb-bl', kind: 'activity', title: '日期测试', bodyHtml: '正文', activity: { startAt: '2027-06-31 09:00', place: '北仑' } },
      DISTRICT_ADMIN,
    ],
    [
      'recuperation.subsidySubmit: 9999-99-99',
      'recuperation',
      'subsidySubmit',
      { unionId: 'nb-bl-dq-kd', place: '北仑九峰山', startDate: '9999-99-99', days: 2, persons: 3, spendPerPersonPerDayFen: 30_000 },
      CITY_ADMIN,
    ],
    [
      'recuperation.subsidySubmit: ten years ago',
      'recuperation',
      'subsidySubmit',
      { unionId: 'nb-bl-dq-kd', place: '北仑九峰山', startDate: dateIn(-3650), days: 2, persons: 3, spendPerPersonPerDayFen: 30_000 },
      CITY_ADMIN,
    ],
    [
      'recuperation.adminCreateBatch: 1900',
      'recuperation',
      'adminCreateBatch',
      { venueId: 'venue_seed_gongren', ownerUnionId: 'nb-bl', startDate: '1900-01-01', days: 3, capacity: 10, costFen: 100 },
      DISTRICT_ADMIN,
    ],
    [
      'recuperation.adminCreateBatch: last year',
      'recuperation',
      'adminCreateBatch',
      { venueId: 'venue_seed_gongren', ownerUnionId: 'nb-bl', startDate: dateIn(-365), days: 3, capacity: 10, costFen: 100 },
      DISTRICT_ADMIN,
    ],
  ])('%s', async (_label, fn, action, data, as) => {
    const { result, wrote } = await writesOf(() => t.call(fn, action, data, as));
    expect(result).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(INVALID_ARGUMENT|RECU_RULE_INVALID)$/) } });
    expect(wrote).toBe(false);
  });

  it('an ID number with region code 999999 is refused on joining', async () => {
    const { result, wrote } = await writesOf(() =>
      t.call(
        'member',
        'apply',
        {
          realName: '赵六',
          idNumber: withCheckChar('99999919900101123'),
          phone: '13905749999',
          employer: '宁波某公司',
          routing: 'employer_union',
          unionId: 'nb-bl-xq-gw',
          consent: true,
        },
        { openid: 'o_test_region_applicant' },
      ),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'ID_NUMBER_INVALID', message: '身份证号中的地区代码不正确' } });
    expect(wrote).toBe(false);
  });
});

describe('hole 6: error messages do not echo input', () => {
  it('an unknown 100 KB field name comes back cut short, on every action', async () => {
    const key = `k${'x'.repeat(100_000)}`;
    for (const id of Object.keys(schemaRegistry)) {
      const [fn, action] = [id.slice(0, id.indexOf('.')), id.slice(id.indexOf('.') + 1)];
      const r = await t.call<unknown>(fn, action, { [key]: 1 }, CITY_ADMIN);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.message.length).toBeLessThan(80);
        expect(r.error.message).not.toContain('x'.repeat(30));
      }
    }
  });
});
