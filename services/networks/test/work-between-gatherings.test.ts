import { DEMO } from '@kommunenett/reference-data';
import { withFailingWrite } from '@kommunenett/stack/testing';
import { networksStack } from './helpers';

/** Work between gatherings: assignments and submissions (000), municipality projects with anchoring (004). */
let t: Awaited<ReturnType<typeof networksStack>>;
beforeAll(async () => { t = await networksStack(); });
afterAll(async () => { await t?.stack.stop(); });

const NETWORK = DEMO.networks.antikorrupsjonA;
const ASSIGNMENT = 'id version position title instructions givenAt { sequence } dueBefore { sequence }';
const CREATE = `mutation($input: CreateAssignmentInput!) { createAssignment(input: $input) { assignment { ${ASSIGNMENT} } userErrors { field code } } }`;
const UPDATE = `mutation($input: UpdateAssignmentInput!) { updateAssignment(input: $input) { assignment { ${ASSIGNMENT} } userErrors { field code } } }`;
const SUBMISSION = 'id version status text links municipality { id } submittedAt submittedBy { id } reviewedAt reviewNote';
const SAVE = `mutation($input: SaveSubmissionInput!) { saveSubmission(input: $input) { submission { ${SUBMISSION} } userErrors { field code } } }`;
const SUBMIT = `mutation($input: SubmitSubmissionInput!) { submitSubmission(input: $input) { submission { ${SUBMISSION} } userErrors { field code } } }`;
const REVIEW = `mutation($input: ReviewSubmissionInput!) { reviewSubmission(input: $input) { submission { ${SUBMISSION} } userErrors { field code } } }`;

const facilitator = () => t.token('FACILITATOR', { networks: [NETWORK] });
const baerum = () => t.token('COORDINATOR', { municipality: 'NO-3201', person: DEMO.people.baerumCoordinator });
const oslo = () => t.token('COORDINATOR', { municipality: 'NO-0301' });

async function firstAssignmentId(): Promise<string> {
  const { network } = await t.ok('query($id: ID!) { network(id: $id) { assignments { id title } } }', { id: NETWORK });
  return network.assignments[0].id;
}

describe('assignments', () => {
  it('lets the facilitator add and edit work between gatherings', async () => {
    const created = await t.ok(CREATE, { input: { networkId: NETWORK, title: 'Status i egen kommune', instructions: 'Beskriv status i eget antikorrupsjonsarbeid.',
      givenAtSessionId: DEMO.sessions.antikorrupsjonA1, dueBeforeSessionId: DEMO.sessions.antikorrupsjonA3 } }, await facilitator());
    expect(created.createAssignment).toMatchObject({ userErrors: [], assignment: { position: 4, givenAt: { sequence: 1 }, dueBefore: { sequence: 3 }, version: 1 } });
    const id = created.createAssignment.assignment.id;
    const updated = await t.ok(UPDATE, { input: { assignmentId: id, expectedVersion: 1, dueBeforeSessionId: DEMO.sessions.antikorrupsjonA2 } }, await facilitator());
    expect(updated.updateAssignment.assignment).toMatchObject({ dueBefore: { sequence: 2 }, version: 2 });
    const stale = await t.ok(UPDATE, { input: { assignmentId: id, expectedVersion: 1, title: 'X' } }, await facilitator());
    expect(stale.updateAssignment.userErrors).toEqual([{ field: ['input', 'expectedVersion'], code: 'STALE_VERSION' }]);
  });

  it('refuses sessions of another network, work due before it is given, and roles outside the network', async () => {
    const token = await facilitator();
    const other = await t.ok(CREATE, { input: { networkId: NETWORK, title: 'A', instructions: 'B', dueBeforeSessionId: DEMO.sessions.antikorrupsjonB2 } }, token);
    expect(other.createAssignment.userErrors).toEqual([{ field: ['input', 'dueBeforeSessionId'], code: 'NOT_FOUND' }]);
    const backwards = await t.ok(CREATE, { input: { networkId: NETWORK, title: 'A', instructions: 'B',
      givenAtSessionId: DEMO.sessions.antikorrupsjonA2, dueBeforeSessionId: DEMO.sessions.antikorrupsjonA1 } }, token);
    expect(backwards.createAssignment.userErrors).toEqual([{ field: ['input', 'dueBeforeSessionId'], code: 'DUE_BEFORE_GIVEN' }]);
    const long = await t.ok(CREATE, { input: { networkId: NETWORK, title: 'A', instructions: 'x'.repeat(20_001) } }, token);
    expect(long.createAssignment.userErrors).toEqual([{ field: ['input', 'instructions'], code: 'TOO_LONG' }]);
    const input = { networkId: NETWORK, title: 'A', instructions: 'B' };
    expect((await t.refused(CREATE, { input }, await t.token('FACILITATOR', { networks: [DEMO.networks.antikorrupsjonB] }))).codes).toEqual(['FORBIDDEN']);
    expect((await t.refused(CREATE, { input }, await baerum())).codes).toEqual(['FORBIDDEN']);
    expect((await t.refused(CREATE, { input }, await t.token('ORG_ADMIN', { org: 'skr' }))).codes).toEqual(['FORBIDDEN']);
    const { network } = await t.ok('query($id: ID!) { network(id: $id) { assignments { id } } }', { id: NETWORK });
    expect(network.assignments).toHaveLength(4);
  });
});

