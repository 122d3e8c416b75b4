/**
 * The member-facing state of a drop at an instant, with the Chinese sentence that explains it.
 * Shared by the function (benefit.list) and the page (re-evaluated when the countdown ends, on
 * the server clock), so both always agree.
 */
import { nextWeekdayAt } from '../time';
import { groupThousands, quoted } from '../text';
import { clockTime, friendly as formatBusinessFriendly } from './fastTime';
import type { DropCard } from './schemas';

export type DropState =
  | 'not_open' // 未开始
  | 'open' // 抢
  | 'sold_out' // 已抢完
  | 'claimed' // 已领取
  | 'closed' // 已结束
  | 'ineligible' // 不符合条件
  | 'register_soon' // 报名未开始
  | 'register_open' // 报名
  | 'registered' // 已报名
  | 'register_closed' // 报名已截止
  | 'won' // 已中签
  | 'lost' // 未中签
  | 'cancelled'; // 已撤回

export interface DropStateView {
  state: DropState;
  /** Button / badge text. */
  label: string;
  /** One sentence saying why. */
  explain: string;
  /** What the button does, when it is enabled. */
  action: 'claim' | 'register' | null;
}

export const DEFAULT_OPEN_WEEKDAY = 5; // Friday
export const DEFAULT_OPEN_HOUR = 10;

/** Default opening: next Friday 10:00 Asia/Shanghai. */
export function defaultOpening(now: number): number {
  return nextWeekdayAt(now, DEFAULT_OPEN_WEEKDAY, DEFAULT_OPEN_HOUR).getTime();
}

/**
 * 撤回 (benefit.adminCancel) is accepted until this long before the opening (for a draw: before
 * the draw, which runs at the opening). The claim path serves drops from instance memory: a copy
 * is reloaded every 10 s and used at most 60 s after the read it came from (DROP_TTL_MS and
 * DROP_STALE_MAX_MS in cloudfunctions/benefit/lib/memory.ts). Five minutes is that 60 s bound plus
 * four minutes' margin for clocks that differ between instances, so by the opening every instance
 * refuses a withdrawn drop from its cached copy, without reading it again (docs/benefit.md).
 */
export const CANCEL_LEAD_MS = 5 * 60_000;

/** Last instant at which a drop opening at `opensAt` may still be withdrawn. */
export function cancelDeadline(opensAt: number): number {
  return opensAt - CANCEL_LEAD_MS;
}

/** The sentence members read (notice, card, 我的福利): “<title>”已撤回：<reason>. */
export function cancelledSentence(title: string, reason: string): string {
  return `${quoted(title)}已撤回：${reason}`;
}

const n = groupThousands;

export function soldOutSentence(stock: number, soldOutAt: number | null): string {
  return soldOutAt ? `本次共 ${n(stock)} 份，已于 ${clockTime(soldOutAt)} 领完` : `本次共 ${n(stock)} 份，已全部领完`;
}

/**
 * The draw's outcome in words. The seed (and how to check the draw with it) is not part of the
 * sentence: people read a hex string as noise. It stays one tap away under 如何验证.
 */
export function drawSentence(result: 'won' | 'lost', registrants: number, winners: number): string {
  const head = result === 'won' ? '已中签' : '未中签';
  const tail = result === 'won' ? '，兑换码已发放到“我的福利”' : '，抽签过程公开可查';
  return `${head}：报名 ${n(registrants)} 人，中签 ${n(winners)} 人${tail}`;
}

