import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode } from '@apollo/query-planner';
import { REPO_ROOT } from '@kommunenett/stack';

/** One subgraph fetch of a query plan, and where in the answer it goes. */
export interface PlannedFetch {
  subgraph: string;
  /** The answer path its entities come from (`network.registrations.edges.@.node…`), empty for a root fetch. */
  path: string;
}

export interface CriticalPath {
  /** Fetches per level: a level starts when the one before it has finished. */
  levels: PlannedFetch[][];
  /** The chain of fetches that waits for each other, root first (the one taking most levels). */
  critical: PlannedFetch[];
  fetches: number;
}

/**
 * The fetches of a node as levels: a sequence puts its children's levels one after another, a
 * parallel node merges its children's levels side by side.
 */
function levelsOf(node: PlanNode, path: string): PlannedFetch[][] {
  switch (node.kind) {
    case 'Fetch':
      return [[{ subgraph: node.serviceName, path }]];
    case 'Flatten':
      return levelsOf(node.node, node.path.join('.'));
    case 'Sequence':
      return node.nodes.flatMap((child) => levelsOf(child, path));
    case 'Parallel': {
      const merged: PlannedFetch[][] = [];
      for (const child of node.nodes) levelsOf(child, path).forEach((level, i) => (merged[i] = [...(merged[i] ?? []), ...level]));
      return merged;
    }
    case 'Condition':
      return [node.ifClause, node.elseClause].filter((n): n is PlanNode => !!n).flatMap((n) => levelsOf(n, path));
    default:
      return [];
  }
}

/** The longest chain of fetches that wait for each other. */
function criticalOf(node: PlanNode, path: string): PlannedFetch[] {
  switch (node.kind) {
    case 'Fetch':
      return [{ subgraph: node.serviceName, path }];
    case 'Flatten':
      return criticalOf(node.node, node.path.join('.'));
    case 'Sequence':
      return node.nodes.flatMap((child) => criticalOf(child, path));
    case 'Parallel':
      return node.nodes.map((child) => criticalOf(child, path)).reduce((a, b) => (b.length > a.length ? b : a), []);
    case 'Condition':
      return [node.ifClause, node.elseClause].filter((n): n is PlanNode => !!n).map((n) => criticalOf(n, path)).reduce((a, b) => (b.length > a.length ? b : a), []);
    default:
      return [];
  }
}

/**
 * The plan Apollo Gateway's query planner makes for `query` over the committed supergraph
 * (infra/supergraph.graphql, what the gateway serves), as levels and the critical path.
 */
export function criticalPathOf(query: string, supergraphSdl = readFileSync(join(REPO_ROOT, 'infra', 'supergraph.graphql'), 'utf8')): CriticalPath {
  const supergraph = Supergraph.build(supergraphSdl);
  const operation = operationFromDocument(supergraph.apiSchema(), parse(query));
  const plan = new QueryPlanner(supergraph).buildQueryPlan(operation);
  // Queries and mutations only: a subscription's plan is not a tree of fetches.
  const root = plan.node && plan.node.kind !== 'Subscription' ? plan.node : undefined;
  const levels = root ? levelsOf(root, '') : [];
  return { levels, critical: root ? criticalOf(root, '') : [], fetches: levels.reduce((n, level) => n + level.length, 0) };
}
