/**
 * Appoint (or remove) a union admin from the command line: how a city makes its first admin (the
 * root's, before anyone can use 管理员管理), and a way to fix rights when nobody in the app can.
 *
 *   npm run ops:set-admin -- --openid <openid> --union <code>                              dry run: print what it would do
 *   npm run ops:set-admin -- --openid <openid> --union <code> --apply                      grant
 *   npm run ops:set-admin -- --openid <openid> --union <code> --revoke --reason <原因> --apply
 *   … --db-url http://127.0.0.1:8788/admin                                                 against the local cloud's database
 *
 * The same rules as 管理员管理 in the app (member.adminAppoint / adminRemove), with the member
 * function's code (cloudfunctions/member/lib/unionAdmins.ts): one transaction that advances
 * `counters/unionAdmins_<unionId>`, replaces `users.adminUnionIds`, sets `actedAsAdminAt` and writes
 * an `admin_audit` entry whose actor is the operator (OPS_ACTOR: 「平台运维人员」); at most
 * UNION_ADMIN_LIMIT admins per union; the root's last admin cannot be revoked; a removal needs a
 * reason; the person gets the same in-app notice. Unlike the app (which names an active, claimed
 * member card), the user is named by openid and need not be a member — the first admin usually
 * is not —, but a user whose card is suspended is refused as in the app.
 *
 * A WeChat user who has never used the mini-program has no users document yet: granting creates
 * one in the shape the functions create (cloudfunctions/_lib/docs.ts `newUserDoc`, named
 * 「微信用户」 as content's follow does). Running the same command twice changes nothing the second
 * time (the transaction re-reads the user). Nothing else of the user changes (membership,
 * follows). Connection: scripts/ops/cloud.ts.
 *
 * Exit codes: 0 done (or nothing to do), 1 refused (unknown union, admin limit, the root's last
 * admin, suspended card; nothing written), 2 usage / connection settings.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ADMIN_REASON_MAX, ADMIN_REASON_MIN, UNION_ADMIN_LIMIT } from '../../shared/member/schemas';
import { C } from '../../cloudfunctions/_lib/collections';
import type { UnionDoc, UserDoc } from '../../cloudfunctions/_lib/docs';
import { AppFailure } from '../../cloudfunctions/_lib/router';
import type { AdminAuditDoc } from '../../cloudfunctions/member/lib/docs';
import { holdsMembership, newUserDoc } from '../../cloudfunctions/member/lib/link';
import { inTransaction, txGet } from '../../cloudfunctions/member/lib/tx';
import {
  OPS_ACTOR,
  adminsOf,
  assertNotLastRootAdmin,
  assertRoomFor,
  isRootUnion,
  lastRootAdminMessage,
  limitMessage,
  readCounter,
  removalReason,
  tellAppointee,
  tellRemoved,
  writeChange,
  type ChangeContext,
  type Target,
} from '../../cloudfunctions/member/lib/unionAdmins';
import { connect, consoleIo, describeFailure, maskOpenid, type Db, type Env, type Io } from './cloud';
import { LEVEL_TEMPLATE_LABELS, UNION_CODE_PATTERN } from './unionTemplate';

const USAGE =
  '用法：set-admin --openid <用户 openid（小程序「账号与隐私」中的用户编号）> --union <工会编码> [--revoke --reason <撤销原因>] [--apply] [--db-url http://127.0.0.1:8788/admin]';
/** WeChat openids are 28 characters of this alphabet; the local personas' are longer, readable ones. */
const OPENID_PATTERN = /^[A-Za-z0-9_-]{6,64}$/;
/** The name a users document starts with before the person joins (content/actions/follow.ts). */
export const NEW_USER_NAME = '微信用户';
const NOTHING_WRITTEN = '未写入任何数据。';
/** As member.adminAppoint refuses a suspended card (MEMBER_SUSPENDED). */
const SUSPENDED = '该用户的会员卡已停用，不能设为管理员；如需设置，请先在工会工作台「会员卡管理」中恢复会员卡';

const MEMBER_STATUS_LABELS: Record<string, string> = {
  none: '未入会',
  pending: '入会审核中',
  verified: '已认证会员',
  suspended: '会员卡已停用',
  rejected: '入会未通过',
};

interface Args {
  openid: string;
  union: string;
  revoke: boolean;
  reason: string | null;
  apply: boolean;
  dbUrl?: string;
}

