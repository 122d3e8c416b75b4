/**
 * The function host: runs the bundled functions from dist/functions (the deployed artefacts) the
 * way CloudBase does, `main(event, context)`, with the caller's identity in `context.environment`
 * for each call. Nothing about the caller is stored in process state, so concurrent invocations
 * cannot see each other's identity.
 *
 * The bundles run in a thread of their own, one "instance" (instance-thread.cjs): its own module
 * state and its own SDK with its sockets, as a CloudBase instance has, and its own core, so the
 * HTTP front door here and the database in its thread do not queue behind function code. An
 * instance that dies fails the invocations it was running (with the app's crash answer,
 * FailureAnswers) and a new one starts.
 *
 * Each function runs at most `concurrency` invocations at once, like CloudBase's 单实例多并发
 * setting; later calls wait their turn, in order. The default, 10, is what the SDK's keep-alive
 * agent keeps open (maxFreeSockets 10): with more requests in flight it closes and reopens
 * sockets continually, which under a claim storm cost more CPU than the claims themselves.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { Clock } from './clock';
import type { CountSlots } from './db/stats';
import { FnQuota, type FnRefusal } from './fnQuota';

export interface TriggerConfig {
  name: string;
  type: string;
  config: string;
}
export interface LoadedFunction {
  name: string;
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
  /** Set when a quota profile refused the call before it ran (`result` is then null). */
  refused?: FnRefusal;
}
export interface Caller {
  openid?: string | null;
  appid?: string;
  /**
   * What started the invocation, as CloudBase puts it in `TCB_SOURCE` (wx-server-sdk's
   * getWXContext().SOURCE): `wx_client` for a call from the mini-program (the front door's
   * function route, whoever the persona), `wx_trigger` for a timer trigger (the scheduler).
   * A function called by another function gets the caller's chain with `scf` appended
   * (`wx_client,scf`, `wx_trigger,scf`): the node-sdk sends `X-TCB-Source: <TCB_SOURCE>,scf` and
   * getWXContext documents the chain (see `callerFor`). Unset: none, as for a direct call in a test.
   */
  source?: string;
  /**
   * A custom-login user id, as CloudBase puts it in the context of a call from the web SDK after
   * `signInWithTicket`: the 工会工作台 session id (../http.ts derives it from the Bearer token).
   */
  customUserId?: string;
  /**
   * The caller's IP as CloudBase puts it in `TCB_SOURCE_IP` (the node-sdk's getClientIP): the
   * console route passes the socket's address (member.consoleTicket's rate limit reads it).
   */
  sourceIp?: string;
  /**
   * A CloudBase user of the web SDK who signed in anonymously (`TCB_UUID`, with
   * `TCB_ISANONYMOUS_USER` and `LOGINTYPE=ANONYMOUS`): how the console calls the public sign-in
   * actions on CloudBase before it has a session (the js-sdk stand-in in the tests uses it).
   */
  anonymousUid?: string;
}

export const LOCAL_APPID = 'wx_local_demo_appid';
const ENV_ID = 'local';

export const DEFAULT_CONCURRENCY = 10;

/**
 * What a caller gets when the function itself could not answer: its instance crashed (or could
 * not start), or it ran past its timeout. The app decides the shape (its own error envelope), so
 * the host knows nothing of it.
 */
export interface FailureAnswers {
  crashed: unknown;
  timedOut: unknown;
}

type InstanceMessage =
  | { type: 'ready'; names: string[] }
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; result: unknown }
  | { type: 'crashed'; id: number; message: string }
  | { type: 'console'; method: 'log' | 'info' | 'warn' | 'error' | 'debug'; text: string }
  | { type: 'pong' }
  | { type: 'batch'; messages: InstanceMessage[] };

/**
 * After an invocation times out, the instance must answer a ping within this long; if it does
 * not, its thread is stuck in synchronous code (a loop that never yields) and would time out
 * every later invocation, so it is stopped and the next invocation starts a new one. An
 * instance that is merely busy turns its event loop every few milliseconds.
 */
const WATCHDOG_MS = 2000;

