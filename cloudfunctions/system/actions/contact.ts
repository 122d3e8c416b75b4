import { ok } from '../../../shared/envelope';
import type { ContactRequest, ContactResult } from '../../../shared/system/contacts';
import { C } from '../../_lib/collections';
import { publicAction } from '../../_lib/router';
import { contactView, type ContactDoc } from '../lib/contacts';
import { viewerChain } from '../lib/unions';

/**
 * 联系工会: the contact of the caller's own union, or of the nearest union above it that has one
 * (a grassroots union without an office of its own sends members to its street or district
 * union). Guests get the top union's. Public: it is the office's published contact.
 */
export const contact = publicAction<ContactRequest, ContactResult>('system.contact', async (_input, ctx) => {
  const _ = ctx.db.command;
  const chain = await viewerChain(ctx);
  const res = await ctx.db
    .collection(C.unionContacts)
    .where({ _id: _.in(chain) })
    .limit(chain.length)
    .get();
  const docs = res.data as ContactDoc[];
  const nearest = chain.map((id) => docs.find((d) => d._id === id)).find((d) => !!d);
  return ok({ contact: nearest ? contactView(nearest) : null, inherited: !!nearest && nearest._id !== chain[0] });
});
