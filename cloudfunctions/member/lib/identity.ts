/**
 * The one place where a plain ID number, phone or full name from a request is turned into what
 * we keep: keyed hashes and masked forms. Callers drop the plain values right after.
 */
import { checkIdNumber, ID_NUMBER_PROBLEMS } from '../../../shared/member/idNumber';
import { maskIdNumber, maskName, maskPhone, normalizeName } from '../../../shared/member/mask';
import { formatBusiness } from '../../../shared/time';
import { hashIdNumber, hashName, hashPhone } from '../../_lib/personal';
import { AppFailure } from '../../_lib/router';

export interface Identity {
  idHash: string;
  idMasked: string;
  nameHash: string;
  nameMasked: string;
  /** The normalized full name (kept only in a pending application, for the reviewer). */
  realName: string;
}

export function identityOf(realName: string, idNumber: string, now: Date): Identity {
  const id = checkIdNumber(idNumber, formatBusiness(now, 'YYYY-MM-DD'));
  if (!id.valid) throw new AppFailure('ID_NUMBER_INVALID', ID_NUMBER_PROBLEMS[id.problem]);
  const name = normalizeName(realName);
  return {
    idHash: hashIdNumber(id.normalized),
    idMasked: maskIdNumber(id.normalized),
    nameHash: hashName(name),
    nameMasked: maskName(name),
    realName: name,
  };
}

export function phoneFacts(phone: string): { phoneMasked: string; phoneHash: string } {
  const p = phone.replace(/[\s-]/g, '');
  return { phoneMasked: maskPhone(p), phoneHash: hashPhone(p) };
}
