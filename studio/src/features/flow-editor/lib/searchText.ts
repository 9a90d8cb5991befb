/** Lower case without accents, so "acao" finds "Ação" (Portuguese titles, typed on any keyboard). */
export function foldText(value: string): string {
  return value.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().trim();
}

export function matchesSearch(query: string, ...fields: string[]): boolean {
  const needle = foldText(query);
  return !needle || fields.some((field) => foldText(field).includes(needle));
}
