/**
 * benefit.drawProof: the public record of a draw. Before the draw: the commitment only. After:
 * the seed, the sorted entrant keys and the winners, which scripts/verify-lottery.ts checks.
 * A registered caller also gets their own entrant key, to find themselves in the list.
 */
import { ok } from '../../../shared/envelope';
import type { DrawProof, DrawProofRequest } from '../../../shared/benefit/schemas';
import { C } from '../../_lib/collections';
import { AppFailure, publicAction, forConsole } from '../../_lib/router';
import { ms, type DrawDoc, type DropDoc, type RegistrationDoc } from '../lib/docs';

// 工会工作台 → 福利 → 抽签复核 too (forConsole): the record is public anyway.
export const drawProof = forConsole(
  publicAction<DrawProofRequest, DrawProof>('benefit.drawProof', async (input, ctx) => {
    const [dropRes, drawRes, regRes] = await Promise.all([
      ctx.db.collection(C.drops).doc(input.dropId).get(),
      ctx.db.collection(C.dropDraws).doc(input.dropId).get(),
      ctx.openid ? ctx.db.collection(C.dropRegistrations).doc(`${input.dropId}_${ctx.openid}`).get() : Promise.resolve({ data: [] }),
    ]);
    const drop = dropRes.data[0] as DropDoc | undefined;
    const draw = drawRes.data[0] as DrawDoc | undefined;
    if (!drop || !draw) throw new AppFailure('NOT_FOUND', '该福利没有抽签记录');
    const published = draw.seed !== null;
    return ok({
      dropId: drop._id,
      title: drop.title,
      seedHash: draw.seedHash,
      seed: draw.seed,
      stock: draw.stock,
      entrants: published ? draw.entrants : [],
      winners: published ? draw.winners : [],
      myEntrantKey: (regRes.data[0] as RegistrationDoc | undefined)?.entrantKey ?? null,
      drawnAt: ms(draw.drawnAt),
    });
  }),
);
