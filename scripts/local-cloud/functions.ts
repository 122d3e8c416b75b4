/**
 * The function host: loads the bundled functions from dist/functions (the deployed artefacts)
 * and invokes them the way CloudBase does, `main(event, context)`, with the caller's identity
 * in `context.environment` for each call. Nothing about the caller is stored in process state,
 * so concurrent invocations cannot see each other's identity.
 */
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Clock } from './clock';

export interface TriggerConfig {
  name: string;
  type: string;
  config: string;
}
export interface LoadedFunction {
  name: string;
  main: (event: unknown, context: unknown) => Promise<unknown>;
  triggers: TriggerConfig[];
  timeoutMs: number;
}
export interface DbCounts {
  reads: number;
  writes: number;
  total: number;
}
export interface InvokeResult {
  result: unknown;
  invocationId: string;
  db: DbCounts;
  ms: number;
}
export interface Caller {
  openid?: string | null;
  appid?: string;
}

export const LOCAL_APPID = 'wx_local_demo_appid';
const ENV_ID = 'local';

let counter = 0;
/** Invocation ids carry no '-': the database reads everything before the first '-' of seqId. */
function newInvocationId(): string {
  counter = (counter + 1) % 1e9;
  return `inv${counter.toString(36)}${randomBytes(4).toString('hex')}`;
}

/**
 * Point the real @cloudbase/node-sdk at the local database. These are the variables CloudBase
 * itself sets in a function's runtime; the credentials are dummies the local database ignores.
 */
export function configureSdkEnvironment(dbUrl: string): void {
  process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: dbUrl });
  process.env.TCB_ENV = ENV_ID;
  // Outside Tencent Cloud the SDK probes a metadata host before every request (~35 ms, and a
  // dangling DNS lookup); this tells it not to. With a serviceUrl it changes nothing else.
  process.env.TENCENTCLOUD = 'true';
  process.env.TENCENTCLOUD_SECRETID = process.env.TENCENTCLOUD_SECRETID || 'local-dummy-id';
  process.env.TENCENTCLOUD_SECRETKEY = process.env.TENCENTCLOUD_SECRETKEY || 'local-dummy-key';
  process.env.NOTIFY_TRANSPORT = process.env.NOTIFY_TRANSPORT || 'log'; // subscribe messages are logged, never sent to WeChat
}

export class FunctionHost {
  private readonly functions = new Map<string, LoadedFunction>();

  constructor(
    private readonly options: {
      functionsDir: string;
      clock: Clock;
      takeDbCounts: (invocationId: string) => Promise<DbCounts>;
    },
  ) {}

  load(): LoadedFunction[] {
    const dir = this.options.functionsDir;
    if (!existsSync(dir)) throw new Error(`no built functions in ${dir}; run npm run build:functions`);
    // Node's own require, not a test runner's module registry: the bundles are plain CommonJS.
    const load = createRequire(join(dir, 'package.json'));
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const file = join(dir, entry.name, 'index.js');
      if (!existsSync(file)) continue;
      const mod = load(file) as { main?: LoadedFunction['main'] };
      if (typeof mod.main !== 'function') throw new Error(`${file} does not export main`);
      const config = JSON.parse(readFileSync(join(dir, entry.name, 'config.json'), 'utf8')) as {
        triggers?: TriggerConfig[];
        timeout?: number;
      };
      this.functions.set(entry.name, {
        name: entry.name,
        main: mod.main,
        triggers: config.triggers ?? [],
        timeoutMs: (config.timeout ?? 20) * 1000,
      });
    }
    return [...this.functions.values()];
  }

  has(name: string): boolean {
    return this.functions.has(name);
  }

  list(): LoadedFunction[] {
    return [...this.functions.values()];
  }

  async invoke(name: string, event: unknown, caller: Caller = {}): Promise<InvokeResult> {
    const fn = this.functions.get(name);
    if (!fn) throw new Error(`unknown function ${name}`);
    const invocationId = newInvocationId();
    const environment: Record<string, string> = {
      TCB_ENV: ENV_ID,
      SCF_NAMESPACE: ENV_ID,
      TCB_SEQID: invocationId,
      LOCAL_CLOCK_OFFSET_MS: String(this.options.clock.offsetMs()),
    };
    if (caller.openid) {
      environment.WX_OPENID = caller.openid;
      environment.WX_APPID = caller.appid ?? LOCAL_APPID;
    }
    const context = {
      request_id: invocationId,
      // The SDK prefixes the seqId of every database request with this, which is how the
      // local database attributes requests to this invocation.
      eventID: invocationId,
      function_name: name,
      function_version: '$LATEST',
      namespace: ENV_ID,
      memory_limit_in_mb: 256,
      time_limit_in_ms: fn.timeoutMs,
      environment: JSON.stringify(environment),
    };
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    let result: unknown;
    try {
      result = await Promise.race([
        fn.main(event, context),
        new Promise((resolve) => {
          timer = setTimeout(
            () => resolve({ ok: false, error: { code: 'INTERNAL', message: '服务处理超时，请稍后再试' } }),
            fn.timeoutMs,
          );
        }),
      ]);
    } catch (err) {
      // The router catches everything; this is a last line for a function that does not use it.
      console.error(JSON.stringify({ level: 'error', msg: 'function crashed', fn: name, rid: invocationId, error: String(err) }));
      result = { ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } };
    } finally {
      clearTimeout(timer);
    }
    const ms = Date.now() - started;
    return { result, invocationId, db: await this.options.takeDbCounts(invocationId), ms };
  }
}
