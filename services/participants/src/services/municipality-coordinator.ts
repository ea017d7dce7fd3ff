import { z } from 'zod';
import { forbidden, isAdmin, refuse, runMutation, type RequestContext } from '@kommunenett/subgraph-kit';
import { personById } from '../loaders';
import { accessTo, PersonAccess } from './person-visibility';
import { idSchema, municipalityIdSchema } from './registrations';

/*
 * Who receives the copies of messages about a municipality's registrations (COORDINATOR_COPY,
 * docs/notifications.md): one person per municipality, named by that municipality's COORDINATOR
 * (themselves or a colleague) or by ADMIN. The copies go to that person's address; they switch
 * them off in their own message settings or with the copy's unsubscribe link.
 */

const schema = z.object({
  municipalityId: municipalityIdSchema,
  /** Null: nobody receives copies. */
  personId: idSchema.nullish(),
});

export interface CoordinatorOutcome {
  municipalityId: string;
  coordinatorPersonId: string | null;
}

const mayName = (v: RequestContext['viewer'], municipalityId: string) => isAdmin(v) || (v.role === 'COORDINATOR' && v.municipalityId === municipalityId);

/** Who receives the municipality's copies: for ADMIN and its COORDINATOR; FORBIDDEN for anyone else. */
export async function coordinatorOf(ctx: RequestContext, municipalityId: string): Promise<string | null> {
  if (!mayName(ctx.viewer, municipalityId)) throw forbidden('Only the municipality’s own COORDINATOR (or ADMIN) sees who receives its copies.');
  const [row] = (await ctx.ds.query('SELECT person_id AS "personId" FROM participants.municipality_coordinator WHERE municipality_id = $1', [municipalityId])) as { personId: string }[];
  return row?.personId ?? null;
}

/** ADMIN, or the COORDINATOR of that municipality; anyone else FORBIDDEN. */
export function setMunicipalityCoordinator(ctx: RequestContext, input: unknown) {
  return runMutation(ctx, {
    input, schema,
    // Copies carry the municipality's registrations to this address: only someone whose contact
    // data the namer already sees; anyone else is NOT_FOUND, as an unknown id (the person-visibility
    // rule). Read before the transaction: the rule's loaders read outside it.
    prepare: async ({ municipalityId, personId }) => {
      if (!mayName(ctx.viewer, municipalityId)) throw forbidden('Only the municipality’s own COORDINATOR (or ADMIN) names who receives its copies.');
      if (!personId) return;
      const person = await personById(ctx).load(personId);
      if (!person || (await accessTo(ctx, person)) < PersonAccess.CONTACT) refuse('personId', `No person ${personId}.`, 'NOT_FOUND');
      if (!person.email || person.erasedAt) refuse('personId', 'The person has no e-mail address for the copies to go to.', 'NO_EMAIL_ADDRESS');
    },
  }, async ({ municipalityId, personId }, m): Promise<CoordinatorOutcome> => {
    const [municipality] = (await m.query('SELECT id FROM participants.municipality WHERE id = $1', [municipalityId])) as unknown[];
    if (!municipality) refuse('municipalityId', `No municipality ${municipalityId}.`, 'UNKNOWN_MUNICIPALITY');
    if (!personId) {
      await m.query('DELETE FROM participants.municipality_coordinator WHERE municipality_id = $1', [municipalityId]);
      return { municipalityId, coordinatorPersonId: null };
    }
    await m.query(
      `INSERT INTO participants.municipality_coordinator (municipality_id, person_id, updated_by, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (municipality_id) DO UPDATE SET person_id = EXCLUDED.person_id, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [municipalityId, personId, ctx.viewer.subject]);
    return { municipalityId, coordinatorPersonId: personId };
  });
}
