import DataLoader from 'dataloader';
import type { SelectQueryBuilder } from 'typeorm';
import {
  badInput, decodeCursor, isUuid, keysetPage, pageSize, toConnection, type Connection, type RequestContext, requireUuid,
} from '@kommunenett/subgraph-kit';
import { MUNICIPALITY_ID_PATTERN } from '@kommunenett/reference-data';
import { Registration } from '../entities/registration.entity';
import { visibleRegistrations } from './access';

export interface RegistrationListFilter {
  networkId?: string | null;
  municipalityId?: string | null;
  personId?: string | null;
  status?: string[] | null;
  externalRef?: string | null;
}

/** Applies a filter (checked: malformed values are BAD_USER_INPUT) to a registration query. */
function applyFilter(ctx: RequestContext, qb: SelectQueryBuilder<Registration>, f: RegistrationListFilter | null | undefined): SelectQueryBuilder<Registration> {
  if (!f) return qb;
  if (f.networkId) {
    requireUuid(f.networkId, 'filter.networkId');
    qb.andWhere('r.network_id = :fNetwork', { fNetwork: f.networkId });
  }
  if (f.municipalityId) {
    if (!MUNICIPALITY_ID_PATTERN.test(f.municipalityId)) throw badInput('filter.municipalityId must look like NO-0301.', 'filter.municipalityId');
    qb.andWhere('r.municipality_id = :fMunicipality', { fMunicipality: f.municipalityId });
  }
  if (f.personId) {
    requireUuid(f.personId, 'filter.personId');
    qb.andWhere('r.person_id = :fPerson', { fPerson: f.personId });
  }
  if (f.status?.length) qb.andWhere('r.status IN (:...fStatus)', { fStatus: f.status });
  if (f.externalRef) {
    if (f.externalRef.length > 200) throw badInput('filter.externalRef is longer than 200 characters.', 'filter.externalRef');
    // A reference is the calling partner's own: unique per partner client.
    qb.andWhere('r.external_ref = :fRef', { fRef: f.externalRef });
    if (ctx.viewer.role === 'PARTNER') qb.andWhere('r.client_id = :fClient', { fClient: ctx.viewer.clientId ?? '' });
  }
  return qb;
}

const ORDER = [
  { sql: 'r.registered_at', value: (r: Registration) => r.registeredAt, isDate: true },
  { sql: 'r.id', value: (r: Registration) => r.id },
];

/** A page of the registrations the viewer may see, in registration order. */
export function listRegistrations(ctx: RequestContext, filter: RegistrationListFilter | null | undefined, page: { first?: number | null; after?: string | null }) {
  const qb = visibleRegistrations(ctx.ds.getRepository(Registration).createQueryBuilder('r'), ctx.viewer);
  return keysetPage(applyFilter(ctx, qb, filter), ORDER, page);
}

/**
 * The same page for many owners at once (each network of a list, each municipality): two
 * statements for all of them — the counts, and the rows of each owner's page (a window over the
 * owner picks them).
 */
export function registrationPagesBy(
  ctx: RequestContext, owner: 'network_id' | 'municipality_id', filter: RegistrationListFilter | null | undefined, page: { first?: number | null; after?: string | null },
): DataLoader<string, Connection<Registration>> {
  const first = pageSize(page.first);
  const after = decodeCursor(page.after, 2) as [string, string] | null;
  const key = `registrationPages:${owner}:${JSON.stringify([filter ?? null, first, after])}`;
  return ctx.loaders.get(key, () => new DataLoader<string, Connection<Registration>>(async (owners) => {
    const repo = ctx.ds.getRepository(Registration);
    const base = () => applyFilter(ctx, visibleRegistrations(repo.createQueryBuilder('r'), ctx.viewer), filter).andWhere(`r.${owner} IN (:...owners)`, { owners });
    const counts = (await base().select(`r.${owner}::text`, 'owner').addSelect('count(*)::int', 'n').groupBy(`r.${owner}`).getRawMany()) as { owner: string; n: number }[];
    const window = base().select('r.id', 'id').addSelect(`row_number() OVER (PARTITION BY r.${owner} ORDER BY r.registered_at, r.id)`, 'rn');
    if (after) window.andWhere('(r.registered_at, r.id) > (:afterAt, :afterId)', { afterAt: new Date(after[0]), afterId: after[1] });
    // The rows of each owner's page in one statement: the window picks them, the outer query reads them.
    const rows = first === 0 ? [] : await repo.createQueryBuilder('r')
      .where(`r.id IN (SELECT w.id FROM (${window.getQuery()}) w WHERE w.rn <= :limit)`)
      .setParameters({ ...window.getParameters(), limit: first + 1 })
      .orderBy('r.registered_at', 'ASC').addOrderBy('r.id', 'ASC').getMany();
    const total = new Map(counts.map((c) => [c.owner, c.n]));
    const ownerOf = (r: Registration) => (owner === 'network_id' ? r.networkId : r.municipalityId);
    return owners.map((o) => toConnection(rows.filter((r) => ownerOf(r) === o), first, total.get(o) ?? 0,
      (r) => [r.registeredAt.toISOString(), r.id], Boolean(after)));
  }, { maxBatchSize: 500 }));
}

/** Registrations by id as the viewer may see them: how other subgraphs' references resolve. */
export async function registrationsVisibleFor(ctx: RequestContext, ids: readonly string[]): Promise<Registration[]> {
  if (!ids.some(isUuid)) return [];
  return visibleRegistrations(ctx.ds.getRepository(Registration).createQueryBuilder('r'), ctx.viewer).andWhere('r.id IN (:...ids)', { ids: ids.filter(isUuid) }).getMany();
}
