import { COLLECTION_SPECS, SCHEMA } from '../../../cloudfunctions/_lib/collections';
import { schemaFingerprint } from '../../../cloudfunctions/_lib/schema';
import type { CollectionSpec } from '../../../cloudfunctions/_lib/collections';
import { diffCollection, isMismatch } from '../../../scripts/deploy/indexes';

it('SCHEMA.version is bumped whenever the collections or indexes change', () => {
  // On failure: raise SCHEMA.version by one and set SCHEMA.fingerprint to the value printed here.
  expect({ fingerprint: schemaFingerprint() }).toEqual({ fingerprint: SCHEMA.fingerprint });
});

it('the fingerprint changes when an index loses its uniqueness', () => {
  const weakened = COLLECTION_SPECS.map((c) => ({ ...c, indexes: c.indexes?.map((i) => ({ ...i, unique: false })) }));
  expect(schemaFingerprint(weakened)).not.toBe(schemaFingerprint());
});

describe('diffCollection', () => {
  const spec: CollectionSpec = {
    name: 'drop_claims',
    indexes: [
      { name: 'code_unique', keys: { code: 1 }, unique: true },
      { name: 'mine', keys: { openid: 1, claimedAt: -1 } },
    ],
  };
  const described = [
    { Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true },
    { Name: 'code_unique', Keys: [{ Name: 'code', Direction: '1' }], Unique: true },
    {
      Name: 'mine',
      Keys: [
        { Name: 'openid', Direction: '1' },
        { Name: 'claimedAt', Direction: '-1' },
      ],
      Unique: false,
    },
  ];

  it('matches when every declared index is there as declared (the _id index is ignored)', () => {
    const d = diffCollection(spec, described);
    expect(d).toEqual({ collection: 'drop_claims', missingCollection: false, missing: [], conflicts: [], extra: [] });
    expect(isMismatch(d)).toBe(false);
  });

  it('a unique index that exists without uniqueness is a conflict, not a match', () => {
    const d = diffCollection(
      spec,
      described.map((i) => (i.Name === 'code_unique' ? { ...i, Unique: false } : i)),
    );
    expect(d.conflicts).toEqual([{ name: 'code_unique', expected: 'code:1 唯一', actual: 'code:1' }]);
    expect(isMismatch(d)).toBe(true);
  });

  it('a direction or key order difference is a conflict; an undeclared index is only reported', () => {
    const d = diffCollection(spec, [
      ...described.slice(0, 2),
      {
        Name: 'mine',
        Keys: [
          { Name: 'claimedAt', Direction: '-1' },
          { Name: 'openid', Direction: '1' },
        ],
        Unique: false,
      },
      { Name: 'adhoc', Keys: [{ Name: 'x', Direction: '1' }] },
    ]);
    expect(d.conflicts.map((c) => c.name)).toEqual(['mine']);
    expect(d.extra).toEqual(['adhoc']);
  });

  it('a missing collection misses every index', () => {
    const d = diffCollection(spec, null);
    expect(d.missingCollection).toBe(true);
    expect(d.missing.map((i) => i.name)).toEqual(['code_unique', 'mine']);
  });
});
