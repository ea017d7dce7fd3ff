import { Arg, Ctx, Directive, Field, FieldResolver, ID, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '@kommunenett/auth';
import { allowAuditErasure } from './audit';
import { isAdmin } from './authorization';
import { forbidden } from './errors';
import type { RequestContext } from './context';
import type { SubgraphName } from './config';

/*
 * GDPR across the graph. The participants service owns `PersonalDataExport` (key: the person's
 * id) and `erasePerson`; every other service adds its part of the export as a field on that
 * entity and erases its copies when participants asks (an internal mutation, hidden from clients).
 */

/** Whose personal data the viewer may read in full: their own, or anyone's for ADMIN (a request by post). */
export function mayReadPersonalData(viewer: Viewer, personId: string): boolean {
  return isAdmin(viewer) || (!!viewer.personId && viewer.personId === personId);
}

export function requirePersonalDataReader(viewer: Viewer, personId: string): void {
  if (!mayReadPersonalData(viewer, personId)) throw forbidden('You may export your own data only.');
}

/** What identifies a person in free text and in who-did-it columns, for erasure. */
export interface PersonTraces {
  personId: string;
  /** The full name as recorded; replaced wherever it occurs in text (only when it has two words or more, so a lone given name does not rewrite others' text). */
  name: string | null;
  email: string | null;
  /** Token subjects of the person (a participant's subject is the person id): who-did-it columns equal to one become `anonymisert`. */
  subjects: string[];
}

export const ERASED_TEXT = 'anonymisert';

/**
 * Removes a person's traces from every text column of one service's schema: occurrences of the
 * name and the email inside any text, and values equal to one of the person's subjects. Tables in
 * `except` (the participants service's own `person`, handled row by row) are left out. Returns
 * the number of rows changed.
 */
export async function eraseTraces(m: EntityManager, schema: SubgraphName, traces: PersonTraces, except: string[] = []): Promise<number> {
  const columns = (await m.query(
    `SELECT c.table_name AS "table", c.column_name AS "column" FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
     WHERE c.table_schema = $1 AND c.data_type IN ('text', 'character varying') AND c.is_generated = 'NEVER' AND NOT (c.table_name = ANY($2))
     ORDER BY 1, 2`, [schema, except])) as { table: string; column: string }[];
  const name = traces.name && traces.name.trim().split(/\s+/).length >= 2 ? traces.name : null;
  const terms = [name, traces.email].filter((t): t is string => !!t);
  const subjects = traces.subjects.filter(Boolean);
  let changed = 0;
  // Who-did-it columns of the audit trail lose the person too (their only exception to being append-only).
  await allowAuditErasure(m);
  for (const { table, column } of columns) {
    const col = `"${column}"`;
    let value = col;
    for (let i = 0; i < terms.length; i += 1) value = `replace(${value}, $${i + 1}, '${i === 0 && name ? 'Anonymisert' : ERASED_TEXT}')`;
    const subjectParam = `$${terms.length + 1}`;
    const set = `${col} = CASE WHEN ${col} = ANY(${subjectParam}::text[]) THEN '${ERASED_TEXT}' ELSE ${value} END`;
    const where = [...terms.map((_, i) => `strpos(${col}, $${i + 1}) > 0`), `${col} = ANY(${subjectParam}::text[])`].join(' OR ');
    const [, affected] = (await m.query(`UPDATE ${schema}."${table}" SET ${set} WHERE ${where}`, [...terms, subjects])) as [unknown, number];
    changed += affected ?? 0;
  }
  return changed;
}

/** What a service contributes: its part of the export, and how it erases its copies. */
export interface PersonalDataPart {
  service: Exclude<SubgraphName, 'participants'>;
  description: string;
  export(ds: DataSource, personId: string): Promise<Record<string, unknown>>;
  /** Erases what the service holds about the person beyond the text columns (references by id); runs before `eraseTraces`. */
  erase(m: EntityManager, traces: PersonTraces): Promise<number>;
}

/** The internal mutation by which participants' `erasePerson` reaches a service: `erase<Service>PersonData`. */
export const eraseMutationName = (service: SubgraphName) => `erase${service[0].toUpperCase()}${service.slice(1)}PersonData`;

/**
 * What a service adds for its part: the participants service's entity as a stub of its own (one
 * class per service, so each schema gets only its own field), the export field (the person or
 * ADMIN only) and the erase mutation (the participants service only, hidden from the public API).
 */
export function personalDataPart(part: PersonalDataPart) {
  @ObjectType({ description: 'A person’s data across the platform. Each service adds its part as a field; ask for all of them.' })
  @Directive('@key(fields: "id")')
  class PersonalDataExport {
    @Field(() => ID, { description: 'The person’s id.' }) id: string;
  }

  @Resolver(() => PersonalDataExport)
  class PersonalDataPartResolver {
    @FieldResolver(() => GraphQLJSON, { name: part.service, description: part.description })
    exportPart(@Root() e: PersonalDataExport, @Ctx() ctx: RequestContext) {
      requirePersonalDataReader(ctx.viewer, e.id);
      return part.export(ctx.ds, e.id);
    }

    @Directive('@inaccessible')
    @Mutation(() => Int, { name: eraseMutationName(part.service), description: 'Internal: erases this service’s copies of a person’s data when the participants service erases the person. Rows changed.' })
    erasePart(
      @Ctx() ctx: RequestContext,
      @Arg('personId', () => ID, { description: 'The person.' }) personId: string,
      @Arg('name', () => String, { nullable: true, description: 'The name as recorded, replaced in text.' }) name: string | null,
      @Arg('email', () => String, { nullable: true, description: 'The email, replaced in text.' }) email: string | null,
      @Arg('subjects', () => [String], { description: 'Token subjects of the person.' }) subjects: string[],
    ) {
      if (ctx.viewer.kind !== 'service' || ctx.viewer.subject !== 'service:participants') throw forbidden('Only the participants service erases people.');
      const traces = { personId, name, email, subjects };
      return ctx.ds.transaction(async (m) => (await part.erase(m, traces)) + (await eraseTraces(m, part.service, traces)));
    }
  }
  return { type: PersonalDataExport, resolver: PersonalDataPartResolver };
}
