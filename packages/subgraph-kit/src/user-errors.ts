import { Directive, Field, ObjectType } from 'type-graphql';
import type { z } from 'zod';
import { UserErrorCode, isUserErrorCode } from './codes';

/** A rule the input broke: returned in a mutation payload's `userErrors`, nothing changed. */
@ObjectType({ description: 'A rule broken by the input of a mutation. Nothing was changed.' })
@Directive('@shareable')
export class UserError {
  @Field(() => [String], { nullable: true, description: 'Path to the input field, e.g. ["input", "registrationDeadline"].' })
  field: string[] | null;

  @Field({ description: 'Human-readable explanation of the broken rule, fit to show to the person who entered the input.' })
  message: string;

  @Field(() => UserErrorCode, { description: 'Stable machine-readable code from the one catalogue, e.g. DEADLINE_PASSED, STALE_VERSION.' })
  code: UserErrorCode;
}

/**
 * The path of an input field as clients see it: always starting with the one "input" argument,
 * never twice. "items.2.startTime" and ["items", "2", "startTime"] both give
 * ["input", "items", "2", "startTime"].
 */
export function inputPath(field: string | readonly (string | number)[]): string[] {
  const parts = (typeof field === 'string' ? field.split('.') : field.map(String)).filter((p) => p !== '');
  while (parts[0] === 'input') parts.shift();
  return ['input', ...parts];
}

/** One user error; `field` is the path inside `input` (null when no one field is to blame). */
export function userError(field: string | readonly (string | number)[] | null, message: string, code: UserErrorCode): UserError {
  const e = new UserError();
  e.field = field === null ? null : inputPath(field);
  e.message = message;
  e.code = code;
  return e;
}

/** Maps zod's issue kinds onto the user-error codes the API documents. */
function codeFor(issue: z.core.$ZodIssue): UserErrorCode {
  switch (issue.code) {
    case 'too_big': return 'TOO_LONG';
    case 'too_small': return 'TOO_SHORT';
    case 'invalid_format': return 'INVALID_FORMAT';
    case 'invalid_value': return 'INVALID_VALUE';
    case 'custom': {
      const code = issue.params?.code as string | undefined;
      return code && isUserErrorCode(code) ? code : 'INVALID';
    }
    default: return 'INVALID';
  }
}

/**
 * Validates a mutation's input with a zod schema. Returns the parsed value, or the user errors
 * (one per broken rule, with the path into `input`).
 */
export function validateInput<T extends z.ZodType>(schema: T, input: unknown): { ok: true; value: z.infer<T> } | { ok: false; userErrors: UserError[] } {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    userErrors: result.error.issues.map((issue) => userError(issue.path.map(String), issue.message, codeFor(issue))),
  };
}
