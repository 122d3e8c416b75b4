/**
 * `npm run deploy` against a local stand-in for the CloudBase management API, driven through the
 * real @cloudbase/manager-node (its requests, its signing, its response handling), with the
 * schema marker written to a local database through the real @cloudbase/node-sdk.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { C, COLLECTION_SPECS, SCHEMA } from '../../../cloudfunctions/_lib/collections';
import { FUNCTIONS_OUT, functionNames } from '../../../scripts/build-functions';
import { functionDef } from '../../../scripts/deploy/functions';
import { startDbThread, type DbThread } from '../../../scripts/local-cloud/core/db/thread';
import { connect, type Db } from '../../../scripts/ops/cloud';
import { startFakeTencentCloud, type FakeTencentCloud } from './fakeTencentCloud';

const ENV_ID = 'union-prod-1a2b';
const SECRET_ID = 'AKIDfakeDeployKey';
const ENV = {
  TCB_ENV_ID: ENV_ID,
  TENCENTCLOUD_SECRETID: SECRET_ID,
  TENCENTCLOUD_SECRETKEY: 'fake-secret-key-never-real',
  ID_HASH_SECRET: 'a'.repeat(64),
  CARD_TOKEN_SECRET: 'b'.repeat(64),
  INTERNAL_CALL_SECRET: 'c'.repeat(64),
  // The custom-login key file's JSON (a stand-in: the deploy only passes it on).
  CONSOLE_LOGIN_KEY: JSON.stringify({
    private_key_id: 'key-id-1',
    private_key: '-----BEGIN RSA PRIVATE KEY-----\nnot-a-real-key\n-----END RSA PRIVATE KEY-----\n',
    env_id: 'union-prod-1a2b',
  }),
};

let fake: FakeTencentCloud;
let dbThread: DbThread;
let markerDb: Db;
let dir: string;

beforeAll(async () => {
  fake = await startFakeTencentCloud({ envId: ENV_ID, secretId: SECRET_ID });
  dir = mkdtempSync(join(tmpdir(), 'deploy-test-'));
  dbThread = await startDbThread({
    file: join(dir, 'marker.sqlite'),
    port: 0,
    host: '127.0.0.1',
    collections: [{ name: C.meta }],
    clockOffset: new SharedArrayBuffer(8),
  });
  const conn = connect(dbThread.url, {});
  if (!conn.ok) throw new Error(conn.reason);
  markerDb = conn.db;
});

afterAll(async () => {
  await fake.close();
  await dbThread.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number;
  out: string[];
  err: string[];
  /** Requests the deploy sent (this run only). */
  sent: FakeTencentCloud['requests'];
}

const CHILD = join(__dirname, 'deployChild.ts');
const TSX = join(__dirname, '../../../node_modules/.bin/tsx');

async function deploy(opts: { env?: Record<string, string | undefined>; functions?: string[] } = {}): Promise<Run> {
  const before = fake.requests.length;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_TLS_REJECT_UNAUTHORIZED: '0',
    NODE_NO_WARNINGS: '1',
  };
  for (const [k, v] of Object.entries(opts.env ?? ENV)) if (v !== undefined) env[k] = v;
  const arg = JSON.stringify({ proxy: fake.proxyUrl, markerDbUrl: dbThread.url, functions: opts.functions ?? functionNames() });
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      TSX,
      [CHILD, arg],
      { env: env as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 150_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
      },
    );
  });
  const lines = (t: string) => t.split('\n').filter((l) => l.trim() !== '');
  return { code, out: lines(stdout), err: lines(stderr), sent: fake.requests.slice(before) };
}

async function marker(): Promise<{ version?: number; by?: string } | undefined> {
  return (await markerDb.collection(C.meta).doc('schema').get()).data[0] as { version?: number; by?: string } | undefined;
}

const totalIndexes = COLLECTION_SPECS.reduce((n, s) => n + (s.indexes?.length ?? 0), 0);

it('refuses before sending anything when a secret is missing, and names every missing variable', async () => {
  const res = await deploy({ env: { ...ENV, CARD_TOKEN_SECRET: undefined, ID_HASH_SECRET: 'short' } });
  expect(res.code).toBe(2);
  expect(res.sent).toHaveLength(0);
  expect(res.err.join('\n')).toContain('CARD_TOKEN_SECRET');
  expect(res.err.join('\n')).toContain('ID_HASH_SECRET（太短');
  expect(fake.tables.size).toBe(0);
  expect(await marker()).toBeUndefined();
});

