import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { Person } from '../entities/person.entity';
import { Gender } from '../entities/enums';
import { queryPrepared, type PreparedStatement } from '@kommunenett/db';

/** Input of a new (or reused) person, as partners and coordinators send it. */
export const personInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.email().max(254).transform((e) => e.toLowerCase()),
  phone: z.string().trim().max(30).regex(/^\+?[0-9][0-9 ()-]{4,}$/, 'Invalid phone number: digits, spaces, +, - and parentheses only.').nullish(),
  title: z.string().trim().min(1).max(200).nullish(),
  gender: z.enum(Gender).nullish(),
});
export type PersonInput = z.infer<typeof personInputSchema>;

/**
 * Finds the persons with these emails, creating those that do not exist yet; one person per email
 * on the whole platform. An existing person keeps their data (a registration does not overwrite
 * what the person or others recorded), except that missing fields are filled in. Returns the ids
 * by email, and which emails became new persons.
 */
export async function upsertPersonsByEmail(m: EntityManager, inputs: (PersonInput & { employerMunicipalityId: string | null })[]): Promise<{ ids: Map<string, string>; created: Set<string> }> {
  const unique = [...new Map(inputs.map((p) => [p.email, p])).values()];
  if (unique.length === 0) return { ids: new Map(), created: new Set() };
  const inserted = await m.createQueryBuilder().insert().into(Person).values(unique.map((p) => ({
    id: randomUUID(), name: p.name, email: p.email, phone: p.phone ?? null, title: p.title ?? null, gender: p.gender ?? null,
    employerMunicipalityId: p.employerMunicipalityId, employerOrganizationId: null,
  }))).orIgnore().returning(['email']).execute();
  const created = new Set((inserted.raw as { email: string }[]).map((r) => r.email));
  const emails = unique.map((p) => p.email);
  await m.query(
    `UPDATE participants.person p SET phone = COALESCE(p.phone, i.phone), title = COALESCE(p.title, i.title), gender = COALESCE(p.gender, i.gender)
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS i(email, phone, title, gender)
     WHERE p.email = i.email AND p.erased_at IS NULL AND (p.phone IS NULL AND i.phone IS NOT NULL OR p.title IS NULL AND i.title IS NOT NULL OR p.gender IS NULL AND i.gender IS NOT NULL)`,
    [emails, unique.map((p) => p.phone ?? null), unique.map((p) => p.title ?? null), unique.map((p) => p.gender ?? null)],
  );
  const rows = (await m.query('SELECT id, email FROM participants.person WHERE email = ANY($1)', [emails])) as { id: string; email: string }[];
  return { ids: new Map(rows.map((r) => [r.email, r.id])), created };
}

/**
 * One person by email, in one statement: created when new, else missing fields filled in (as
 * `upsertPersonsByEmail`), with its id. A person created by a concurrent transaction after this
 * statement's snapshot is not seen by its read: then it runs once more, with a fresh snapshot.
 */
const UPSERT_PERSON: PreparedStatement = {
  name: 'participants-upsert-person',
  text: `WITH i AS (SELECT $1::uuid AS id, $2::text AS name, $3::text AS email, $4::text AS phone, $5::text AS title, $6::text AS gender, $7::text AS municipality_id),
     created AS (
       INSERT INTO participants.person (id, name, email, phone, title, gender, employer_municipality_id)
       SELECT id, name, email, phone, title, gender, municipality_id FROM i ON CONFLICT (email) DO NOTHING RETURNING id),
     filled AS (
       UPDATE participants.person p SET phone = COALESCE(p.phone, i.phone), title = COALESCE(p.title, i.title), gender = COALESCE(p.gender, i.gender)
       FROM i WHERE p.email = i.email AND p.erased_at IS NULL
         AND (p.phone IS NULL AND i.phone IS NOT NULL OR p.title IS NULL AND i.title IS NOT NULL OR p.gender IS NULL AND i.gender IS NOT NULL))
   SELECT id, true AS created FROM created
   UNION ALL SELECT p.id, false FROM participants.person p, i WHERE p.email = i.email AND NOT EXISTS (SELECT FROM created)`,
};

export async function upsertPersonByEmail(m: EntityManager, p: PersonInput & { employerMunicipalityId: string | null }): Promise<{ id: string; created: boolean }> {
  for (let attempt = 1; ; attempt++) {
    const [row] = await queryPrepared<{ id: string; created: boolean }>(m, UPSERT_PERSON,
      [randomUUID(), p.name, p.email, p.phone ?? null, p.title ?? null, p.gender ?? null, p.employerMunicipalityId]);
    if (row || attempt === 2) {
      if (!row) throw new Error(`No person with email ${p.email} after its insert`);
      return row;
    }
  }
}