/** A FIFO semaphore: at most `limit` holders; the others wait in arrival order. */
class Gate {
  private busy = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  enter(): Promise<void> | undefined {
    if (this.busy < this.limit) {
      this.busy++;
      return undefined;
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  leave(): void {
    const next = this.waiting.shift();
    if (next)
      next(); // the place passes straight to the next caller
    else this.busy--;
  }
}

/** One instance thread and the invocations it is running. */
class Instance {
  private readonly running = new Map<number, (result: unknown) => void>();
  private nextId = 1;
  private dead = false;
  /** Set by retire(): stop as soon as the last running invocation has answered. */
  private retiring = false;
  /** The watchdog's timer while a ping is unanswered. */
  private watchdog: NodeJS.Timeout | null = null;
  /** Invocations to send, one message per turn of the event loop (see instance-thread.cjs). */
  private outbox: { type: 'invoke'; id: number; name: string; event: unknown; context: unknown }[] = [];

  private constructor(
    private readonly worker: Worker,
    private readonly answers: FailureAnswers,
  ) {}

  static start(
    dir: string,
    names: string[],
    env: Record<string, string>,
    answers: FailureAnswers,
    onExit: (instance: Instance) => void,
  ): Promise<Instance> {
    const worker = new Worker(join(__dirname, 'instance-thread.cjs'), { workerData: { dir, names }, env });
    const instance = new Instance(worker, answers);
    return new Promise((resolve, reject) => {
      worker.on('message', (msg: InstanceMessage) => {
        if (msg.type === 'ready') resolve(instance);
        else if (msg.type === 'failed') reject(new Error(`function instance failed to start: ${msg.message}`));
        else instance.onMessage(msg);
      });
      worker.once('error', (err) => {
        reject(err);
        console.error(JSON.stringify({ level: 'error', msg: 'function instance crashed', error: String(err) }));
      });
      worker.once('exit', () => {
        instance.dead = true;
        for (const settle of instance.running.values()) settle(answers.crashed);
        instance.running.clear();
        onExit(instance);
      });
    });
  }

  /** Runs one invocation; past `timeoutMs` it answers the timeout answer and drops the late answer. */
  run(name: string, event: unknown, context: unknown, timeoutMs: number): Promise<unknown> {
    if (this.dead) return Promise.resolve(this.answers.crashed);
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.settle(id, this.answers.timedOut); // a late answer is then dropped
        this.checkAlive();
      }, timeoutMs);
      this.running.set(id, (result) => {
        clearTimeout(timer);
        resolve(result);
      });
      if (this.outbox.length === 0) setImmediate(() => this.flush());
      this.outbox.push({ type: 'invoke', id, name, event, context });
    });
  }

  private flush(): void {
    const batch = this.outbox;
    this.outbox = [];
    if (this.dead) return; // already answered by the exit handler
    try {
      this.worker.postMessage({ type: 'batch', messages: batch });
    } catch {
      // One event that cannot be copied (nested too deep for structured clone, say) must not
      // fail the other callers' invocations that happened to share its batch: send them one by one.
      for (const m of batch) {
        try {
          this.worker.postMessage({ type: 'batch', messages: [m] });
        } catch {
          this.settle(m.id, this.answers.crashed);
        }
      }
    }
  }

  /** Answers one running invocation (once: later answers for it are dropped). */
  private settle(id: number, result: unknown): void {
    const resolve = this.running.get(id);
    if (!resolve) return;
    this.running.delete(id);
    resolve(result);
    if (this.retiring && this.running.size === 0) void this.stop();
  }

  /** Pings the thread; stops it if it does not answer within WATCHDOG_MS. */
  private checkAlive(): void {
    if (this.dead || this.watchdog) return;
    this.watchdog = setTimeout(() => {
      this.watchdog = null;
      if (this.dead) return;
      console.error(JSON.stringify({ level: 'error', msg: 'function instance blocked; restarting it', waitedMs: WATCHDOG_MS }));
      void this.stop();
    }, WATCHDOG_MS);
    this.watchdog.unref();
    this.worker.postMessage({ type: 'ping' });
  }

  private onMessage(msg: InstanceMessage): void {
    if (msg.type === 'pong') {
      if (this.watchdog) clearTimeout(this.watchdog);
      this.watchdog = null;
      return;
    }
    if (msg.type === 'batch') {
      for (const m of msg.messages) this.onMessage(m);
      return;
    }
    if (msg.type === 'console') {
      console[msg.method](msg.text);
      return;
    }
    if (msg.type === 'result') {
      this.settle(msg.id, msg.result);
    } else if (msg.type === 'crashed') {
      // The router catches everything; this is a last line for a function that does not use it.
      console.error(JSON.stringify({ level: 'error', msg: 'function crashed', error: msg.message }));
      this.settle(msg.id, this.answers.crashed);
    }
  }

  async stop(): Promise<void> {
    this.dead = true;
    if (this.watchdog) clearTimeout(this.watchdog);
    this.watchdog = null;
    await this.worker.terminate();
  }

  /** Stops once the invocations it is running have answered (new ones go elsewhere). */
  retire(): void {
    this.retiring = true;
    if (this.running.size === 0) void this.stop();
  }
}

