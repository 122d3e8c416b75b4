/**
 * One way to fail, as the router answers it (docs/architecture.md#errors): a refusal thrown as
 * AppFailure — from the handler or from code it awaits — becomes `{ ok:false, error:{code,message} }`
 * with its own message or the table's; a handler that answers anything but a success envelope is a
 * bug and is answered INTERNAL (never forwarded as if it were a refusal). No database: the
 * handlers here only decide.
 */
import { AppFailure, createFunction, userAction, type ActionDef } from '../../cloudfunctions/_lib/router';
import { fail, ok, type Ok } from '../../shared/envelope';
import { ERROR_MESSAGES } from '../../shared/errors';
import type { SchemaId, ValidatorSet } from '../../shared/validation/validate';

const accept = Object.assign(() => true, { errors: null });
const validators: ValidatorSet = {
  schemas: {},
  t_ok: accept,
  t_thrown: accept,
  t_deep: accept,
  t_plain: accept,
  t_returned: accept,
  t_bare: accept,
};

async function deeper(): Promise<never> {
  await Promise.resolve();
  throw new AppFailure('DROP_SOLD_OUT', '已抢完');
}

const actions: Record<string, ActionDef<unknown, unknown>> = {
  ok: userAction('t.ok' as SchemaId, async () => ok({ n: 1 })),
  thrown: userAction('t.thrown' as SchemaId, async () => {
    throw new AppFailure('NOT_FOUND', '福利不存在或已下架');
  }),
  bare: userAction('t.bare' as SchemaId, async () => {
    throw new AppFailure('DROP_CLOSED');
  }),
  deep: userAction('t.deep' as SchemaId, async () => ok(await deeper())),
  plain: userAction('t.plain' as SchemaId, async () => {
    throw new Error('boom');
  }),
  // What the types forbid (ActionDef.handler answers Promise<Ok<O>>), forced through a cast.
  returned: userAction('t.returned' as SchemaId, (async () => fail('NOT_FOUND', '不存在')) as unknown as () => Promise<Ok<unknown>>),
};

const main = createFunction({ name: 'system', actions: actions as never, validators });
const context = { request_id: 'r1', environment: JSON.stringify({ WX_OPENID: 'o_router_test', WX_APPID: 'wx_test' }) };
const call = (action: string) => main({ action, data: {} }, context);

let errors: jest.SpyInstance;
beforeAll(() => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterAll(() => jest.restoreAllMocks());

it('answers a success envelope as it is', async () => {
  expect(await call('ok')).toEqual({ ok: true, data: { n: 1 } });
});

it('turns a thrown refusal into its code and message', async () => {
  expect(await call('thrown')).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '福利不存在或已下架' } });
  expect(await call('deep')).toEqual({ ok: false, error: { code: 'DROP_SOLD_OUT', message: '已抢完' } });
});

it("gives a refusal thrown without a message the table's message", async () => {
  expect(await call('bare')).toEqual({ ok: false, error: { code: 'DROP_CLOSED', message: ERROR_MESSAGES.DROP_CLOSED } });
});

it('answers INTERNAL for an unexpected error and for a returned failure value', async () => {
  expect(await call('plain')).toEqual({ ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } });
  errors.mockClear();
  expect(await call('returned')).toEqual({ ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } });
  // The bug is logged with the action's name, so it is found.
  const lines = errors.mock.calls.map((args) => JSON.parse(String(args[0])) as { msg?: string; action?: string });
  expect(lines.some((l) => l.action === 'returned' && /no success envelope/.test(l.msg ?? ''))).toBe(true);
});
