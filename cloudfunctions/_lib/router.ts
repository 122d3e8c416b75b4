/**
 * The router every function uses: it maps an action name to its schema + handler, nothing more
 * (no god-function switch). It validates the event, resolves identity from the invocation
 * context, runs the handler and always answers with the one envelope. Unexpected errors are
 * logged with the request id and answered with INTERNAL: never a stack trace to the client.
 */
import tcb from '@cloudbase/node-sdk';
import { randomBytes } from 'node:crypto';
import { fail, isResult, ok, type Ok, type Result } from '../../shared/envelope';
import { isErrorCode, type ErrorCode } from '../../shared/errors';
import { REQUEST_ID_PATTERN, type ActionName, type FunctionName, type RequestOf, type ResponseOf } from '../../shared/api';
import { valueNestsDeeper } from '../../shared/validation/depth';
import { validate, validatorIn, type SchemaId, type ValidatorSet } from '../../shared/validation/validate';
import { readInvocation, type InvocationInfo, type ScfContext } from './context';
import { isInternalEvent, openInternal, TIMER_OP } from './internal';
import { resolveConsoleSession } from './consoleSession';
import { createLogger, type Logger } from './log';
import { quotaRefusal } from './quota';

type CloudBaseApp = ReturnType<typeof tcb.init>;
export type Database = ReturnType<CloudBaseApp['database']>;

export interface BaseContext {
  app: CloudBaseApp;
  db: Database;
  log: Logger;
  /** The business clock (the local cloud may shift it for demos). */
  now(): Date;
}
export interface ActionContext extends BaseContext {
  openid: string | null;
  appid: string | null;
  /** Set when the caller is a 工会工作台 session (docs/console.md): its id. */
  consoleSessionId: string | null;
  /** The platform's view of the caller's client (rate limits of public actions only; context.ts). */
  client: InvocationInfo['client'];
  /** The caller's idempotency key for this request (generated when the caller sent none). */
  requestId: string;
  /** No earlier send of this request id can have been applied (shared/api.ts CallEvent.fresh). */
  fresh: boolean;
}
export interface UserContext extends ActionContext {
  openid: string;
}

/**
 * The one way an action refuses (sold out, not yet a member, out of scope…): thrown, from the
 * handler or anywhere below it, never returned. The router turns it into
 * `{ ok:false, error:{ code, message } }` (the table's message when none is given). Thrown inside
 * a transaction it aborts it like any error (nothing written is kept). `npm run lint:failures`
 * fails when code under cloudfunctions/ returns a failure envelope instead.
 */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
  ) {
    super(message ?? code);
  }
}

export interface ActionDef<I, O> {
  schema: SchemaId;
  auth: 'user' | 'public';
  /** The success envelope only: a refusal is an `AppFailure` thrown. */
  handler: (input: I, ctx: UserContext) => Promise<Ok<O>>;
  /** A 工会工作台 session may call it (every `admin*` action may; others opt in with `forConsole`). */
  console?: boolean;
}

/** Lets 工会工作台 sessions call an action whose name does not start with `admin`. */
export function forConsole<I, O>(def: ActionDef<I, O>): ActionDef<I, O> {
  return { ...def, console: true };
}

/** An action that needs a signed-in WeChat user (every action but a few public reads). */
export function userAction<I, O>(schema: SchemaId, handler: (input: I, ctx: UserContext) => Promise<Ok<O>>): ActionDef<I, O> {
  return { schema, auth: 'user', handler };
}

/** An action anyone may call; `ctx.openid` may be null. */
export function publicAction<I, O>(schema: SchemaId, handler: (input: I, ctx: ActionContext) => Promise<Ok<O>>): ActionDef<I, O> {
  return { schema, auth: 'public', handler: handler as (input: I, ctx: UserContext) => Promise<Ok<O>> };
}

export type ActionMap<F extends FunctionName> = {
  [A in ActionName<F>]: ActionDef<RequestOf<F, A>, ResponseOf<F, A>>;
};

/** An internal operation (internal.ts): runs with the function's own context, never a user's; refuses by throwing. */
export type InternalHandler = (ctx: BaseContext, body: unknown) => Promise<Ok<unknown>>;

export type TriggerHandler = (ctx: BaseContext, event: TimerEvent) => Promise<unknown>;

export interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
  Time?: string;
}

function isTimerEvent(event: unknown): event is TimerEvent {
  return typeof event === 'object' && event !== null && (event as TimerEvent).Type === 'Timer';
}

/**
 * Whether a timer-shaped event really comes from a timer trigger. The event is whatever the caller
 * sent (a mini-program can send `{Type:'Timer', TriggerName}` as easily as `{action}`), so it proves
 * nothing; the invocation context is written by the platform. On CloudBase a timer trigger invokes
 * the function with the event `{Type:'Timer', TriggerName, Time, Message}` (Tencent Cloud SCF,
 * 触发器事件消息结构汇总: cloud.tencent.com/document/product/583/31927) and a context with no caller:
 * OPENID / APPID / UNIONID are there only "小程序端调用云函数时", and SOURCE is `wx_trigger`
 * ("云函数定时触发器调用") where a mini-program call has `wx_client` (wx-server-sdk
 * Cloud.getWXContext: developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/utils/Cloud.getWXContext.html).
 * So: refused when the invocation carries any caller identity, or when any hop of its source chain
 * is a WeChat client or HTTP caller (any `wx_*` but `wx_trigger`). docs/security.md.
 */
