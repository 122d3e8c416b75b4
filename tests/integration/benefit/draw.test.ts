/**
 * Draw mode (预约抽签): registration window and idempotency, the commitment before the draw,
 * the timer draw at the opening, winners' codes, losers told why, notices, and the repo's
 * recompute script reproducing the winners from the published record.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyDraw } from '../../../shared/benefit/draw';
import { dropState } from '../../../shared/benefit/rules';
import type { DrawProof, ListResult, MyClaimsResult, RegistrationView } from '../../../shared/benefit/schemas';
import { C } from '../../../cloudfunctions/_lib/collections';
import type { TestCloud } from '../../scenarios/cloud';
import { callBenefit, claimAs, givenBenefitCloud, givenDrop, givenMembers, OTHER_UNION } from '../../scenarios/benefit';

let t: TestCloud;
beforeAll(async () => {
  t = await givenBenefitCloud();
});
afterAll(async () => {
  await t.close();
});

const register = (openid: string, dropId: string) => callBenefit<RegistrationView>(t, 'register', { dropId }, { openid });

test('register, commit, draw at the opening, tell everyone, and recompute the winners', async () => {
  const { dropId, opensAt } = await givenDrop(t, { stock: 5, mode: 'draw', kind: 'park', title: '方特乐园门票' });
  const members = await givenMembers(t, 12);
  const [outsider] = await givenMembers(t, 1, { unionId: OTHER_UNION });

  for (const m of members) expect((await register(m, dropId)).result.ok).toBe(true);
  const again = await register(members[0], dropId);
  expect(again.result.ok).toBe(true);
  expect((await register(outsider, dropId)).result).toMatchObject({ ok: false, error: { code: 'DROP_NOT_ELIGIBLE' } });
  expect((await claimAs(t, members[1], dropId)).result).toMatchObject({ ok: false, error: { code: 'DROP_WRONG_MODE' } });

  const before = await callBenefit<DrawProof>(t, 'drawProof', { dropId }, { openid: members[0] });
  expect(before.result.ok && before.result.data).toMatchObject({ seed: null, entrants: [], winners: [] });
  const seedHash = before.result.ok ? before.result.data.seedHash : '';
  expect(seedHash).toMatch(/^[0-9a-f]{64}$/);

  // Registration closes an hour before the draw.
  await t.setClock(new Date(opensAt - 30 * 60_000));
  const [late] = await givenMembers(t, 1);
  expect((await register(late, dropId)).result).toMatchObject({ ok: false, error: { code: 'REGISTRATION_CLOSED' } });

  await t.setClock(new Date(opensAt + 1000));
  const fired = await t.post('/api/_local/triggers/benefit/draw', '{}');
  expect(fired.status).toBe(200);
  await t.post('/api/_local/triggers/benefit/draw', '{}'); // a second run changes nothing

  const proof = await callBenefit<DrawProof>(t, 'drawProof', { dropId }, { openid: members[0] });
  if (!proof.result.ok) throw new Error(proof.result.error.message);
  const p = proof.result.data;
  expect(p.seedHash).toBe(seedHash);
  expect(
    createHash('sha256')
      .update(p.seed as string)
      .digest('hex'),
  ).toBe(seedHash);
  expect(p.entrants).toHaveLength(12);
  expect(p.winners).toHaveLength(5);
  expect(p.entrants).toContain(p.myEntrantKey);

  const claims = (await t.db.collection(C.dropClaims).where({ dropId }).get()).data as Array<{ openid: string; via: string }>;
  expect(claims).toHaveLength(5);
  expect(new Set(claims.map((c) => c.openid)).size).toBe(5);
  const winners = new Set(claims.map((c) => c.openid));
  for (const m of members) {
    const mine = await callBenefit<MyClaimsResult>(t, 'myClaims', {}, { openid: m });
    if (!mine.result.ok) throw new Error(mine.result.error.message);
    const reg = mine.result.data.registrations.find((r) => r.dropId === dropId);
    expect(reg?.result).toBe(winners.has(m) ? 'won' : 'lost');
    if (!winners.has(m)) expect(reg?.explain).toBe('未中签：报名 12 人，中签 5 人，抽签过程公开可查');
    expect(mine.result.data.claims.length).toBe(winners.has(m) ? 1 : 0);
    const notices = await t.db.collection(C.notifications).where({ openid: m }).get();
    expect(notices.data.map((n) => (n as { title: string }).title)).toEqual([winners.has(m) ? '福利抽签：已中签' : '福利抽签：未中签']);
  }
  const list = await callBenefit<ListResult>(t, 'list', {}, { openid: members[0] });
  const card = list.result.ok ? list.result.data.drops.find((d) => d.id === dropId) : undefined;
  expect(card?.seed).toBe(p.seed);
  expect(card?.mine.result).toBe(winners.has(members[0]) ? 'won' : 'lost');

  // The repo's script recomputes the same winners from the published record alone.
  const dir = mkdtempSync(join(tmpdir(), 'draw-proof-'));
  try {
    const file = join(dir, 'proof.json');
    writeFileSync(file, JSON.stringify(p));
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, '../../../scripts/verify-lottery.ts'), '--file', file], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout.slice(0, run.stdout.lastIndexOf('}') + 1)) as { winners: string[]; commitmentOk: boolean };
    expect(out).toMatchObject({ commitmentOk: true, winners: p.winners });
    writeFileSync(file, JSON.stringify({ ...p, winners: [...p.winners].reverse() }));
    expect(
      spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, '../../../scripts/verify-lottery.ts'), '--file', file]).status,
    ).toBe(1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a registrant who is no longer eligible at the draw (card suspended) is left out, told why, and the draw stays reproducible', async () => {
  const { dropId, opensAt } = await givenDrop(t, { stock: 2, mode: 'draw', kind: 'film', title: '0元看大片' });
  const members = await givenMembers(t, 4);
  for (const m of members) expect((await register(m, dropId)).result.ok).toBe(true);
  const [suspended] = members;
  await t.db.collection(C.users).doc(suspended).update({ memberStatus: 'suspended' });

  await t.setClock(new Date(opensAt + 1000));
  await t.post('/api/_local/triggers/benefit/draw', '{}');
  await t.post('/api/_local/triggers/benefit/draw', '{}'); // a resumed or repeated run changes nothing

  const proof = await callBenefit<DrawProof>(t, 'drawProof', { dropId }, { openid: members[1] });
  if (!proof.result.ok) throw new Error(proof.result.error.message);
  const p = proof.result.data;
  expect(p.entrants).toHaveLength(3);
  expect(p.winners).toHaveLength(2);
  const check = verifyDraw({ seed: p.seed as string, seedHash: p.seedHash, entrants: p.entrants, stock: 2, winners: p.winners }, (s) =>
    createHash('sha256').update(s).digest('hex'),
  );
  expect(check).toMatchObject({ commitmentOk: true, matchesPublished: true });

  const claims = (await t.db.collection(C.dropClaims).where({ dropId }).get()).data as Array<{ openid: string }>;
  expect(claims.map((c) => c.openid)).not.toContain(suspended);
  const mine = await callBenefit<MyClaimsResult>(t, 'myClaims', {}, { openid: suspended });
  const reg = mine.result.ok ? mine.result.data.registrations.find((r) => r.dropId === dropId) : undefined;
  expect(reg).toMatchObject({
    result: 'excluded',
    explain: '未参与抽签：您的会员卡已被所属工会停用，暂不能参与福利；如有疑问请联系所属工会',
  });
  const notices = await t.db.collection(C.notifications).where({ openid: suspended }).get();
  expect(notices.data.map((n) => (n as { title: string }).title)).toEqual(['福利抽签：未参与抽签']);
  const list = await callBenefit<ListResult>(t, 'list', {}, { openid: suspended });
  const card = list.result.ok ? list.result.data.drops.find((d) => d.id === dropId) : undefined;
  expect(card?.mine.result).toBe('excluded');
  expect(dropState(card!, opensAt + 2000)).toMatchObject({ state: 'ineligible', label: '未参与抽签' });
});
