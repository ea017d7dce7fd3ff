import { badInput } from './errors';

/**
 * Folds a name for searching without regard to case and diacritics: "Bærum" → "baerum",
 * "Malmö" → "malmo", "Kárášjohka" → "karasjohka".
 */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/ŋ/g, 'n')
    .replace(/đ/g, 'd')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim();
}

/** Escapes LIKE wildcards in user text. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** An argument that must be an opaque id: a malformed one is BAD_USER_INPUT before any query. */
export function requireUuid(id: string, field: string): string {
  if (!isUuid(id)) throw badInput(`${field} is not a valid id.`, field);
  return id;
}

/** A real calendar day as YYYY-MM-DD: `2013-02-30` and `2013-13-01` are not. */
export function isLocalDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
