/**
 * What the ops scripts share: the database connection (a real CloudBase environment with
 * credentials from the environment, or the local cloud's database with --db-url), output, and
 * reading the whole union tree.
 *
 * Credentials come only from environment variables, never from a file in the repository:
 *   TCB_ENV_ID                                                   the environment id
 *   TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY               (or TCB_SECRET_ID / TCB_SECRET_KEY)
 *   TENCENTCLOUD_SESSIONTOKEN                                    optional, for temporary keys
 */
import tcb from '@cloudbase/node-sdk';
import { C } from '../../cloudfunctions/_lib/collections';
import type { ExistingUnion } from './unionTemplate';

export type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;

/** Where the scripts print: the console, or a test's buffer. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}
export const consoleIo: Io = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
};

/** Environment variables (process.env, or a test's own). */
export type Env = Readonly<Record<string, string | undefined>>;

export type Connection = { ok: true; db: Db; target: string } | { ok: false; reason: string };

export function connect(dbUrl: string | undefined, env: Env): Connection {
  if (dbUrl) {
    let url: URL;
    try {
      url = new URL(dbUrl);
    } catch {
      return { ok: false, reason: `--db-url 不是有效的地址：${dbUrl}` };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: '--db-url 须以 http:// 或 https:// 开头' };
    // Outside Tencent Cloud the SDK probes a metadata host before every request unless this is
    // set; with an explicit serviceUrl it changes nothing else (tests/integration/contract/helpers.ts).
    // Only for the local database: against a real environment it would select internal endpoints.
    process.env.TENCENTCLOUD = 'true';
    const app = tcb.init({ env: 'local', serviceUrl: dbUrl, secretId: 'local', secretKey: 'local' } as Parameters<typeof tcb.init>[0]);
    return { ok: true, db: app.database(), target: `数据库 ${dbUrl}` };
  }
  const envId = env.TCB_ENV_ID;
  const secretId = env.TENCENTCLOUD_SECRETID || env.TCB_SECRET_ID;
  const secretKey = env.TENCENTCLOUD_SECRETKEY || env.TCB_SECRET_KEY;
  if (!envId) return { ok: false, reason: '请设置环境变量 TCB_ENV_ID（云开发环境 ID），或用 --db-url 指向本地云数据库' };
  if (!secretId || !secretKey) {
    return {
      ok: false,
      reason: '请设置环境变量 TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY（或 TCB_SECRET_ID / TCB_SECRET_KEY）：腾讯云 API 密钥',
    };
  }
  const app = tcb.init({ env: envId, secretId, secretKey, sessionToken: env.TENCENTCLOUD_SESSIONTOKEN || undefined } as Parameters<
    typeof tcb.init
  >[0]);
  return { ok: true, db: app.database(), target: `云开发环境 ${envId}` };
}

const PAGE = 1000; // the platform's per-query maximum

/** Every union, by `_id`, read in pages by `_id` (keyset: no growing skip over tens of thousands). */
export async function readAllUnions(db: Db): Promise<Map<string, ExistingUnion>> {
  const _ = db.command;
  const out = new Map<string, ExistingUnion>();
  let after: string | null = null;
  for (;;) {
    const query = after === null ? db.collection(C.unions) : db.collection(C.unions).where({ _id: _.gt(after) });
    const res = await query
      .orderBy('_id', 'asc')
      .limit(PAGE)
      .field({ name: true, level: true, kind: true, parentId: true, ancestors: true, address: true })
      .get();
    const page = res.data as Array<Partial<ExistingUnion> & { _id: string }>;
    for (const u of page) {
      out.set(u._id, {
        _id: u._id,
        name: u.name ?? '',
        level: u.level!,
        kind: u.kind ?? null,
        parentId: u.parentId ?? null,
        ancestors: u.ancestors ?? [],
        address: u.address ?? '',
      });
    }
    if (page.length < PAGE) return out;
    after = page[page.length - 1]._id;
  }
}

/** Run `work` over `items` with at most `limit` at a time; resolves when all are done (first failure rejects). */
export async function eachLimit<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(lanes);
}

/** An openid for a printout: enough to recognise, not to copy (「o_ad****1a2b」). */
export function maskOpenid(openid: string): string {
  return openid.length <= 8 ? `${openid.slice(0, 2)}****` : `${openid.slice(0, 4)}****${openid.slice(-4)}`;
}

/** The SDK answers some failures with `{ code, message }` instead of throwing. */
export function failed(res: unknown): { code: string; message?: string } | null {
  const r = res as { code?: unknown; message?: string } | null;
  return r && typeof r.code === 'string' && r.code ? { code: r.code, message: r.message } : null;
}

/** A database failure as a line for the operator (the CLI wrappers print it). */
export function describeFailure(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  const message = err instanceof Error ? err.message : String(err);
  if (typeof code === 'string' && code.includes('COLLECTION_NOT_EXIST')) {
    return '数据库集合不存在：请先运行 npm run deploy 创建并核对全部集合和索引（unions、users 等）';
  }
  return typeof code === 'string' && !message.includes(code) ? `${code} ${message}` : message;
}
