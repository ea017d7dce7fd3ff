import { DEMO, demoId } from '@kommunenett/reference-data';
import { sqlDelta, startTestStack, withFailingWrite, type TestStack } from '@kommunenett/stack/testing';

let stack: TestStack;
let editor: string;
let facilitatorA: string;
let facilitatorB: string;
let participantA: string;

// Booting the whole graph can take long on a busy machine.
beforeAll(async () => {
  stack = await startTestStack();
  editor = await stack.token('ORG_ADMIN', { org: 'ti-norge' });
  facilitatorA = await stack.token('FACILITATOR', { networks: [DEMO.networks.antikorrupsjonA] });
  facilitatorB = await stack.token('FACILITATOR', { networks: [DEMO.networks.antikorrupsjonB] });
  participantA = await stack.token('PARTICIPANT', { person: demoId('person:test-participant'), networks: [DEMO.networks.antikorrupsjonA] });
});
afterAll(async () => { await stack?.stop(); });

const ok = (query: string, variables: Record<string, unknown> = {}, token?: string) => stack.ok(query, variables, token);

const PROPOSE = `mutation($input: ProposeRevisionInput!) { proposeRevision(input: $input) {
  proposal { id status anchor proposerRole network { id } session { id theme } } userErrors { field message code } } }`;
const ACCEPT = 'mutation($input: AcceptRevisionInput!) { acceptRevision(input: $input) { proposal { status acceptedInto { number } } chapter { anchor bodyMarkdown edition { status } } userErrors { field code } } }';
const REJECT = 'mutation($input: RejectRevisionInput!) { rejectRevision(input: $input) { proposal { status decisionNote } userErrors { field code } } }';
const UPDATE = 'mutation($input: UpdateChapterInput!) { updateChapter(input: $input) { chapter { id title version bodyHtml } userErrors { field message code } } }';
const ADD = 'mutation($input: AddChapterInput!) { addChapter(input: $input) { chapter { id anchor number } userErrors { field code } } }';
const MOVE = 'mutation($input: MoveChapterInput!) { moveChapter(input: $input) { chapter { anchor number parent { slug } version } userErrors { field code } } }';
const REMOVE = 'mutation($input: RemoveChapterInput!) { removeChapter(input: $input) { removedChapterId userErrors { field code } } }';
const PUBLISH = 'mutation($input: PublishEditionInput!) { publishEdition(input: $input) { edition { number status publishedOn } superseded { number status } userErrors { field code } } }';
const CREATE_DRAFT = 'mutation($slug: String!) { createDraftEdition(input: { handbookSlug: $slug, notes: "Revidert etter nettverkene 2013–2014." }) { edition { id number status version basedOn { number } allChapters { id slug version } tools { slug } } userErrors { field code } } }';

async function proposalCount(): Promise<number> {
  return (await ok('{ revisionProposals { totalCount } }', {}, editor)).revisionProposals.totalCount;
}

async function chapterIn(editionId: string, slug: string, token = editor): Promise<{ id: string; version: number; title: string; bodyMarkdown: string; number: string }> {
  return (await ok('query($id: ID!, $slug: String!) { edition(id: $id) { chapter(slug: $slug) { id version title bodyMarkdown number } } }', { id: editionId, slug }, token)).edition.chapter;
}

async function editionVersion(editionId: string): Promise<number> {
  return (await ok('query($id: ID!) { edition(id: $id) { version } }', { id: editionId }, editor)).edition.version;
}

