import { randomUUID } from 'node:crypto';
import type { SubgraphName } from '@kommunenett/subgraph-kit';

/** What a scenario needs to build its requests: tokens per role and ids of the data set. */
export interface ScenarioContext {
  tokens: Record<'anonymous' | 'orgAdmin' | 'analyst' | 'partner', string | null>;
  networkIds: string[];
  municipalityIds: string[];
  /** A published network with room for the registration burst (created by the benchmark). */
  burstNetworkId: string;
  /** Published networks the spread registrations go to, one at random per registration. */
  spreadNetworkIds: string[];
}

export interface Scenario {
  name: string;
  description: string;
  token: keyof ScenarioContext['tokens'];
  /** The one subgraph that can answer the query alone: then it is also measured directly. */
  singleSubgraph?: SubgraphName;
  body(ctx: ScenarioContext): () => string;
}

const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)];
const gql = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });

/** Registrations of new people by a partner, into the network `networkId` names each time. */
function registrations(ctx: ScenarioContext, networkId: () => string): () => string {
  let n = 0;
  const run = randomUUID().slice(0, 8);
  const norwegian = ctx.municipalityIds.filter((id) => /^NO-\d{4}$/.test(id));
  return () => {
    n += 1;
    return gql('mutation Register($input: RegisterParticipantInput!) { registerParticipant(input: $input) { registration { id status } userErrors { code } } }', {
      input: {
        networkId: networkId(), municipalityId: pick(norwegian), idempotencyKey: `bench-${run}-${n}`, externalRef: `BENCH-${run}-${n}`,
        person: { name: `Bench Deltaker ${n}`, email: `bench.${run}.${n}@example.org` }, leadershipAnchoring: 'Vedtak i ledergruppen',
      },
    });
  };
}

/** Registration scenarios: their rate is read beside the database's own limit (pgbench.ts). */
export const REGISTRATION_SCENARIOS: Record<string, { networks: 'one' | 'many' }> = { 'register-burst': { networks: 'one' }, 'register-spread': { networks: 'many' } };

export const SCENARIOS: Scenario[] = [
  {
    name: 'catalogue',
    description: 'anonymous network catalogue with sessions (one page, the same for every client)',
    token: 'anonymous',
    singleSubgraph: 'networks',
    body: () => {
      const body = gql('query Catalogue { networks(first: 20) { totalCount edges { node { id name theme status sessions { sequence title startsAt plannedMonth } } } } }');
      return () => body;
    },
  },
  {
    name: 'catalogue-varied',
    description: 'anonymous catalogue with varied filters and pages (no two requests alike)',
    token: 'anonymous',
    singleSubgraph: 'networks',
    body: () => {
      const countries = ['NO', 'SE', null];
      const words = ['nettverk', 'korrupsjon', 'innovasjon', 'omdømme', 'a', 'e', 'kommune'];
      return () => gql('query Catalogue($f: NetworkFilter, $first: Int) { networks(first: $first, filter: $f) { totalCount edges { node { id name sessions { sequence startsAt } } } } }',
        { first: 5 + Math.floor(Math.random() * 20), f: { ...(pick(countries) && { country: pick(countries) }), search: pick(words) } });
    },
  },
  {
    name: 'directory',
    description: 'anonymous municipality directory page with counties',
    token: 'anonymous',
    singleSubgraph: 'participants',
    body: () => {
      const body = gql('query Directory { municipalities(first: 100, country: NO) { totalCount edges { node { id name population county { name } } } } }');
      return () => body;
    },
  },
  {
    name: 'network-page',
    description: 'ORG_ADMIN: a network with hosts, counts and its participating municipalities',
    token: 'orgAdmin',
    body: (ctx) => () => gql('query NetworkPage($id: ID!) { network(id: $id) { name status capacity hosts { name } participantCount municipalityCount } }', { id: pick(ctx.networkIds) }),
  },
  {
    name: 'statistics',
    description: 'ANALYST dashboard: deviations per 1,000 inhabitants by county and period, 2020–2024',
    token: 'analyst',
    singleSubgraph: 'reports',
    body: () => {
      const body = gql('query Dashboard { statistics(indicators: ["deviations-reported"], filter: { country: NO, periods: ["2020", "2021", "2022", "2023", "2024"] }, groupBy: [COUNTY, PERIOD]) { cells(first: 100) { totalCount edges { node { countyCode period value perThousandInhabitants unitCount suppressed } } } } }');
      return () => body;
    },
  },
  {
    name: 'register-burst',
    description: 'PARTNER registerParticipant burst into one hot network: a new person each time, with idempotency key and external reference',
    token: 'partner',
    singleSubgraph: 'participants',
    body: (ctx) => registrations(ctx, () => ctx.burstNetworkId),
  },
  {
    name: 'register-spread',
    description: 'the same registrations spread over many networks (one at random each time)',
    token: 'partner',
    singleSubgraph: 'participants',
    body: (ctx) => registrations(ctx, () => pick(ctx.spreadNetworkIds)),
  },
  {
    name: 'across-four',
    description: 'ORG_ADMIN: network → hosts → registrations → municipalities → reports → handbook chapters',
    token: 'orgAdmin',
    body: (ctx) => () => gql(`query AcrossFour($id: ID!) { network(id: $id) { name hosts { shortName } participantCount
      registrations(first: 50) { edges { node { status municipality { name county { name } reports(first: 20) { edges { node { kind period } } } } } } }
      handbook { title currentEdition { chapters { title } } } } }`, { id: pick(ctx.networkIds) }),
  },
  {
    // What the plan of across-four costs before its data: the same fetches in the same levels
    // (networks; handbook + participants + participants; reports), one row per list.
    name: 'across-four-floor',
    description: 'across-four’s plan with one row per list: the cost of its five fetches without their data',
    token: 'orgAdmin',
    body: (ctx) => () => gql(`query AcrossFourFloor($id: ID!) { network(id: $id) { name hosts { shortName } participantCount
      registrations(first: 1) { edges { node { status municipality { name reports(first: 1) { edges { node { kind } } } } } } }
      handbook { title } } }`, { id: pick(ctx.networkIds) }),
  },
];

/** Requests that must be refused, sent during the mix; each with the status it must get. */
export const HOSTILE_REQUESTS: { name: string; expectStatus: number; body: string; headers?: Record<string, string> }[] = [
  {
    name: 'deep query',
    expectStatus: 400,
    body: gql('{ networks { edges { node { program { networks { edges { node { program { networks { edges { node { program { name } } } } } } } } } } } } }'),
  },
  {
    name: '1,000 aliases',
    expectStatus: 400,
    body: gql(`{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: programs(first: 1) { totalCount }`).join(' ')} }`),
  },
  { name: 'oversized body', expectStatus: 413, body: gql(`{ networks { totalCount } } # ${'x'.repeat(150_000)}`) },
  { name: 'bad token', expectStatus: 401, body: gql('{ networks { totalCount } }'), headers: { authorization: `Bearer eyJhbGciOiJub25lIn0.${Buffer.from(JSON.stringify({ sub: randomUUID(), role: 'ADMIN' })).toString('base64url')}.` } },
];