function parse(argv: string[]): Args {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      openid: { type: 'string' },
      union: { type: 'string' },
      revoke: { type: 'boolean', default: false },
      reason: { type: 'string' },
      apply: { type: 'boolean', default: false },
      'db-url': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (positionals.length) throw new Error(`多余的参数：${positionals.join(' ')}`);
  const openid = values.openid?.trim() ?? '';
  const union = values.union?.trim() ?? '';
  if (!openid) throw new Error('请用 --openid 给出用户的 openid');
  if (!OPENID_PATTERN.test(openid)) throw new Error('openid 格式不正确：应为 6–64 位英文字母、数字、- 或 _（微信 openid 通常为 28 位）');
  if (!union) throw new Error('请用 --union 给出工会编码');
  if (!UNION_CODE_PATTERN.test(union)) throw new Error('工会编码格式不正确：应为最多 64 位英文字母、数字、- 或 _');
  const revoke = values.revoke === true;
  let reason: string | null = null;
  if (revoke) {
    // The removed admin reads it in the notice, as in 管理员管理.
    try {
      reason = removalReason(values.reason);
    } catch {
      throw new Error(`撤销须用 --reason 写明原因（${ADMIN_REASON_MIN}–${ADMIN_REASON_MAX} 个字），对方将在站内消息中看到`);
    }
  } else if (values.reason !== undefined) {
    throw new Error('--reason 只用于 --revoke');
  }
  return { openid, union, revoke, reason, apply: values.apply === true, dbUrl: values['db-url'] };
}

type Outcome = { changed: false } | { changed: true; audit: AdminAuditDoc; created: boolean };

