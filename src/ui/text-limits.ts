// One place for how long each kind of free text may be (R47): long enough for real use, short enough
// that handover, plan print and lists stay readable. Inputs carry maxLength (typing and pasting stop
// there) and a counter that says so.
export const TEXT_LIMITS = {
  alias: 120,
  code: 30,
  search: 120,
  note: 4000,
  reason: 1000,
  planLine: 300,
  name: 80,
  phone: 30,
  passphrase: 256,
} as const;

export type TextLimitKind = keyof typeof TEXT_LIMITS;