describe('submissions', () => {
  it('goes NOT_STARTED → DRAFT → SUBMITTED → REVIEWED for the municipality’s coordinator and the facilitator', async () => {
    const assignmentId = await firstAssignmentId();
    const coordinator = await baerum();
    const drafted = await t.ok(SAVE, { input: { assignmentId, municipalityId: 'NO-3201', text: 'Kartlegging: innkjøp og byggesak er mest utsatt.' } }, coordinator);
    expect(drafted.saveSubmission).toMatchObject({ userErrors: [], submission: { status: 'DRAFT', version: 1, municipality: { id: 'NO-3201' }, submittedAt: null } });
    const id = drafted.saveSubmission.submission.id;
    const again = await t.ok(SAVE, { input: { assignmentId, municipalityId: 'NO-3201', text: 'Ny start' } }, coordinator);
    expect(again.saveSubmission.userErrors).toEqual([{ field: ['input', 'expectedVersion'], code: 'STALE_VERSION' }]);
    const edited = await t.ok(SAVE, { input: { assignmentId, municipalityId: 'NO-3201', expectedVersion: 1, links: ['https://www.baerum.kommune.no/risiko.pdf'] } }, coordinator);
    expect(edited.saveSubmission.submission).toMatchObject({ version: 2, links: ['https://www.baerum.kommune.no/risiko.pdf'], text: 'Kartlegging: innkjøp og byggesak er mest utsatt.' });
    const submitted = await t.ok(SUBMIT, { input: { submissionId: id, expectedVersion: 2 } }, coordinator);
    expect(submitted.submitSubmission.submission).toMatchObject({ status: 'SUBMITTED', submittedBy: { id: DEMO.people.baerumCoordinator } });
    expect(submitted.submitSubmission.submission.submittedAt).toEqual(expect.any(String));
    const locked = await t.ok(SAVE, { input: { assignmentId, municipalityId: 'NO-3201', expectedVersion: 3, text: 'Endring' } }, coordinator);
    expect(locked.saveSubmission.userErrors).toEqual([{ field: ['input', 'assignmentId'], code: 'SUBMISSION_LOCKED' }]);
    expect((await t.refused(REVIEW, { input: { submissionId: id, expectedVersion: 3 } }, coordinator)).codes).toEqual(['FORBIDDEN']);
    const reviewed = await t.ok(REVIEW, { input: { submissionId: id, expectedVersion: 3, note: 'God kartlegging.' } }, await facilitator());
    expect(reviewed.reviewSubmission.submission).toMatchObject({ status: 'REVIEWED', reviewNote: 'God kartlegging.' });
    const twice = await t.ok(REVIEW, { input: { submissionId: id, expectedVersion: 4 } }, await facilitator());
    expect(twice.reviewSubmission.userErrors).toEqual([{ field: ['input', 'submissionId'], code: 'ILLEGAL_TRANSITION' }]);
  });

  it('keeps each municipality’s submissions to itself and those who run the network', async () => {
    const assignmentId = await firstAssignmentId();
    await t.ok(SAVE, { input: { assignmentId, municipalityId: 'NO-0301', text: 'Oslo sin kartlegging' } }, await oslo());
    const read = async (token?: string) => (await t.ok('query($id: ID!) { network(id: $id) { assignments { submissions(first: 100) { edges { node { municipality { id } } } } } } }', { id: NETWORK }, token))
      .network.assignments[0].submissions.edges.map((e: any) => e.node.municipality.id);
    expect(await read(await facilitator())).toEqual(['NO-0301', 'NO-3201']);
    expect(await read(await t.token('ORG_ADMIN', { org: 'ti-norge' }))).toEqual(['NO-0301', 'NO-3201']);
    expect(await read(await baerum())).toEqual(['NO-3201']);
    expect(await read(await oslo())).toEqual(['NO-0301']);
    expect(await read(await t.token('ANALYST', { org: 'ks' }))).toEqual([]);
    expect(await read()).toEqual([]);
  });

  it('refuses writing for another municipality, unknown municipalities, empty submissions and bad links', async () => {
    const assignmentId = await firstAssignmentId();
    expect((await t.refused(SAVE, { input: { assignmentId, municipalityId: 'NO-0301', text: 'Kapring' } }, await baerum())).codes).toEqual(['FORBIDDEN']);
    expect((await t.refused(SAVE, { input: { assignmentId, municipalityId: 'NO-3201', text: 'x' } }, await facilitator())).codes).toEqual(['FORBIDDEN']);
    const admin = await t.token('ADMIN');
    const unknown = await t.ok(SAVE, { input: { assignmentId, municipalityId: 'NO-9999', text: 'x' } }, admin);
    expect(unknown.saveSubmission.userErrors).toEqual([{ field: ['input', 'municipalityId'], code: 'UNKNOWN_MUNICIPALITY' }]);
    const link = await t.ok(SAVE, { input: { assignmentId, municipalityId: 'NO-4601', links: ['javascript:alert(1)'] } }, admin);
    expect(link.saveSubmission.userErrors).toEqual([{ field: ['input', 'links', '0'], code: 'INVALID_URL' }]);
    const empty = await t.ok(SAVE, { input: { assignmentId, municipalityId: 'NO-4601' } }, admin);
    const submit = await t.ok(SUBMIT, { input: { submissionId: empty.saveSubmission.submission.id, expectedVersion: 1 } }, admin);
    expect(submit.submitSubmission.userErrors).toEqual([{ field: ['input', 'submissionId'], code: 'EMPTY_SUBMISSION' }]);
    const missing = await t.ok(SAVE, { input: { assignmentId: '00000000-0000-4000-8000-000000000000', municipalityId: 'NO-3201', text: 'x' } }, await baerum());
    expect(missing.saveSubmission.userErrors).toEqual([{ field: ['input', 'assignmentId'], code: 'NOT_FOUND' }]);
  });
});

