// Card filters live in the URL search params, so the back button and a shared link restore them.
import type { Audience, CardKind, PathwayId, SpecialGroup } from '../../domain';
import { PATHWAY_IDS } from '../../domain';
import { cardMatches } from './card-search';
import type { CardEntry } from './use-cards';

export const KINDS = ['signalling', 'tip', 'safety', 'emergency'] as const satisfies readonly CardKind[];
export const AUDIENCES = ['professional', 'person', 'relative'] as const satisfies readonly Audience[];
export const GROUPS = [
  'young-caregivers',
  'working-caregivers',
  'migration-background',
  'caregivers-psychological-problems',
] as const satisfies readonly SpecialGroup[];

export interface CardFilters {
  pathway: PathwayId | null;
  kind: CardKind | null;
  audience: Audience | null;
  group: SpecialGroup | null;
  q: string;
}

export type FilterName = 'pathway' | 'kind' | 'audience' | 'group';

function pick<T extends string>(allowed: readonly T[], value: string | null): T | null {
  return allowed.find((a) => a === value) ?? null;
}

/** Reads the filters from search params; unknown values are ignored rather than showing nothing. */
export function readFilters(params: URLSearchParams): CardFilters {
  return {
    pathway: pick(PATHWAY_IDS, params.get('pathway')),
    kind: pick(KINDS, params.get('kind')),
    audience: pick(AUDIENCES, params.get('audience')),
    group: pick(GROUPS, params.get('group')),
    q: params.get('q') ?? '',
  };
}

/** New search params with one filter set (or removed when value is empty). */
export function withParam(params: URLSearchParams, name: FilterName | 'q', value: string): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value === '') next.delete(name);
  else next.set(name, value);
  return next;
}

export function applyFilters(entries: readonly CardEntry[], f: CardFilters, language: 'nl' | 'en'): CardEntry[] {
  return entries.filter(
    ({ card }) =>
      (f.pathway === null || card.pathway === f.pathway) &&
      (f.kind === null || card.kind === f.kind) &&
      (f.audience === null || card.audience === f.audience) &&
      (f.group === null || card.specialGroup === f.group) &&
      cardMatches(card, f.q, language),
  );
}
