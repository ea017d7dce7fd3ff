import { DEMO } from '@kommunenett/reference-data';
import { sqlDelta, startTestStack, type TestStack } from '@kommunenett/stack/testing';

let stack: TestStack;
// Booting the whole graph can take long on a busy machine.
beforeAll(async () => { stack = await startTestStack(); });
afterAll(async () => { await stack?.stop(); });

interface ChapterNode { anchor: string; number: string; title: string; contentNote: string | null; bodyHtml: string; tools: { slug: string }[]; children: ChapterNode[] }

const TREE = `
  query Tree($slug: String!) {
    handbook(slug: $slug) {
      id slug title language publishers { id }
      currentEdition {
        number status publishedOn
        chapters { ...C children { ...C children { ...C } } }
        tools { slug name kind purpose steps explainedIn { anchor title } }
        recommendations { id number title text source }
      }
    }
  }
  fragment C on Chapter { anchor number title contentNote bodyHtml tools { slug } }`;

describe('reading the handbook through the gateway', () => {
  it('serves «Beskytt kommunen!» with its chapter tree, tools and the eight recommendations to anyone', async () => {
    const res = await stack.graphql<{ handbook: {
      id: string; title: string; language: string; publishers: { id: string }[];
      currentEdition: { number: number; status: string; publishedOn: string; chapters: ChapterNode[];
        tools: { slug: string; kind: string; steps: string[]; explainedIn: { anchor: string } | null }[];
        recommendations: { id: string; number: number; title: string; source: string }[] };
    } }>(TREE, { variables: { slug: 'beskytt-kommunen' } });
    expect(res.body.errors).toBeUndefined();
    const h = res.body.data!.handbook;
    expect(h).toMatchObject({ id: DEMO.handbooks.beskyttKommunen, title: 'Beskytt kommunen!', language: 'nb', publishers: [{ id: 'ks' }, { id: 'ti-norge' }] });
    const edition = h.currentEdition;
    expect(edition).toMatchObject({ number: 1, status: 'PUBLISHED', publishedOn: '2013-04-01' });
    // The five themes of the gatherings (000), in order, with nested sections.
    expect(edition.chapters.map((c) => c.anchor)).toEqual([
      'beskytt-kommunen/hva-er-korrupsjon', 'beskytt-kommunen/verdier-holdninger-og-kultur', 'beskytt-kommunen/rutiner-struktur-og-kompetanse',
      'beskytt-kommunen/metoder-og-verktoy', 'beskytt-kommunen/anbefalinger-for-et-antikorrupsjonsprogram',
    ]);
    const values = edition.chapters[1];
    expect(values.children.map((c) => [c.number, c.anchor])).toEqual([
      ['2.1', 'beskytt-kommunen/etiske-retningslinjer'], ['2.2', 'beskytt-kommunen/gaver-reiser-og-bespisning'], ['2.3', 'beskytt-kommunen/apenhet-og-varsling'],
    ]);
    // Every text says it is a summary written for the demo, not a quotation.
    const all = edition.chapters.flatMap((c) => [c, ...c.children, ...c.children.flatMap((cc) => cc.children)]);
    expect(all).toHaveLength(19);
    for (const c of all) expect(c.contentNote).toMatch(/Sammendrag skrevet for demoen – ikke sitat/);
    expect(values.children[1].bodyHtml).toContain('<p>En undersøkelse blant ledere');
    // Tools point at the chapter that explains them, and the chapter lists them.
    expect(edition.tools.map((t) => t.slug)).toEqual(['sarbarhetskartlegging', 'risikomatrise', 'case-fra-egen-kommune', 'dilemmatrening', 'sjekkliste-gaver']);
    expect(edition.tools[1]).toMatchObject({ kind: 'RISK_MATRIX', explainedIn: { anchor: 'beskytt-kommunen/risikovurdering' } });
    const methods = edition.chapters[3];
    expect(methods.children.find((c) => c.anchor.endsWith('case-og-dilemmatrening'))!.tools.map((t) => t.slug)).toEqual(['case-fra-egen-kommune', 'dilemmatrening']);
    // Transparency International's eight recommendations, as 002 words them, with the shared ids.
    expect(edition.recommendations.map((r) => r.id)).toEqual(DEMO.recommendations);
    expect(edition.recommendations[1].title).toBe('Beskytte alle som avslører korrupsjon og styrke varslervernet');
    expect(edition.recommendations[6].title).toBe('Håndheve brudd på korrupsjonslovgivning');
    expect(edition.recommendations[0].source).toContain('Global Corruption Barometer');
  });

  it('loads an edition’s whole tree with tools and recommendations in a fixed number of statements', async () => {
    const before = stack.sqlStatements();
    const res = await stack.graphql(TREE, { variables: { slug: 'beskytt-kommunen' } });
    expect(res.body.errors).toBeUndefined();
    const delta = sqlDelta(before, stack.sqlStatements());
    // handbook by slug, its editions, the edition's chapters, its tools, the handbook's recommendations.
    expect(delta.handbook).toBe(5);
  });

  it('lists handbooks and recommendations, and resolves them as entities', async () => {
    const res = await stack.graphql<{ handbooks: { totalCount: number; edges: { node: { slug: string; language: string } }[] }; recommendations: { number: number }[]; recommendation: { number: number; handbook: { slug: string } } }>(
      `query($id: ID!) { handbooks(first: 10) { totalCount edges { node { slug language } } }
        recommendations(handbookSlug: "beskytt-kommunen") { number }
        recommendation(id: $id) { number handbook { slug } } }`, { variables: { id: DEMO.recommendations[5] } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.handbooks.edges.map((e) => e.node)).toEqual([
      { slug: 'beskytt-kommunen', language: 'nb' }, { slug: 'saman-om-ein-betre-kommune', language: 'nn' }, { slug: 'korruptionsskydd', language: 'sv' },
    ]);
    expect(res.body.data!.recommendations.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(res.body.data!.recommendation).toEqual({ number: 6, handbook: { slug: 'beskytt-kommunen' } });
  });

  it('adds the handbook to networks through the graph', async () => {
    const res = await stack.graphql<{ a: { name: string; handbook: { slug: string } | null }; skl: { handbook: { slug: string; title: string } | null } }>(
      `query($a: ID!, $skl: ID!) { a: network(id: $a) { name handbook { slug } } skl: network(id: $skl) { handbook { slug title } } }`,
      { variables: { a: DEMO.networks.antikorrupsjonA, skl: DEMO.networks.sklKorruption2019 } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({
      a: { name: 'Antikorrupsjonsnettverk A', handbook: { slug: 'beskytt-kommunen' } },
      skl: { handbook: { slug: 'korruptionsskydd', title: 'Stärk korruptionsskyddet' } },
    });
  });

  it('gives a network’s handbook its chapter headings, and their text wherever the same request reads it', async () => {
    type Chapters = { chapters: { anchor: string; title: string; bodyMarkdown?: string; children: { title: string }[] }[] };
    const token = await stack.token('ORG_ADMIN', { org: 'ks' });
    const ask = async <T>(query: string) => {
      const res = await stack.graphql<T>(query, { variables: { a: DEMO.networks.antikorrupsjonA }, token });
      expect(res.body.errors).toBeUndefined();
      return res.body.data!;
    };
    const headings = 'chapters { anchor title children { title } }';
    // Headings only: the chapters are read without their text, and match the handbook's own.
    const viaNetwork = await ask<{ network: { handbook: { currentEdition: Chapters } } }>(`query($a: ID!) { network(id: $a) { handbook { currentEdition { ${headings} } } } }`);
    const own = await ask<{ handbook: { currentEdition: Chapters; editions: ({ number: number } & Chapters)[] } }>(
      `{ handbook(slug: "beskytt-kommunen") { currentEdition { ${headings} } editions { number chapters { anchor title bodyMarkdown children { title } } } } }`);
    expect(viaNetwork.network.handbook.currentEdition.chapters.length).toBeGreaterThanOrEqual(5);
    expect(viaNetwork.network.handbook.currentEdition).toEqual(own.handbook.currentEdition);
    // The same request also reads the text of every edition's chapters, the current one's among them.
    const mixed = await ask<{ network: { handbook: { currentEdition: Chapters; editions: ({ number: number } & Chapters)[] } } }>(
      `query($a: ID!) { network(id: $a) { handbook { currentEdition { ${headings} } editions { number chapters { anchor title bodyMarkdown children { title } } } } } }`);
    expect(mixed.network.handbook.editions).toEqual(own.handbook.editions);
    expect(mixed.network.handbook.editions.flatMap((e) => e.chapters).every((c) => (c.bodyMarkdown ?? '').length > 0)).toBe(true);
  });

  it('keeps drafts, proposals and editorial history from anonymous callers and non-editors', async () => {
    const anonymous = await stack.graphql<{ handbook: { editions: { status: string }[]; draftEdition: unknown } }>(
      '{ handbook(slug: "beskytt-kommunen") { editions { status } draftEdition { id } } }');
    expect(anonymous.body.data!.handbook.editions).toEqual([{ status: 'PUBLISHED' }]);
    expect(anonymous.body.errors?.[0]).toMatchObject({ path: ['handbook', 'draftEdition'], extensions: { code: 'UNAUTHENTICATED' } });

    const proposals = await stack.graphql('{ revisionProposals { totalCount } }');
    expect(proposals.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const history = await stack.graphql('{ handbook(slug: "beskytt-kommunen") { currentEdition { acceptedProposals { id } } } }',
      { token: await stack.token('ORG_ADMIN', { org: 'skr' }) });
    expect(history.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const mutation = await stack.graphql('mutation { createDraftEdition(input: { handbookSlug: "beskytt-kommunen" }) { edition { id } } }');
    expect(mutation.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const notEditor = await stack.graphql('mutation { createDraftEdition(input: { handbookSlug: "beskytt-kommunen" }) { edition { id } userErrors { code } } }',
      { token: await stack.token('ORG_ADMIN', { org: 'skr' }) });
    expect(notEditor.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const analyst = await stack.graphql('mutation { createDraftEdition(input: { handbookSlug: "beskytt-kommunen" }) { edition { id } } }',
      { token: await stack.token('ANALYST', { org: 'ks' }) });
    expect(analyst.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('lets facilitators see their networks’ proposals and editors all of their handbook’s', async () => {
    const q = '{ revisionProposals(filter: { handbookSlug: "beskytt-kommunen" }) { totalCount edges { node { title anchor status network { id } } } } }';
    const facilitator = await stack.graphql<{ revisionProposals: { totalCount: number; edges: { node: { anchor: string; network: { id: string } } }[] } }>(q,
      { token: await stack.token('FACILITATOR', { networks: [DEMO.networks.antikorrupsjonA] }) });
    expect(facilitator.body.errors).toBeUndefined();
    expect(facilitator.body.data!.revisionProposals.edges.map((e) => [e.node.anchor, e.node.network.id]))
      .toEqual([['beskytt-kommunen/kartlegging-av-sarbarhet', DEMO.networks.antikorrupsjonA]]);
    const editor = await stack.graphql<{ revisionProposals: { totalCount: number } }>(q, { token: await stack.token('ORG_ADMIN', { org: 'ti-norge' }) });
    expect(editor.body.data!.revisionProposals.totalCount).toBe(2);
    const other = await stack.graphql<{ revisionProposals: { totalCount: number } }>(q, { token: await stack.token('COORDINATOR', { municipality: 'NO-0301' }) });
    expect(other.body.data!.revisionProposals.totalCount).toBe(0);
  });

  it('refuses malformed ids and over-long arguments with a code', async () => {
    const res = await stack.graphql('{ edition(id: "1 OR 1=1") { id } }');
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const anchors = await stack.graphql('query($a: [String!]!) { resolveHandbookAnchors(anchors: $a) { resolution } }',
      { variables: { a: Array.from({ length: 101 }, (_, i) => `beskytt-kommunen/x-${i}`) } });
    expect(anchors.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
