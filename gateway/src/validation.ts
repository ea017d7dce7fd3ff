import { GraphQLError, type ValidationRule } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';

const FORBIDDEN_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Refuses aliases (and operation variables) named like Object prototype members, which could
 * otherwise pollute result objects assembled from plain objects.
 */
export const NoPrototypeNames: ValidationRule = (context) => ({
  Field(node) {
    if (node.alias && FORBIDDEN_NAMES.has(node.alias.value)) {
      context.reportError(new GraphQLError(`The alias "${node.alias.value}" is not allowed.`, { nodes: node, extensions: { code: 'BAD_USER_INPUT' } }));
    }
  },
  VariableDefinition(node) {
    if (FORBIDDEN_NAMES.has(node.variable.name.value)) {
      context.reportError(new GraphQLError(`The variable name "${node.variable.name.value}" is not allowed.`, { nodes: node, extensions: { code: 'BAD_USER_INPUT' } }));
    }
  },
});

const NUL_MESSAGE = 'Text may not contain the NUL character (U+0000).';

/**
 * Refuses the NUL character in string literals of the document: PostgreSQL cannot store it in
 * text, so without this rule it would surface as an internal error deep in a service.
 */
export const NoNulInStrings: ValidationRule = (context) => ({
  StringValue(node) {
    if (node.value.includes('\u0000')) context.reportError(new GraphQLError(NUL_MESSAGE, { nodes: node, extensions: { code: 'BAD_USER_INPUT' } }));
  },
});

/** The path of the first string (or object key) holding a NUL character, if any. */
function nulPath(value: unknown, path: string[]): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = nulPath(item, [...path, String(i)]);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = key.includes('\u0000') ? [...path, key] : nulPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Checks of a request once its operation is chosen, for every service at once (400, nothing runs):
 * - the operation must be found: Apollo Gateway would otherwise fail a document of several
 *   operations without `operationName`, or an unknown `operationName`, with a 500;
 * - no variable may hold the NUL character (the rule above, for variables).
 */
export const requestChecks: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, operation }) {
        if (!operation) {
          const message = request.operationName ? `Unknown operation named "${request.operationName}".` : 'Must provide operation name if query contains multiple operations.';
          throw new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
        }
        const path = nulPath(request.variables ?? {}, []);
        if (path) {
          throw new GraphQLError(`${NUL_MESSAGE} (variable ${path.join('.').split('\u0000').join('\\u0000')})`, { extensions: { code: 'BAD_USER_INPUT', field: path, http: { status: 400 } } });
        }
      },
    };
  },
};
