/**
 * Who may do what (checked on the server for every action):
 * - parents: verified members; they see and act on their own children and registrations only;
 * - union admins: campaigns whose union is in their subtree (shared/union/tree.ts);
 * - site staff: the openids the host union's admins assigned to the site, plus admins of the
 *   host union or any of its ancestors. Only they read a site's roster and children's data.
 */
import { isInScope } from '../../../shared/union/tree';
import { AppFailure, type UserContext } from '../../_lib/router';
import type { UserDoc } from '../../_lib/docs';
import { loadUser, requireAdmin, requireVerifiedMember, type Admin } from '../../_lib/roles';
import type { CampaignDoc, SiteDoc } from './docs';

export function requireMember(ctx: UserContext): Promise<UserDoc> {
  return requireVerifiedMember(ctx, { doing: '报名暑托班', join: '暑托班面向已认证的工会会员家庭，请先完成入会认证' });
}

export async function requireCampaignAdmin(ctx: UserContext, campaign: CampaignDoc): Promise<Admin> {
  const admin = await requireAdmin(ctx);
  if (!isInScope(admin.unionIds, campaign.unionAncestors)) throw new AppFailure('OUT_OF_SCOPE');
  return admin;
}

export function isSiteStaff(user: Pick<UserDoc, 'adminUnionIds'> | null, openid: string, site: SiteDoc): boolean {
  if (site.staffOpenids.includes(openid)) return true;
  return !!user && isInScope(user.adminUnionIds ?? [], site.hostUnionAncestors);
}

export async function requireSiteStaff(ctx: UserContext, site: SiteDoc): Promise<UserDoc | null> {
  const user = await loadUser(ctx);
  if (!isSiteStaff(user, ctx.openid, site)) throw new AppFailure('DAYCARE_NOT_STAFF');
  return user;
}
