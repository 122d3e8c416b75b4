/**
 * The typed client for every cloud function. Pages import `api` and nothing else from services.
 * Each domain adds its own file (`./member`, `./benefit`, …) and one line here.
 */
import { system } from './system';

export const api = {
  system,
};

export type Api = typeof api;
export type { Result } from '../../shared/envelope';
