/**
 * The fuzz suite's engine: a fresh seeded local cloud (timers off, so nothing writes on its own),
 * then every action of every function called as every persona with bodies from ./inputs.ts,
 * checked one by one:
 *   - the answer is the envelope ({ok:true,data} or {ok:false,error:{code,message}}), HTTP
 *     status and all;
 *   - a refusal has a known code, never INTERNAL, a message in Chinese with no stack, no file
 *     path and no long piece of the input in it;
 *   - a refused call wrote nothing (SQLite's data_version, read from a second connection, moves
 *     with every commit of the database thread);
 *   - an innocent call sent at the same moment (system.serverTime) is answered, so no input
 *     breaks the instance for others, and the server answers after the last call.
 * Used by tests/integration/security/fuzz.test.ts (a CI-sized run) and scripts/fuzz/main.ts.
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isErrorCode } from '../../shared/errors';
import { schemaRegistry, type SchemaId } from '../../shared/validation/registry';
import { startLocalCloud, type LocalCloud } from '../local-cloud';
import { applyTwist, edgeArb, longStringsIn, toJsonText, twistArb, validArb, type IdPool, type Schema, type Twist } from './inputs';

export const FUZZ_PERSONAS = ['anonymous', 'guest', 'member', 'district_admin', 'city_admin'] as const;
export type FuzzPersona = (typeof FUZZ_PERSONAS)[number];

export interface FuzzCase {
  schemaId: SchemaId;
  persona: FuzzPersona;
  twist: Twist;
  /** The request body as sent (JSON text). */
  body: string;
  /** Strings of the request long enough that echoing them would be a leak of input. */
  long: string[];
}

export interface FuzzFigures {
  calls: number;
  ok: number;
  refused: number;
  internal: number;
  unexpectedWrites: number;
  badEnvelope: number;
  badMessage: number;
  innocentFailed: number;
  byCode: Record<string, number>;
  byTwist: Record<string, number>;
  ms: number;
  problems: string[];
}

/** Past the functions' own 20 s timeout: no answer by then means the server hangs. */
const CALL_TIMEOUT_MS = 30_000;

const CJK = /[\u4e00-\u9fff]/;
/** What a stack trace or a server path looks like inside a message. */
const LEAKY = /\bat [\w$.<>]+ \(|\.(?:ts|js|cjs):\d+|\/(?:work|home|tmp|usr|var)\/|node_modules|[A-Za-z]*Error:|\bstack\b/;
/** A message may repeat a caller-chosen field name cut to 24 characters; anything longer is an echo. */
const ECHO_MIN = 25;

/**
 * Refusals that write by design: the action's own audit trail records every attempt, refused ones
 * included (docs/benefit.md: every 核销 attempt goes to redemption_audit). For these a refusal may
 * change that collection and nothing else; every other collection is compared before and after.
 */
const AUDIT_TRAILS: Partial<Record<SchemaId, string[]>> = { 'benefit.redeem': ['redemption_audit'] };

/** Per collection table: rows, bytes and last rowid (a cheap fingerprint of its content), audit trails left out. */
function tablesSignature(db: Database.Database, leaveOut: readonly string[]): string {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c\\_%' ESCAPE '\\' ORDER BY name`)
    .pluck()
    .all() as string[];
  return tables
    .filter((t) => !leaveOut.includes(t.slice(2)))
    .map(
      (t) =>
        `${t}:${db.prepare(`SELECT count(*) || '/' || coalesce(sum(length(body)), 0) || '/' || coalesce(max(rowid), 0) FROM "${t}"`).pluck().get() as string}`,
    )
    .join(',');
}

function idPool(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite%'`)
      .all() as { name: string }[];
    const ids: string[] = [];
    for (const { name } of tables) {
      const rows = db.prepare(`SELECT _id FROM "${name.replace(/"/g, '""')}" LIMIT 12`).all() as { _id: unknown }[];
      for (const r of rows) if (typeof r._id === 'string') ids.push(r._id);
    }
    return ids;
  } finally {
    db.close();
  }
}

