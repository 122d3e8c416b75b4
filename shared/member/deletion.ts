/**
 * 注销账号 (member.deletionPreview / member.deleteAccount): what the member is told will be
 * deleted, what is kept without their identity and why, and what blocks it. The function counts;
 * this module turns the counts into the Chinese lines the page shows. No personal data goes in
 * or out: counts, union names and period labels only. Rules: docs/membership.md
 * 「注销账号: what is deleted, what is kept」.
 */

/**
 * What stands in for a deleted account's openid in the records that are kept: `deleted:<keyed
 * hash>`. No notice is ever written for it (cloudfunctions/_lib/notify.ts).
 */
export const TOMBSTONE_PREFIX = 'deleted:';

export function isTombstone(openid: string): boolean {
  return openid.startsWith(TOMBSTONE_PREFIX);
}

/** What the member types to confirm. */
export const DELETE_CONFIRM_WORD = '注销';

/** What replaces a name (or a child's masked name) in the records that are kept. */
export const DELETED_NAME = '（已注销）';

/** What replaces the acting staff member's masked name in audit trails they appear in. */
export const DELETED_STAFF_NAME = '已注销账号';

/** How much of the user's data each part of the deletion touches (no personal data). */
export interface DeletionCounts {
  /** A `users` document exists (profile, status, follows). */
  account: boolean;
  /** Unions followed. */
  follows: number;
  /** Linked to a member record (会员名册): the union's name, for the line that says it stays. */
  membershipUnion: string | null;
  /** Join applications (pending ones are withdrawn). */
  applications: number;
  pendingApplications: number;
  children: number;
  daycareConsent: boolean;
  daycareFamily: boolean;
  /** Sign-ups still in play (registered / waitlisted / offered): withdrawn or declined. */
  daycareActive: number;
  /** Registrations (after the ones in play are ended): kept without the guardian and the child's name. */
  daycareKept: number;
  /** Day-care sites where the user is named staff. */
  staffSites: number;
  /** Pending / refused / withdrawn recuperation applications: deleted. */
  recuDeleted: number;
  /** Trips taken (approved and over, attended, absent): kept without the name. */
  recuKept: number;
  /** Valid, unredeemed benefit codes: voided. */
  claimsDeleted: number;
  /** Redeemed or expired codes: kept for settlement. */
  claimsKept: number;
  /** Draw registrations not drawn yet: withdrawn. */
  drawDeleted: number;
  /** Drawn registrations: kept under the published anonymous entrant number. */
  drawKept: number;
  /** Activity sign-ups (records deleted). */
  signups: number;
  /** …of which are signed up or waitlisted for an activity that has not started: cancelled first. */
  signupsCancelled: number;
  notices: number;
  /** Subscribe messages waiting to be sent. */
  pendingMessages: number;
}

export type DeletionStatus = 'ready' | 'blocked' | 'in_progress';

export interface DeletionPreview {
  status: DeletionStatus;
  /** Why it cannot be done now (Chinese, one per item); empty unless `blocked`. */
  blockers: string[];
  /** What is deleted (Chinese lines). */
  willDelete: string[];
  /** What is kept, without the member's identity, and why (Chinese lines). */
  willKeep: string[];
  /** The line about the union's member record, null when the user holds no membership. */
  membership: string | null;
  counts: DeletionCounts;
}

export interface DeleteAccountResult {
  /** `in_progress`: part of the work is left (a large account, or another run holds it); call again or let the timer finish. */
  status: 'done' | 'in_progress';
  /** ISO instant, when done. */
  finishedAt: string | null;
}

export const EMPTY_COUNTS: DeletionCounts = {
  account: false,
  follows: 0,
  membershipUnion: null,
  applications: 0,
  pendingApplications: 0,
  children: 0,
  daycareConsent: false,
  daycareFamily: false,
  daycareActive: 0,
  daycareKept: 0,
  staffSites: 0,
  recuDeleted: 0,
  recuKept: 0,
  claimsDeleted: 0,
  claimsKept: 0,
  drawDeleted: 0,
  drawKept: 0,
  signups: 0,
  signupsCancelled: 0,
  notices: 0,
  pendingMessages: 0,
};

