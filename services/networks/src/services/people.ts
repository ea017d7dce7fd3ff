import { internalClient, isUuid, userError, type RequestContext, type UserError } from '@kommunenett/subgraph-kit';

/** The participants subgraph, called with the internal credentials of the service's configuration. */
const participants = (ctx: RequestContext) => internalClient(ctx, 'participants');

/**
 * Person ids a writer puts into a field (contact persons, agenda leaders) must name people the
 * writer may see: the participants service, which alone holds people, is asked through its
 * `Person` references on the writer's behalf, so its one visibility rule decides. Ids already
 * in the field stay without asking. Called before the write's transaction (no lock is held while
 * the other service answers); returns one NOT_FOUND per id the writer may not see, the same
 * answer as for an id that names nobody.
 */
export async function unseenPeople(ctx: RequestContext, ids: { field: string; id: unknown }[], already: Iterable<string> = []): Promise<UserError[]> {
  const known = new Set(already);
  const asked = ids.filter((e): e is { field: string; id: string } => typeof e.id === 'string' && isUuid(e.id) && !known.has(e.id));
  if (asked.length === 0) return [];
  const unique = [...new Set(asked.map((e) => e.id))];
  const people = await participants(ctx).entities<{ id: string }>('Person', unique, 'id', ctx.requestId, ctx.viewer);
  const seen = new Set(people.flatMap((p) => (p ? [p.id] : [])));
  return asked.filter((e) => !seen.has(e.id)).map((e) => userError(e.field, 'No such person.', 'NOT_FOUND'));
}

/** The entries of a list input field, each with its path: `contactPersonIds.0`, `items.2.leaderPersonIds.1`. */
export function idsAt(list: unknown, path: string): { field: string; id: unknown }[] {
  return Array.isArray(list) ? list.map((id, i) => ({ field: `${path}.${i}`, id })) : [];
}