/** Generates the cases: a sweep (every action × persona, a body that fits) then `runs` random ones. */
export function fuzzCases(ids: IdPool, runs: number, seed: number): FuzzCase[] {
  const schemaIds = Object.keys(schemaRegistry).sort() as SchemaId[];
  const make = (schemaId: SchemaId, persona: FuzzPersona, body: unknown, twist: Twist, pick: number): FuzzCase => {
    const schema = schemaRegistry[schemaId] as unknown as Schema;
    const data = applyTwist(body as Record<string, unknown>, schema, twist, pick);
    const action = schemaId.slice(schemaId.indexOf('.') + 1);
    return {
      schemaId,
      persona,
      twist,
      body: `{"action":${JSON.stringify(action)},"data":${toJsonText(data)}}`,
      long: longStringsIn(data, ECHO_MIN),
    };
  };
  const cases: FuzzCase[] = [];
  let n = 0;
  for (const schemaId of schemaIds) {
    const body = fc.sample(validArb(schemaRegistry[schemaId] as unknown as Schema, ids), { numRuns: 1, seed: seed + n++ })[0];
    for (const persona of FUZZ_PERSONAS) cases.push(make(schemaId, persona, body, { kind: 'none' }, 0));
  }
  const random = fc
    .constantFrom(...schemaIds)
    .chain((schemaId) =>
      fc.tuple(
        fc.constant(schemaId),
        fc.constantFrom(...FUZZ_PERSONAS),
        fc.oneof(validArb(schemaRegistry[schemaId] as unknown as Schema, ids), edgeArb(schemaRegistry[schemaId] as unknown as Schema, ids)),
        twistArb,
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
      ),
    );
  for (const [schemaId, persona, body, twist, pick] of fc.sample(random, { numRuns: runs, seed })) {
    cases.push(make(schemaId, persona, body, twist, pick));
  }
  return cases;
}

/**
 * A connection per call: a kept-alive socket the server closes after its idle timeout just as
 * the client reuses it (timers lag on a loaded machine) fails the call at the transport, which
 * would be counted against the server. A server that crashes or hangs still shows.
 */
function headersFor(persona: FuzzPersona): Record<string, string> {
  return { 'content-type': 'application/json', 'x-local-persona': persona, connection: 'close' };
}

async function post(cloud: LocalCloud, path: string, body: string, persona: FuzzPersona): Promise<{ status: number; json: unknown }> {
  let res: Response;
  let text: string;
  try {
    res = await fetch(cloud.appUrl + path, {
      method: 'POST',
      headers: headersFor(persona),
      body,
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
    text = await res.text();
  } catch (err) {
    // No answer in time, or the connection dropped or was refused: the server hangs, is down or cut the call off.
    return { status: 0, json: `transport failure: ${String((err as { cause?: unknown }).cause ?? err)}` };
  }
  try {
    return { status: res.status, json: JSON.parse(text) as unknown };
  } catch {
    return { status: res.status, json: text };
  }
}

/** Problems with one answer (empty when it is a proper answer). */
export function answerProblems(c: FuzzCase, status: number, json: unknown): { problems: string[]; code: string | null } {
  const where = `${c.schemaId} as ${c.persona} (${c.twist.kind})`;
  const r = json as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } };
  if (typeof r !== 'object' || r === null || (r.ok !== true && r.ok !== false)) {
    return { problems: [`${where}: not an envelope (HTTP ${status}): ${JSON.stringify(json).slice(0, 160)}`], code: null };
  }
  if (r.ok === true) {
    if (status !== 200 || !('data' in r)) return { problems: [`${where}: ok answer with HTTP ${status} or no data`], code: null };
    return { problems: [], code: null };
  }
  const code = r.error?.code;
  const message = r.error?.message;
  if (!isErrorCode(code) || typeof message !== 'string')
    return { problems: [`${where}: error without a known code and a message`], code: String(code) };
  const problems: string[] = [];
  if (code === 'INTERNAL') problems.push(`${where}: INTERNAL`);
  if (!CJK.test(message)) problems.push(`${where}: message not in Chinese: ${message.slice(0, 80)}`);
  if (LEAKY.test(message)) problems.push(`${where}: message shows a stack or a path: ${message.slice(0, 120)}`);
  if (message.length > 300) problems.push(`${where}: message of ${message.length} characters`);
  const echoed = c.long.find((s) => message.includes(s.slice(0, ECHO_MIN)));
  if (echoed !== undefined) problems.push(`${where}: message repeats ${echoed.length} characters of input`);
  return { problems, code };
}