/**
 * Point the real @cloudbase/node-sdk at the local database. These are the variables CloudBase
 * itself sets in a function's runtime; the credentials are dummies the local database ignores.
 */
export function configureSdkEnvironment(dbUrl: string): Record<string, string> {
  // The database's URL differs from one local cloud to the next (tests run several in one
  // process): the host gives it to its own instances (`environment` option) rather than relying
  // on process.env, which another cloud starting meanwhile would overwrite before this cloud's
  // instance thread copies it.
  const own = { TCB_CONTEXT_CNFG: JSON.stringify({ URL: dbUrl }) };
  process.env.TCB_CONTEXT_CNFG = own.TCB_CONTEXT_CNFG;
  process.env.TCB_ENV = ENV_ID;
  // Outside Tencent Cloud the SDK probes a metadata host before every request (~35 ms, and a
  // dangling DNS lookup); this tells it not to. With a serviceUrl it changes nothing else.
  process.env.TENCENTCLOUD = 'true';
  process.env.TENCENTCLOUD_SECRETID = process.env.TENCENTCLOUD_SECRETID || 'local-dummy-id';
  process.env.TENCENTCLOUD_SECRETKEY = process.env.TENCENTCLOUD_SECRETKEY || 'local-dummy-key';
  return own;
}

export class FunctionHost {
  private readonly functions = new Map<string, LoadedFunction>();
  private readonly gates = new Map<string, Gate>();
  /** Running invocations by id, so a call they make to another function can carry their context. */
  private readonly active = new Map<string, Caller>();
  private instance: Promise<Instance> | null = null;
  private readonly envChanges: Record<string, string | undefined> = {};
  private closed = false;
  /** The function side of the quota profile (off until `quota.set(limits)`). */
  readonly quota: FnQuota;

  constructor(
    private readonly options: {
      functionsDir: string;
      clock: Clock;
      /** Per-invocation database request counters (shared with the database thread). */
      counts: CountSlots;
      /** Invocations of one function running at once (default 10). */
      concurrency?: number;
      /** The answers to an invocation that crashed or timed out (the app's error envelope). */
      failureAnswers: FailureAnswers;
      /** This host's own environment for its instances, over process.env (the database URL). */
      environment?: Record<string, string>;
    },
  ) {
    this.quota = new FnQuota(() => options.clock.now());
  }

