import DataLoader from 'dataloader';
import { forbidden, type RequestContext } from '@kommunenett/subgraph-kit';
import type { Person } from '../entities/person.entity';
import { registrationsByPerson, snapshotByNetwork } from '../loaders';
import { canSeeContactData, type PersonFacts } from './access';

/** What the contact rule needs about a person, from this request's loaders. */
export async function personFacts(ctx: RequestContext, person: Person): Promise<PersonFacts> {
  const regs = await registrationsByPerson(ctx).load(person.id);
  const snapshots = await snapshotByNetwork(ctx).loadMany([...new Set(regs.map((r) => r.networkId))]);
  const hosts = new Map(snapshots.flatMap((s) => (s && !(s instanceof Error) ? [[s.networkId, s.hostIds] as const] : [])));
  return {
    personId: person.id, employerMunicipalityId: person.employerMunicipalityId,
    registrations: regs.map((r) => ({ networkId: r.networkId, municipalityId: r.municipalityId, hostIds: hosts.get(r.networkId) ?? [] })),
  };
}

/** Writes the reads of contact data of one request in one statement. */
const accessLog = (ctx: RequestContext) =>
  ctx.loaders.get('contactAccessLog', () => new DataLoader<string, true>(async (keys) => {
    const entries = keys.map((k) => k.split('|'));
    const v = ctx.viewer;
    await ctx.ds.query(
      `INSERT INTO participants.contact_access (id, person_id, field, viewer_subject, viewer_role, viewer_organization_id, request_id)
       SELECT gen_random_uuid(), e.person_id, e.field, $3, $4, $5, $6 FROM unnest($1::uuid[], $2::text[]) AS e(person_id, field)`,
      [entries.map((e) => e[0]), entries.map((e) => e[1]), v.subject, v.kind === 'service' ? 'SERVICE' : v.role, v.organizationId, ctx.requestId],
    );
    return keys.map(() => true as const);
  }, { maxBatchSize: 1000 }));

/**
 * A contact field of a person (email, phone, gender): FORBIDDEN unless the contact rule lets the
 * viewer see it, and every read by someone other than the person is logged before it is returned.
 */
export async function readContactField(ctx: RequestContext, person: Person, field: 'email' | 'phone' | 'gender'): Promise<string | null> {
  if (!canSeeContactData(ctx.viewer, await personFacts(ctx, person))) throw forbidden(`The ${field} of this person is not visible to you.`);
  const value = person[field];
  if (value !== null && ctx.viewer.personId !== person.id) await accessLog(ctx).load(`${person.id}|${field}`);
  return value;
}

