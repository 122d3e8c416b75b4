/**
 * Functions, their environment and their timer triggers through @cloudbase/manager-node's
 * FunctionService. `createFunction` with `force` creates the function, or updates its code and
 * configuration (environment variables included: CloudBase replaces the whole set) and creates
 * its triggers. Triggers the code no longer declares are deleted afterwards, so a timer removed
 * from config.json stops firing (and stops being paid for) in the environment too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const RUNTIME = 'Nodejs18.15';

export interface TriggerDef {
  name: string;
  type: string;
  config: string;
}

export interface FunctionDef {
  name: string;
  runtime: string;
  handler: string;
  timeout: number;
  installDependency: boolean;
  triggers: TriggerDef[];
}

/** The part of manager-node's FunctionService the deploy uses (tests pass the real one). */
export interface FunctionsApi {
  createFunction(p: {
    func: FunctionDef & { envVariables: Record<string, string> };
    functionRootPath: string;
    force: boolean;
    deployMode: 'zip';
  }): Promise<unknown>;
  getFunctionDetail(name: string): Promise<{ Triggers?: Array<{ TriggerName: string; Type: string; TriggerDesc?: string }> }>;
  deleteFunctionTrigger(name: string, triggerName: string): Promise<unknown>;
}

/** From the built function's config.json (what cloudbaserc.json is checked against). */
export function functionDef(functionsOut: string, name: string): FunctionDef {
  const cfg = JSON.parse(readFileSync(join(functionsOut, name, 'config.json'), 'utf8')) as { timeout?: number; triggers?: TriggerDef[] };
  return {
    name,
    runtime: RUNTIME,
    handler: 'index.main',
    timeout: cfg.timeout ?? 20,
    installDependency: true,
    triggers: cfg.triggers ?? [],
  };
}

export async function deployFunction(
  api: FunctionsApi,
  def: FunctionDef,
  envVariables: Record<string, string>,
  functionRootPath: string,
  log: (line: string) => void,
): Promise<{ deletedTriggers: string[] }> {
  // 'zip': the code travels in the API request (ZipFile, at most 1.5 MB; the bundles zip to a few
  // hundred KB) instead of a temporary COS upload, so the deploy needs no storage service.
  await api.createFunction({ func: { ...def, envVariables }, functionRootPath, force: true, deployMode: 'zip' });
  log(
    `  云函数 ${def.name}：代码、环境变量（${Object.keys(envVariables).join('、')}）、定时触发器 ${def.triggers.map((t) => t.name).join('、') || '无'}`,
  );
  const wanted = new Set(def.triggers.map((t) => t.name));
  const deletedTriggers: string[] = [];
  for (const t of (await api.getFunctionDetail(def.name)).Triggers ?? []) {
    if (t.Type !== 'timer' || wanted.has(t.TriggerName)) continue;
    await api.deleteFunctionTrigger(def.name, t.TriggerName);
    deletedTriggers.push(t.TriggerName);
    log(`  云函数 ${def.name}：删除已不在 config.json 中的触发器 ${t.TriggerName}`);
  }
  return { deletedTriggers };
}

/** SCF answers a timer's TriggerDesc as `{"cron":"…"}`; BatchCreateTrigger takes the bare cron. */
export function cronOf(desc: string | undefined): string {
  if (!desc) return '';
  try {
    const parsed = JSON.parse(desc) as { cron?: unknown };
    return typeof parsed.cron === 'string' ? parsed.cron : desc;
  } catch {
    return desc;
  }
}

/** Triggers that differ from config.json after the deploy (no lines when all match). */
export async function verifyTriggers(api: FunctionsApi, def: FunctionDef): Promise<string[]> {
  const have = new Map(
    ((await api.getFunctionDetail(def.name)).Triggers ?? [])
      .filter((t) => t.Type === 'timer')
      .map((t) => [t.TriggerName, cronOf(t.TriggerDesc)]),
  );
  const out: string[] = [];
  for (const t of def.triggers) {
    const desc = have.get(t.name);
    if (desc === undefined) out.push(`- 云函数 ${def.name} 缺少定时触发器 ${t.name}（${t.config}）`);
    else if (desc !== t.config) out.push(`! 云函数 ${def.name} 触发器 ${t.name}：应为 ${t.config}，实际 ${desc}`);
    have.delete(t.name);
  }
  for (const name of have.keys()) out.push(`+ 云函数 ${def.name} 多出定时触发器 ${name}`);
  return out;
}
