import { GraphQLError, type ValidationRule } from 'graphql';

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
