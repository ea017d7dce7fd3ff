import { QueryFailedError, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { z } from 'zod';
import type { UserErrorCode } from './codes';
import type { RequestContext } from './context';
import { userError, validateInput, type UserError } from './user-errors';

/**
 * A rule broken by a mutation's input, thrown anywhere inside the mutation (validation, the rule,
 * a helper several calls deep). The runner rolls the transaction back and answers with its user
 * errors: a refusal after the first write leaves nothing behind.
 */
export class Refusal extends Error {
  readonly userErrors: UserError[];
  constructor(userErrors: UserError | UserError[]) {
    const list = Array.isArray(userErrors) ? userErrors : [userErrors];
    super(list.map((e) => e.message).join(' '));
    this.userErrors = list;
  }
}

/**
 * Rolls the mutation back on purpose and answers with `answer` (a dry run, or a batch that reports
 * each item's outcome but applies none when one fails): `runMutation` returns it as the value,
 * with `rolledBack` set.
 */
export class RollBack<T> extends Error {
  constructor(readonly answer: T) {
    super('rolled back');
  }
}

/** Stops the mutation with one user error; `field` is a path inside `input`, e.g. "items.2.startTime". */
export function refuse(field: string | readonly (string | number)[] | null, message: string, code: UserErrorCode): never {
  throw new Refusal(userError(field, message, code));
}

/** Stops the mutation when any of `errors` is there (rules checked together, reported together). */
export function refuseAll(errors: UserError[]): void {
  if (errors.length) throw new Refusal(errors);
}

/** The input checked against its schema, or a Refusal with one user error per broken rule. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = validateInput(schema, input);
  if (!result.ok) throw new Refusal(result.userErrors);
  return result.value;
}

/**
 * The schema of an input checked before the runner sees it (rows checked one by one, an input
 * whose idempotency key had to be read first): passes it through as `T`.
 */
export const alreadyChecked = <T>() => z.custom<T>(() => true);

/** What a mutation came to: the value it made, or the rules its input broke (and nothing changed). */
export interface Outcome<T> {
  value: T | null;
  userErrors: UserError[];
  /** Set when the rule rolled back on purpose (`RollBack`); `value` is its answer. */
  rolledBack?: true;
}

/** What a unique or foreign-key violation of one constraint means to the client. */
export interface ConstraintRefusal {
  field: string | null;
  code: UserErrorCode;
  message: string;
}

/**
 * Change events of a mutation, written in its transaction after the rule has run (e.g. a feed and
 * a webhook outbox), so that they commit with the change or not at all.
 */
export interface ChangeEvents {
  flush(m: EntityManager): Promise<void>;
}

export interface MutationSpec<S extends z.ZodType, P> {
  /** The mutation's `input` argument as the client sent it. */
  input: unknown;
  schema: S;
  /**
   * Work before the transaction opens, given the parsed input: reads from other subgraphs (never
   * inside the transaction: on the embedded database it holds the one session all services
   * share) and checks that need no lock. May refuse; what it returns is passed to the rule.
   */
  prepare?: (input: z.infer<S>) => Promise<P>;
  /** Meanings of this mutation's unique/foreign-key violations, by constraint name (given the parsed input). */
  constraints?: Record<string, ConstraintRefusal> | ((input: z.infer<S>) => Record<string, ConstraintRefusal>);
  events?: ChangeEvents;
}

const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';

/**
 * The one mapper of what a mutation threw: a Refusal is its user errors; a unique or foreign-key
 * violation is CONFLICT / NOT_FOUND (or what `constraints` says for its constraint); anything
 * else (authorization errors included) is not a user error and is rethrown by the caller.
 */
export function userErrorsOf(error: unknown, constraints: Record<string, ConstraintRefusal> = {}): UserError[] | null {
  if (error instanceof Refusal) return error.userErrors;
  if (error instanceof QueryFailedError) {
    const driver = error.driverError as { code?: string; constraint?: string };
    const known = driver.constraint ? constraints[driver.constraint] : undefined;
    if (known && (driver.code === UNIQUE_VIOLATION || driver.code === FOREIGN_KEY_VIOLATION)) return [userError(known.field, known.message, known.code)];
    if (driver.code === UNIQUE_VIOLATION) return [userError(null, 'Someone else changed the same thing at the same time; try again.', 'CONFLICT')];
    if (driver.code === FOREIGN_KEY_VIOLATION) return [userError(null, 'Something the change refers to does not exist (any more).', 'NOT_FOUND')];
  }
  return null;
}

/**
 * Runs a mutation: validates `spec.input` against `spec.schema`, runs `spec.prepare`, opens one
 * transaction, runs the service's rule with the parsed input, writes the change events, commits. A Refusal anywhere
 * (validation included) rolls everything back and comes out as `userErrors`, as do the unique and
 * foreign-key violations `userErrorsOf` knows; authorization errors and anything unexpected
 * propagate as GraphQL errors. Either way nothing is changed.
 */
export async function runMutation<S extends z.ZodType, T, P = undefined>(
  ctx: RequestContext,
  spec: MutationSpec<S, P>,
  rule: (input: z.infer<S>, m: EntityManager, prepared: P) => Promise<T>,
): Promise<Outcome<T>> {
  let input: z.infer<S> | undefined;
  try {
    input = parseInput(spec.schema, spec.input);
    const prepared = (spec.prepare ? await spec.prepare(input) : undefined) as P;
    const value = await ctx.ds.transaction(async (m) => {
      const result = await rule(input as z.infer<S>, m, prepared);
      await spec.events?.flush(m);
      return result;
    });
    return { value, userErrors: [] };
  } catch (error) {
    if (error instanceof RollBack) return { value: error.answer as T, userErrors: [], rolledBack: true };
    const constraints = typeof spec.constraints === 'function' ? (input === undefined ? {} : spec.constraints(input)) : spec.constraints;
    const userErrors = userErrorsOf(error, constraints);
    if (userErrors) return { value: null, userErrors };
    throw error;
  }
}

/** Loads a row for update (locked until the transaction ends), or refuses with NOT_FOUND on `field`. */
export async function lockRow<T extends ObjectLiteral & { id: string }>(
  m: EntityManager, target: EntityTarget<T>, id: string, field: string, what: string,
): Promise<T> {
  const row = await m.getRepository(target).createQueryBuilder('row').setLock('pessimistic_write').where('row.id = :id', { id }).getOne();
  if (!row) refuse(field, `${what} ${id} was not found.`, 'NOT_FOUND');
  return row;
}

/** Refuses an update based on a stale read: the row changed since the editor loaded it. */
export function checkVersion(row: { version: number }, expectedVersion: number, what: string, field = 'expectedVersion'): void {
  if (row.version !== expectedVersion) {
    refuse(field, `The ${what} was changed by someone else (now version ${row.version}, you had ${expectedVersion}). Reload it and apply your change again.`, 'STALE_VERSION');
  }
}
