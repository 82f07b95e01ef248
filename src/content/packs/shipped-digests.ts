// The append-only history of every content version this app has ever shipped (R41), kept in the build
// like the schema list. A pack read back from IndexedDB is re-hashed and must match an entry here
// (or, for a licence pack, its MAC under the data key). scripts/pack-digests.ts appends the current
// versions; never remove or edit a line: screenings made with an old version still point at it.
export interface ShippedDigest {
  readonly packId: string;
  readonly contentVersion: string;
  readonly digest: string;
}

export const SHIPPED_DIGESTS: readonly ShippedDigest[] = [
  {
    packId: 'postpartum',
    contentVersion: '1.0.0',
    digest: '88155823d9cf33119ccbca0f2dbc74cb944734f71f7ac977bdef54fbb23470fa',
  },
  {
    packId: 'relapse-prevention',
    contentVersion: '1.0.0',
    digest: '542d269e92b11cfa64f6cdda88511587d3cbd1decf3fb57ed2856a11f8f12480',
  },
  {
    packId: 'caregivers',
    contentVersion: '1.0.0',
    digest: 'd586e1f249351fb274537c9c289cb3255228d5188c09e9794b398c8bc38ff26e',
  },
  {
    packId: 'relapse-prevention',
    contentVersion: '1.1.0',
    digest: 'cd5f07608ccdf4d5ee267cc27c43d78c417bf1167fe82dd9f62a04c5fc04c9ab',
  },
  {
    packId: 'postpartum',
    contentVersion: '1.1.0',
    digest: '459ac7b83676d9213ad40fed758f02f8e06f8794f072568b2e444841a43bce71',
  },
  {
    packId: 'caregivers',
    contentVersion: '1.1.0',
    digest: 'a3f3e18ac8a499a0be2abad8e62c81dac042003f2021e30e45bc7f945b6b7854',
  },
];

export function isShippedDigest(packId: string, contentVersion: string, digest: string): boolean {
  return SHIPPED_DIGESTS.some((s) => s.packId === packId && s.contentVersion === contentVersion && s.digest === digest);
}
