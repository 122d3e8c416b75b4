/**
 * Appoint (or remove) a union admin: adds the union to `users/<openid>.adminUnionIds` (or takes
 * it out). How a city makes its first admin; later admins can be appointed the same way.
 *
 *   npm run ops:set-admin -- --openid <openid> --union <code>             dry run: print what it would do
 *   npm run ops:set-admin -- --openid <openid> --union <code> --apply     grant
 *   npm run ops:set-admin -- --openid <openid> --union <code> --revoke --apply
 *   … --db-url http://127.0.0.1:8788/admin                                against the local cloud's database
 *
 * A WeChat user who has never used the mini-program has no users document yet: granting creates
 * one in the shape the functions create (cloudfunctions/member/lib/link.ts `newUserDoc`, named
 * 「微信用户」 as content's follow does). Both changes are single atomic array updates
 * (`addToSet` / `pull`), so running the same command twice changes nothing the second time.
 * Nothing else of the user changes (membership, follows). Connection: scripts/ops/cloud.ts.
 *
 * Exit codes: 0 done (or nothing to do), 1 refused (unknown union), 2 usage / connection settings.
 */
import { parseArgs } from 'node:util';
import { C } from '../../cloudfunctions/_lib/collections';
import type { UnionDoc, UserDoc } from '../../cloudfunctions/_lib/docs';
import { newUserDoc } from '../../cloudfunctions/member/lib/link';
import { connect, consoleIo, describeFailure, failed, maskOpenid, type Db, type Env, type Io } from './cloud';
import { LEVEL_TEMPLATE_LABELS, UNION_CODE_PATTERN } from './unionTemplate';

const USAGE = '用法：set-admin --openid <用户 openid> --union <工会编码> [--revoke] [--apply] [--db-url http://127.0.0.1:8788/admin]';
/** WeChat openids are 28 characters of this alphabet; the local personas' are longer, readable ones. */
const OPENID_PATTERN = /^[A-Za-z0-9_-]{6,64}$/;
/** The name a users document starts with before the person joins (content/actions/follow.ts). */
export const NEW_USER_NAME = '微信用户';

const MEMBER_STATUS_LABELS: Record<string, string> = {
  none: '未入会',
  pending: '入会审核中',
  verified: '已认证会员',
  suspended: '会员卡已停用',
  rejected: '入会未通过',
};

