import { Client } from 'pg';
import { startTestStack, type TestStack } from '@kommunenett/stack/testing';
import { Language } from '../src/entities/enums';
import { searchStatement } from '../src/services/search';

let stack: TestStack;
let editor: string;
let draftId: string;

// Booting the whole graph can take long on a busy machine.
beforeAll(async () => {
  stack = await startTestStack();
  editor = await stack.token('ORG_ADMIN', { org: 'ks' });
});
afterAll(async () => { await stack?.stop(); });

type Data = Record<string, any>;  
interface Hit { rank: number; snippet: string; titleHighlight: string; chapter: { anchor: string }; edition: { status: string } }

const SEARCH = `query($q: String!, $l: Language!, $first: Int, $after: String, $drafts: Boolean) {
  searchHandbook(query: $q, language: $l, first: $first, after: $after, includeDrafts: $drafts) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { rank snippet titleHighlight chapter { anchor } edition { status } } } } }`;

async function search(q: string, l: string, options: { token?: string; first?: number; after?: string; drafts?: boolean } = {}) {
  const res = await stack.graphql<Data>(SEARCH, { token: options.token, variables: { q, l, first: options.first, after: options.after, drafts: options.drafts } });
  return res;
}

async function hits(q: string, l: string, options: Parameters<typeof search>[2] = {}): Promise<{ totalCount: number; nodes: Hit[]; endCursor: string | null; hasNextPage: boolean }> {
  const res = await search(q, l, options);
  expect(res.body.errors).toBeUndefined();
  const s = res.body.data!.searchHandbook;
  return { totalCount: s.totalCount, nodes: s.edges.map((e: { node: Hit }) => e.node), endCursor: s.pageInfo.endCursor, hasNextPage: s.pageInfo.hasNextPage };
}