export async function run(argv: string[], io: Io = consoleIo, env: Env = process.env, now: () => Date = () => new Date()): Promise<number> {
  let args: Args;
  try {
    if (argv.includes('--help')) {
      io.out(USAGE);
      return 0;
    }
    args = parse(argv);
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
  // One request id per run: a change is answered again only by re-reading the user (a re-run is a no-op).
  const ctx: ChangeContext = { db, now, requestId: `ops_${randomBytes(12).toString('hex')}` };
  const users = db.collection(C.users);
  const who = maskOpenid(args.openid);

  const union = ((await db.collection(C.unions).doc(args.union).get()).data[0] as UnionDoc | undefined) ?? null;
  if (!union && !args.revoke) {
    io.err(`工会编码「${args.union}」不存在：请先导入工会组织（npm run ops:import-unions），或检查编码是否正确。${NOTHING_WRITTEN}`);
    return 1;
  }
  const unionText = union
    ? `「${union.name}」（${union._id}，${LEVEL_TEMPLATE_LABELS[union.level] ?? union.level}）`
    : `「${args.union}」（数据库中没有这个工会）`;
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
  // The union's admins (users whose adminUnionIds hold it; the users.admins index).
  const admins = await adminsOf(ctx, args.union);
  io.out(`该工会现有管理员 ${admins.length} 人（每个工会最多 ${UNION_ADMIN_LIMIT} 人）`);
  const refuse = (message: string) => {
    io.err(`${message.replace(/[。；]$/, '')}。${NOTHING_WRITTEN}`);
    return 1;
  };

  if (args.revoke) {
    if (!current.includes(args.union)) {
      io.out(`该用户不是${unionText}的管理员，无需修改。`);
      return 0;
    }
    const others = admins.filter((id) => id !== args.openid);
    if (union && isRootUnion(union) && others.length === 0) {
      // The root has no parent whose admins could manage it (the in-app rule, checked again in the transaction).
      return refuse(lastRootAdminMessage(union));
    }
    const after = current.filter((id) => id !== args.union);
    io.out(`操作：撤销${unionText}的管理员身份`);
    io.out(`原因：${args.reason}（对方将在站内消息中看到）`);
    io.out(`之后管理的工会：${list(after)}${after.length ? '' : '（不再是管理员，工会工作台入口随之消失）'}`);
    if (others.length === 0) io.out('提示：撤销后该工会没有管理员，只能由上级工会的管理员管理（或再用本工具任命）。');
    io.out(`记录：写入管理员变更记录，操作人为「${OPS_ACTOR.name}」`);
    if (!args.apply) return dryRun(io);
    const unionDoc = union ?? missingUnion(args.union);
    let outcome: Outcome;
    try {
      outcome = await inTransaction<Outcome>(db, async (tx) => {
        const head = await readCounter(tx, ctx, OPS_ACTOR, unionDoc._id, 'remove');
        const stored = await txGet<UserDoc>(tx, C.users, args.openid);
        if (!stored || !(stored.adminUnionIds ?? []).includes(unionDoc._id)) return { changed: false };
        // A union no longer in the database is nobody's root: only a stored root keeps its last admin.
        if (union) await assertNotLastRootAdmin(ctx, union, args.openid);
        const audit = await writeChange(tx, ctx, OPS_ACTOR, unionDoc, head, 'remove', targetOf(stored, false), args.reason);
        return { changed: true, audit, created: false };
      });
    } catch (err) {
      if (err instanceof AppFailure) return refuse(err.message);
      throw err;
    }
    if (!outcome.changed) {
      io.out(`该用户不是${unionText}的管理员，无需修改。`);
      return 0;
    }
    await tellRemoved(ctx, unionDoc, outcome.audit);
    io.out('已撤销，已通知该用户。');
    return 0;
  }

  const target = union!;
  if (current.includes(target._id)) {
    io.out(`该用户已是${unionText}的管理员，无需修改。`);
    return 0;
  }
  if (user?.memberStatus === 'suspended') {
    return refuse(SUSPENDED);
  }
  if (admins.filter((id) => id !== args.openid).length >= UNION_ADMIN_LIMIT) return refuse(limitMessage(target));
  const above = current.filter((id) => target.ancestors.includes(id));
  io.out(`操作：授予${unionText}的管理员身份（可管理该工会及其下级工会）`);
  if (above.length) io.out(`提示：该用户已管理上级工会 ${list(above)}，本就可以管理该工会；仍会单独记录这一项。`);
  if (!user) io.out(`将新建用户记录（${NEW_USER_NAME}，未入会）。请确认 openid 无误：写错的 openid 不对应任何人，真正的用户不会获得权限。`);
  io.out(`之后管理的工会：${list([...current, target._id])}`);
  io.out(`记录：写入管理员变更记录，操作人为「${OPS_ACTOR.name}」；该用户会收到站内消息「您已被设为工会管理员」`);
  if (!args.apply) return dryRun(io);
  let outcome: Outcome;
  try {
    outcome = await inTransaction<Outcome>(db, async (tx) => {
      const head = await readCounter(tx, ctx, OPS_ACTOR, target._id, 'appoint');
      const stored = await txGet<UserDoc>(tx, C.users, args.openid);
      if (stored && (stored.adminUnionIds ?? []).includes(target._id)) return { changed: false };
      if (stored?.memberStatus === 'suspended') throw new AppFailure('MEMBER_SUSPENDED', SUSPENDED);
      await assertRoomFor(ctx, target, args.openid);
      const person = stored ?? { _id: args.openid, ...newUserDoc(args.openid, NEW_USER_NAME, ctx.now()) };
      const audit = await writeChange(tx, ctx, OPS_ACTOR, target, head, 'appoint', targetOf(person, !stored), null);
      return { changed: true, audit, created: !stored };
    });
  } catch (err) {
    if (err instanceof AppFailure) return refuse(err.message);
    throw err;
  }
  if (!outcome.changed) {
    io.out(`该用户已是${unionText}的管理员，无需修改。`);
    return 0;
  }
  await tellAppointee(ctx, target, outcome.audit);
  io.out(outcome.created ? '已新建用户记录并授予。' : '已授予。');
  if (current.length === 0) io.out('该用户再次打开小程序的「我的」页时，会看到「工会工作台」入口。');
  return 0;
}

function dryRun(io: Io): number {
  io.out('这是试运行（dry run），未写入任何数据。确认无误后加 --apply 执行。');
  return 0;
}

/** Who the audit entry names: the card for a member (it then shows in the card's history), else the masked name. */
function targetOf(user: UserDoc, create: boolean): Target {
  const member = holdsMembership(user);
  return {
    user,
    create,
    memberId: member ? (user.memberId ?? null) : null,
    cardNo: member ? (user.cardNo ?? null) : null,
    nameMasked: user.nameMasked || '',
  };
}

/** Revoking a union that is no longer in the database: what the audit entry and the notice name. */
function missingUnion(code: string): UnionDoc {
  return { _id: code, code, name: `工会 ${code}`, level: 'grassroots', kind: null, parentId: null, ancestors: [], address: '' };
}

async function unionNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const res = await db
    .collection(C.unions)
    .where({ _id: db.command.in(unique) })
    .limit(Math.min(1000, unique.length))
    .field({ name: true })
    .get();
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