describe('revising «Beskytt kommunen!» from the networks’ experience', () => {
  let draftId: string;
  let firstEditionId: string;
  let proposalFromA: string;
  let participantProposal: string;

  it('takes proposals from a network’s facilitators and participants, and refuses bad ones without creating anything', async () => {
    const before = await proposalCount();
    const proposed = await ok(PROPOSE, { input: {
      anchor: 'beskytt-kommunen/verdier-holdninger-og-kultur', networkId: DEMO.networks.antikorrupsjonA, sessionId: DEMO.sessions.antikorrupsjonA3,
      title: 'Lederes eget eksempel', rationale: 'Kommunene i nettverk A så at ansatte fulgte det lederne gjorde mer enn det retningslinjene sa.',
      proposedMarkdown: 'Regler alene beskytter ikke kommunen.\n\nLedernes **eget eksempel** er det som setter standarden.',
    } }, facilitatorA);
    expect(proposed.proposeRevision.userErrors).toEqual([]);
    expect(proposed.proposeRevision.proposal).toMatchObject({
      status: 'PROPOSED', anchor: 'beskytt-kommunen/verdier-holdninger-og-kultur', proposerRole: 'FACILITATOR',
      network: { id: DEMO.networks.antikorrupsjonA },
      // The session comes from the networks service through the graph.
      session: { id: DEMO.sessions.antikorrupsjonA3, theme: 'Systematisk antikorrupsjonsarbeid i egen kommune/egen virksomhet' },
    });
    proposalFromA = proposed.proposeRevision.proposal.id;

    const byParticipant = await ok(PROPOSE, { input: {
      anchor: 'beskytt-kommunen/gaver-reiser-og-bespisning', networkId: DEMO.networks.antikorrupsjonA, title: 'Julegaver fra leverandører',
      rationale: 'Vi manglet et svar på hva som gjelder for julegaver.',
    } }, participantA);
    expect(byParticipant.proposeRevision.userErrors).toEqual([]);
    participantProposal = byParticipant.proposeRevision.proposal.id;

    const bad = async (input: Record<string, unknown>, token = facilitatorA) => (await ok(PROPOSE, { input: {
      anchor: 'beskytt-kommunen/anskaffelser', networkId: DEMO.networks.antikorrupsjonA, title: 'T', rationale: 'R', ...input,
    } }, token)).proposeRevision;
    expect(await bad({ anchor: 'beskytt-kommunen/finnes-ikke' })).toMatchObject({ proposal: null, userErrors: [{ field: ['input', 'anchor'], code: 'UNKNOWN_ANCHOR' }] });
    expect(await bad({ anchor: 'ukjent-handbok/anskaffelser' })).toMatchObject({ userErrors: [{ code: 'UNKNOWN_ANCHOR' }] });
    expect(await bad({ sessionId: DEMO.sessions.antikorrupsjonB1 })).toMatchObject({ userErrors: [{ field: ['input', 'sessionId'], code: 'SESSION_NOT_IN_NETWORK' }] });
    expect(await bad({ proposedMarkdown: 'Se [her](javascript:alert(1))' })).toMatchObject({ userErrors: [{ field: ['input', 'proposedMarkdown'], code: 'UNSAFE_MARKUP' }] });
    expect(await bad({ rationale: '   ' })).toMatchObject({ userErrors: [{ field: ['input', 'rationale'], code: 'TOO_SHORT' }] });
    expect(await bad({ networkId: 'not-an-id' })).toMatchObject({ userErrors: [{ field: ['input', 'networkId'], code: 'INVALID_ID' }] });
    // An editor proposing for a network that does not exist.
    expect(await bad({ networkId: demoId('network:does-not-exist') }, editor)).toMatchObject({ userErrors: [{ field: ['input', 'networkId'], code: 'NOT_FOUND' }] });

    const otherNetwork = await stack.graphql(PROPOSE, { token: facilitatorB, variables: { input: {
      anchor: 'beskytt-kommunen/anskaffelser', networkId: DEMO.networks.antikorrupsjonA, title: 'T', rationale: 'R' } } });
    expect(otherNetwork.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await stack.graphql(PROPOSE, { variables: { input: { anchor: 'beskytt-kommunen/anskaffelser', networkId: DEMO.networks.antikorrupsjonA, title: 'T', rationale: 'R' } } });
    expect(anonymous.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await proposalCount()).toBe(before + 2);
  });

  it('needs a draft edition to accept into; a draft is a copy of the current edition', async () => {
    const noDraft = await ok(ACCEPT, { input: { proposalId: proposalFromA } }, editor);
    expect(noDraft.acceptRevision.userErrors).toEqual([{ field: ['input', 'proposalId'], code: 'NO_DRAFT_EDITION' }]);

    const created = (await ok(CREATE_DRAFT, { slug: 'beskytt-kommunen' }, editor)).createDraftEdition;
    expect(created.userErrors).toEqual([]);
    expect(created.edition).toMatchObject({ number: 2, status: 'DRAFT', basedOn: { number: 1 } });
    expect(created.edition.allChapters).toHaveLength(19);
    expect(created.edition.tools).toHaveLength(5);
    draftId = created.edition.id;
    firstEditionId = (await ok('{ handbook(slug: "beskytt-kommunen") { currentEdition { id } } }')).handbook.currentEdition.id;

    const again = (await ok(CREATE_DRAFT, { slug: 'beskytt-kommunen' }, editor)).createDraftEdition;
    expect(again).toEqual({ edition: null, userErrors: [{ field: ['input', 'handbookSlug'], code: 'DRAFT_EXISTS' }] });
  });

  it('shows the draft to its editors only', async () => {
    const chapterId = (await chapterIn(draftId, 'anskaffelser')).id;
    const q = 'query($e: ID!, $c: ID!) { edition(id: $e) { id } chapter(id: $c) { id } handbook(slug: "beskytt-kommunen") { editions { number } } }';
    expect(await ok(q, { e: draftId, c: chapterId })).toEqual({ edition: null, chapter: null, handbook: { editions: [{ number: 1 }] } });
    const other = await ok(q, { e: draftId, c: chapterId }, await stack.token('ORG_ADMIN', { org: 'skr' }));
    expect(other.edition).toBeNull();
    const own = await ok(q, { e: draftId, c: chapterId }, editor);
    expect(own.handbook.editions).toEqual([{ number: 2 }, { number: 1 }]);
    expect(own.chapter).toEqual({ id: chapterId });
  });

  it('never changes a published edition', async () => {
    const published = await chapterIn(firstEditionId, 'anskaffelser');
    const res = await ok(UPDATE, { input: { chapterId: published.id, expectedVersion: published.version, title: 'Endret' } }, editor);
    expect(res.updateChapter).toEqual({ chapter: null, userErrors: [{ field: ['input', 'chapterId'], message: expect.stringContaining('cannot be changed'), code: 'EDITION_IMMUTABLE' }] });
    expect((await chapterIn(firstEditionId, 'anskaffelser')).title).toBe('Offentlige anskaffelser');
  });

  it('accepts proposals into the draft and rejects others with a reason', async () => {
    const seeded = demoId('proposal:antikorrupsjon-a:kartlegging');
    const accepted = (await ok(ACCEPT, { input: { proposalId: seeded, note: 'Tatt inn i 2. utgave.' } }, editor)).acceptRevision;
    expect(accepted.userErrors).toEqual([]);
    expect(accepted.proposal).toEqual({ status: 'ACCEPTED', acceptedInto: { number: 2 } });
    expect(accepted.chapter.anchor).toBe('beskytt-kommunen/kartlegging-av-sarbarhet');
    expect(accepted.chapter.bodyMarkdown).toContain('Start med **én konkret prosess**');
    expect(accepted.chapter.edition.status).toBe('DRAFT');

    const versionBefore = await editionVersion(draftId);
    const ours = (await ok(ACCEPT, { input: { proposalId: proposalFromA } }, editor)).acceptRevision;
    expect(ours.userErrors).toEqual([]);
    // Taking a proposal in changes the draft, so the draft's version moves.
    expect(await editionVersion(draftId)).toBe(versionBefore + 1);
    expect((await chapterIn(draftId, 'verdier-holdninger-og-kultur')).bodyMarkdown).toContain('Ledernes **eget eksempel**');
    // The published edition keeps its text.
    expect((await chapterIn(firstEditionId, 'verdier-holdninger-og-kultur')).bodyMarkdown).not.toContain('eget eksempel');

    const fromB = demoId('proposal:antikorrupsjon-b:forankring');
    expect((await ok(REJECT, { input: { proposalId: fromB, reason: '   ' } }, editor)).rejectRevision.userErrors).toEqual([{ field: ['input', 'reason'], code: 'TOO_SHORT' }]);
    const rejected = (await ok(REJECT, { input: { proposalId: fromB, reason: 'Dekkes allerede av avsnittet om forankring.' } }, editor)).rejectRevision;
    expect(rejected).toEqual({ proposal: { status: 'REJECTED', decisionNote: 'Dekkes allerede av avsnittet om forankring.' }, userErrors: [] });
    expect((await ok(ACCEPT, { input: { proposalId: fromB } }, editor)).acceptRevision.userErrors).toEqual([{ field: ['input', 'proposalId'], code: 'ALREADY_DECIDED' }]);
    expect((await ok(REJECT, { input: { proposalId: participantProposal, reason: 'Tas opp i neste revisjon.' } }, editor)).rejectRevision.userErrors).toEqual([]);

    const byFacilitator = await stack.graphql(ACCEPT, { token: facilitatorA, variables: { input: { proposalId: participantProposal } } });
    expect(byFacilitator.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('edits the draft: text, new sections, moves and removals, refusing unsafe text, stale versions, duplicate anchors and cycles', async () => {
    const values = await chapterIn(draftId, 'verdier-holdninger-og-kultur');
    const xss = await ok(UPDATE, { input: { chapterId: values.id, expectedVersion: values.version, bodyMarkdown: 'Hei <img src=x onerror=alert(1)>' } }, editor);
    expect(xss.updateChapter.userErrors).toEqual([{ field: ['input', 'bodyMarkdown'], message: expect.stringContaining('<img>'), code: 'UNSAFE_MARKUP' }]);
    const updated = (await ok(UPDATE, { input: { chapterId: values.id, expectedVersion: values.version, title: 'Verdier, holdninger og organisasjonskultur' } }, editor)).updateChapter;
    expect(updated.chapter).toMatchObject({ title: 'Verdier, holdninger og organisasjonskultur', version: values.version + 1 });
    const stale = await ok(UPDATE, { input: { chapterId: values.id, expectedVersion: values.version, title: 'Noe annet' } }, editor);
    expect(stale.updateChapter.userErrors).toEqual([{ field: ['input', 'expectedVersion'], message: expect.any(String), code: 'STALE_VERSION' }]);

    const routines = await chapterIn(draftId, 'rutiner-struktur-og-kompetanse');
    const duplicate = await ok(ADD, { input: { editionId: draftId, parentId: routines.id, slug: 'anskaffelser', title: 'Igjen', bodyMarkdown: 'x' } }, editor);
    expect(duplicate.addChapter.userErrors).toEqual([{ field: ['input', 'slug'], code: 'DUPLICATE_ANCHOR' }]);
    const badSlug = await ok(ADD, { input: { editionId: draftId, slug: 'Ikke gyldig!', title: 'X', bodyMarkdown: 'x' } }, editor);
    expect(badSlug.addChapter.userErrors[0]).toMatchObject({ field: ['input', 'slug'], code: 'INVALID_FORMAT' });
    const added = await ok(ADD, { input: {
      editionId: draftId, parentId: routines.id, position: 3, slug: 'leverandorkontakt', title: 'Kontakt med leverandører',
      bodyMarkdown: 'Møter med leverandører bør skje med to fra kommunen til stede, og avtales gjennom innkjøpsfunksjonen.',
    } }, editor);
    expect(added.addChapter).toMatchObject({ chapter: { anchor: 'beskytt-kommunen/leverandorkontakt', number: '3.3' }, userErrors: [] });
    expect((await chapterIn(draftId, 'habilitet-og-rolleskille')).number).toBe('3.4');

    const ethics = await chapterIn(draftId, 'etiske-retningslinjer');
    const current = await chapterIn(draftId, 'verdier-holdninger-og-kultur');
    const cycle = await ok(MOVE, { input: { chapterId: current.id, expectedVersion: current.version, parentId: ethics.id } }, editor);
    expect(cycle.moveChapter.userErrors).toEqual([{ field: ['input', 'parentId'], code: 'CYCLE' }]);
    const self = await ok(MOVE, { input: { chapterId: current.id, expectedVersion: current.version, parentId: current.id } }, editor);
    expect(self.moveChapter.userErrors).toEqual([{ field: ['input', 'parentId'], code: 'CYCLE' }]);
    expect((await chapterIn(draftId, 'verdier-holdninger-og-kultur')).number).toBe('2');

    const gifts = await chapterIn(draftId, 'gaver-reiser-og-bespisning');
    const moved = await ok(MOVE, { input: { chapterId: gifts.id, expectedVersion: gifts.version, parentId: routines.id, position: 1 } }, editor);
    expect(moved.moveChapter).toMatchObject({ chapter: { anchor: 'beskytt-kommunen/gaver-reiser-og-bespisning', number: '3.1', parent: { slug: 'rutiner-struktur-og-kompetanse' } }, userErrors: [] });
    expect((await chapterIn(draftId, 'apenhet-og-varsling')).number).toBe('2.2');
    expect((await chapterIn(draftId, 'internkontroll')).number).toBe('3.2');

    expect((await ok(REMOVE, { input: { chapterId: routines.id, expectedVersion: routines.version } }, editor)).removeChapter.userErrors)
      .toEqual([{ field: ['input', 'chapterId'], code: 'HAS_SUBSECTIONS' }]);
    const conflicts = await chapterIn(draftId, 'habilitet-og-rolleskille');
    expect((await ok(REMOVE, { input: { chapterId: conflicts.id, expectedVersion: conflicts.version } }, editor)).removeChapter)
      .toEqual({ removedChapterId: conflicts.id, userErrors: [] });
    expect(await chapterIn(draftId, 'habilitet-og-rolleskille')).toBeNull();
  });

  it('leaves nothing behind when adding a section fails after its first writes', async () => {
    const routines = await chapterIn(draftId, 'rutiner-struktur-og-kompetanse');
    const chapters = () => stack.subgraphs.handbook.ds.query('SELECT id, slug, parent_id, position, version FROM handbook.chapter WHERE edition_id = $1 ORDER BY id', [draftId]);
    const before = await chapters();
    const version = await editionVersion(draftId);
    // Room is made (the later sections move down) and the section is inserted before the edition's version moves: that last write fails.
    const failed = await withFailingWrite(stack, 'handbook.edition', `NEW.id = '${draftId}'`, () => ok(ADD, { input: {
      editionId: draftId, parentId: routines.id, position: 1, slug: 'provekapittel', title: 'Prøvekapittel', bodyMarkdown: 'Tekst.',
    } }, editor));
    expect(failed.addChapter).toEqual({ chapter: null, userErrors: [{ field: null, code: 'CONFLICT' }] });
    expect(await chapters()).toEqual(before);
    expect(await editionVersion(draftId)).toBe(version);
  });

  it('loads the larger draft tree in the same number of statements', async () => {
    const before = stack.sqlStatements();
    const data = await ok(`query($id: ID!) { edition(id: $id) { chapters { anchor children { anchor tools { slug } children { anchor } } }
      tools { slug explainedIn { anchor } } recommendations { number } } }`, { id: draftId }, editor);
    expect(data.edition.chapters[2].children).toHaveLength(5);
    // edition, its chapters, its tools, the recommendations, and the handbook (for anchors).
    expect(sqlDelta(before, stack.sqlStatements()).handbook).toBe(5);
  });

  it('shows what changed since the first edition, with a text diff per changed section', async () => {
    const data = await ok(`query($id: ID!) { edition(id: $id) { diff { from { number } to { number } added { anchor } removed { anchor }
      unchangedCount changed { anchor fields bodyPatch bodyParts { kind text } } } } }`, { id: draftId }, editor);
    const diff = data.edition.diff;
    expect(diff.from).toEqual({ number: 1 });
    expect(diff.added.map((c: { anchor: string }) => c.anchor)).toEqual(['beskytt-kommunen/leverandorkontakt']);
    expect(diff.removed.map((c: { anchor: string }) => c.anchor)).toEqual(['beskytt-kommunen/habilitet-og-rolleskille']);
    const changed = Object.fromEntries(diff.changed.map((c: { anchor: string; fields: string[] }) => [c.anchor.split('/')[1], c]));
    expect(changed['verdier-holdninger-og-kultur'].fields).toEqual(['title', 'body']);
    expect(changed['gaver-reiser-og-bespisning'].fields).toEqual(['position']);
    expect(changed['gaver-reiser-og-bespisning'].bodyPatch).toBeNull();
    const mapping = changed['kartlegging-av-sarbarhet'];
    expect(mapping.fields).toEqual(['body']);
    expect(mapping.bodyPatch).toContain('+Start med **én konkret prosess**');
    expect(mapping.bodyParts).toContainEqual({ kind: 'ADDED', text: expect.stringContaining('konkret') });
    expect(diff.unchangedCount + diff.changed.length).toBe(18);
  });

  it('moves the edition’s version with every change inside it, so a publish with the version seen before is refused', async () => {
    const seen = await editionVersion(draftId);
    const added = (await ok(ADD, { input: { editionId: draftId, slug: 'midlertidig', title: 'Midlertidig', bodyMarkdown: 'Kladd.' } }, editor)).addChapter;
    expect(added.userErrors).toEqual([]);
    expect(await editionVersion(draftId)).toBe(seen + 1);
    const draftChapter = await chapterIn(draftId, 'midlertidig');
    const renamed = (await ok(UPDATE, { input: { chapterId: draftChapter.id, expectedVersion: draftChapter.version, title: 'Midlertidig avsnitt' } }, editor)).updateChapter;
    expect(renamed.userErrors).toEqual([]);
    expect(await editionVersion(draftId)).toBe(seen + 2);
    const moved = (await ok(MOVE, { input: { chapterId: draftChapter.id, expectedVersion: renamed.chapter.version, position: 1 } }, editor)).moveChapter;
    expect(moved.userErrors).toEqual([]);
    expect(await editionVersion(draftId)).toBe(seen + 3);
    const removed = (await ok(REMOVE, { input: { chapterId: draftChapter.id, expectedVersion: moved.chapter.version } }, editor)).removeChapter;
    expect(removed.userErrors).toEqual([]);
    expect(await editionVersion(draftId)).toBe(seen + 4);

    // The editor saw version `seen`; four changes later that edition is not the one they saw.
    const stale = await ok(PUBLISH, { input: { editionId: draftId, expectedVersion: seen } }, editor);
    expect(stale.publishEdition).toEqual({ edition: null, superseded: null, userErrors: [{ field: ['input', 'expectedVersion'], code: 'STALE_VERSION' }] });
    expect((await ok('query($id: ID!) { edition(id: $id) { status } }', { id: draftId }, editor)).edition.status).toBe('DRAFT');
    // A refused change leaves the version where it was.
    const refused = await ok(UPDATE, { input: { chapterId: renamed.chapter.id, expectedVersion: 1, title: 'x' } }, editor);
    expect(refused.updateChapter.userErrors[0].code).toBe('NOT_FOUND');
    expect(await editionVersion(draftId)).toBe(seen + 4);
  });

  it('publishes the draft, superseding the first edition; the networks’ contributions are traceable', async () => {
    const draft = (await ok('query($id: ID!) { edition(id: $id) { version } }', { id: draftId }, editor)).edition;
    const stale = await ok(PUBLISH, { input: { editionId: draftId, expectedVersion: draft.version + 1 } }, editor);
    expect(stale.publishEdition.userErrors).toEqual([{ field: ['input', 'expectedVersion'], code: 'STALE_VERSION' }]);
    const published = await ok(PUBLISH, { input: { editionId: draftId, expectedVersion: draft.version, publishedOn: '2014-09-01' } }, editor);
    expect(published.publishEdition).toEqual({
      edition: { number: 2, status: 'PUBLISHED', publishedOn: '2014-09-01' }, superseded: { number: 1, status: 'SUPERSEDED' }, userErrors: [],
    });

    const publicView = await ok(`{ handbook(slug: "beskytt-kommunen") { currentEdition { number changesFromNetworks {
      network { id name } changes { anchor title session { theme } chapter { title } } } } editions { number status } } }`);
    expect(publicView.handbook.editions).toEqual([{ number: 2, status: 'PUBLISHED' }, { number: 1, status: 'SUPERSEDED' }]);
    expect(publicView.handbook.currentEdition.changesFromNetworks).toEqual([{
      network: { id: DEMO.networks.antikorrupsjonA, name: 'Antikorrupsjonsnettverk A' },
      changes: [
        { anchor: 'beskytt-kommunen/kartlegging-av-sarbarhet', title: 'En enkel mal for kartleggingen', session: { theme: 'Beskytt kommunen – hvordan få det til praksis?' }, chapter: { title: 'Kartlegging av sårbarhet' } },
        { anchor: 'beskytt-kommunen/verdier-holdninger-og-kultur', title: 'Lederes eget eksempel', session: { theme: 'Systematisk antikorrupsjonsarbeid i egen kommune/egen virksomhet' }, chapter: { title: 'Verdier, holdninger og organisasjonskultur' } },
      ],
    }]);

    const chapter = await chapterIn(draftId, 'anskaffelser');
    const frozen = await ok(UPDATE, { input: { chapterId: chapter.id, expectedVersion: chapter.version, title: 'Endret' } }, editor);
    expect(frozen.updateChapter.userErrors[0].code).toBe('EDITION_IMMUTABLE');
  });

  it('resolves anchors across editions: moved sections exactly, removed ones to the nearest surviving section', async () => {
    const data = await ok(`query($a: [String!]!) { resolveHandbookAnchors(anchors: $a) {
      anchor resolution chapter { anchor edition { number } } removedIn { number } note } }`, { a: [
      'beskytt-kommunen/gaver-reiser-og-bespisning', 'beskytt-kommunen/habilitet-og-rolleskille', 'beskytt-kommunen/finnes-ikke', 'ukjent/avsnitt', 'ikke et anker',
    ] });
    expect(data.resolveHandbookAnchors).toEqual([
      { anchor: 'beskytt-kommunen/gaver-reiser-og-bespisning', resolution: 'EXACT', chapter: { anchor: 'beskytt-kommunen/gaver-reiser-og-bespisning', edition: { number: 2 } }, removedIn: null, note: null },
      { anchor: 'beskytt-kommunen/habilitet-og-rolleskille', resolution: 'NEAREST_SECTION', chapter: { anchor: 'beskytt-kommunen/rutiner-struktur-og-kompetanse', edition: { number: 2 } },
        removedIn: { number: 2 }, note: expect.stringContaining('nærmeste gjenværende avsnitt, «Rutiner, struktur og kompetanse»') },
      { anchor: 'beskytt-kommunen/finnes-ikke', resolution: 'UNKNOWN', chapter: null, removedIn: null, note: null },
      { anchor: 'ukjent/avsnitt', resolution: 'UNKNOWN', chapter: null, removedIn: null, note: null },
      { anchor: 'ikke et anker', resolution: 'UNKNOWN', chapter: null, removedIn: null, note: null },
    ]);
  });
  it('resolves the handbook references and tools of a session’s agenda items through the graph', async () => {
    const host = await stack.token('ORG_ADMIN', { org: 'ks' });
    const session = (await ok('query($id: ID!) { session(id: $id) { version } }', { id: DEMO.sessions.antikorrupsjonA1 }, host)).session;
    const riskMatrix = (await ok('{ handbook(slug: "beskytt-kommunen") { editions { number tools { id slug } } } }')).handbook.editions
      .find((e: { number: number }) => e.number === 2).tools.find((t: { slug: string }) => t.slug === 'risikomatrise');
    const set = await ok(`mutation($input: SetAgendaInput!) { setAgenda(input: $input) { userErrors { field code message } } }`, { input: {
      sessionId: DEMO.sessions.antikorrupsjonA1, expectedVersion: session.version, items: [
        { date: '2013-06-18', startTime: '12:00', durationMinutes: 60, title: 'Presentasjon av håndboken', kind: 'PRESENTATION',
          handbookAnchors: ['beskytt-kommunen/hva-er-korrupsjon', 'beskytt-kommunen/habilitet-og-rolleskille'], toolIds: [riskMatrix.id] },
        { date: '2013-06-18', startTime: '13:00', durationMinutes: 30, title: 'Pause', kind: 'BREAK' },
      ] } }, host);
    expect(set.setAgenda.userErrors).toEqual([]);

    const before = stack.sqlStatements();
    const data = await ok(`query($id: ID!) { session(id: $id) { agenda { title tools { name explainedIn { anchor } }
      handbookReferences { anchor resolution chapter { title } note } } } }`, { id: DEMO.sessions.antikorrupsjonA1 });
    const handbookStatements = sqlDelta(before, stack.sqlStatements()).handbook;
    expect(data.session.agenda[0]).toEqual({
      title: 'Presentasjon av håndboken',
      tools: [{ name: 'Risikomatrise', explainedIn: { anchor: 'beskytt-kommunen/risikovurdering' } }],
      handbookReferences: [
        { anchor: 'beskytt-kommunen/hva-er-korrupsjon', resolution: 'EXACT', chapter: { title: 'Hva er korrupsjon, og hvor er kommunen utsatt?' }, note: null },
        { anchor: 'beskytt-kommunen/habilitet-og-rolleskille', resolution: 'NEAREST_SECTION', chapter: { title: 'Rutiner, struktur og kompetanse' },
          note: expect.stringContaining('finnes ikke lenger') },
      ],
    });
    expect(data.session.agenda[1]).toEqual({ title: 'Pause', tools: [], handbookReferences: [] });
    // All items' anchors and tools resolve in one batch each.
    expect(handbookStatements).toBeLessThanOrEqual(7);
  });
});