export interface FuzzOptions {
  runs: number;
  seed: number;
  /** Called after each case (progress for the CLI). */
  onCase?: (done: number, total: number) => void;
}

/** Starts a cloud, runs the cases, stops the cloud, returns the figures. */
export async function runFuzz(options: FuzzOptions): Promise<FuzzFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'union-fuzz-'));
  const savedLevel = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = 'error'; // thousands of refused calls: only what went wrong (an INTERNAL's cause) is logged
  const cloud = await startLocalCloud({ dataDir, port: 0, dbPort: 0, staticDir: null, seed: true, runTimers: false });
  const watcher = new Database(join(dataDir, 'cloudbase.sqlite'), { readonly: true, fileMustExist: true });
  const dataVersion = () => watcher.pragma('data_version', { simple: true }) as number;
  const figures: FuzzFigures = {
    calls: 0,
    ok: 0,
    refused: 0,
    internal: 0,
    unexpectedWrites: 0,
    badEnvelope: 0,
    badMessage: 0,
    innocentFailed: 0,
    byCode: {},
    byTwist: {},
    ms: 0,
    problems: [],
  };
  const started = Date.now();
  try {
    const cases = fuzzCases(idPool(join(dataDir, 'cloudbase.sqlite')), options.runs, options.seed);
    for (const [i, c] of cases.entries()) {
      const fn = c.schemaId.slice(0, c.schemaId.indexOf('.'));
      const before = dataVersion();
      const trail = AUDIT_TRAILS[c.schemaId];
      const otherTablesBefore = trail ? tablesSignature(watcher, trail) : '';
      const [res, innocent] = await Promise.all([
        post(cloud, `/api/functions/${fn}`, c.body, c.persona),
        post(cloud, '/api/functions/system', '{"action":"serverTime","data":{}}', 'member'),
      ]);
      const wrote = dataVersion() !== before;
      figures.calls++;
      figures.byTwist[c.twist.kind] = (figures.byTwist[c.twist.kind] ?? 0) + 1;
      const { problems, code } = answerProblems(c, res.status, res.json);
      if (code === null && problems.length === 0) figures.ok++;
      else if (code !== null) {
        figures.refused++;
        figures.byCode[code] = (figures.byCode[code] ?? 0) + 1;
        if (code === 'INTERNAL') figures.internal++;
        else if (problems.length) figures.badMessage++;
        // An audit trail's own write is expected; anything else it touched is not.
        if (wrote && !(trail && tablesSignature(watcher, trail) === otherTablesBefore)) {
          figures.unexpectedWrites++;
          problems.push(`${c.schemaId} as ${c.persona} (${c.twist.kind}): refused with ${code} but wrote to the database`);
        }
      } else figures.badEnvelope++;
      if ((innocent.json as { ok?: unknown }).ok !== true) {
        figures.innocentFailed++;
        problems.push(
          `${c.schemaId} as ${c.persona} (${c.twist.kind}): a concurrent system.serverTime failed: ${JSON.stringify(innocent.json).slice(0, 160)}`,
        );
      }
      if (problems.length) figures.problems.push(...problems.map((p) => `${p} · body ${c.body.slice(0, 200)}`));
      options.onCase?.(i + 1, cases.length);
    }
    const alive = await post(cloud, '/api/functions/system', '{"action":"serverTime","data":{}}', 'member');
    if ((alive.json as { ok?: unknown }).ok !== true) figures.problems.push('the server did not answer after the run');
  } finally {
    figures.ms = Date.now() - started;
    watcher.close();
    await cloud.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (savedLevel === undefined) delete process.env.LOG_LEVEL;
    else process.env.LOG_LEVEL = savedLevel;
  }
  return figures;
}
