/**
 * A local stand-in for the Tencent Cloud API that @cloudbase/manager-node talks to, so the REAL
 * SDK runs unchanged against it: the SDK sends every request to https://<service>.tencentcloudapi.com
 * through `http_proxy` when that is set (manager-node utils/http-request.ts, https-proxy-agent),
 * so this is an HTTP proxy that answers CONNECT with a TLS server of its own (a throwaway
 * self-signed certificate; the test process trusts it through NODE_TLS_REJECT_UNAUTHORIZED=0 for
 * its lifetime only).
 *
 * It keeps state (collections with their indexes, functions with environment and triggers),
 * records every request (service, action, body) and checks the bodies against the API's shapes
 * (tcb ListTables/CreateTable/DescribeTable/UpdateTable with EnvId + MongoConnector, as
 * manager-node 5.6 sends them; CreateIndex: IndexName + MgoKeySchema{MgoIndexKeys[{Name,Direction}], MgoIsUnique};
 * TC3-HMAC-SHA256 credential of the expected key), answering `InvalidParameter` otherwise.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FakeIndex {
  Name: string;
  Keys: Array<{ Name: string; Direction: string }>;
  Unique: boolean;
}
export interface FakeFunction {
  env: Record<string, string>;
  triggers: Map<string, string>;
  codeBytes: number;
}
export interface RecordedRequest {
  service: string;
  action: string;
  body: Record<string, unknown>;
}

export interface FakeTencentCloud {
  proxyUrl: string;
  tables: Map<string, FakeIndex[]>;
  functions: Map<string, FakeFunction>;
  requests: RecordedRequest[];
  /** Requests that change something (everything but Describe/List/Get). */
  writes(): RecordedRequest[];
  close(): Promise<void>;
}

const INSTANCE = 'tnt-fake-instance';
const ID_INDEX: FakeIndex = { Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true };

