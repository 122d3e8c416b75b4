/** Typed client of the `recuperation` cloud function (contract: shared/api.ts → Api['recuperation']). */
import { callApi, type CallOptions } from './cloud';
import type { ActionName, RequestOf } from '../../shared/api';

type Req<A extends ActionName<'recuperation'>> = RequestOf<'recuperation', A>;

export const recuperation = {
  /** Batches published by the member's union chain, open ones first. */
  listBatches: () => callApi('recuperation', 'listBatches', {}),
  /** One batch, its venue, whether the member may apply and their priority score. */
  batchDetail: (batchId: string) => callApi('recuperation', 'batchDetail', { batchId }),
  /** Apply (pass the same requestId when retrying). */
  apply: (batchId: string, options?: CallOptions) => callApi('recuperation', 'apply', { batchId }, options),
  myApplications: () => callApi('recuperation', 'myApplications', {}),
  withdraw: (applicationId: string) => callApi('recuperation', 'withdraw', { applicationId }),

  adminUnits: (data: Req<'adminUnits'> = {}) => callApi('recuperation', 'adminUnits', data),
  adminSaveUnit: (data: Req<'adminSaveUnit'>) => callApi('recuperation', 'adminSaveUnit', data),
  adminSaveVenue: (data: Req<'adminSaveVenue'>, options?: CallOptions) => callApi('recuperation', 'adminSaveVenue', data, options),
  adminCreateBatch: (data: Req<'adminCreateBatch'>, options?: CallOptions) => callApi('recuperation', 'adminCreateBatch', data, options),
  adminBatches: () => callApi('recuperation', 'adminBatches', {}),
  /** The unit's applicants ranked by priority score. */
  adminApplicants: (data: Req<'adminApplicants'>) => callApi('recuperation', 'adminApplicants', data),
  adminDecide: (data: Req<'adminDecide'>) => callApi('recuperation', 'adminDecide', data),
  adminUnitMembers: (unionId: string) => callApi('recuperation', 'adminUnitMembers', { unionId }),
  adminNominate: (data: Req<'adminNominate'>) => callApi('recuperation', 'adminNominate', data),
  adminRoster: (batchId: string) => callApi('recuperation', 'adminRoster', { batchId }),
  adminAttendance: (data: Req<'adminAttendance'>) => callApi('recuperation', 'adminAttendance', data),
  subsidySubmit: (data: Req<'subsidySubmit'>, options?: CallOptions) => callApi('recuperation', 'subsidySubmit', data, options),
  subsidyList: (data: Req<'subsidyList'> = {}) => callApi('recuperation', 'subsidyList', data),
  subsidyDecide: (data: Req<'subsidyDecide'>) => callApi('recuperation', 'subsidyDecide', data),
  adminFigures: (data: Req<'adminFigures'> = {}) => callApi('recuperation', 'adminFigures', data),
};
