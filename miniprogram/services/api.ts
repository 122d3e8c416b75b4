/**
 * The typed client for every cloud function. Code outside services/ imports `api` from here and,
 * besides, only `requestId.ts` and `notify.ts` (askSubscribe): rule services-entry-points in
 * .dependency-cruiser.js.
 * Each domain adds its own file (`./member`, `./benefit`, …) and one line here.
 */
import { system } from './system';
import { member } from './member';
import { recuperation } from './recuperation';
import { content } from './content';
import { notify } from './notify';
import { daycare } from './daycare';
import { benefit } from './benefit';
import { imageSrc, uploadImage } from './files';

export const api = {
  system,
  member,
  recuperation,
  content,
  notify,
  daycare,
  benefit,
  /** Cloud-storage images: `imageSrc` for <Image src>, `uploadImage` for admins' pickers. */
  files: { imageSrc, uploadImage },
};

export type Api = typeof api;
export type { Result } from '../../shared/envelope';
