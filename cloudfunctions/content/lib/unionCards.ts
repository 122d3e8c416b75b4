import { UNION_LEVEL_LABELS, type UnionLevel } from '../../../shared/union/tree';
import type { UnionCard } from '../../../shared/content/views';
import type { UnionDoc } from '../../_lib/docs';

export function unionCard(u: UnionDoc, followers: Map<string, number>, follows: string[], chain: string[]): UnionCard {
  return {
    id: u._id,
    name: u.name,
    level: u.level,
    levelLabel: UNION_LEVEL_LABELS[u.level as UnionLevel] ?? '',
    followers: followers.get(u._id) ?? 0,
    following: follows.includes(u._id),
    ownChain: chain.includes(u._id),
  };
}
