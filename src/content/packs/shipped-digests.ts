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
    packId: 'postpartum',
    contentVersion: '1.1.0',
    digest: '64eae9a521bbe7a99892fecac1ba85c096586157a839e5810dcfd14d3c66ef15',
  },
  {
    packId: 'relapse-prevention',
    contentVersion: '1.1.0',
    digest: '6f7c504d3d29f70451813ed298cdacf25441b9582a9124be960d483f099c92d7',
  },
  {
    packId: 'caregivers',
    contentVersion: '1.1.0',
    digest: 'eebe5855408887561588e0057ab70d56b3f62ec67ad1fee7765224cebf35962c',
  },
  {
    packId: 'postpartum',
    contentVersion: '1.1.0',
    digest: '0ea38411bd32383700e40dfa439ed841434a2b203d1a1c2d79a7d0a6c8ce5356',
  },
  {
    packId: 'relapse-prevention',
    contentVersion: '1.1.0',
    digest: 'cd5f07608ccdf4d5ee267cc27c43d78c417bf1167fe82dd9f62a04c5fc04c9ab',
  },
  {
    packId: 'caregivers',
    contentVersion: '1.1.0',
    digest: 'fd605ea207b3147102277b0df111434e25d15fc1dbebbdf1ce9a355769b668ce',
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
