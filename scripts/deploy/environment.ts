/**
 * What a real deploy needs from the deployer's environment (never from the repository), and the
 * environment variables each function gets. Checked before anything is sent anywhere: a missing
 * secret stops the deploy with the full list, so a half-configured environment never exists.
 */
import { SECRET_NAMES } from '../../cloudfunctions/_lib/personal';
import { TEMPLATES } from '../../shared/notify/templates';
import { CONSOLE_LOGIN_KEY_ENV } from '../../cloudfunctions/member/lib/consoleLoginTicket';

export type Env = Readonly<Record<string, string | undefined>>;

/** Read by every function through cloudfunctions/_lib/personal.ts (hashes, card and upload tokens, calls between functions). */
export const FUNCTION_SECRETS = SECRET_NAMES;

/**
 * Passed on when set: subscribe-message template ids (without one, that message is logged as not
 * sent); the environment's custom-login private key for 工会工作台 sign-in on CloudBase (the JSON
 * of the key file; without it the console can only use the local front door, docs/console.md).
 */
const OPTIONAL_BY_FUNCTION: Record<string, string[]> = {
  notify: [...Object.values(TEMPLATES).map((t) => t.envVar), 'WX_MINIPROGRAM_STATE'],
  member: [CONSOLE_LOGIN_KEY_ENV],
};

export interface Credentials {
  envId: string;
  secretId: string;
  secretKey: string;
  token?: string;
}

/** Every missing variable, each with what it is for (empty when the deploy may start). */
export function missingEnv(env: Env): string[] {
  const out: string[] = [];
  if (!env.TCB_ENV_ID) out.push('TCB_ENV_ID（云开发环境 ID）');
  if (!(env.TENCENTCLOUD_SECRETID || env.TCB_SECRET_ID)) out.push('TENCENTCLOUD_SECRETID 或 TCB_SECRET_ID（腾讯云 API 密钥 ID）');
  if (!(env.TENCENTCLOUD_SECRETKEY || env.TCB_SECRET_KEY)) out.push('TENCENTCLOUD_SECRETKEY 或 TCB_SECRET_KEY（腾讯云 API 密钥）');
  for (const name of FUNCTION_SECRETS) {
    const value = env[name];
    if (!value)
      out.push(`${name}（云函数密钥，至少 32 个字符，例如 openssl rand -hex 32 生成；丢失后已签发的会员码与身份证号散列全部失效）`);
    else if (value.length < 32) out.push(`${name}（太短：至少 32 个字符）`);
  }
  return out;
}

export function credentialsOf(env: Env): Credentials {
  return {
    envId: env.TCB_ENV_ID!,
    secretId: (env.TENCENTCLOUD_SECRETID || env.TCB_SECRET_ID)!,
    secretKey: (env.TENCENTCLOUD_SECRETKEY || env.TCB_SECRET_KEY)!,
    token: env.TENCENTCLOUD_SESSIONTOKEN || undefined,
  };
}

/** The function's environment variables (CloudBase replaces the whole set on each update). */
export function functionEnvironment(name: string, env: Env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of FUNCTION_SECRETS) out[key] = env[key]!;
  for (const key of OPTIONAL_BY_FUNCTION[name] ?? []) if (env[key]) out[key] = env[key]!;
  return out;
}

/** The names only, for a plan: values are never printed. */
export function environmentNames(name: string): string[] {
  return [...FUNCTION_SECRETS, ...(OPTIONAL_BY_FUNCTION[name] ?? []).map((k) => `${k}（可选）`)];
}