describe('searching the handbooks', () => {
  it('finds inflected Norwegian words by their stem, ranked, with highlighted snippets', async () => {
    const result = await hits('korrupsjonen', 'nb');
    expect(result.totalCount).toBeGreaterThanOrEqual(3);
    const anchors = result.nodes.map((n) => n.chapter.anchor);
    expect(anchors[0]).toBe('beskytt-kommunen/hva-er-korrupsjon');
    expect(anchors.every((a) => a.startsWith('beskytt-kommunen/'))).toBe(true);
    const ranks = result.nodes.map((n) => n.rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    expect(result.nodes[0].titleHighlight).toBe('Hva er <mark>korrupsjon</mark>, og hvor er kommunen utsatt?');
    expect(result.nodes[0].snippet).toMatch(/<mark>Korrupsjon<\/mark> er misbruk/);

    const plural = await hits('anskaffelsene', 'nb');
    expect(plural.nodes.map((n) => n.chapter.anchor)).toContain('beskytt-kommunen/anskaffelser');
  });

  it('finds inflected Swedish words in the Swedish handbook only', async () => {
    const result = await hits('korruptionen', 'sv');
    expect(result.nodes.map((n) => n.chapter.anchor)).toEqual(expect.arrayContaining(['korruptionsskydd/vad-ar-korruption']));
    expect(result.nodes.every((n) => n.chapter.anchor.startsWith('korruptionsskydd/'))).toBe(true);
    expect((await hits('mutbrotten', 'sv')).nodes[0].chapter.anchor).toBe('korruptionsskydd/vad-ar-korruption');
    expect((await hits('korruptionen', 'nb')).totalCount).toBe(0);
  });

  it('pages through the ranked hits', async () => {
    const all = await hits('kommunen', 'nb', { first: 100 });
    expect(all.totalCount).toBeGreaterThan(4);
    const first = await hits('kommunen', 'nb', { first: 2 });
    const second = await hits('kommunen', 'nb', { first: 2, after: first.endCursor! });
    expect(first.hasNextPage).toBe(true);
    expect([...first.nodes, ...second.nodes].map((n) => n.chapter.anchor)).toEqual(all.nodes.slice(0, 4).map((n) => n.chapter.anchor));
    expect(second.totalCount).toBe(all.totalCount);
  });

  it('refuses an empty or over-long query and an unsupported language with a code', async () => {
    for (const q of ['', '   ', 'x'.repeat(10_000)]) {
      const res = await search(q, 'nb');
      expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    const german = await search('Korruption', 'de');
    expect(german.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(german.body.errors?.[0].message).toMatch(/Language/);
    const inline = await stack.graphql('{ searchHandbook(query: "korrupsjon", language: fi) { totalCount } }');
    expect(inline.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const stopWordsOnly = await hits('og', 'nb');
    expect(stopWordsOnly.totalCount).toBe(0);
  });

  it('searches drafts only for the editors who ask, and escapes everything in snippets but the marks', async () => {
    const created = await stack.graphql<Data>('mutation { createDraftEdition(input: { handbookSlug: "beskytt-kommunen" }) { edition { id } userErrors { code } } }', { token: editor });
    draftId = created.body.data!.createDraftEdition.edition.id;
    const added = await stack.graphql<Data>('mutation($input: AddChapterInput!) { addChapter(input: $input) { chapter { id } userErrors { code } } }', { token: editor, variables: { input: {
      editionId: draftId, slug: 'kvitteringsordninger', title: 'Kvitteringsordninger',
      bodyMarkdown: 'Kvitteringsordningen viser hvem som godkjente hva. Skriv `beløp < 5000 && "småkjøp"` i feltet på skjemaet.',
    } } });
    expect(added.body.data!.addChapter.userErrors).toEqual([]);

    expect((await hits('kvitteringsordningene', 'nb')).totalCount).toBe(0);
    expect((await hits('kvitteringsordningene', 'nb', { drafts: true })).totalCount).toBe(0);
    expect((await hits('kvitteringsordningene', 'nb', { token: editor })).totalCount).toBe(0);
    expect((await hits('kvitteringsordningene', 'nb', { token: await stack.token('ORG_ADMIN', { org: 'skr' }), drafts: true })).totalCount).toBe(0);
    const own = await hits('kvitteringsordningene', 'nb', { token: editor, drafts: true });
    expect(own.nodes.map((n) => [n.chapter.anchor, n.edition.status])).toEqual([['beskytt-kommunen/kvitteringsordninger', 'DRAFT']]);

    const script = await hits('skjemaet', 'nb', { token: editor, drafts: true });
    expect(script.nodes[0].snippet).toContain('beløp &lt; 5000 &amp;&amp; &quot;småkjøp&quot;');
    expect(script.nodes[0].snippet).toContain('<mark>skjemaet</mark>');
    expect(script.nodes[0].snippet.replace(/<\/?mark>/g, '')).not.toMatch(/<[a-z/]/i);
  });

  it('finds nynorsk inflections in the nynorsk handbook by the stems of their base forms', async () => {
    // Forms that do not occur in the text, each against the chapter it should find.
    const forms: [string, string][] = [
      ['kommunane', 'om-programmet'], ['kommunen', 'om-programmet'], ['kommunar', 'om-programmet'],
      ['samlingane', 'samlingane'], ['samling', 'samlingane'], ['samlingar', 'samlingane'], ['fagsamlinga', 'samlingane'], ['temadagane', 'samlingane'],
      ['nettverket', 'arbeidsforma'], ['nettverka', 'arbeidsforma'],
      ['prosjekta', 'prosjekta-i-kommunane'], ['milepælane', 'prosjekta-i-kommunane'], ['prosjektleiarane', 'prosjekta-i-kommunane'],
      ['leiarane', 'forankring'], ['haldninga', 'forankring'], ['fasane', 'forankring'],
    ];
    for (const [form, slug] of forms) {
      const found = (await hits(form, 'nn', { first: 100 })).nodes.map((n) => n.chapter.anchor);
      expect({ form, found: found.includes(`saman-om-ein-betre-kommune/${slug}`) }).toEqual({ form, found: true });
    }
    // Highlighted in the nynorsk text.
    expect((await hits('samlingar', 'nn')).nodes[0]).toMatchObject({ chapter: { anchor: 'saman-om-ein-betre-kommune/samlingane' }, titleHighlight: '<mark>Samlingane</mark>' });
  });

  it('ranks texts in the reader’s own written language first, and finds the other through word pairs', async () => {
    const nynorsk = await hits('kommunen', 'nn', { first: 100 });
    const bokmal = await hits('kommunen', 'nb', { first: 100 });
    expect(nynorsk.totalCount).toBe(bokmal.totalCount);
    const own = (anchors: string[], prefix: string) => anchors.findIndex((a) => !a.startsWith(prefix));
    const nnAnchors = nynorsk.nodes.map((n) => n.chapter.anchor);
    const nbAnchors = bokmal.nodes.map((n) => n.chapter.anchor);
    expect(nnAnchors[0]).toMatch(/^saman-om-ein-betre-kommune\//);
    expect(nnAnchors.slice(own(nnAnchors, 'saman-om-ein-betre-kommune/')).every((a) => a.startsWith('beskytt-kommunen/'))).toBe(true);
    expect(nbAnchors[0]).toMatch(/^beskytt-kommunen\//);
    expect(nbAnchors.slice(own(nbAnchors, 'beskytt-kommunen/')).every((a) => a.startsWith('saman-om-ein-betre-kommune/'))).toBe(true);

    // Nynorsk «tilsette» and bokmål «ansatte» are the same people; «leiing» and «ledelse» the same thing.
    const employees = (await hits('tilsette', 'nn', { first: 100 })).nodes.map((n) => n.chapter.anchor);
    expect(employees[0]).toBe('saman-om-ein-betre-kommune/forankring');
    expect(employees).toContain('beskytt-kommunen/opplaering');
    const employeesNb = (await hits('ansatte', 'nb', { first: 100 })).nodes.map((n) => n.chapter.anchor);
    expect(employeesNb[0]).toMatch(/^beskytt-kommunen\//);
    expect(employeesNb).toContain('saman-om-ein-betre-kommune/forankring');
    expect((await hits('eigarskap', 'nn')).nodes.map((n) => n.chapter.anchor)).toContain('saman-om-ein-betre-kommune/forankring');
    expect((await hits('eierskap', 'nb')).nodes.map((n) => n.chapter.anchor)).toContain('saman-om-ein-betre-kommune/forankring');
    // The pairs are Norwegian only: Swedish search is untouched.
    expect((await hits('tilsette', 'sv')).totalCount).toBe(0);
  });

  it('answers from the GIN index of the language over 1,000 chapters', async () => {
    const db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    try {
      await db.query(`
        INSERT INTO handbook.chapter (id, edition_id, slug, parent_id, position, title, body_markdown, body_text, tags, language)
        SELECT gen_random_uuid(), $1, 'last-' || g, NULL, 100 + g, 'Avsnitt ' || g, t.body, t.body, '{}', 'nb'
        FROM generate_series(1, 1000) AS g,
             -- Chapters of a realistic length (about 250 words), four of them about conflicts of interest.
             LATERAL (SELECT repeat('Erfaringer fra kommune ' || g || ' om rutiner, kontroll, kultur og ledelse i tjenestene. ', 25)
                       || CASE WHEN g % 250 = 0 THEN ' Habilitetsvurderinger i byggesaker.' ELSE '' END AS body) AS t`, [draftId]);
      await db.query('ANALYZE handbook.chapter');

      const editorScope = { includeDrafts: true, draftsOf: 'ks' as const };
      for (const [language, index] of [[Language.nb, 'chapter_search_norwegian_idx'], [Language.nn, 'chapter_search_norwegian_idx'], [Language.sv, 'chapter_search_swedish_idx'], [Language.en, 'chapter_search_english_idx']] as const) {
        const { sql, params } = searchStatement(language, 'habilitetsvurderingene', editorScope, 21, 0);
        const plan = ((await db.query(`EXPLAIN ${sql}`, params)).rows as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n');
        expect(plan).toContain(`Bitmap Index Scan on ${index}`);
        expect(plan).not.toMatch(/Seq Scan on chapter/);
      }
    } finally {
      await db.end();
    }
    const found = await hits('habilitetsvurderingene', 'nb', { token: editor, drafts: true, first: 10 });
    expect(found.totalCount).toBe(4);
  });
});
