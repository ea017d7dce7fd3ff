import { In, type SelectQueryBuilder } from 'typeorm';
import DataLoader from 'dataloader';
import { loaderByGroup, loaderById, pagesByParent, perService, ProcessCache, type ConnectionArgs, type RequestContext } from '@kommunenett/subgraph-kit';
import { Municipality } from '../entities/municipality.entity';
import { PopulationFigure } from '../entities/population.entity';
import { Organization } from '../entities/organization.entity';
import { Person } from '../entities/person.entity';
import { Position } from '../entities/position.entity';
import { Registration } from '../entities/registration.entity';
import { NetworkSnapshot } from '../entities/network-snapshot.entity';
import { Attendance, AttendanceChange } from '../entities/attendance.entity';
import { RegistrationStatus } from '../entities/enums';

/**
 * Municipalities by id, and in the same statement the county authority of each: what `county`
 * asks for next is primed, not read by a second statement after this one.
 */
export const municipalityById = (ctx: RequestContext): DataLoader<string, Municipality | null> =>
  loaderById(ctx, 'municipalityById', async (ids) => {
    const rows = await ctx.ds.getRepository(Municipality).createQueryBuilder('m')
      .where('m.id IN (:...ids)', { ids })
      .orWhere(`m.id IN (SELECT o.country || '-' || o.county_code FROM participants.municipality o WHERE o.id IN (:...ids) AND o.kind = 'MUNICIPALITY')`)
      .getMany();
    const asked = new Set(ids);
    for (const m of rows) if (!asked.has(m.id)) municipalityById(ctx).prime(m.id, m);
    return rows;
  });

const municipalityCache = perService(() => new ProcessCache<Municipality | null>());

/**
 * A municipality from the service's cache: reference data that changes with municipal reforms,
 * not between registrations, so ten minutes is fresh enough and a registration reads none.
 */
export const cachedMunicipality = (ctx: RequestContext, id: string): Promise<Municipality | null> =>
  municipalityCache(ctx).get(id, 10 * 60_000, async () => (await municipalityById(ctx).load(id)) ?? null, (m) => m !== null);

/** Each unit's population figures, oldest year first. */
export const populationsByMunicipality = (ctx: RequestContext) =>
  loaderByGroup(ctx, 'populationsByMunicipality', (ids) =>
    ctx.ds.getRepository(PopulationFigure).find({ where: { municipalityId: In([...ids]) }, order: { year: 'ASC' } }), (f) => f.municipalityId);

export const organizationById = (ctx: RequestContext) =>
  loaderById(ctx, 'organizationById', (ids) => ctx.ds.getRepository(Organization).findBy({ id: In([...ids]) }));

export const personById = (ctx: RequestContext) =>
  loaderById(ctx, 'personById', (ids) => ctx.ds.getRepository(Person).findBy({ id: In([...ids]) }));

/** Registrations by id, unfiltered: callers check access with the network's hosts. */
export const registrationById = (ctx: RequestContext) =>
  loaderById(ctx, 'registrationById', (ids) => ctx.ds.getRepository(Registration).findBy({ id: In([...ids]) }));

export const snapshotByNetwork = (ctx: RequestContext) =>
  loaderById(ctx, 'snapshotByNetwork', (ids) => ctx.ds.getRepository(NetworkSnapshot).findBy({ networkId: In([...ids]) }), (s) => s.networkId);

/** Organizations hosting a network, as last read from the networks service (empty if unknown). */
export const hostIdsOfNetwork = async (ctx: RequestContext, networkId: string) => (await snapshotByNetwork(ctx).load(networkId))?.hostIds ?? [];

/** Every registration of each person, any status: what the contact rule and `me` look at. */
export const registrationsByPerson = (ctx: RequestContext) =>
  loaderByGroup(ctx, 'registrationsByPerson', (personIds) =>
    ctx.ds.getRepository(Registration).find({ where: { personId: In([...personIds]) }, order: { registeredAt: 'ASC', id: 'ASC' } }), (r) => r.personId ?? '');

export const positionsByPerson = (ctx: RequestContext) =>
  loaderByGroup(ctx, 'positionsByPerson', (personIds) =>
    ctx.ds.getRepository(Position).find({ where: { personId: In([...personIds]) }, order: { validFrom: 'ASC', id: 'ASC' } }), (p) => p.personId);

export const attendanceBySession = (ctx: RequestContext) =>
  loaderByGroup(ctx, 'attendanceBySession', (sessionIds) =>
    ctx.ds.getRepository(Attendance).find({ where: { sessionId: In([...sessionIds]) }, order: { personId: 'ASC' } }), (a) => a.sessionId);

