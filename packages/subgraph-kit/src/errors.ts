import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';

/** The error codes clients can rely on, in `errors[].extensions.code`. */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  LIMIT_EXCEEDED: 'LIMIT_EXCEEDED',
  /** A comparison whose group of participants is smaller than the suppression threshold: nothing could be shown. */
  COMPARISON_GROUP_TOO_SMALL: 'COMPARISON_GROUP_TOO_SMALL',
  /** Query limits of the gateway (400): nesting, estimated cost, aliases, directives, tokens. */
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  TOO_MANY_DIRECTIVES: 'TOO_MANY_DIRECTIVES',
  TOO_MANY_TOKENS: 'TOO_MANY_TOKENS',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export function appError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const forbidden = (message = 'You are not allowed to do this.') => appError(ErrorCode.FORBIDDEN, message);
export const unauthenticated = (message = 'Sign in to do this.') => appError(ErrorCode.UNAUTHENTICATED, message);
export const badInput = (message: string, field?: string) => appError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});
export const notFound = (what: string, id: string) => appError(ErrorCode.NOT_FOUND, `${what} ${id} was not found.`);

/** Codes that may pass to clients with their message; anything else is masked. */
export const PUBLIC_ERROR_CODES = new Set<string>([
  ...Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR),
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE',
]);

/** "Did you mean …?" in graphql-js messages names types, fields and enum values the schema has. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;
/** graphql-js's parser limit, reported as a syntax error (its message reads "more that" in graphql 16). */
const TOKEN_LIMIT = /^Syntax Error: Document contains more tha[nt] (\d+) tokens\. Parsing aborted\.$/;

/**
 * The code an error was given where it was raised. Apollo gives every validation error the code
 * GRAPHQL_VALIDATION_FAILED; a rule of ours that reported a more precise code keeps it.
 */
function ownCode(formatted: GraphQLFormattedError, error: unknown): string | undefined {
  const code = formatted.extensions?.code as string | undefined;
  const original = (error as { originalError?: unknown } | null)?.originalError;
  const inner = original instanceof GraphQLError ? original.extensions?.code : undefined;
  return code === 'GRAPHQL_VALIDATION_FAILED' && typeof inner === 'string' && PUBLIC_ERROR_CODES.has(inner) ? inner : code;
}

/**
 * Formats errors so that only public codes keep their message; nothing else leaks. With
 * `hideSuggestions` (whenever introspection is off) no message suggests names of the schema.
 */
export function maskError(log: Logger, options: { hideSuggestions?: boolean } = {}) {
  const hide = options.hideSuggestions ?? true;
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    let code = ownCode(formatted, error);
    let message = formatted.message;
    const tokens = TOKEN_LIMIT.exec(message);
    if (tokens) {
      code = ErrorCode.TOO_MANY_TOKENS;
      message = `Query token limit of ${tokens[1]} exceeded.`;
    }
    if (code && PUBLIC_ERROR_CODES.has(code)) {
      const { stacktrace: _s, exception: _e, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, message: hide ? message.replace(SUGGESTION, '') : message, extensions: { ...extensions, code } };
    }
    log.error({ err: error }, 'unexpected error in resolver');
    return { message: 'Internal server error.', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
