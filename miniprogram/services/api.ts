/**
 * The typed client for every cloud function. Pages import `api` and nothing else from services.
 * Each domain adds its own file (`./member`, `./benefit`, …) and one line here.
 */
import { system } from './system';
import { member } from './member';
import { recuperation } from './recuperation';
import { content } from './content';
import { notify } from './notify';
import { daycare } from './daycare';
import { benefit } from './benefit';

export const api = {
  system,
  member,
  recuperation,
  content,
  notify,
  daycare,
  benefit,
};

export type Api = typeof api;
export type { Result } from '../../shared/envelope';