  /** Reads the bundles' configs and starts the instance that runs them. */
  async start(): Promise<LoadedFunction[]> {
    const dir = this.options.functionsDir;
    if (!existsSync(dir)) throw new Error(`no built functions in ${dir}; run npm run build:functions`);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || !existsSync(join(dir, entry.name, 'index.js'))) continue;
      const config = JSON.parse(readFileSync(join(dir, entry.name, 'config.json'), 'utf8')) as {
        triggers?: TriggerConfig[];
        timeout?: number;
      };
      this.functions.set(entry.name, {
        name: entry.name,
        triggers: config.triggers ?? [],
        timeoutMs: (config.timeout ?? 20) * 1000,
      });
      this.gates.set(entry.name, new Gate(this.options.concurrency ?? DEFAULT_CONCURRENCY));
    }
    await this.currentInstance();
    return this.list();
  }

  /**
   * Changes the functions' environment variables (undefined removes one), as editing a
   * function's configuration does in CloudBase: running invocations finish where they are,
   * later ones run in a new instance that has the new values.
   */
  async setEnvironment(vars: Record<string, string | undefined>): Promise<void> {
    Object.assign(this.envChanges, vars);
    const old = this.instance;
    this.instance = null;
    if (old)
      await old.then(
        (i) => i.retire(),
        () => undefined,
      );
    await this.currentInstance();
  }

  /** One environment variable as the functions' next invocation sees it (the local storage checks upload tokens with their secret). */
  environmentValue(name: string): string | undefined {
    if (Object.prototype.hasOwnProperty.call(this.envChanges, name)) return this.envChanges[name];
    return this.options.environment?.[name] ?? process.env[name];
  }

  /** The instance's environment: this thread's at start, plus the changes made since. */
  private environment(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...process.env, ...this.options.environment, ...this.envChanges }))
      if (v !== undefined) env[k] = v;
    return env;
  }

  private currentInstance(): Promise<Instance> {
    if (!this.instance) {
      const starting = Instance.start(
        this.options.functionsDir,
        [...this.functions.keys()],
        this.environment(),
        this.options.failureAnswers,
        () => {
          if (this.instance === starting) this.instance = null; // the next invocation starts a new one
        },
      );
      this.instance = starting;
      starting.catch(() => {
        if (this.instance === starting) this.instance = null;
      });
    }
    return this.instance;
  }

  has(name: string): boolean {
    return this.functions.has(name);
  }

  list(): LoadedFunction[] {
    return [...this.functions.values()];
  }

  /**
   * The caller a function-to-function call runs as, from the calling request's seqId (its
   * invocation id before the first '-'): the calling invocation's source chain with `scf`
   * appended, and its user identity carried along. WeChat documents the chain
   * ("小程序调用云函数 A，再在云函数 A 内调用云函数 B … B 内获得的 SOURCE 为 wx_client,scf");
   * whether the user's OPENID reaches B is not documented, so the host passes it on: the
   * stricter case for code that must tell an internal call from a user's (router.ts).
   */
  callerFor(seqId: string | undefined): Caller {
    const calling = seqId ? this.active.get(seqId.split('-')[0]) : undefined;
    if (!calling) return { source: 'scf' };
    return { ...calling, source: `${calling.source ?? ''},scf` };
  }

  async invoke(name: string, event: unknown, caller: Caller = {}): Promise<InvokeResult> {
    const fn = this.functions.get(name);
    const gate = this.gates.get(name);
    if (!fn || !gate) throw new Error(`unknown function ${name}`);
    const isTimer = typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer';
    const refused = this.quota.admit(name, isTimer);
    if (refused) return { result: null, invocationId: '', db: { reads: 0, writes: 0, total: 0 }, ms: 0, refused };
    try {
      return await this.admitted(fn, gate, event, caller);
    } finally {
      this.quota.leave(name);
    }
  }

  private async admitted(fn: LoadedFunction, gate: Gate, event: unknown, caller: Caller): Promise<InvokeResult> {
    await gate.enter();
    const started = Date.now();
    // The id names this invocation's counter slot; it carries no '-' (the database reads
    // everything before the first '-' of a request's seqId).
    const { slot, invocationId } = this.options.counts.claim(randomBytes(4).toString('hex'));
    let result: unknown;
    this.active.set(invocationId, caller);
    try {
      result = await this.run(fn, event, this.contextFor(fn, invocationId, caller));
    } finally {
      this.active.delete(invocationId);
      gate.leave();
    }
    return { result, invocationId, db: this.options.counts.read(slot), ms: Date.now() - started };
  }

  private contextFor(fn: LoadedFunction, invocationId: string, caller: Caller): Record<string, unknown> {
    const environment: Record<string, string> = {
      TCB_ENV: ENV_ID,
      SCF_NAMESPACE: ENV_ID,
      TCB_SEQID: invocationId,
      LOCAL_CLOCK_OFFSET_MS: String(this.options.clock.offsetMs()),
    };
    // A timer invocation carries no user identity (no WX_OPENID / WX_APPID), as on CloudBase.
    if (caller.openid && !(caller.source ?? '').startsWith('wx_trigger')) {
      environment.WX_OPENID = caller.openid;
      environment.WX_APPID = caller.appid ?? LOCAL_APPID;
    } else if (caller.customUserId) {
      environment.TCB_CUSTOM_USER_ID = caller.customUserId;
      environment.LOGINTYPE = 'CUSTOM';
    } else if (caller.anonymousUid && caller.source !== 'wx_trigger') {
      environment.TCB_UUID = caller.anonymousUid;
      environment.TCB_ISANONYMOUS_USER = 'true';
      environment.LOGINTYPE = 'ANONYMOUS';
    }
    if (caller.source) environment.TCB_SOURCE = caller.source;
    if (caller.sourceIp && caller.source !== 'wx_trigger') environment.TCB_SOURCE_IP = caller.sourceIp;
    return {
      request_id: invocationId,
      // The SDK prefixes the seqId of every database request with this, which is how the
      // local database attributes requests to this invocation.
      eventID: invocationId,
      function_name: fn.name,
      function_version: '$LATEST',
      namespace: ENV_ID,
      memory_limit_in_mb: 256,
      time_limit_in_ms: fn.timeoutMs,
      environment: JSON.stringify(environment),
    };
  }

  private async run(fn: LoadedFunction, event: unknown, context: Record<string, unknown>): Promise<unknown> {
    if (this.closed) return this.options.failureAnswers.crashed;
    let instance: Instance;
    try {
      instance = await this.currentInstance();
    } catch (err) {
      console.error(JSON.stringify({ level: 'error', msg: 'function instance unavailable', fn: fn.name, error: String(err) }));
      return this.options.failureAnswers.crashed;
    }
    return instance.run(fn.name, event, context, fn.timeoutMs);
  }

  async close(): Promise<void> {
    this.closed = true;
    const instance = this.instance;
    this.instance = null;
    if (instance)
      await instance.then(
        (i) => i.stop(),
        () => undefined,
      );
  }
}
