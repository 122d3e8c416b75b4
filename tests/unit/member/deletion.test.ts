/** The preview's Chinese lines (shared/member/deletion.ts): counts in, lines out, nothing personal. */
import { blockedMessage, deletionLines, EMPTY_COUNTS, isTombstone, membershipLine } from '../../../shared/member/deletion';

it('a user with nothing stored is told only about read records', () => {
  expect(deletionLines(EMPTY_COUNTS)).toEqual({ willDelete: ['内容阅读记录'], willKeep: [] });
});

it('names every kind of record that is deleted or kept, with counts', () => {
  const lines = deletionLines({
    ...EMPTY_COUNTS,
    account: true,
    follows: 5,
    applications: 1,
    pendingApplications: 1,
    children: 2,
    daycareConsent: true,
    daycareActive: 1,
    daycareKept: 3,
    recuDeleted: 1,
    recuKept: 1,
    claimsDeleted: 2,
    claimsKept: 1,
    drawDeleted: 1,
    drawKept: 1,
    signups: 2,
    signupsCancelled: 1,
    notices: 7,
    pendingMessages: 1,
  });
  expect(lines.willDelete).toEqual([
    '账号信息：会员状态、关注的工会（5 个）、消息订阅设置',
    '入会申请 1 份（审核中的申请将撤回），含姓名、证件号和手机号的脱敏信息',
    '暑托班：孩子信息 2 个、监护人单独同意',
    '暑托班：未结束的报名 1 个将撤回（递补名额将放弃，名额顺延给候补家庭）',
    '疗休养：未获批准的申请 1 份（审核中的申请将撤回）',
    '福利：未核销的兑换码 2 个将作废，不能再使用',
    '福利：尚未抽签的报名 1 个将撤回',
    '活动报名记录 2 条（未开始的活动 1 个将取消报名，名额让给候补）',
    '内容阅读记录',
    '站内消息 7 条，待发送的订阅消息 1 条将不再发送',
  ]);
  expect(lines.willKeep).toHaveLength(4);
  expect(lines.willKeep[0]).toBe('已核销或已过期的福利兑换记录 1 条：用于与商家结算和核销审计，不再关联您的账号');
});

it('numbers the blocking items when there are several', () => {
  expect(blockedMessage(['甲'])).toBe('暂时不能注销账号：甲');
  expect(blockedMessage(['甲', '乙'])).toBe('暂时不能注销账号：1. 甲；2. 乙');
});

it('says the membership stays with the union, and recognises a tombstone', () => {
  expect(membershipLine('新碶工会')).toContain('注销不会删除会员身份');
  expect(isTombstone('deleted:0123')).toBe(true);
  expect(isTombstone('o_local_member')).toBe(false);
});
