/** 撤回 (benefit.adminCancel): what the drop says after it, and the refusal every member action gives. */
import { AppFailure } from '../../_lib/router';
import type { DropCancellation } from '../../../shared/benefit/schemas';
import { asDate, type DropDoc } from './docs';

export function isCancelled(drop: DropDoc): boolean {
  return drop.status === 'cancelled';
}

export function cancellationOf(drop: DropDoc): DropCancellation | null {
  if (drop.status !== 'cancelled' || !drop.cancelledAt) return null;
  return { at: asDate(drop.cancelledAt).getTime(), reason: drop.cancelReason ?? '', by: drop.cancelledByName ?? '工会管理员' };
}

/** DROP_CANCELLED, with the union's reason, to throw. No database request: decided from the (cached) drop. */
export function cancelledRefusal(drop: DropDoc): AppFailure {
  return new AppFailure('DROP_CANCELLED', `该福利已被发布工会撤回${drop.cancelReason ? `（原因：${drop.cancelReason}）` : ''}`);
}
