import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import type { SelectQueryBuilder } from 'typeorm';
import {
  badInput, isUuid, keysetPage, nodeColumns, pagesByParent, type Connection, type RequestContext, requireUuid,
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
 * Columns of a registration that only their own field reads (no field resolver of Registration
 * reads them, nor does the page): a page reads them only when the query selects the field.
 */
const FIELD_ONLY_COLUMNS = [
  'waitlistPosition', 'leadershipAnchoring', 'note', 'externalRef', 'registeredByRole', 'clientId', 'offerExpiresAt', 'statusReason', 'updatedAt', 'version',
] as const;
/** What the page (owner, order) and the field resolvers (network, person, municipality, history) read. */
const ALWAYS_READ = ['id', 'networkId', 'personId', 'municipalityId', 'status', 'registeredAt'];

/**
 * The same page for many owners at once (each network of a list, each municipality, each
 * person): one statement for all their pages, one more for their totals when asked for. With
 * `info`, the page reads only the columns the query's nodes need (a page of 50 for `status
 * municipality` reads 6 columns of 19).
 */
export function registrationPagesBy(
  ctx: RequestContext, owner: 'network_id' | 'municipality_id' | 'person_id', filter: RegistrationListFilter | null | undefined, page: { first?: number | null; after?: string | null },
  info?: GraphQLResolveInfo,
): DataLoader<string, Connection<Registration>> {
  const ownerOf = { network_id: (r: Registration) => r.networkId, municipality_id: (r: Registration) => r.municipalityId, person_id: (r: Registration) => r.personId ?? '' }[owner];
  const columns = nodeColumns(info, 'r', { always: ALWAYS_READ, fieldOnly: FIELD_ONLY_COLUMNS });
  return pagesByParent(ctx, `registrationPages:${owner}:${JSON.stringify(filter ?? null)}:${columns?.join(',') ?? '*'}`, {
    query: (owners) => applyFilter(ctx, visibleRegistrations(ctx.ds.getRepository(Registration).createQueryBuilder('r'), ctx.viewer), filter)
      .andWhere(`r.${owner} IN (:...owners)`, { owners }),
    parentSql: `r.${owner}`, parentOf: ownerOf, identitySql: ['r.id'], order: ORDER,
    ...(columns && { fetch: (qb: SelectQueryBuilder<Registration>) => qb.select(columns).getMany() }),
  }, page);
}

/** Registrations by id as the viewer may see them: how other subgraphs' references resolve. */
export async function registrationsVisibleFor(ctx: RequestContext, ids: readonly string[]): Promise<Registration[]> {
  if (!ids.some(isUuid)) return [];
  return visibleRegistrations(ctx.ds.getRepository(Registration).createQueryBuilder('r'), ctx.viewer).andWhere('r.id IN (:...ids)', { ids: ids.filter(isUuid) }).getMany();
}
