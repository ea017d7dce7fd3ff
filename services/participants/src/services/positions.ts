import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { forbidden, inputSchemas, isLocalDate, refuse, runMutation, type Outcome, type RequestContext } from '@kommunenett/subgraph-kit';
import { Person } from '../entities/person.entity';
import { Position } from '../entities/position.entity';
import { municipalityById, organizationById } from '../loaders';
import { accessTo, PersonAccess, visiblePersonById } from './person-visibility';
import { municipalityIdSchema } from './registrations';
import { roleOfTitle } from './position-roles';
import { PositionRole } from '../entities/enums';

const localDate = z.string().refine(isLocalDate,
  { message: 'A date as YYYY-MM-DD.', params: { code: 'INVALID_FORMAT' } });
const recordPositionSchema = z.object({
  personId: inputSchemas.id,
  title: z.string().trim().min(1).max(200),
  role: z.enum(PositionRole).nullish(),
  employerMunicipalityId: municipalityIdSchema.nullish(),
  employerOrganizationId: z.string().regex(/^[a-z0-9-]{1,64}$/).nullish(),
  validFrom: localDate,
  validTo: localDate.nullish(),
}).refine((p) => !p.validTo || p.validTo >= p.validFrom, { message: 'validTo is before validFrom.', path: ['validTo'] });

/** Records a position of a person (its role derived from the title when not given); one still held becomes the person's current title and employer. */
export function recordPosition(ctx: RequestContext, input: unknown): Promise<Outcome<Position>> {
  const prepare = async (value: z.infer<typeof recordPositionSchema>) => {
    // A person the caller may not see gets the answer of an unknown id.
    const person = await visiblePersonById(ctx).load(value.personId);
    if (!person || person.erasedAt) refuse('personId', 'No such person.', 'NOT_FOUND');
    if ((await accessTo(ctx, person)) < PersonAccess.CONTACT) throw forbidden('You may not record positions of this person.');
    if (value.employerMunicipalityId && !(await municipalityById(ctx).load(value.employerMunicipalityId))) {
      refuse('employerMunicipalityId', 'No such municipality.', 'UNKNOWN_MUNICIPALITY');
    }
    if (value.employerOrganizationId && !(await organizationById(ctx).load(value.employerOrganizationId))) {
      refuse('employerOrganizationId', 'No such organization.', 'UNKNOWN_ORGANIZATION');
    }
    return person;
  };
  return runMutation(ctx, { input, schema: recordPositionSchema, prepare }, async (value, m, person) => {
    const position = Object.assign(new Position(), {
      id: randomUUID(), personId: person.id, title: value.title, role: value.role ?? roleOfTitle(value.title), employerMunicipalityId: value.employerMunicipalityId ?? null,
      employerOrganizationId: value.employerOrganizationId ?? null, validFrom: value.validFrom, validTo: value.validTo ?? null,
    });
    await m.getRepository(Position).insert(position);
    // A position still held is the person's current title and employer.
    if (!position.validTo) {
      await m.getRepository(Person).update({ id: person.id }, {
        title: position.title, employerMunicipalityId: position.employerMunicipalityId, employerOrganizationId: position.employerOrganizationId,
      });
    }
    return position;
  });
}
