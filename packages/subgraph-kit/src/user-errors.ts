import { Directive, Field, ObjectType } from 'type-graphql';
import type { z } from 'zod';

/** A rule the input broke: returned in a mutation payload's `userErrors`, nothing changed. */
@ObjectType({ description: 'A rule broken by the input of a mutation. Nothing was changed.' })
@Directive('@shareable')
export class UserError {
  @Field(() => [String], { nullable: true, description: 'Path to the input field, e.g. ["input", "registrationDeadline"].' })
  field: string[] | null;

  @Field()
  message: string;

  @Field({ description: 'Stable machine-readable code, e.g. DEADLINE_PASSED, NETWORK_FULL, STALE_VERSION.' })
  code: string;
}

/**
 * A user error. `field` is a path into the mutation's arguments: an array as is, or a dotted string
 * inside `input` (`"rows.3.email"` → `["input", "rows", "3", "email"]`; a string that already
 * starts at `input` is not prefixed twice).
 */
export function userError(field: string | string[] | null, message: string, code: string): UserError {
  const e = new UserError();
  const path = typeof field === 'string' ? field.split('.') : field;
  e.field = path === null ? null : Array.isArray(field) || path[0] === 'input' ? path : ['input', ...path];
  e.message = message;
  e.code = code;
  return e;
}

/** Maps zod's issue kinds onto the user-error codes the API documents. */
function codeFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_big': return 'TOO_LONG';
    case 'too_small': return 'TOO_SHORT';
    case 'invalid_format': return 'INVALID_FORMAT';
    case 'invalid_value': return 'INVALID_VALUE';
    case 'custom': return (issue.params?.code as string | undefined) ?? 'INVALID';
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
    userErrors: result.error.issues.map((issue) => userError(['input', ...issue.path.map(String)], issue.message, codeFor(issue))),
  };
}
