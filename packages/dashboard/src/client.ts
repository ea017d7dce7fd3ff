import { Client, fetchExchange, mapExchange, type AnyVariables, type CombinedError, type TypedDocumentNode } from '@urql/core';
import { cacheExchange } from '@urql/exchange-graphcache';
import { persistedExchange } from '@urql/exchange-persisted';
import { useClient, useQuery } from '@urql/preact';
import { useMemo } from 'preact/hooks';
import { expireSession, session } from './auth';
import { signal, useSignal } from './signal';

/** Types without an id are stored inside their parent in the normalized cache. */
const EMBEDDED = [
  'StatisticsCell', 'Statistics', 'ParticipationStatistics', 'ParticipationStatisticsCell', 'ParticipationStatisticsKey',
  'CountyRegistrants', 'Attendance', 'SessionLocation', 'IndicatorComparison', 'IndicatorComparisonPeriod', 'ComparisonGroup',
  'HandbookSearchHit', 'NetworkContribution', 'EditionChange', 'PageInfo', 'LocalizedText',
  'StatisticsCellConnection', 'StatisticsCellEdge', 'ParticipationStatisticsCellConnection', 'ParticipationStatisticsCellEdge',
  'AttendanceConnection', 'AttendanceEdge',
];

/**
 * The last request could not reach the gateway. Set from the raw network answers (below the
 * cache), because the normalized cache keeps serving its data while a refetch fails.
 */
export const gatewayUnreachable = signal(false);

const watchReachability = mapExchange({
  onResult(result) {
    gatewayUnreachable.value = Boolean(result.error?.networkError && !result.error.response?.status);
  },
  onError(error) {
    if (error.networkError) gatewayUnreachable.value = true;
  },
});

/**
 * The one GraphQL client: the public /graphql of the same origin, the in-memory token as a bearer
 * header, Graphcache, a normalized cache (a network seen on the overview is the same object on
 * its own page, and stays readable while the gateway is unreachable), and persisted queries: each
 * request carries the SHA-256 of its operation instead of the text. The gateway serving this build
 * knows every hash from its manifest (src/generated/persisted-queries.json); a gateway that does
 * not answers PersistedQueryNotFound and the exchange sends the text once (automatic persisted
 * queries).
 */
export function createClient(): Client {
  return new Client({
    url: '/graphql',
    exchanges: [
      cacheExchange({ keys: Object.fromEntries(EMBEDDED.map((type) => [type, () => null])) }),
      watchReachability,
      // POST, not GET: the gateway's CSRF prevention refuses GET queries without a preflight header.
      persistedExchange({ preferGetForPersistedQueries: false }),
      fetchExchange,
    ],
    fetchOptions: () => {
      const token = session.value?.token;
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      return { headers };
    },
    requestPolicy: 'cache-and-network',
    preferGetMethod: false,
  });
}

export type Problem =
  | { kind: 'unreachable' }
  | { kind: 'expired' }
  | { kind: 'signInToSee' }
  | { kind: 'forbidden' }
  | { kind: 'notFound' }
  | { kind: 'cost' }
  | { kind: 'tooFewToCompare'; participants: number; threshold: number }
  | { kind: 'badInput'; message: string }
  | { kind: 'other'; message: string };

// The gateway's code for a query refused for its estimated cost.
const COST_CODES = new Set(['QUERY_TOO_COSTLY']);

/** What went wrong, in the terms the page explains to a person. */
export function problemOf(error: CombinedError | undefined): Problem | null {
  if (!error) return null;
  const status = (error.response as Response | undefined)?.status;
  const codes = error.graphQLErrors.map((e) => String(e.extensions?.code ?? ''));
  if (status === 401 || codes.includes('UNAUTHENTICATED')) return session.value ? { kind: 'expired' } : { kind: 'signInToSee' };
  if (codes.includes('FORBIDDEN')) return { kind: 'forbidden' };
  if (codes.includes('NOT_FOUND')) return { kind: 'notFound' };
  if (codes.some((c) => COST_CODES.has(c)) || error.graphQLErrors.some((e) => /\bcost\b/i.test(e.message))) return { kind: 'cost' };
  const tooFew = error.graphQLErrors.find((e) => e.extensions?.code === 'COMPARISON_GROUP_TOO_SMALL');
  if (tooFew) return { kind: 'tooFewToCompare', participants: Number(tooFew.extensions.participants), threshold: Number(tooFew.extensions.threshold) };
  const badInput = error.graphQLErrors.find((e) => ['BAD_USER_INPUT', 'INVALID_ID'].includes(String(e.extensions?.code)));
  if (badInput) return { kind: 'badInput', message: badInput.message };
  if (error.networkError || (status !== undefined && status >= 502)) return { kind: 'unreachable' };
  return { kind: 'other', message: error.graphQLErrors[0]?.message ?? error.message };
}

export interface PageData<T> {
  data: T | undefined;
  fetching: boolean;
  problem: Problem | null;
  /** The data shown comes from the cache because the gateway could not be reached. */
  stale: boolean;
  retry(): void;
}

/**
 * One operation of a page. While the gateway is unreachable the page keeps showing what the
 * normalized cache still holds, marked stale; an expired token signs out and asks to sign in again.
 */
export function usePageQuery<T, V extends AnyVariables>(query: TypedDocumentNode<T, V>, variables: V, pause = false): PageData<T> {
  const context = useMemo(() => ({ requestPolicy: 'cache-and-network' as const }), []);
  const [result, reexecute] = useQuery<T, V>({ query, variables, pause, context } as never);
  const unreachable = useSignal(gatewayUnreachable);
  // The cache may answer a refetch that could not reach the gateway with its own data and no
  // error: while the gateway was last seen unreachable, what a page shows is marked stale.
  const problem = problemOf(result.error) ?? (unreachable && !pause && !result.fetching ? { kind: 'unreachable' as const } : null);
  if (problem?.kind === 'expired') queueMicrotask(expireSession);
  // While the gateway cannot be reached, what the normalized cache still holds (marked stale).
  const client = useClient();
  const cached = problem?.kind === 'unreachable' && !result.data ? client.readQuery<T, V>(query, variables, { requestPolicy: 'cache-only' })?.data ?? undefined : undefined;
  const data = result.data ?? cached;
  return {
    data,
    fetching: result.fetching,
    problem,
    stale: Boolean(data && problem?.kind === 'unreachable'),
    retry: () => reexecute({ requestPolicy: 'network-only' }),
  };
}