export function dropState(d: DropCard, now: number): DropStateView {
  if (d.cancelled) {
    return {
      state: 'cancelled',
      label: '已撤回',
      explain: `${d.unionName}已于 ${formatBusinessFriendly(d.cancelled.at)} 撤回：${d.cancelled.reason}`,
      action: null,
    };
  }
  if (d.mode === 'draw') return drawState(d, now);
  if (d.mine.claims >= d.perMemberLimit) {
    return {
      state: 'claimed',
      label: '已领取',
      explain: `已领取 ${d.mine.claims} 份（每人限 ${d.perMemberLimit} 份），兑换码见“我的福利”`,
      action: null,
    };
  }
  if (d.ineligible) return { state: 'ineligible', label: '不符合条件', explain: d.ineligible, action: null };
  if (now < d.opensAt)
    return { state: 'not_open', label: '未开始', explain: `${formatBusinessFriendly(d.opensAt)} 开抢，共 ${n(d.stock)} 份`, action: null };
  if (d.soldOutAt !== null || d.left === 0)
    return { state: 'sold_out', label: '已抢完', explain: soldOutSentence(d.stock, d.soldOutAt), action: null };
  if (now >= d.closesAt)
    return { state: 'closed', label: '已结束', explain: `已于 ${formatBusinessFriendly(d.closesAt)} 结束`, action: null };
  const claimedNote =
    d.mine.claims > 0 ? `已领 ${d.mine.claims} 份，还可再领 ${d.perMemberLimit - d.mine.claims} 份` : `每人限 ${d.perMemberLimit} 份`;
  return { state: 'open', label: '抢', explain: `正在开抢，共 ${n(d.stock)} 份，${claimedNote}`, action: 'claim' };
}

function drawState(d: DropCard, now: number): DropStateView {
  const closes = d.registerClosesAt ?? d.opensAt;
  if (d.mine.result === 'excluded') {
    const why = d.ineligible ?? '抽签时不符合参与条件';
    return { state: 'ineligible', label: '未参与抽签', explain: `未参与抽签：${why}`, action: null };
  }
  if (d.mine.result === 'cancelled') {
    return { state: 'cancelled', label: '已撤回', explain: '发布工会已撤回本次福利', action: null };
  }
  if (d.mine.result) {
    const sentence = drawSentence(d.mine.result, d.registrants ?? 0, d.winners ?? 0);
    return d.mine.result === 'won'
      ? { state: 'won', label: '已中签', explain: sentence, action: null }
      : { state: 'lost', label: '未中签', explain: sentence, action: null };
  }
  if (d.mine.registered) {
    return {
      state: 'registered',
      label: '已报名',
      explain: `已报名，${formatBusinessFriendly(d.opensAt)} 自动抽签，无需守候`,
      action: null,
    };
  }
  if (d.ineligible) return { state: 'ineligible', label: '不符合条件', explain: d.ineligible, action: null };
  if (d.registerOpensAt !== null && now < d.registerOpensAt) {
    return { state: 'register_soon', label: '未开始', explain: `${formatBusinessFriendly(d.registerOpensAt)} 开始报名`, action: null };
  }
  if (now >= closes || d.drawnAt !== null) {
    return { state: 'register_closed', label: '报名已截止', explain: `报名已于 ${formatBusinessFriendly(closes)} 截止`, action: null };
  }
  return {
    state: 'register_open',
    label: '报名',
    explain: `报名截至 ${formatBusinessFriendly(closes)}，${formatBusinessFriendly(d.opensAt)} 抽取 ${n(d.stock)} 人`,
    action: 'register',
  };
}

/**
 * 剩余 N 份 on an open first-come drop: the stock shards' sum that benefit.list already read (no
 * request of its own, so a claim still costs 2, and the page does not poll: 20,000 phones
 * re-reading the list would spend the quota the claims need). It is as fresh as the page's last
 * load (opening or returning to the tab); the member's own claim lowers it by one. Null when there
 * is nothing useful to say (a draw, not yet open: 共 N 份 says it, sold out, closed, withdrawn).
 */
export function leftLabel(
  d: Pick<DropCard, 'mode' | 'left' | 'opensAt' | 'closesAt' | 'cancelled' | 'soldOutAt'>,
  now: number,
): string | null {
  if (d.mode !== 'first_come' || d.left === null || d.left <= 0 || d.soldOutAt !== null || d.cancelled) return null;
  if (now < d.opensAt || now >= d.closesAt) return null;
  return `剩余 ${n(d.left)} 份`;
}