export async function run(argv: string[], io: Io = consoleIo, env: Env = process.env, now: () => Date = () => new Date()): Promise<number> {
  let args: { openid: string; union: string; revoke: boolean; apply: boolean; dbUrl?: string };
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        openid: { type: 'string' },
        union: { type: 'string' },
        revoke: { type: 'boolean', default: false },
        apply: { type: 'boolean', default: false },
        'db-url': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    if (positionals.length) throw new Error(`多余的参数：${positionals.join(' ')}`);
    const openid = values.openid?.trim() ?? '';
    const union = values.union?.trim() ?? '';
    if (!openid) throw new Error('请用 --openid 给出用户的 openid');
    if (!OPENID_PATTERN.test(openid)) throw new Error('openid 格式不正确：应为 6–64 位英文字母、数字、- 或 _（微信 openid 通常为 28 位）');
    if (!union) throw new Error('请用 --union 给出工会编码');
    if (!UNION_CODE_PATTERN.test(union)) throw new Error('工会编码格式不正确：应为最多 64 位英文字母、数字、- 或 _');
    args = { openid, union, revoke: values.revoke === true, apply: values.apply === true, dbUrl: values['db-url'] };
  } catch (e) {
    io.err(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }

  const conn = connect(args.dbUrl, env);
  if (!conn.ok) {
    io.err(conn.reason);
    return 2;
  }
  const { db } = conn;
  const _ = db.command;
  const users = db.collection(C.users);
  const who = maskOpenid(args.openid);

  const union = ((await db.collection(C.unions).doc(args.union).get()).data[0] as UnionDoc | undefined) ?? null;
  if (!union && !args.revoke) {
    io.err(`工会编码「${args.union}」不存在：请先导入工会组织（npm run ops:import-unions），或检查编码是否正确。未写入任何数据。`);
    return 1;
  }
  const unionText = union ? `「${union.name}」（${union._id}，${LEVEL_TEMPLATE_LABELS[union.level] ?? union.level}）` : `「${args.union}」（数据库中没有这个工会）`;
  const user = ((await users.doc(args.openid).get()).data[0] as UserDoc | undefined) ?? null;

  io.out(`目标：${conn.target}`);
  if (user) {
    const status = MEMBER_STATUS_LABELS[user.memberStatus] ?? user.memberStatus;
    io.out(`用户 ${who}：${user.nameMasked || NEW_USER_NAME}，${status}`);
  } else {
    io.out(`用户 ${who}：还没有用户记录（尚未在小程序中入会或关注工会）`);
  }
  const current = user?.adminUnionIds ?? [];
  const names = await unionNames(db, [...current, ...(union?.ancestors ?? [])]);
  const list = (ids: readonly string[]) => (ids.length ? ids.map((id) => `${names.get(id) ?? id}（${id}）`).join('、') : '无');
  io.out(`现在管理的工会：${list(current)}`);
  // How many admins the union has (users whose adminUnionIds hold it; the users.admins index).
  const admins = (await users.where({ adminUnionIds: args.union }).count()).total ?? 0;
  io.out(`该工会现有管理员 ${admins} 人`);

  if (args.revoke) {
    if (!current.includes(args.union)) {
      io.out(`该用户不是${unionText}的管理员，无需修改。`);
      return 0;
    }
    const after = current.filter((id) => id !== args.union);
    io.out(`操作：撤销${unionText}的管理员身份`);
    io.out(`之后管理的工会：${list(after)}${after.length ? '' : '（不再是管理员，工会工作台入口随之消失）'}`);
    if (admins <= 1) io.out('提示：撤销后该工会没有管理员，只能由上级工会的管理员管理（或再用本工具任命）。');
    if (!args.apply) {
      io.out('这是试运行（dry run），未写入任何数据。确认无误后加 --apply 执行。');
      return 0;
    }
    const res = await users.doc(args.openid).update({ adminUnionIds: _.pull(args.union), updatedAt: now() });
    const failure = failed(res);
    if (failure) throw new Error(`${failure.code} ${failure.message ?? ''}`);
    io.out('已撤销。');
    return 0;
  }

  if (current.includes(args.union)) {
    io.out(`该用户已是${unionText}的管理员，无需修改。`);
    return 0;
  }
  const above = current.filter((id) => union!.ancestors.includes(id));
  io.out(`操作：授予${unionText}的管理员身份（可管理该工会及其下级工会）`);
  if (above.length) io.out(`提示：该用户已管理上级工会 ${list(above)}，本就可以管理该工会；仍会单独记录这一项。`);
  if (!user) io.out(`将新建用户记录（${NEW_USER_NAME}，未入会）。请确认 openid 无误：写错的 openid 不对应任何人，真正的用户不会获得权限。`);
  io.out(`之后管理的工会：${list([...current, args.union])}`);
  if (!args.apply) {
    io.out('这是试运行（dry run），未写入任何数据。确认无误后加 --apply 执行。');
    return 0;
  }
  const at = now();
  let created = false;
  if (!user) {
    try {
      const res = await users.add({ _id: args.openid, ...newUserDoc(args.openid, NEW_USER_NAME, at), adminUnionIds: [args.union] });
      const failure = failed(res);
      if (failure) throw Object.assign(new Error(failure.message ?? failure.code), { code: failure.code });
      created = true;
    } catch (err) {
      // The user opened the app in the meantime: their new document gets the right added below.
      if ((err as { code?: string }).code !== 'DATABASE_DUPLICATE_WRITE') throw err;
    }
  }
  if (!created) {
    const res = await users.doc(args.openid).update({ adminUnionIds: _.addToSet(args.union), updatedAt: at });
    const failure = failed(res);
    if (failure) throw new Error(`${failure.code} ${failure.message ?? ''}`);
  }
  io.out(created ? '已新建用户记录并授予。' : '已授予。');
  if (current.length === 0) io.out('该用户再次打开小程序的「我的」页时，会看到「工会工作台」入口。');
  return 0;
}

async function unionNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const res = await db.collection(C.unions).where({ _id: db.command.in(unique) }).limit(Math.min(1000, unique.length)).field({ name: true }).get();
  return new Map((res.data as Array<{ _id: string; name: string }>).map((u) => [u._id, u.name]));
}

if (process.argv[1] && /ops[\\/]set-admin(\.ts)?$/.test(process.argv[1])) {
  run(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`执行失败：${describeFailure(err)}`);
      process.exit(1);
    },
  );
}
