// The bench caseload, deterministic so the seeding page (in the browser) and the bench runner (Node)
// agree on what the screens must show: aliases and codes, which follow-ups are due, search answers.

export const PASSPHRASE = 'stapwijzer test wachtzin';

/**
 * `--scale=practice` (default, quick): one professional's caseload. `--scale=team` (issue 23): a team's
 * 10,000 clients / 100,000 screenings, seeded the same way. The page reads it from `?scale=`.
 */
export const SCALES = {
  practice: { clients: 2_000, screeningsPerClient: 10, timelineClients: [100, 501, 999, 1500, 1999] },
  team: { clients: 10_000, screeningsPerClient: 10, timelineClients: [500, 2501, 4999, 7500, 9999] },
} as const;
export type Scale = keyof typeof SCALES;
export interface Caseload {
  scale: Scale;
  clients: number;
  screeningsPerClient: number;
  /** Clients whose timeline is opened (indexes into the caseload; none is due, so home counts stay fixed). */
  timelineClients: readonly number[];
}

export function caseloadOf(scale: string | null | undefined): Caseload {
  const key: Scale = scale === 'team' ? 'team' : 'practice';
  return { scale: key, ...SCALES[key] };
}
export const DUE_TODAY = 25;
export const OVERDUE = 15;
export const DRAFTS = 20;

const NAMES = [
  'Anna',
  'Ëlla',
  'Sanne',
  'Noël',
  'Zoë',
  'Fatima',
  'Jan',
  'Mila',
  'Daan',
  'Sophie',
  'Yara',
  'Lotte',
  'Iris',
  'Sem',
  'Eva',
  'Roos',
];

export function aliasOf(i: number): string {
  return `${NAMES[i % NAMES.length] ?? 'Cliënt'} ${String(i).padStart(4, '0')}`;
}

export function codeOf(i: number): string {
  return `BV-${(i * 7919).toString(36).toUpperCase()}`;
}

/** Open follow-ups are due today for the first DUE_TODAY clients, overdue for the next OVERDUE, later for the rest. */
export function dueOffsetDays(i: number): number {
  if (i < DUE_TODAY) return 0;
  if (i < DUE_TODAY + OVERDUE) return -(1 + (i % 20));
  return 1 + (i % 180);
}

export const EXPECTED_DUE = DUE_TODAY + OVERDUE;

/** Search queries typed in /clients (one input event each). */
export const SEARCH_QUERIES = ['0123', 'zoe 01', 'ella 19', 'bv-1', 'sanne 00', 'noel'];

/** Timeline entries per client: screenings + the one follow-up + the one note. */
export const timelineEntries = (c: Caseload) => c.screeningsPerClient + 2;