export function timerInvocationAllowed(invocation: Pick<InvocationInfo, 'hasCaller' | 'sources'>): boolean {
  if (invocation.hasCaller) return false;
  return invocation.sources.every((s) => !s.startsWith('wx_') || s === 'wx_trigger');
}

/**
 * Whether an invocation can be another function's call. The platform writes the source chain:
 * a call from the mini-program is `wx_client`, and a function called while that invocation runs
 * gets `wx_client,scf` (wx-server-sdk getWXContext: "小程序调用云函数 A，再在云函数 A 内调用云函数 B
 * … B 内获得的 SOURCE 为 wx_client,scf"; the node-sdk sends `X-TCB-Source: <TCB_SOURCE>,scf`).
 * Whether the user's OPENID reaches B is not documented, so identity is not part of the test:
 * only the last hop is, and it must not be a WeChat client or HTTP caller. An internal operation
 * then runs with the function's own context, never as that user.
 */
export function internalInvocationAllowed(invocation: Pick<InvocationInfo, 'sources'>): boolean {
  const last = invocation.sources[invocation.sources.length - 1];
  return last === undefined || !last.startsWith('wx_') || last === 'wx_trigger';
}

function newRequestId(): string {
  return randomBytes(12).toString('hex');
}

export function createFunction<F extends FunctionName>(spec: {
  name: F;
  actions: ActionMap<F>;
  /** This function's generated validators (shared/generated/validators/<name>.js): only its own. */
  validators: ValidatorSet;
  triggers?: Record<string, TriggerHandler>;
  /** Operations other functions call through the SDK (internal.ts); no user can reach them. */
  internal?: Record<string, InternalHandler>;
}): (event: unknown, context?: ScfContext) => Promise<unknown> {
  const actions = spec.actions as Record<string, ActionDef<unknown, unknown>>;
  // Fail at load, not at the first call: every action's schema must be in this function's set.
  for (const def of Object.values(actions)) {
    if (!validatorIn(spec.validators, def.schema))
      throw new Error(`${spec.name}: no validator for ${def.schema}; run npm run gen:validators`);
  }

  /**
   * The schedule tick (system.tick, _lib/schedule.ts) runs a job through a signed internal call:
   * the same handler a timer event would run, with the time it was due for as `Time`. The call
   * is checked as a timer event is (no caller identity, no client source) plus its signature.
   */
  const runScheduledTrigger: InternalHandler = async (ctx, body) => {
    const { trigger, scheduledFor } = (body ?? {}) as { trigger?: unknown; scheduledFor?: unknown };
    const handler =
      typeof trigger === 'string' && Object.prototype.hasOwnProperty.call(spec.triggers ?? {}, trigger)
        ? spec.triggers![trigger]
        : undefined;
    if (!handler) throw new AppFailure('UNKNOWN_ACTION');
    const event: TimerEvent = {
      Type: 'Timer',
      TriggerName: trigger as string,
      Time: typeof scheduledFor === 'string' ? scheduledFor : undefined,
    };
    const result = await handler(ctx, event);
    if (!isResult(result)) return ok(result ?? null);
    if (!result.ok) throw new AppFailure(result.error.code, result.error.message);
    return result;
  };

  return async function main(event: unknown, context?: ScfContext): Promise<unknown> {
    const started = Date.now();
    let invocation;
    try {
      invocation = readInvocation(context);
    } catch {
      return fail('BAD_REQUEST');
    }
    const offset = invocation.clockOffsetMs;
    const log = createLogger({ fn: spec.name, rid: invocation.platformRequestId });
    // One SDK instance per invocation: `context` ties its database requests to this invocation
    // (tracing ids), and nothing caller-specific is kept in module state between invocations.
    const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV, context } as Parameters<typeof tcb.init>[0]);
    const base: BaseContext = { app, db: app.database(), log, now: () => new Date(Date.now() + offset) };

    if (isTimerEvent(event)) {
      if (!timerInvocationAllowed(invocation)) {
        // Someone called the function with a timer-shaped event: nothing runs, nothing is written.
        log.info('timer event refused: not from a timer trigger', { sources: invocation.sources.join(','), caller: invocation.hasCaller });
        return fail('FORBIDDEN');
      }
      const trigger = spec.triggers?.[event.TriggerName];
      if (!trigger) {
        log.error('unknown trigger', { trigger: event.TriggerName });
        return fail('UNKNOWN_ACTION');
      }
      try {
        const result = await trigger(base, event);
        log.info('trigger done', { trigger: event.TriggerName, ms: Date.now() - started });
        return result ?? { ok: true, data: null };
      } catch (err) {
        log.error('trigger failed', { trigger: event.TriggerName, err });
        return fail('INTERNAL');
      }
    }

    if (isInternalEvent(event)) {
      // Only another function may call these: a good signature (the secret lives in the
      // functions' environment only) on an invocation whose last hop is not a client.
      const call = internalInvocationAllowed(invocation) ? openInternal(event, spec.name) : null;
      // A scheduled job is a timer's work: also checked as a timer event is (see runScheduledTrigger).
      if (call?.op === TIMER_OP && !timerInvocationAllowed(invocation)) {
        log.error('scheduled job refused: not from a timer', { sources: invocation.sources.join(',') });
        return fail('FORBIDDEN');
      }
      if (!call) {
        log.error('internal call refused', { caller: invocation.hasCaller, sources: invocation.sources.join(',') });
        return fail('FORBIDDEN');
      }
      const op =
        call.op === TIMER_OP
          ? runScheduledTrigger
          : Object.prototype.hasOwnProperty.call(spec.internal ?? {}, call.op)
            ? spec.internal![call.op]
            : undefined;
      if (!op) return fail('UNKNOWN_ACTION');
      try {
        const result = await op(base, call.body);
        log.info('internal done', { op: call.op, ms: Date.now() - started });
        return result;
      } catch (err) {
        // A refusal answers its code, as for an action (the caller treats any failure alike).
        if (err instanceof AppFailure) return fail(err.code, err.message === err.code ? undefined : err.message);
        // An internal body names a user (注销账号) and database errors can quote ids holding an
        // openid: log the operation and the error code only.
        log.error('internal failed', { op: call.op, errCode: String((err as { code?: unknown }).code ?? (err as Error).name) });
        return fail('INTERNAL');
      }
    }

    if (typeof event !== 'object' || event === null || Array.isArray(event)) return fail('BAD_REQUEST');
    const { action, data, requestId, fresh } = event as Record<string, unknown>;
    if (typeof action !== 'string' || action.length === 0) return fail('BAD_REQUEST', '缺少操作名称');
    const def = Object.prototype.hasOwnProperty.call(actions, action) ? actions[action] : undefined;
    if (!def) return fail('UNKNOWN_ACTION');
    if (requestId !== undefined && (typeof requestId !== 'string' || !REQUEST_ID_PATTERN.test(requestId))) {
      return fail('INVALID_ARGUMENT', '请求编号格式不正确');
    }
    let openid = invocation.openid;
    let consoleSessionId: string | null = null;
    if (!openid && invocation.customUserId) {
      // A 工会工作台 call: the admin is whoever the stored session names, never the request.
      if (!def.console && !action.startsWith('admin')) return fail('CONSOLE_NOT_ALLOWED');
      let session;
      try {
        session = await resolveConsoleSession(base.db, invocation.customUserId, base.now());
      } catch (err) {
        log.error('console session lookup failed', { err });
        return fail('INTERNAL');
      }
      if (!session) return fail('CONSOLE_SESSION_INVALID');
      openid = session.openid;
      consoleSessionId = session._id;
    }
    if (def.auth === 'user' && !openid) return fail('UNAUTHENTICATED');

    // Before anything recursive reads it (the validator, the SDK's serialiser, the log).
    if (valueNestsDeeper(data)) return fail('INVALID_ARGUMENT', '请求内容层级过深');
    const input = validate<unknown>(spec.validators, def.schema, data === undefined ? {} : data);
    if (!input.ok) return input;

    const ctx: UserContext = {
      ...base,
      openid: openid as string,
      appid: invocation.appid,
      consoleSessionId,
      client: invocation.client,
      requestId: (requestId as string | undefined) ?? newRequestId(),
      // Without a request id there is nothing to resend; otherwise only the client can know.
      fresh: requestId === undefined || fresh === true,
    };
    let outcome: Result<unknown>;
    try {
      const result: unknown = await def.handler(input.data, ctx);
      // A handler answers success only (refusals are thrown): anything else is a bug, not a refusal.
      outcome = isResult(result) && result.ok ? result : fail('INTERNAL');
      if (!outcome.ok) log.error('handler returned no success envelope', { action });
    } catch (err) {
      const refusal = quotaRefusal(err);
      if (err instanceof AppFailure && isErrorCode(err.code)) {
        outcome = fail(err.code, err.message === err.code ? undefined : err.message);
      } else if (refusal) {
        // The environment's quota refused a database request (and the handler's retries, if
        // any, ran out): nothing half-done is acknowledged, the client may resend the request.
        log.info('quota refusal', { action, code: (err as { code?: string }).code });
        outcome = fail(refusal === 'transient' ? 'BUSY' : 'QUOTA_EXHAUSTED');
      } else {
        log.error('action failed', { action, err });
        outcome = fail('INTERNAL');
      }
    }
    log.info('action done', {
      action,
      ok: outcome.ok,
      code: outcome.ok ? undefined : outcome.error.code,
      ms: Date.now() - started,
    });
    return outcome;
  };
}