/** The network of each session with attendance recorded (null for one without). */
export const networkOfSession = (ctx: RequestContext) =>
  ctx.loaders.get('networkOfSession', () => new DataLoader<string, string | null>(async (sessionIds) => {
    const rows = (await ctx.ds.query(
      `SELECT DISTINCT ON (session_id) session_id::text AS "sessionId", network_id::text AS "networkId" FROM participants.attendance
       WHERE session_id = ANY($1::uuid[])`, [sessionIds])) as { sessionId: string; networkId: string }[];
    const byId = new Map(rows.map((r) => [r.sessionId, r.networkId]));
    return sessionIds.map((id) => byId.get(id) ?? null);
  }, { maxBatchSize: 1000 }));

/** Per network: its confirmed registrations, only which municipality each is for (what the counts read). */
export const confirmedRegistrationsByNetwork = (ctx: RequestContext) =>
  loaderByGroup(ctx, 'confirmedRegistrationsByNetwork', (networkIds) =>
    ctx.ds.getRepository(Registration).find({
      select: { id: true, networkId: true, municipalityId: true },
      where: { networkId: In([...networkIds]), status: RegistrationStatus.CONFIRMED },
    }) as Promise<Pick<Registration, 'id' | 'networkId' | 'municipalityId'>[]>, (r) => r.networkId);

/** Per network: registrations by status (counts), for seats and waitlists. */
export const statusCountsByNetwork = (ctx: RequestContext) =>
  ctx.loaders.get('statusCountsByNetwork', () => new DataLoader<string, Record<string, number>>(async (networkIds) => {
    const rows = (await ctx.ds.query(
      `SELECT network_id::text AS "networkId", status, count(*)::int AS n FROM participants.registration
       WHERE network_id = ANY($1::uuid[]) GROUP BY network_id, status`, [networkIds])) as { networkId: string; status: string; n: number }[];
    const counts = new Map<string, Record<string, number>>(networkIds.map((id) => [id, {}]));
    for (const r of rows) counts.get(r.networkId)![r.status] = r.n;
    return networkIds.map((id) => counts.get(id)!);
  }, { maxBatchSize: 1000 }));

/** Attendance of each network (rates). */
/** Each session's attendance history, oldest first (entries of one recording by person). */
export const attendanceHistoryBySession = (ctx: RequestContext) =>
  loaderByGroup(ctx, 'attendanceHistoryBySession', (sessionIds) =>
    ctx.ds.getRepository(AttendanceChange).find({ where: { sessionId: In([...sessionIds]) }, order: { changedAt: 'ASC', personId: 'ASC' } }), (c) => c.sessionId);

export const attendanceByNetwork = (ctx: RequestContext) =>
  loaderByGroup(ctx, 'attendanceByNetwork', (networkIds) =>
    ctx.ds.getRepository(Attendance).findBy({ networkId: In([...networkIds]) }), (a) => a.networkId);

/** Pages of the networks each municipality has a confirmed registration in, by network id. */
export const confirmedNetworkPagesByMunicipality = (ctx: RequestContext, page: ConnectionArgs) =>
  pagesByParent<{ municipalityId: string; networkId: string }>(ctx, 'confirmedNetworksByMunicipality', {
    query: (ids) => ctx.ds.getRepository(Registration).createQueryBuilder('r')
      .select('r.municipality_id', 'municipalityId').addSelect('r.network_id::text', 'networkId')
      .where('r.municipality_id IN (:...ids)', { ids }).andWhere('r.status = :confirmed', { confirmed: RegistrationStatus.CONFIRMED })
      .groupBy('r.municipality_id').addGroupBy('r.network_id') as unknown as SelectQueryBuilder<{ municipalityId: string; networkId: string }>,
    parentSql: 'r.municipality_id', parentOf: (r) => r.municipalityId, identitySql: ['r.municipality_id', 'r.network_id'],
    order: [{ sql: 'r.network_id', value: (r) => r.networkId }], countSql: 'count(DISTINCT r.network_id)', fetch: (qb) => qb.getRawMany(),
  }, page);

/** Pages of the people each organization employs, by name (none for anonymous callers). */
export const peoplePagesByOrganization = (ctx: RequestContext, page: ConnectionArgs) =>
  pagesByParent(ctx, 'peopleByOrganization', {
    query: (ids) => ctx.ds.getRepository(Person).createQueryBuilder('p').where('p.employer_organization_id IN (:...ids)', { ids })
      .andWhere(ctx.viewer.kind === 'anonymous' ? 'false' : 'true'),
    parentSql: 'p.employer_organization_id', parentOf: (p) => p.employerOrganizationId ?? '', identitySql: ['p.id'],
    order: [{ sql: 'p.name', value: (p) => p.name }, { sql: 'p.id', value: (p) => p.id }],
  }, page);
