// Client search. Alias and code are encrypted at rest, so IndexedDB cannot index them: the list is
// decrypted in memory (it is small, one professional's caseload) and filtered here.

/** Lower case without diacritics, so "Ëlla" matches "ella" and "ELLA". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase('nl').trim();
}

export interface Searchable {
  alias: string;
  code?: string | undefined;
}

/** True when the query (case and diacritics ignored) occurs in the alias or the code. */
export function matchesClient(client: Searchable, query: string): boolean {
  const q = foldForSearch(query);
  if (q === '') return true;
  return foldForSearch(client.alias).includes(q) || (client.code !== undefined && foldForSearch(client.code).includes(q));
}
