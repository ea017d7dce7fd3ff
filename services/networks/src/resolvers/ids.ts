import { badInput, isUuid } from '@kommunenett/subgraph-kit';

/** A query argument that must be an id of this service: malformed ones are BAD_USER_INPUT. */
export function requireUuid(id: string, field: string): string {
  if (!isUuid(id)) throw badInput(`${field} is not a valid id.`, field);
  return id;
}
