/**
 * Personal data: after a run through every action (with full logging on), no plain ID number
 * or phone number is in the SQLite files, in a response, or in anything written to the console.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { captureConsole, type TestCloud } from '../../scenarios/cloud';
import { anApplicant, as, givenLocalCloudWithDataDir, importCsv, newIdNumber, newOpenid, withWrongCheck } from '../../scenarios/member';
import { SEED_APPLICANTS, SEED_MEMBERS, seedIdNumber } from '../../../scripts/local-cloud/demo/seedMembers';

let t: TestCloud;
let dataDir: string;
const output = captureConsole();
const responses: string[] = [];

beforeAll(async () => {
  ({ t, dataDir } = await givenLocalCloudWithDataDir());
});
afterAll(async () => {
  await t.close();
});

async function call(action: string, data: unknown, who: Parameters<TestCloud['call']>[3]) {
  const res = await t.call<Record<string, unknown>>('member', action, data, who);
  responses.push(JSON.stringify(res));
  return res;
}

it('no plain ID number or phone reaches the database file, a response or the logs', async () => {
  const plain: string[] = [];
  const phones: string[] = [];
  // Every action, the happy paths and the failures.
  const a = anApplicant();
  plain.push(a.idNumber);
  phones.push(a.phone);
  const filed = await call('apply', a.request, as(a.openid));
  expect(filed.ok).toBe(true);
  const bad = anApplicant({ idNumber: withWrongCheck(newIdNumber()) });
  plain.push(bad.idNumber);
  phones.push(bad.phone);
  await call('apply', bad.request, as(bad.openid));
  await call('apply', a.request, as(newOpenid())); // duplicate
  await call('myApplication', {}, as(a.openid));
  await call('profile', {}, as(a.openid));
  await call('listUnions', {}, 'anonymous');
  await call('adminListApplications', {}, { persona: 'district_admin' });
  const id = filed.ok ? (filed.data.application as { id: string }).id : '';
  await call('adminReview', { applicationId: id, decision: 'approve' }, { persona: 'district_admin' });
  const imported = [newIdNumber(), newIdNumber()];
  plain.push(...imported);
  phones.push('13911112222');
  await call(
    'adminImport',
    {
      csv: importCsv([
        { realName: '秦川', idNumber: imported[0], phone: '13911112222', unionCode: 'nb-bl-xq-gw' },
        { realName: '', idNumber: imported[1] },
      ]),
    },
    { persona: 'district_admin' },
  );
  await call('claim', { realName: '秦川', idNumber: imported[0], consent: true }, as(newOpenid()));
  await call('claim', { realName: '秦川', idNumber: imported[1], consent: true }, as(newOpenid()));
  const token = await call('cardToken', {}, as(a.openid));
  await call('verifyCard', { token: token.ok ? token.data.token : 'x' }, { persona: 'city_admin' });
  const cardNo = token.ok ? (token.data.cardNo as string) : 'NB5199999999';
  await call('adminFindMember', { cardNo }, { persona: 'district_admin' });
  await call('adminSetStatus', { cardNo, status: 'revoked', reason: '已调离本单位' }, { persona: 'district_admin' });
  await call('profile', {}, as(a.openid));
  await call('adminSetStatus', { cardNo, status: 'active' }, { persona: 'city_admin' });
  await call(
    'adminUpdateMember',
    { cardNo, tags: ['model_worker'], unionId: 'nb-bl-dq-kd', note: '调入新单位工作' },
    { persona: 'district_admin' },
  );
  await call('adminMemberHistory', { cardNo }, { persona: 'district_admin' });
  await call('adminAppoint', { cardNo, unionId: 'nb-bl-dq-kd' }, { persona: 'district_admin' });
  await call('adminListAdmins', { unionId: 'nb-bl-dq-kd' }, { persona: 'district_admin' });
  await call('adminRemove', { cardNo, unionId: 'nb-bl-dq-kd', reason: '岗位调整' }, { persona: 'district_admin' });
  await call('deletionPreview', {}, as(a.openid));
  await call('deleteAccount', { confirm: '注销' }, as(a.openid));
  // The seeded people were hashed at seed time too.
  for (const p of [...Object.values(SEED_MEMBERS), ...SEED_APPLICANTS]) {
    plain.push(seedIdNumber(p));
    phones.push(p.phone);
  }

  await t.cloud.close(); // flush and close the database (the folder stays until t.close())
  const files = readdirSync(dataDir).filter((f) => f.startsWith('cloudbase.sqlite'));
  expect(files).toContain('cloudbase.sqlite');
  const bytes = Buffer.concat(files.map((f) => readFileSync(join(dataDir, f))));
  // Sanity: the file does hold membership data (masked forms).
  expect(bytes.includes(Buffer.from('**********'))).toBe(true);
  const logs = output.join('\n');
  expect(logs).toMatch(/"fn":"member"/); // logging was on
  const seen = responses.join('\n');
  for (const value of [...plain, ...phones]) {
    expect({ value, inDb: bytes.includes(Buffer.from(value)) }).toEqual({ value, inDb: false });
    expect({ value, inLogs: logs.includes(value) }).toEqual({ value, inLogs: false });
    expect({ value, inResponses: seen.includes(value) }).toEqual({ value, inResponses: false });
  }
});