it('a fresh environment gets every collection, every index (unique ones unique), the functions with their environment and triggers, and the marker', async () => {
  const res = await deploy();
  expect(res.err).toEqual([]);
  expect(res.code).toBe(0);
  expect([...fake.tables.keys()].sort()).toEqual(COLLECTION_SPECS.map((s) => s.name).sort());
  let indexes = 0;
  for (const spec of COLLECTION_SPECS) {
    const have = fake.tables.get(spec.name)!.filter((i) => i.Name !== '_id_');
    indexes += have.length;
    expect(have.map((i) => ({ name: i.Name, unique: i.Unique, keys: i.Keys.map((k) => `${k.Name}:${k.Direction}`) }))).toEqual(
      (spec.indexes ?? []).map((i) => ({
        name: i.name,
        unique: i.unique === true,
        keys: Object.entries(i.keys).map(([k, d]) => `${k}:${d}`),
      })),
    );
  }
  expect(indexes).toBe(totalIndexes);
  expect(fake.tables.get(C.dropClaims)!.find((i) => i.Name === 'code_unique')?.Unique).toBe(true);
  for (const name of functionNames()) {
    const f = fake.functions.get(name)!;
    expect(f.codeBytes).toBeGreaterThan(1000);
    expect(f.env.ID_HASH_SECRET).toBe(ENV.ID_HASH_SECRET);
    expect(f.env.CARD_TOKEN_SECRET).toBe(ENV.CARD_TOKEN_SECRET);
    expect(Object.fromEntries(f.triggers)).toEqual(
      Object.fromEntries(functionDef(FUNCTIONS_OUT, name).triggers.map((t) => [t.name, t.config])),
    );
    // The custom-login key goes to the member function (console sign-in tickets) and nowhere else.
    expect(f.env.CONSOLE_LOGIN_KEY).toBe(name === 'member' ? ENV.CONSOLE_LOGIN_KEY : undefined);
  }
  expect(await marker()).toMatchObject({ version: SCHEMA.version, by: 'deploy' });
  // No secret value is printed.
  expect(res.out.join('\n')).not.toContain(ENV.ID_HASH_SECRET);
  expect(res.out.join('\n')).not.toContain('not-a-real-key');
}, 120_000);

it('a second run creates nothing (only reads and the function update)', async () => {
  const res = await deploy({ functions: ['system'] });
  expect(res.code).toBe(0);
  expect(res.sent.filter((r) => r.service === 'tcb' && /Table$/.test(r.action) && !/^(Describe|List)/.test(r.action))).toEqual([]);
  expect(res.out.join('\n')).toContain('新建集合 0 个，新建索引 0 个');
}, 60_000);

it('a missing unique index is detected, created as unique, and verified', async () => {
  const claims = fake.tables.get(C.dropClaims)!;
  claims.splice(
    claims.findIndex((i) => i.Name === 'code_unique'),
    1,
  );
  const res = await deploy({ functions: [] });
  expect(res.code).toBe(0);
  const updates = res.sent.filter((r) => r.action === 'UpdateTable');
  expect(updates).toEqual([
    {
      service: 'tcb',
      action: 'UpdateTable',
      body: {
        EnvId: ENV_ID,
        MongoConnector: { DatabaseName: 'tnt-fake-instance', InstanceId: 'flexdb' },
        TableName: C.dropClaims,
        CreateIndexes: [
          { IndexName: 'code_unique', MgoKeySchema: { MgoIndexKeys: [{ Name: 'code', Direction: '1' }], MgoIsUnique: true } },
        ],
      },
    },
  ]);
  expect(claims.find((i) => i.Name === 'code_unique')?.Unique).toBe(true);
});

it('a conflicting definition is reported, left alone, and stops the deploy before the marker and the functions', async () => {
  await markerDb.collection(C.meta).doc('schema').remove();
  const members = fake.tables.get(C.members)!;
  const at = members.findIndex((i) => i.Name === 'card_unique');
  members[at] = { ...members[at], Unique: false };
  const res = await deploy();
  expect(res.code).toBe(1);
  expect(res.out.join('\n')).toContain('! members.card_unique 定义不一致：应为 cardNo:1 唯一，实际 cardNo:1');
  expect(res.sent.filter((r) => r.service === 'tcb' && /Table$/.test(r.action) && !/^(Describe|List)/.test(r.action))).toEqual([]);
  expect(res.sent.filter((r) => r.service === 'scf')).toEqual([]);
  expect(await marker()).toBeUndefined();
  members[at] = { ...members[at], Unique: true };
});

it('a timer the code no longer declares is deleted from the function', async () => {
  fake.functions.get('system')!.triggers.set('retired', '0 * * * * * *');
  const res = await deploy({ functions: ['system'] });
  expect(res.code).toBe(0);
  expect([...fake.functions.get('system')!.triggers.keys()]).not.toContain('retired');
}, 60_000);
