/**
 * The router every function uses: it maps an action name to its schema + handler, nothing more
 * (no god-function switch). It validates the event, resolves identity from the invocation
 * context, runs the handler and always answers with the one envelope. Unexpected errors are
 * logged with the request id and answered with INTERNAL: never a stack trace to the client.
 */
import tcb from '@cloudbase/node-sdk';
import { randomBytes } from 'node:crypto';
import { fail, isResult, type Result } from '../../shared/envelope';
import { isErrorCode, type ErrorCode } from '../../shared/errors';
import { REQUEST_ID_PATTERN, type ActionName, type Api, type FunctionName, type RequestOf, type ResponseOf } from '../../shared/api';
import { validate, type SchemaId } from '../../shared/validation/validate';
import { readInvocation, type ScfContext } from './context';
import { resolveConsoleSession } from './consoleSession';
import { createLogger, type Logger } from './log';

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
  /** The caller's idempotency key for this request (generated when the caller sent none). */
  requestId: string;
}
export interface UserContext extends ActionContext {
  openid: string;
}

/** Thrown deep inside a handler for an expected failure; the router turns it into `fail(code)`. */
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
  handler: (input: I, ctx: UserContext) => Promise<Result<O>>;
  /** A 工会工作台 session may call it (every `admin*` action may; others opt in with `forConsole`). */
  console?: boolean;
}

/** Lets 工会工作台 sessions call an action whose name does not start with `admin`. */
export function forConsole<I, O>(def: ActionDef<I, O>): ActionDef<I, O> {
  return { ...def, console: true };
}

/** An action that needs a signed-in WeChat user (every action but a few public reads). */
export function userAction<I, O>(schema: SchemaId, handler: (input: I, ctx: UserContext) => Promise<Result<O>>): ActionDef<I, O> {
  return { schema, auth: 'user', handler };
}

/** An action anyone may call; `ctx.openid` may be null. */
export function publicAction<I, O>(schema: SchemaId, handler: (input: I, ctx: ActionContext) => Promise<Result<O>>): ActionDef<I, O> {
  return { schema, auth: 'public', handler: handler as (input: I, ctx: UserContext) => Promise<Result<O>> };
}

export type ActionMap<F extends FunctionName> = {
  [A in ActionName<F>]: ActionDef<RequestOf<F, A>, ResponseOf<F, A>>;
};

export type TriggerHandler = (ctx: BaseContext, event: TimerEvent) => Promise<unknown>;

export interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
  Time?: string;
}

function isTimerEvent(event: unknown): event is TimerEvent {
  return typeof event === 'object' && event !== null && (event as TimerEvent).Type === 'Timer';
}

function newRequestId(): string {
  return randomBytes(12).toString('hex');
}

export function createFunction<F extends FunctionName>(spec: {
  name: F;
  actions: ActionMap<F>;
  triggers?: Record<string, TriggerHandler>;
}): (event: unknown, context?: ScfContext) => Promise<unknown> {
  const actions = spec.actions as Record<string, ActionDef<unknown, unknown>>;

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

    if (typeof event !== 'object' || event === null || Array.isArray(event)) return fail('BAD_REQUEST');
    const { action, data, requestId } = event as Record<string, unknown>;
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

    const input = validate<unknown>(def.schema, data === undefined ? {} : data);
    if (!input.ok) return input;

    const ctx: UserContext = {
      ...base,
      openid: openid as string,
      appid: invocation.appid,
      consoleSessionId,
      requestId: (requestId as string | undefined) ?? newRequestId(),
    };
    let outcome: Result<unknown>;
    try {
      const result = await def.handler(input.data, ctx);
      outcome = isResult(result) ? result : fail('INTERNAL');
      if (!isResult(result)) log.error('handler returned a non-envelope', { action });
    } catch (err) {
      if (err instanceof AppFailure && isErrorCode(err.code)) {
        outcome = fail(err.code, err.message === err.code ? undefined : err.message);
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
