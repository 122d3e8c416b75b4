/** Typed client of the `benefit` cloud function (contract: shared/api.ts → Api['benefit']). */
import { callApi } from './cloud';
import type { AdminCreateRequest } from '../../shared/benefit/schemas';
import { RETRY_BUDGET_MS } from '../../shared/net/retry';

/** A Friday-10:00 tap waits in line (BUSY and network failures retried) for up to RETRY_BUDGET_MS. */
const queued = (requestId: string, onWait?: (elapsedMs: number) => void) => ({ requestId, budgetMs: RETRY_BUDGET_MS, onWait });

export const benefit = {
  /** This week's drops with the member's state and claim passes. */
  list: () => callApi('benefit', 'list', {}),
  /** This week's drops I may see whose title, union or venue contains the keyword. */
  search: (keyword: string) => callApi('benefit', 'search', { keyword }),
  /** 抢: retried with the same `requestId` while the cloud is busy, so nothing is claimed twice; `onWait` for 排队中. */
  claim: (dropId: string, pass: string | null, requestId: string, onWait?: (elapsedMs: number) => void) =>
    callApi('benefit', 'claim', pass ? { dropId, pass } : { dropId }, queued(requestId, onWait)),
  register: (dropId: string, requestId: string, onWait?: (elapsedMs: number) => void) =>
    callApi('benefit', 'register', { dropId }, queued(requestId, onWait)),
  myClaims: () => callApi('benefit', 'myClaims', {}),
  drawProof: (dropId: string) => callApi('benefit', 'drawProof', { dropId }),
  adminCreate: (req: AdminCreateRequest, requestId: string) => callApi('benefit', 'adminCreate', req, { requestId }),
  adminList: () => callApi('benefit', 'adminList', {}),
  /** 撤回 a drop before it opens; the same `requestId` on a retry after a lost answer. */
  adminCancel: (dropId: string, reason: string, requestId: string) => callApi('benefit', 'adminCancel', { dropId, reason }, { requestId }),
  redeem: (code: string) => callApi('benefit', 'redeem', { code }),
  figures: (dropId: string) => callApi('benefit', 'figures', { dropId }),
  exportCsv: (dropId: string) => callApi('benefit', 'exportCsv', { dropId }),
};
