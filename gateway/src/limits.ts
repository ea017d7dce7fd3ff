import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, Kind, type DocumentNode, type OperationDefinitionNode, type ValidationContext } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '@kommunenett/subgraph-kit/serving';
import type { GatewayConfig } from './config';

/**
 * A refusal by a query limit with a code of its own. Armor words its refusals as syntax errors
 * ("Syntax Error: Query depth limit of 12 exceeded, found 13."); the prefix is dropped, since
 * the query is well-formed, just too big.
 */
function refuseWith(code: ErrorCode): (context: ValidationContext | null, error: GraphQLError) => void {
  return (context, error) => {
    const message = error.message.replace(/^Syntax Error:\s*/, '').replace(/^Query Cost limit/, 'Query cost limit');
    context?.reportError(new GraphQLError(message, { extensions: { code } }));
  };
}

/** The estimated cost of each operation of a validated document, in document order. */
const costsByDocument = new WeakMap<DocumentNode, number[]>();

function rememberCost(context: ValidationContext | null, details: { n: number }): void {
  if (!context) return;
  const document = context.getDocument();
  const costs = costsByDocument.get(document) ?? [];
  costs.push(details.n);
  costsByDocument.set(document, costs);
}

/** The cost armor computed for this operation when the document was validated (validation is cached with the document). */
function costOf(document: DocumentNode, operation: OperationDefinitionNode): number | undefined {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  return costsByDocument.get(document)?.[operations.indexOf(operation)];
}

/**
 * The query limits of the gateway (depth, aliases, cost, directives; tokens are Apollo's parser
 * limit), each refusing with a 400 and a code of its own, and the plugin that reports each
 * accepted operation's cost in the response's `extensions.cost`.
 */
export function queryLimits(limits: GatewayConfig['limits']) {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, propagateOnRejection: false, onReject: [refuseWith(ErrorCode.QUERY_TOO_DEEP)] },
    maxAliases: { n: limits.maxAliases, propagateOnRejection: false, onReject: [refuseWith(ErrorCode.TOO_MANY_ALIASES)] },
    // The cost estimates work: a `first: 100` multiplies what is under it, so a page of 100
    // networks with 100 registrations each (10,000 rows) costs about 430,000. Armor's default depth
    // factor (1.5) would add a fourfold penalty for nesting on top; 1.2 keeps deep queries dearer
    // without refusing that ordinary page.
    costLimit: {
      maxCost: limits.maxCost, objectCost: 2, scalarCost: 1, depthCostFactor: 1.2, ignoreIntrospection: true,
      propagateOnRejection: false, onReject: [refuseWith(ErrorCode.QUERY_TOO_COSTLY)], onAccept: [rememberCost],
    },
    maxDirectives: { n: limits.maxDirectives, propagateOnRejection: false, onReject: [refuseWith(ErrorCode.TOO_MANY_DIRECTIVES)] },
    // Apollo's own parser limit answers a too-long query with a 400, armor's with a 500.
    maxTokens: { enabled: false },
    // Suggestions are removed from every message in formatError (see maskError), not only here.
    blockFieldSuggestion: { enabled: false },
  });
  const { validationRules, plugins } = armor.protect();
  const reportCost: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async willSendResponse({ response, document, operation }) {
          if (response.body.kind !== 'single' || !document || !operation) return;
          const cost = costOf(document, operation);
          if (cost === undefined) return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost: { requestedQueryCost: Math.round(cost), maximumQueryCost: limits.maxCost } };
        },
      };
    },
  };
  return { validationRules, plugins: [...plugins, reportCost] };
}
