import { DEMO } from '@kommunenett/reference-data';
import { sqlDelta, startTestStack, type TestStack } from '@kommunenett/stack/testing';

let stack: TestStack;
beforeAll(async () => { stack = await startTestStack(); });
afterAll(async () => { await stack?.stop(); });

/** One query through all four subgraphs: network → hosts → registrations → municipalities → reports → handbook. */
const ACROSS_ALL_FOUR = `query ($id: ID!) {
  network(id: $id) {
    name
    hosts { shortName }
    participantCount
    municipalityCount
    registrations(first: 100) {
      totalCount
      edges { node { status municipality { id name county { name } reports(first: 20) { edges { node { kind period status } } } } } }
    }
    handbook { slug title currentEdition { number chapters { anchor title } } }
  }
}`;

type Answer = {
  network: {
    name: string;
    hosts: { shortName: string }[];
    participantCount: number;
    municipalityCount: number;
    registrations: { totalCount: number; edges: { node: { status: string; municipality: { id: string; name: string; county: { name: string } | null; reports: { edges: { node: { kind: string; period: string; status: string } }[] } } } }[] };
    handbook: { slug: string; title: string; currentEdition: { number: number; chapters: { anchor: string; title: string }[] } } | null;
  };
};

describe('the graph across all four subgraphs', () => {
  it('answers a network with its hosts, registrations, municipalities, their reports and the handbook chapters', async () => {
    const token = await stack.token('ORG_ADMIN', { org: 'ks' });
    const res = await stack.graphql<Answer>(ACROSS_ALL_FOUR, { variables: { id: DEMO.networks.antikorrupsjonA }, token });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const network = res.body.data!.network;
    // networks
    expect(network.name).toBe('Antikorrupsjonsnettverk A');
    // participants: the hosts' names and the registration counts
    expect(network.hosts.map((h) => h.shortName)).toEqual(['TI Norge', 'KS']);
    expect(network.participantCount).toBeGreaterThanOrEqual(20);
    expect(network.participantCount).toBeLessThanOrEqual(30);
    expect(network.registrations.totalCount).toBe(network.registrations.edges.length);
    const municipalities = new Map(network.registrations.edges.map((e) => [e.node.municipality.id, e.node.municipality]));
    expect(municipalities.size).toBe(network.municipalityCount);
    // reports: Bærum registered for network A, and its 2022 internal control report is published
    const baerum = municipalities.get('NO-3201')!;
    expect(baerum.name).toBe('Bærum');
    expect(baerum.county?.name).toMatch(/Akershus/);
    expect(baerum.reports.edges.map((e) => e.node)).toContainEqual({ kind: 'INTERNAL_CONTROL_ANNUAL', period: '2022', status: 'PUBLISHED' });
    // handbook: the network works from «Beskytt kommunen!»
    expect(network.handbook?.slug).toBe('beskytt-kommunen');
    expect(network.handbook!.currentEdition.chapters.length).toBeGreaterThanOrEqual(5);
  });

  it('gives every registration of a municipality that registered several times the reports the municipality has alone', async () => {
    const token = await stack.token('ORG_ADMIN', { org: 'ks' });
    const res = await stack.graphql<Answer>(ACROSS_ALL_FOUR, { variables: { id: DEMO.networks.antikorrupsjonA }, token });
    expect(res.body.errors).toBeUndefined();
    const edges = res.body.data!.network.registrations.edges;
    const ids = edges.map((e) => e.node.municipality.id);
    // The gateway asks the reports subgraph once per distinct municipality and spreads the answer back.
    expect(new Set(ids).size).toBeLessThan(ids.length);
    for (const id of new Set(ids)) {
      const alone = await stack.graphql<{ municipality: { reports: unknown } }>(
        'query ($id: ID!) { municipality(id: $id) { reports(first: 20) { edges { node { kind period status } } } } }', { variables: { id }, token });
      expect(alone.body.errors).toBeUndefined();
      for (const edge of edges.filter((e) => e.node.municipality.id === id)) expect(edge.node.municipality.reports).toEqual(alone.body.data!.municipality.reports);
    }
  });

  it('gives a registration on every page the fields it has when read alone', async () => {
    const token = await stack.token('ADMIN');
    const fields = `fragment R on Registration { id status waitlistPosition registeredAt leadershipAnchoring note externalRef registeredByRole clientId
      offerExpiresAt statusReason updatedAt version network { id } municipality { id } person { id } }`;
    type Node = { id: string; municipality: { id: string }; person: { id: string } | null };
    const res = await stack.graphql<{ network: { registrations: { edges: { node: Node }[] } } }>(
      `query ($id: ID!) { network(id: $id) { registrations(first: 100) { edges { node { ...R } } } } } ${fields}`, { variables: { id: DEMO.networks.antikorrupsjonA }, token });
    expect(res.body.errors).toBeUndefined();
    const nodes = res.body.data!.network.registrations.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThanOrEqual(20);
    const [first] = nodes;
    const others = await stack.graphql<{ municipality: { registrations: { edges: { node: Node }[] } }; person: { registrations: { edges: { node: Node }[] } } }>(
      `query ($m: ID!, $p: ID!) { municipality(id: $m) { registrations(first: 100) { edges { node { ...R } } } } person(id: $p) { registrations(first: 100) { edges { node { ...R } } } } } ${fields}`,
      { variables: { m: first.municipality.id, p: first.person!.id }, token });
    expect(others.body.errors).toBeUndefined();
    const paged = [...nodes, ...others.body.data!.municipality.registrations.edges.map((e) => e.node), ...others.body.data!.person.registrations.edges.map((e) => e.node)];
    for (const node of paged) {
      const alone = await stack.graphql<{ registration: Node }>(`query ($id: ID!) { registration(id: $id) { ...R } } ${fields}`, { variables: { id: node.id }, token });
      expect(node).toEqual(alone.body.data!.registration);
    }
  });

  it('costs the same number of SQL statements for network A as for a network twice its size', async () => {
    const token = await stack.token('ADMIN');
    const count = async (id: string) => {
      const before = stack.sqlStatements();
      const res = await stack.graphql<Answer>(ACROSS_ALL_FOUR, { variables: { id }, token });
      expect(res.body.errors).toBeUndefined();
      return { statements: sqlDelta(before, stack.sqlStatements()).total, registrations: res.body.data!.network.registrations.totalCount };
    };
    const a = await count(DEMO.networks.antikorrupsjonA);
    const b = await count(DEMO.networks.ksKandidatKvinner);
    expect(b.registrations).toBeGreaterThan(a.registrations * 1.5);
    expect(b.statements).toBeLessThanOrEqual(a.statements);
  });

  it('shows anonymous callers the public network but no registrations, and no contact data', async () => {
    const res = await stack.graphql<{ network: { name: string; participantCount: number; registrations: { totalCount: number } } }>(
      `query ($id: ID!) { network(id: $id) { name participantCount registrations(first: 5) { totalCount } } }`,
      { variables: { id: DEMO.networks.antikorrupsjonA } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.network.name).toBe('Antikorrupsjonsnettverk A');
    expect(res.body.data!.network.participantCount).toBeGreaterThanOrEqual(20);
    expect(res.body.data!.network.registrations.totalCount).toBe(0);
    const person = await stack.graphql<{ person: { email: string | null } | null }>(
      `query ($id: ID!) { person(id: $id) { email } }`, { variables: { id: DEMO.people.tiFacilitator } });
    // People are not public: the row is not there for an anonymous caller.
    expect(person.body.data?.person).toBeNull();
  });
});
