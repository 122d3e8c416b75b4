import {
  allocateSlot,
  commitmentOf,
  lotteryKey,
  orderEntries,
  verifyPublished,
  type PublishedLottery,
} from '../../../shared/daycare/lottery';
import { nodeHashes as H } from '../../../cloudfunctions/_lib/hashes';

const SEED = 'a'.repeat(64);

describe('day-care lottery', () => {
  it('commits to the seed with SHA-256 and keys entries with HMAC-SHA256 (known vectors)', () => {
    // echo -n aaaa…(64) | sha256sum ; and HMAC computed with openssl (key = seed text, message = id)
    expect(commitmentOf(SEED, H)).toBe('ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb');
    expect(lotteryKey(SEED, 'r1', H)).toBe('f830aeff8470d0d7beded466fe8e0fd741619ffe88a88ad4b60879bacf4bad34');
    expect(lotteryKey(SEED, 'r1', H)).not.toBe(lotteryKey('b'.repeat(64), 'r1', H));
  });

  it('orders by tier first, then by the seeded key, independent of input order', () => {
    const entries = Array.from({ length: 40 }, (_, i) => ({ id: `reg${i}`, tier: (i % 4) + 1 }));
    const a = orderEntries(SEED, entries, H);
    const b = orderEntries(SEED, [...entries].reverse(), H);
    expect(a).toEqual(b);
    for (let i = 1; i < a.length; i++) {
      expect(a[i - 1].tier).toBeLessThanOrEqual(a[i].tier);
      if (a[i - 1].tier === a[i].tier) expect(lotteryKey(SEED, a[i - 1].id, H) < lotteryKey(SEED, a[i].id, H)).toBe(true);
    }
    // Another seed gives another order within tiers.
    expect(orderEntries('c'.repeat(64), entries, H).map((e) => e.id)).not.toEqual(a.map((e) => e.id));
  });

  it('admits the first `capacity` and waitlists the rest; verification catches tampering', () => {
    const entries = Array.from({ length: 12 }, (_, i) => ({ id: `x${i}`, tier: i < 3 ? 1 : 3 }));
    const out = allocateSlot(SEED, 5, entries, H);
    expect(out.admitted).toHaveLength(5);
    expect(out.waitlist).toHaveLength(7);
    expect(out.admitted.slice(0, 3).sort()).toEqual(['x0', 'x1', 'x2']);
    const record: PublishedLottery = {
      campaignId: 'c',
      algorithm: 'v1',
      commitment: commitmentOf(SEED, H),
      seed: SEED,
      allocatedAt: null,
      slots: [{ slotId: 's', label: 'l', capacity: 5, entries, ...out }],
    };
    expect(verifyPublished(record, H).ok).toBe(true);
    expect(verifyPublished({ ...record, slots: [{ ...record.slots[0], capacity: 6 }] }, H).ok).toBe(false);
    expect(verifyPublished({ ...record, commitment: commitmentOf('other', H) }, H).ok).toBe(false);
    expect(verifyPublished({ ...record, seed: null }, H).ok).toBe(false);
  });
});
