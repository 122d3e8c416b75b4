/**
 * Quota profiles: CloudBase's limits, so the local cloud refuses what production would refuse.
 * Off by default (the local cloud is then limited only by this machine). One setting switches a
 * profile on, `LOCAL_QUOTA=base|standard`, and every number can be overridden on its own
 * (`LOCAL_QUOTA_DB_QPS=120`, …; `none` = no limit). Sources (docs/benefit.md, "Quotas"):
 *
 * - base: WeChat's documented base quota of one cloud environment — database 30 QPS, 20
 *   concurrent connections, 50,000 reads and 30,000 writes a day; 20 concurrent requests per
 *   cloud function; 200,000 function calls a month
 *   (developers.weixin.qq.com/miniprogram/en/dev/wxcloud/basis/concepts/quota.html).
 * - standard: a paid package around 500 database QPS; functions scale out to 1,000 instances
 *   at 500 new instances a minute (SCF's default "burst", docs.cloudbase.net/error-code/
 *   EXCEED_CONCURRENT_REQUEST_LIMIT), one request per instance (SCF's default), reads and writes
 *   billed per use (no daily cap).
 *
 * The database side is enforced in the database thread (db/quota.ts), the function side in the
 * host (fnQuota.ts); both answer with the error shapes CloudBase uses (see those files).
 */

export interface DbLimits {
  /** Database requests accepted per second (sliding one-second window). */
  qps: number;
  /** Database requests being served at once (CloudBase: concurrent connections). */
  connections: number;
  readsPerDay: number;
  writesPerDay: number;
}

export interface FnLimits {
  /** Instances one function may run (the ceiling of its scale-out). */
  maxInstances: number;
  /** Requests one instance serves at once (单实例多并发; SCF's default is 1). */
  perInstance: number;
  /** New instances a minute once the warm ones are busy (SCF "burst": 500/min per region by default). */
  scalePerMin: number;
  /** Instances that may start at once from a quiet state (token bucket capacity of the scale-out). */
  scaleBurst: number;
  /** Instances kept warm (provisioned concurrency): available from the first request. */
  provisioned: number;
  callsPerMonth: number;
}

export interface QuotaProfile {
  name: string;
  db: DbLimits;
  fn: FnLimits;
}

const NONE = Number.POSITIVE_INFINITY;

export const QUOTA_PRESETS: Record<string, QuotaProfile> = {
  base: {
    name: 'base',
    db: { qps: 30, connections: 20, readsPerDay: 50_000, writesPerDay: 30_000 },
    // 20 concurrent requests per function, reached at once (the base quota states no scale-out rate).
    fn: { maxInstances: 20, perInstance: 1, scalePerMin: NONE, scaleBurst: NONE, provisioned: 0, callsPerMonth: 200_000 },
  },
  standard: {
    name: 'standard',
    db: { qps: 500, connections: 500, readsPerDay: NONE, writesPerDay: NONE },
    fn: { maxInstances: 1000, perInstance: 1, scalePerMin: 500, scaleBurst: 50, provisioned: 0, callsPerMonth: NONE },
  },
};

const OVERRIDES: Array<[string, 'db' | 'fn', keyof DbLimits | keyof FnLimits]> = [
  ['LOCAL_QUOTA_DB_QPS', 'db', 'qps'],
  ['LOCAL_QUOTA_DB_CONNECTIONS', 'db', 'connections'],
  ['LOCAL_QUOTA_DB_READS_PER_DAY', 'db', 'readsPerDay'],
  ['LOCAL_QUOTA_DB_WRITES_PER_DAY', 'db', 'writesPerDay'],
  ['LOCAL_QUOTA_FN_INSTANCES', 'fn', 'maxInstances'],
  ['LOCAL_QUOTA_FN_PER_INSTANCE', 'fn', 'perInstance'],
  ['LOCAL_QUOTA_FN_SCALE_PER_MIN', 'fn', 'scalePerMin'],
  ['LOCAL_QUOTA_FN_SCALE_BURST', 'fn', 'scaleBurst'],
  ['LOCAL_QUOTA_FN_PROVISIONED', 'fn', 'provisioned'],
  ['LOCAL_QUOTA_FN_CALLS_PER_MONTH', 'fn', 'callsPerMonth'],
];

function parseLimit(name: string, raw: string): number {
  if (raw === 'none') return NONE;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name}=${raw}: expected a number ≥ 0 or "none"`);
  return n;
}

/**
 * The profile a preset name plus overrides describe; null when off. `overrides` uses the
 * environment variable names above (so tests and the rehearsal pass what a person would set).
 */
export function resolveQuota(preset: string | undefined, overrides: Record<string, string | undefined> = {}): QuotaProfile | null {
  if (!preset || preset === 'off') return null;
  const base = QUOTA_PRESETS[preset];
  if (!base) throw new Error(`LOCAL_QUOTA=${preset}: expected off, ${Object.keys(QUOTA_PRESETS).join(', ')}`);
  const profile: QuotaProfile = { name: preset, db: { ...base.db }, fn: { ...base.fn } };
  for (const [env, part, key] of OVERRIDES) {
    const raw = overrides[env];
    if (raw === undefined || raw === '') continue;
    (profile[part] as unknown as Record<string, number>)[key] = parseLimit(env, raw);
    profile.name = `${preset}*`;
  }
  return profile;
}

/** From the process environment (`npm start`, the bench child process). */
export function quotaFromEnv(env: NodeJS.ProcessEnv = process.env): QuotaProfile | null {
  return resolveQuota(env.LOCAL_QUOTA, env);
}

/** One line for the start banner and the rehearsal. */
export function describeQuota(q: QuotaProfile | null): string {
  if (!q) return '配额：关闭（仅受本机性能限制）';
  const n = (x: number) => (Number.isFinite(x) ? x.toLocaleString('en-US') : '不限');
  return (
    `配额：${q.name} — 数据库 ${n(q.db.qps)} QPS、${n(q.db.connections)} 并发连接、每日读 ${n(q.db.readsPerDay)} / 写 ${n(q.db.writesPerDay)}；` +
    `每个云函数最多 ${n(q.fn.maxInstances)} 个实例 × 每实例 ${n(q.fn.perInstance)} 并发，扩容 ${n(q.fn.scalePerMin)} 个/分钟（瞬时 ${n(q.fn.scaleBurst)}），预置 ${n(q.fn.provisioned)}；每月调用 ${n(q.fn.callsPerMonth)}`
  );
}