/** The union keeps the member record; the account is only unlinked from it. */
export function membershipLine(unionName: string): string {
  return `您在「${unionName}」的会员身份属于工会会员名册，注销不会删除会员身份，只解除与本微信账号的绑定；以后可用新的微信账号凭姓名和身份证号重新认领会员卡。`;
}

/** The lines of the preview (and of the done screen). */
export function deletionLines(c: DeletionCounts): { willDelete: string[]; willKeep: string[] } {
  const del: string[] = [];
  const keep: string[] = [];
  if (c.account) del.push(`账号信息：会员状态、关注的工会${c.follows > 0 ? `（${c.follows} 个）` : ''}、消息订阅设置`);
  if (c.applications > 0) {
    del.push(`入会申请 ${c.applications} 份${c.pendingApplications > 0 ? '（审核中的申请将撤回）' : ''}，含姓名、证件号和手机号的脱敏信息`);
  }
  if (c.children > 0 || c.daycareConsent || c.daycareFamily) {
    const parts = [
      c.children > 0 ? `孩子信息 ${c.children} 个` : '',
      c.daycareConsent ? '监护人单独同意' : '',
      c.daycareFamily ? '家庭情况申报' : '',
    ].filter(Boolean);
    del.push(`暑托班：${parts.join('、')}`);
  }
  if (c.daycareActive > 0) del.push(`暑托班：未结束的报名 ${c.daycareActive} 个将撤回（递补名额将放弃，名额顺延给候补家庭）`);
  if (c.staffSites > 0) del.push(`暑托班托管点工作人员身份（${c.staffSites} 个托管点）`);
  if (c.recuDeleted > 0) del.push(`疗休养：未获批准的申请 ${c.recuDeleted} 份（审核中的申请将撤回）`);
  if (c.claimsDeleted > 0) del.push(`福利：未核销的兑换码 ${c.claimsDeleted} 个将作废，不能再使用`);
  if (c.drawDeleted > 0) del.push(`福利：尚未抽签的报名 ${c.drawDeleted} 个将撤回`);
  if (c.signups > 0) {
    del.push(
      `活动报名记录 ${c.signups} 条${c.signupsCancelled > 0 ? `（未开始的活动 ${c.signupsCancelled} 个将取消报名，名额让给候补）` : ''}`,
    );
  }
  del.push('内容阅读记录');
  if (c.notices > 0 || c.pendingMessages > 0) {
    del.push(`站内消息 ${c.notices} 条${c.pendingMessages > 0 ? `，待发送的订阅消息 ${c.pendingMessages} 条将不再发送` : ''}`);
  }
  if (c.claimsKept > 0) keep.push(`已核销或已过期的福利兑换记录 ${c.claimsKept} 条：用于与商家结算和核销审计，不再关联您的账号`);
  if (c.drawKept > 0) keep.push(`已开奖的抽签记录 ${c.drawKept} 条：保证公布的抽签结果可以复核，只保留匿名编号`);
  if (c.recuKept > 0)
    keep.push(`已参加的疗休养记录 ${c.recuKept} 条：用于福利经费核算和“3 年内不重复参加”的规定，删除姓名，不再关联您的账号`);
  if (c.daycareKept > 0) keep.push(`暑托班报名和出勤记录 ${c.daycareKept} 条：托管点存档和名额统计，删除孩子姓名，不再关联您的账号`);
  return { willDelete: del, willKeep: keep };
}

/** The refusal: every blocking item, numbered. */
export function blockedMessage(blockers: readonly string[]): string {
  if (blockers.length === 1) return `暂时不能注销账号：${blockers[0]}`;
  return `暂时不能注销账号：${blockers.map((b, i) => `${i + 1}. ${b}`).join('；')}`;
}
