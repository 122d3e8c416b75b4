/**
 * SIGKILL the local cloud (functions + database in one process) in the middle of a claim storm,
 * restart it on the same data folder: no acknowledged claim is lost, nobody holds two, claims
 * never exceed the units taken, and the reconcile timer returns units taken by claims that
 * died between their two writes, so claims + stock left = stock again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readline from 'node:readline';
import tcb from '@cloudbase/node-sdk';
import type { AdminCreateResult, ClaimView } from '../../../shared/benefit/schemas';
import { formatCode } from '../../../shared/benefit/code';
import { C } from '../../../cloudfunctions/_lib/collections';
import { callBenefit, DROP_UNION, MEMBER_UNION } from '../../scenarios/benefit';

process.env.SILENCE = 'true';
process.env.TENCENTCLOUD = 'true';

const ROOT = join(__dirname, '../../..');
const children: ChildProcess[] = [];
let dir: string;

function start(): Promise<{ child: ChildProcess; appUrl: string; dbUrl: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/bench/cloud-process.ts'), dir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (c) => (stderr += c));
  return new Promise((resolve, reject) => {
    readline
      .createInterface({ input: child.stdout! })
      .once('line', (line) => resolve({ child, ...(JSON.parse(line) as { appUrl: string; dbUrl: string }) }));
    child.once('exit', (code) => reject(new Error(`local cloud exited (${code}): ${stderr}`)));
  });
}

const setClock = (appUrl: string, at: number) =>
  fetch(`${appUrl}/api/_local/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ at: new Date(at).toISOString() }),
  });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'benefit-kill-'));
});
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

test('claims survive SIGKILL mid-storm and the stock is reconciled', async () => {
  const STOCK = 300;
  const first = await start();
  const db1 = tcb
    .init({ env: 'local', serviceUrl: first.dbUrl, secretId: 'local', secretKey: 'local' } as Parameters<typeof tcb.init>[0])
    .database();
  const ancestors = ((await db1.collection(C.unions).doc(MEMBER_UNION).get()).data[0] as { ancestors: string[] }).ancestors;
  const members = Array.from({ length: 600 }, (_, i) => `okill_${String(i).padStart(4, '0')}`);
  for (let i = 0; i < members.length; i += 100) {
    await Promise.all(
      members
        .slice(i, i + 100)
        .map((openid) =>
          db1
            .collection(C.users)
            .doc(openid)
            .set({ openid, memberStatus: 'verified', unionId: MEMBER_UNION, unionAncestors: ancestors, tags: [] }),
        ),
    );
  }
  const now = Date.parse(((await (await fetch(`${first.appUrl}/api/_local/clock`)).json()) as { data: { now: string } }).data.now);
  const created = await callBenefit<AdminCreateResult>(
    { cloud: first },
    'adminCreate',
    { unionId: DROP_UNION, title: '断电测试福利', kind: 'film', mode: 'first_come', stock: STOCK, opensAt: now + 3600_000 },
    { persona: 'district_admin' },
  );
  if (!created.result.ok) throw new Error(created.result.error.message);
  const { dropId, opensAt } = created.result.data;
  await setClock(first.appUrl, opensAt);

  const acked = new Map<string, string>();
  let next = 0;
  let killed = false;
  const died = new Promise<void>((r) => first.child.once('exit', () => r()));
  await Promise.all(
    Array.from({ length: 48 }, async () => {
      while (next < members.length && !killed) {
        const openid = members[next++];
        try {
          const r = await callBenefit<ClaimView>({ cloud: first }, 'claim', { dropId }, { openid });
          if (r.result.ok) acked.set(openid, r.result.data.code);
          if (!killed && acked.size >= 120) {
            killed = true;
            first.child.kill('SIGKILL');
          }
        } catch {
          return; // the process is gone
        }
      }
    }),
  );
  await died;
  expect(first.child.signalCode).toBe('SIGKILL');
  expect(acked.size).toBeGreaterThanOrEqual(120);

  const second = await start();
  const db2 = tcb
    .init({ env: 'local', serviceUrl: second.dbUrl, secretId: 'local', secretKey: 'local' } as Parameters<typeof tcb.init>[0])
    .database();
  const facts = async () => {
    const claims = (await db2.collection(C.dropClaims).where({ dropId }).limit(1000).get()).data as Array<{ openid: string; code: string }>;
    const left = ((await db2.collection(C.dropStock).where({ dropId }).get()).data as Array<{ left: number }>).reduce(
      (s, d) => s + d.left,
      0,
    );
    return { claims, left };
  };
  const after = await facts();
  const byMember = new Map(after.claims.map((c) => [c.openid, formatCode(c.code)]));
  expect(byMember.size).toBe(after.claims.length); // nobody holds two
  for (const [openid, code] of acked) expect(byMember.get(openid)).toBe(code); // no acknowledged claim lost
  expect(after.claims.length + after.left).toBeLessThanOrEqual(STOCK); // never a claim without its unit

  // Past the quiet period the reconcile timer returns units whose claim died with the process.
  await setClock(second.appUrl, opensAt + 5 * 60_000);
  const fired = await fetch(`${second.appUrl}/api/_local/triggers/benefit/reconcile`, { method: 'POST' });
  expect(fired.status).toBe(200);
  const reconciled = await facts();
  expect(reconciled.claims.length + reconciled.left).toBe(STOCK);

  // The rest of the storm after the restart: the drop sells out exactly.
  const rest = members.filter((m) => !byMember.has(m));
  for (let i = 0; i < rest.length; i += 50) {
    await Promise.all(rest.slice(i, i + 50).map((openid) => callBenefit({ cloud: second }, 'claim', { dropId }, { openid })));
  }
  const final = await facts();
  expect(final.claims.length).toBe(STOCK);
  expect(final.left).toBe(0);
});
