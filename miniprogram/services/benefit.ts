/** Typed client of the `benefit` cloud function (contract: shared/api.ts → Api['benefit']). */
import { callApi } from './cloud';
import type { AdminCreateRequest } from '../../shared/benefit/schemas';

export const benefit = {
  /** This week's drops with the member's state and claim passes. */
  list: () => callApi('benefit', 'list', {}),
  /** 抢: reuse `requestId` when retrying after a network failure, so nothing is claimed twice. */
  claim: (dropId: string, pass: string | null, requestId: string) => callApi('benefit', 'claim', pass ? { dropId, pass } : { dropId }, { requestId }),
  register: (dropId: string, requestId: string) => callApi('benefit', 'register', { dropId }, { requestId }),
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