class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function selfSignedCert(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'fake-tc-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        join(dir, 'k.pem'),
        '-out',
        join(dir, 'c.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=tencentcloudapi.com',
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'k.pem')), cert: readFileSync(join(dir, 'c.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function checkIndexBody(i: unknown): FakeIndex {
  const c = i as { IndexName?: unknown; MgoKeySchema?: { MgoIndexKeys?: unknown; MgoIsUnique?: unknown } };
  if (typeof c?.IndexName !== 'string' || !c.IndexName) throw new ApiError('InvalidParameter', 'CreateIndexes.IndexName');
  const keys = c.MgoKeySchema?.MgoIndexKeys;
  if (!Array.isArray(keys) || keys.length === 0) throw new ApiError('InvalidParameter', 'MgoKeySchema.MgoIndexKeys');
  for (const k of keys as Array<{ Name?: unknown; Direction?: unknown }>) {
    if (typeof k.Name !== 'string' || !['1', '-1', '2d'].includes(String(k.Direction)) || typeof k.Direction !== 'string') {
      throw new ApiError('InvalidParameter', `MgoIndexKeys ${JSON.stringify(k)}`);
    }
  }
  if (typeof c.MgoKeySchema?.MgoIsUnique !== 'boolean') throw new ApiError('InvalidParameter', 'MgoKeySchema.MgoIsUnique');
  return { Name: c.IndexName, Keys: keys as FakeIndex['Keys'], Unique: c.MgoKeySchema.MgoIsUnique };
}

export async function startFakeTencentCloud(opts: { envId: string; secretId: string }): Promise<FakeTencentCloud> {
  const tables = new Map<string, FakeIndex[]>();
  const functions = new Map<string, FakeFunction>();
  const requests: RecordedRequest[] = [];

  /** manager-node 5.6 names the database as { EnvId, MongoConnector: { DatabaseName: <instance>, InstanceId: 'flexdb' } }. */
  function checkDatabase(body: Record<string, unknown>): void {
    const m = body.MongoConnector as { DatabaseName?: unknown; InstanceId?: unknown } | undefined;
    if (body.EnvId !== opts.envId || m?.DatabaseName !== INSTANCE || m?.InstanceId !== 'flexdb') {
      throw new ApiError('InvalidParameter', `database ${JSON.stringify({ EnvId: body.EnvId, MongoConnector: m })}`);
    }
  }
  function table(body: Record<string, unknown>): FakeIndex[] {
    checkDatabase(body);
    const t = tables.get(String(body.TableName));
    if (!t) throw new ApiError('ResourceNotFound.TableNotExist', `table ${String(body.TableName)} not found`);
    return t;
  }
  function fn(body: Record<string, unknown>): FakeFunction {
    if (body.Namespace !== opts.envId) throw new ApiError('InvalidParameter', `Namespace ${String(body.Namespace)}`);
    const f = functions.get(String(body.FunctionName));
    if (!f) throw new ApiError('ResourceNotFound.Function', `function ${String(body.FunctionName)} not found`);
    return f;
  }
  const envOf = (body: Record<string, unknown>) =>
    Object.fromEntries(
      ((body.Environment as { Variables?: Array<{ Key: string; Value: string }> } | undefined)?.Variables ?? []).map((v) => [
        v.Key,
        v.Value,
      ]),
    );

  const handlers: Record<string, (body: Record<string, unknown>) => Record<string, unknown>> = {
    // manager-node 5.6 reads the environment with DescribeEnvInfo (older versions: DescribeEnvs).
    'tcb.DescribeEnvInfo': (b) => {
      if (b.EnvId !== opts.envId) throw new ApiError('ResourceNotFound', `env ${String(b.EnvId)}`);
      return {
        EnvInfo: {
          EnvBaseInfo: {
            EnvId: opts.envId,
            Status: 'NORMAL',
            Databases: [{ InstanceId: INSTANCE }],
            Functions: [{ Namespace: opts.envId }],
            LogServices: [],
            Storages: [],
          },
        },
      };
    },
    'tcb.ListTables': (b) => {
      checkDatabase(b);
      const names = [...tables.keys()];
      const offset = Number(b.MgoOffset ?? 0);
      const limit = Number(b.MgoLimit ?? 100);
      const page = names.slice(offset, offset + limit);
      return {
        Tables: page.map((TableName) => ({ TableName, Count: 0, Size: 0, IndexCount: tables.get(TableName)!.length, IndexSize: 0 })),
        Pager: { Offset: offset, Limit: limit, Total: names.length },
      };
    },
    'tcb.CreateTable': (b) => {
      checkDatabase(b);
      if (tables.has(String(b.TableName))) throw new ApiError('ResourceInUse', `table ${String(b.TableName)} exists`);
      tables.set(String(b.TableName), [ID_INDEX]);
      return {};
    },
    'tcb.DescribeTable': (b) => {
      const t = table(b);
      return { Indexes: t.map((i) => ({ ...i, Size: 0, Accesses: { Ops: 0, Since: '' } })), IndexNum: t.length };
    },
    'tcb.UpdateTable': (b) => {
      const t = table(b);
      const create = ((b.CreateIndexes as unknown[]) ?? []).map(checkIndexBody);
      for (const i of create) if (t.some((x) => x.Name === i.Name)) throw new ApiError('ResourceInUse', `index ${i.Name} exists`);
      for (const d of (b.DropIndexes as Array<{ IndexName: string }>) ?? []) {
        const at = t.findIndex((x) => x.Name === d.IndexName);
        if (at >= 0) t.splice(at, 1);
      }
      t.push(...create);
      return {};
    },
    'scf.CreateFunction': (b) => {
      if (functions.has(String(b.FunctionName))) throw new ApiError('ResourceInUse.Function', 'function exists');
      const zip = (b.Code as { ZipFile?: string } | undefined)?.ZipFile;
      if (!zip) throw new ApiError('InvalidParameter', 'Code.ZipFile');
      if (b.Namespace !== opts.envId) throw new ApiError('InvalidParameter', 'Namespace');
      functions.set(String(b.FunctionName), { env: envOf(b), triggers: new Map(), codeBytes: Buffer.from(zip, 'base64').length });
      return {};
    },
    'scf.GetFunction': (b) => {
      const f = fn(b);
      return {
        Status: 'Active',
        Environment: { Variables: Object.entries(f.env).map(([Key, Value]) => ({ Key, Value })) },
        Triggers: [...f.triggers].map(([TriggerName, cron]) => ({ TriggerName, Type: 'timer', TriggerDesc: JSON.stringify({ cron }) })),
      };
    },
    'scf.UpdateFunctionCode': (b) => {
      const f = fn(b);
      const zip = (b.Code as { ZipFile?: string } | undefined)?.ZipFile ?? (b as { ZipFile?: string }).ZipFile;
      if (!zip) throw new ApiError('InvalidParameter', 'ZipFile');
      f.codeBytes = Buffer.from(zip, 'base64').length;
      return {};
    },
    'scf.UpdateFunctionConfiguration': (b) => {
      const f = fn(b);
      if (b.Environment) f.env = envOf(b);
      return {};
    },
    'scf.BatchCreateTrigger': (b) => {
      const f = fn(b);
      const list = JSON.parse(String(b.Triggers)) as Array<{ TriggerName: string; Type: string; TriggerDesc: string }>;
      if (list.length !== Number(b.Count)) throw new ApiError('InvalidParameter', 'Count');
      for (const t of list) {
        if (t.Type !== 'timer' || t.TriggerDesc.trim().split(/\s+/).length !== 7)
          throw new ApiError('InvalidParameter', `trigger ${JSON.stringify(t)}`);
        f.triggers.set(t.TriggerName, t.TriggerDesc);
      }
      return {};
    },
    'scf.DeleteTrigger': (b) => {
      const f = fn(b);
      if (!f.triggers.delete(String(b.TriggerName))) throw new ApiError('ResourceNotFound.Trigger', 'no such trigger');
      return {};
    },
  };

  const api = https.createServer(selfSignedCert(), (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const service = String(req.headers.host ?? '').split('.')[0];
      const action = String(req.headers['x-tc-action'] ?? '');
      let body: Record<string, unknown> = {};
      let answer: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
        requests.push({ service, action, body });
        const auth = String(req.headers.authorization ?? '');
        if (!auth.startsWith(`TC3-HMAC-SHA256 Credential=${opts.secretId}/`) || !auth.includes(`/${service}/tc3_request`)) {
          throw new ApiError('AuthFailure.SignatureFailure', 'bad credential');
        }
        const handler = handlers[`${service}.${action}`];
        if (!handler) throw new ApiError('InvalidAction', `${service}.${action} is not faked`);
        answer = { Response: { ...handler(body), RequestId: `fake-${requests.length}` } };
      } catch (e) {
        const err = e instanceof ApiError ? e : new ApiError('InternalError', String(e));
        answer = { Response: { Error: { Code: err.code, Message: err.message }, RequestId: `fake-${requests.length}` } };
      }
      const text = JSON.stringify(answer);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  const apiPort = (api.address() as AddressInfo).port;

  const proxy = http.createServer((_req, res) => {
    res.writeHead(405);
    res.end();
  });
  // CONNECT sockets leave the server's bookkeeping: close() must end them itself.
  const tunnels = new Set<net.Socket>();
  proxy.on('connect', (req: http.IncomingMessage, client: net.Socket) => {
    tunnels.add(client);
    client.on('close', () => tunnels.delete(client));
    const upstream = net.connect(apiPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const proxyPort = (proxy.address() as AddressInfo).port;

  return {
    proxyUrl: `http://127.0.0.1:${proxyPort}`,
    tables,
    functions,
    requests,
    writes: () => requests.filter((r) => !/^(Describe|List|Get)/.test(r.action)),
    async close() {
      for (const t of tunnels) t.destroy();
      proxy.closeAllConnections();
      api.closeAllConnections();
      await Promise.all([new Promise((r) => proxy.close(r)), new Promise((r) => api.close(r))]);
    },
  };
}
