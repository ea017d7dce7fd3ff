import DataLoader from 'dataloader';
import { Brackets, In, type WhereExpressionBuilder } from 'typeorm';
import { forbidden, isAdmin, type RequestContext } from '@kommunenett/subgraph-kit';
import type { Viewer } from '@kommunenett/auth';
import { Person } from '../entities/person.entity';
import { personById, registrationsByPerson, snapshotByNetwork } from '../loaders';
import { canSeeRegistration, whereRegistrationVisible, type RegistrationFacts } from './access';

/*
 * The person-visibility rule: which people a viewer sees, and which of their fields. Written once,
 * here, and used by `person(id)`, by `Person` references from other subgraphs, by every field
 * that leads to a person (registrations, attendance, contact persons, leaders, submissions), by
 * lists of people and by mutations that name a person. docs/security.md states it in words.
 */

/** How much of a person a viewer sees. */
export enum PersonAccess {
  /** Not at all: the person resolves to null, as an unknown id would. */
  NONE = 0,
  /** The profile: id, name, title, employer, erasedAt, version. */
  PROFILE = 1,
  /** The profile and the contact data: email, phone, gender (each read logged) and positions. */
  CONTACT = 2,
}

/** A registration of the person, with what the rule needs to know about it. */
export interface PersonRegistrationFacts extends RegistrationFacts {
  grantsRegistrarAccess: boolean;
  registeredByRole: string | null;
}

/** What the rule needs about a person. */
export interface PersonFacts {
  personId: string;
  employerMunicipalityId: string | null;
  employerOrganizationId: string | null;
  registrations: PersonRegistrationFacts[];
}

/**
 * Whether a registration shows its person to the viewer: the viewer may see the registration,
 * and it is not one that the viewer's role made for a person it could not see (registering is
 * never a way in; such a registration stays without effect after a cancellation too).
 */
export function registrationShowsPerson(v: Viewer, r: PersonRegistrationFacts): boolean {
  return canSeeRegistration(v, r) && (r.grantsRegistrarAccess || r.registeredByRole !== v.role);
}

/**
 * The rule. ADMIN and the person: everything. ORG_ADMIN of a host, FACILITATOR of a network the
 * person is registered in, COORDINATOR of the registering or employing municipality: contact
 * data. A PARTNER that may read a registration of the person: the profile. Any signed-in user:
 * the profile of people in public roles (employed by an organization that runs networks).
 * Nobody else sees the person at all.
 */
export function personAccess(v: Viewer, p: PersonFacts): PersonAccess {
  if (isAdmin(v) || (!!v.personId && v.personId === p.personId)) return PersonAccess.CONTACT;
  const shown = p.registrations.some((r) => registrationShowsPerson(v, r));
  switch (v.role) {
    case 'ORG_ADMIN':
    case 'FACILITATOR':
      if (shown) return PersonAccess.CONTACT;
      break;
    case 'COORDINATOR':
      if (shown || (!!v.municipalityId && p.employerMunicipalityId === v.municipalityId)) return PersonAccess.CONTACT;
      break;
    case 'PARTNER':
      if (shown) return PersonAccess.PROFILE;
      break;
    default:
  }
  return p.employerOrganizationId && v.kind === 'user' ? PersonAccess.PROFILE : PersonAccess.NONE;
}

/**
 * The SQL form of "a registration that shows its person to the viewer", over a registration
 * alias: lists of people built from registrations (a municipality's participants) use it.
 */
export function whereRegistrationShowsPerson<T extends WhereExpressionBuilder>(qb: T, v: Viewer, alias = 'r'): T {
  whereRegistrationVisible(qb, v, alias);
  if (isAdmin(v) || !v.role) return qb;
  return qb.andWhere(new Brackets((w) => w.where(`${alias}.grants_registrar_access`)
    .orWhere(`${alias}.registered_by_role IS DISTINCT FROM :viewerRole`, { viewerRole: v.role })));
}

/** What the rule needs about a person, from this request's loaders (batched across people). */
export async function personFacts(ctx: RequestContext, person: Pick<Person, 'id' | 'employerMunicipalityId' | 'employerOrganizationId'>): Promise<PersonFacts> {
  const regs = await registrationsByPerson(ctx).load(person.id);
  const snapshots = await snapshotByNetwork(ctx).loadMany([...new Set(regs.map((r) => r.networkId))]);
  const hosts = new Map(snapshots.flatMap((s) => (s && !(s instanceof Error) ? [[s.networkId, s.hostIds] as const] : [])));
  return {
    personId: person.id, employerMunicipalityId: person.employerMunicipalityId, employerOrganizationId: person.employerOrganizationId,
    registrations: regs.map((r) => ({
      networkId: r.networkId, municipalityId: r.municipalityId, personId: r.personId, clientId: r.clientId, hostIds: hosts.get(r.networkId) ?? [],
      grantsRegistrarAccess: r.grantsRegistrarAccess, registeredByRole: r.registeredByRole,
    })),
  };
}

/** How much of this person the viewer of the request sees. */
export async function accessTo(ctx: RequestContext, person: Pick<Person, 'id' | 'employerMunicipalityId' | 'employerOrganizationId'>): Promise<PersonAccess> {
  const v = ctx.viewer;
  // Without reading anything: the rule's answer for ADMIN, the person, and anonymous callers.
  if (isAdmin(v) || (!!v.personId && v.personId === person.id)) return PersonAccess.CONTACT;
  if (v.kind === 'anonymous') return PersonAccess.NONE;
  return personAccess(v, await personFacts(ctx, person));
}

/** People by id as the viewer may see them: null for a person the viewer may not see, as for an unknown id. */
export const visiblePersonById = (ctx: RequestContext) =>
  ctx.loaders.get('visiblePersonById', () => new DataLoader<string, Person | null>(async (ids) => {
    const people = await personById(ctx).loadMany(ids);
    return Promise.all(people.map(async (p) => (p && !(p instanceof Error) && (await accessTo(ctx, p)) > PersonAccess.NONE ? p : null)));
  }, { maxBatchSize: 1000 }));

/**
 * Of the persons named by id or existing under these emails, those whose contact data the caller
 * already sees. A new registration shows its person to the registrar's side only for these and
 * for persons it creates (`grantsRegistrarAccess`): registering someone is never a way in.
 */
export async function peopleWithContactAccess(ctx: RequestContext, emails: string[], ids: string[]): Promise<Set<string>> {
  const byEmail = emails.length ? await ctx.ds.getRepository(Person).findBy({ email: In(emails) }) : [];
  const byId = (await personById(ctx).loadMany(ids)).filter((p): p is Person => p instanceof Person);
  const people = [...byEmail, ...byId];
  const access = await Promise.all(people.map((p) => accessTo(ctx, p)));
  return new Set(people.filter((_, i) => access[i] === PersonAccess.CONTACT).map((p) => p.id));
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
 * A contact field of a person (email, phone, gender): FORBIDDEN unless the rule gives the viewer
 * contact access, and every read by someone other than the person is logged before it is returned.
 */
export async function readContactField(ctx: RequestContext, person: Person, field: 'email' | 'phone' | 'gender'): Promise<string | null> {
  if ((await accessTo(ctx, person)) < PersonAccess.CONTACT) throw forbidden(`The ${field} of this person is not visible to you.`);
  const value = person[field];
  if (value !== null && ctx.viewer.personId !== person.id) await accessLog(ctx).load(`${person.id}|${field}`);
  return value;
}
