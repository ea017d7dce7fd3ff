import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { z } from 'zod';
import { userError, validateInput, type RequestContext, type UserError } from '@kommunenett/subgraph-kit';

/** A rule broken by a mutation's input: rolls the transaction back and becomes `userErrors`. */
export class MutationFailure extends Error {
  constructor(readonly userErrors: UserError[]) {
    super(userErrors.map((e) => e.message).join(' '));
  }
}

/** Stops the mutation with one user error (field is a path inside `input`, e.g. "items.2.startTime"). */
export function fail(field: string | null, message: string, code: string): never {
  throw new MutationFailure([userError(field, message, code)]);
}

/** The input checked against its schema, or a MutationFailure with one user error per broken rule. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = validateInput(schema, input);
  if (!result.ok) throw new MutationFailure(result.userErrors);
  return result.value;
}

export interface Outcome<T> {
  value: T | null;
  userErrors: UserError[];
}

/**
 * Runs a mutation in one transaction. A MutationFailure anywhere (validation included) rolls it
 * back and comes out as `userErrors`; authorization errors and anything unexpected propagate as
 * GraphQL errors. Either way nothing is changed.
 */
export async function runMutation<T>(ctx: RequestContext, work: (m: EntityManager) => Promise<T>): Promise<Outcome<T>> {
  try {
    return { value: await ctx.ds.transaction(work), userErrors: [] };
  } catch (error) {
    if (error instanceof MutationFailure) return { value: null, userErrors: error.userErrors };
    throw error;
  }
}

/** Loads a row for update (locked until the transaction ends), or fails with NOT_FOUND on `field`. */
export async function lockRow<T extends ObjectLiteral & { id: string }>(
  m: EntityManager, target: EntityTarget<T>, id: string, field: string, what: string,
): Promise<T> {
  const row = await m.getRepository(target).createQueryBuilder('row').setLock('pessimistic_write').where('row.id = :id', { id }).getOne();
  if (!row) fail(field, `${what} ${id} was not found.`, 'NOT_FOUND');
  return row;
}

/** Refuses an update based on a stale read: the row changed since the editor loaded it. */
export function checkVersion(row: { version: number }, expectedVersion: number, what: string): void {
  if (row.version !== expectedVersion) {
    fail('expectedVersion', `The ${what} was changed by someone else (now version ${row.version}, you had ${expectedVersion}). Reload it and apply your change again.`, 'STALE_VERSION');
  }
}