describe('municipality projects (004)', () => {
  const SAMAN = DEMO.networks.samanOmdomme1;
  const PROJECT = `id version title problem goals measures organisation leadMandate anchoringPhase municipality { id }
    milestones { position title dueOn status } anchoringHistory { fromPhase toPhase note changedAt }`;
  const SAVE_PROJECT = `mutation($input: SaveProjectInput!) { saveProject(input: $input) { project { ${PROJECT} } userErrors { field code } } }`;
  const SET_PHASE = `mutation($input: SetAnchoringPhaseInput!) { setAnchoringPhase(input: $input) { project { ${PROJECT} } userErrors { field code } } }`;
  const lom = () => t.token('COORDINATOR', { municipality: 'NO-3434' });

  it('records problem, goals, measures, organisation, milestones, mandate and the anchoring phases with history', async () => {
    const saved = await t.ok(SAVE_PROJECT, { input: {
      networkId: SAMAN, municipalityId: 'NO-3434', title: 'Attraktiv arbeidsgiver', problem: 'Vanskelig å rekruttere fagfolk.',
      goals: 'Bedre omdømme som arbeidsgiver innen 2015.', measures: 'Medarbeiderundersøkelse, omdømmemåling mars 2013, 2015 og 2017.',
      organisation: 'Prosjektgruppe med rådmann, tillitsvalgte og HR.', leadMandate: 'Prosjektleder har skriftlig mandat fra rådmannen.',
      milestones: [{ title: 'Første måling', dueOn: '2013-03-31', status: 'DONE' }, { title: 'Andre måling', dueOn: '2015-03-31' }],
    } }, await lom());
    expect(saved.saveProject.userErrors).toEqual([]);
    const project = saved.saveProject.project;
    expect(project).toMatchObject({ anchoringPhase: 'AWARENESS', version: 1, municipality: { id: 'NO-3434' },
      milestones: [{ position: 1, title: 'Første måling', dueOn: '2013-03-31', status: 'DONE' }, { position: 2, title: 'Andre måling', dueOn: '2015-03-31', status: 'PLANNED' }],
      anchoringHistory: [{ fromPhase: null, toPhase: 'AWARENESS' }] });
    const accepted = await t.ok(SET_PHASE, { input: { projectId: project.id, expectedVersion: 1, phase: 'ACCEPTANCE', note: 'Ledergruppen har sluttet seg til.' } }, await lom());
    const owned = await t.ok(SET_PHASE, { input: { projectId: project.id, expectedVersion: accepted.setAnchoringPhase.project.version, phase: 'OWNERSHIP' } }, await lom());
    expect(owned.setAnchoringPhase.project.anchoringPhase).toBe('OWNERSHIP');
    expect(owned.setAnchoringPhase.project.anchoringHistory.map((h: any) => [h.fromPhase, h.toPhase])).toEqual([
      [null, 'AWARENESS'], ['AWARENESS', 'ACCEPTANCE'], ['ACCEPTANCE', 'OWNERSHIP'],
    ]);
    const same = await t.ok(SET_PHASE, { input: { projectId: project.id, expectedVersion: owned.setAnchoringPhase.project.version, phase: 'OWNERSHIP' } }, await lom());
    expect(same.setAnchoringPhase.userErrors).toEqual([{ field: ['input', 'phase'], code: 'PHASE_UNCHANGED' }]);
    const stale = await t.ok(SET_PHASE, { input: { projectId: project.id, expectedVersion: 1, phase: 'AWARENESS' } }, await lom());
    expect(stale.setAnchoringPhase.userErrors).toEqual([{ field: ['input', 'expectedVersion'], code: 'STALE_VERSION' }]);
  });

  it('shows projects to the network’s runners and the own coordinator only, and refuses others’ writes', async () => {
    const read = async (token?: string) => (await t.ok('query($id: ID!) { network(id: $id) { projects { edges { node { municipality { id } } } } } }', { id: SAMAN }, token)).network.projects.edges.map((e: any) => e.node);
    expect(await read(await t.token('FACILITATOR', { networks: [SAMAN] }))).toEqual([{ municipality: { id: 'NO-3434' } }]);
    expect(await read(await lom())).toEqual([{ municipality: { id: 'NO-3434' } }]);
    expect(await read(await baerum())).toEqual([]);
    expect(await read()).toEqual([]);
    const input = { networkId: SAMAN, municipalityId: 'NO-3434', title: 'Kapring' };
    expect((await t.refused(SAVE_PROJECT, { input }, await baerum())).codes).toEqual(['FORBIDDEN']);
    expect((await t.refused(SAVE_PROJECT, { input }, await t.token('FACILITATOR', { networks: [SAMAN] }))).codes).toEqual(['FORBIDDEN']);
    const bad = await t.ok(SAVE_PROJECT, { input: { ...input, title: 'T'.repeat(201), milestones: [{ title: 'M', dueOn: '2013-02-30' }] } }, await lom());
    expect(bad.saveProject).toEqual({ project: null, userErrors: [
      { field: ['input', 'title'], code: 'TOO_LONG' }, { field: ['input', 'milestones', '0', 'dueOn'], code: 'INVALID_FORMAT' },
    ] });
    expect((await read(await lom()))).toEqual([{ municipality: { id: 'NO-3434' } }]);
  });

  it('leaves nothing behind when the save fails after its first writes', async () => {
    const coordinator = await t.token('COORDINATOR', { municipality: 'NO-4601' });
    const rows = async () => (await t.stack.subgraphs.networks.ds.query(`SELECT
      (SELECT count(*) FROM networks.municipality_project WHERE network_id = $1 AND municipality_id = 'NO-4601')::int AS projects,
      (SELECT count(*) FROM networks.anchoring_change)::int AS "anchoringChanges", (SELECT count(*) FROM networks.project_milestone)::int AS milestones`, [SAMAN]))[0];
    const before = await rows();
    const input = { networkId: SAMAN, municipalityId: 'NO-4601', title: 'Omdømmeprosjekt', milestones: [{ title: 'Første måling' }, { title: 'Andre måling' }] };
    // The project and its first anchoring change are written before the milestones; the second milestone's write fails.
    const failed = await withFailingWrite(t.stack, 'networks.project_milestone', "NEW.title = 'Andre måling'", () => t.ok(SAVE_PROJECT, { input }, coordinator));
    expect(failed.saveProject).toEqual({ project: null, userErrors: [{ field: null, code: 'CONFLICT' }] });
    expect(await rows()).toEqual(before);
  });
});
