import { startTestStack, type TestStack } from '@kommunenett/stack/testing';
import { randomUUID } from 'node:crypto';
import { DEMO, demoId } from '@kommunenett/reference-data';
import { PositionRoles1739200000000 } from '../src/migrations/1739200000000-position-roles';

/*
 * Outcomes of KS' candidate networks (003): "11 of the 50 women became chief executives", counted
 * by the graph from the participants' positions, with small counts suppressed.
 */
let stack: TestStack;
let analyst: string;
let ks: string;
beforeAll(async () => {
  stack = await startTestStack();
  analyst = await stack.token('ANALYST', { org: 'ks' });
  ks = await stack.token('ORG_ADMIN', { org: 'ks' });
});
afterAll(async () => { await stack?.stop(); });

interface Outcomes {
  network: { id: string }; role: string; withinYears: number; endedOn: string; endedFrom: string; windowEnd: string;
  participants: number; became: number | null; share: number | null; suppressed: boolean; suppressionThreshold: number;
}
const OUTCOMES = `query($id: ID!, $years: Int!, $role: PositionRole) { networkOutcomes(networkId: $id, withinYears: $years, role: $role) {
  network { id } role withinYears endedOn endedFrom windowEnd participants became share suppressed suppressionThreshold } }`;

/** As `token` (the analyst by default; null: anonymous). */
async function outcomes(id: string, years: number, token: string | null = analyst, role?: string) {
  return stack.graphql<{ networkOutcomes: Outcomes }>(OUTCOMES, { variables: { id, years, role }, token: token ?? undefined });
}

async function record(personId: string, title: string, validFrom: string, role?: string) {
  const res = await stack.graphql<{ recordPosition: { position: { role: string; title: string; employerMunicipality: { id: string } | null } | null; userErrors: unknown[] } }>(
    `mutation($input: RecordPositionInput!) { recordPosition(input: $input) { position { role title employerMunicipality { id } } userErrors { code field } } }`,
    { variables: { input: { personId, title, validFrom, role, employerMunicipalityId: 'NO-0301' } }, token: ks });
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data!.recordPosition.userErrors).toEqual([]);
  return res.body.data!.recordPosition.position!;
}

describe('networkOutcomes', () => {
  it('counts the candidate network’s women who became chief executives: 11 of 50', async () => {
    const res = await outcomes(DEMO.networks.ksKandidatKvinner, 10);
    expect(res.body.errors).toBeUndefined();
    const o = res.body.data!.networkOutcomes;
    expect(o).toMatchObject({ network: { id: DEMO.networks.ksKandidatKvinner }, role: 'CHIEF_EXECUTIVE', participants: 50, became: 11, suppressed: false, suppressionThreshold: 3 });
    expect(o.share).toBeCloseTo(11 / 50, 12);
    // The network has no dated sessions: it ended with its programme's period.
    expect(o.endedFrom).toBe('PROGRAM_PERIOD');
    expect(o.windowEnd).toBe(`${Number(o.endedOn.slice(0, 4)) + 10}${o.endedOn.slice(4)}`);
    // Fewer years count no more.
    const none = (await outcomes(DEMO.networks.ksKandidatKvinner, 0)).body.data!.networkOutcomes;
    expect(none.became === null || none.became <= 11).toBe(true);
  });

  it('suppresses a count below the threshold, and counts positions entered after registering only', async () => {
    const network = DEMO.networks.ksKandidatInnvandrer;
    const person = (i: number) => demoId(`person:${network}:${i}`);
    // Nobody of the second network has become chief executive: 0 is below the threshold.
    const before = (await outcomes(network, 5)).body.data!.networkOutcomes;
    expect(before).toMatchObject({ participants: 40, became: null, share: null, suppressed: true });
    // The role comes from the title when not given, whatever the language's word.
    expect(await record(person(0), 'kommunedirektør', '2010-08-01')).toMatchObject({ role: 'CHIEF_EXECUTIVE', employerMunicipality: { id: 'NO-0301' } });
    expect((await record(person(1), 'Kommundirektör', '2010-09-01')).role).toBe('CHIEF_EXECUTIVE');
    expect((await record(person(2), 'daglig leder', '2011-06-01', 'CHIEF_EXECUTIVE')).role).toBe('CHIEF_EXECUTIVE');
    // Chief executive already before registering (2007): not an outcome of the network.
    await record(person(3), 'rådmann', '2005-01-01');
    expect((await record(person(4), 'assisterende rådmann', '2010-01-01')).role).toBe('DEPUTY_CHIEF_EXECUTIVE');
    const ended = (await outcomes(network, 0)).body.data!.networkOutcomes.endedOn;
    expect(ended < '2010-08-01').toBe(true);
    // Two by the end of 2010: suppressed; three once 2011 is within the window.
    const years = (day: string) => Number(day.slice(0, 4)) - Number(ended.slice(0, 4));
    const two = (await outcomes(network, years('2010-12-31'))).body.data!.networkOutcomes;
    expect(two).toMatchObject({ became: null, suppressed: true });
    const three = (await outcomes(network, years('2011-12-31'))).body.data!.networkOutcomes;
    expect(three).toMatchObject({ participants: 40, became: 3, suppressed: false });
    expect(three.share).toBeCloseTo(3 / 40, 12);
    // Another role of the vocabulary.
    const deputies = (await outcomes(network, years('2011-12-31'), analyst, 'DEPUTY_CHIEF_EXECUTIVE')).body.data!.networkOutcomes;
    expect(deputies).toMatchObject({ role: 'DEPUTY_CHIEF_EXECUTIVE', became: null, suppressed: true });
  });

  it('is for the roles that see statistics', async () => {
    for (const token of [analyst, ks, await stack.token('FACILITATOR', { networks: [DEMO.networks.ksKandidatKvinner] })]) {
      expect((await outcomes(DEMO.networks.ksKandidatKvinner, 3, token)).body.errors).toBeUndefined();
    }
    const refused = async (token: string | null) => (await outcomes(DEMO.networks.ksKandidatKvinner, 3, token)).body.errors?.[0].extensions?.code;
    expect(await refused(null)).toBe('UNAUTHENTICATED');
    expect(await refused(await stack.token('COORDINATOR', { municipality: 'NO-0301' }))).toBe('FORBIDDEN');
    expect(await refused(await stack.token('PARTICIPANT', { sub: demoId(`person:${DEMO.networks.ksKandidatKvinner}:0`), networks: [DEMO.networks.ksKandidatKvinner] }))).toBe('FORBIDDEN');
  });

  it('takes a network’s end from its last session, and refuses bad arguments with a code', async () => {
    const a = (await outcomes(DEMO.networks.antikorrupsjonA, 2)).body.data!.networkOutcomes;
    expect(a).toMatchObject({ endedFrom: 'LAST_SESSION', became: null, suppressed: true });
    expect(a.endedOn.startsWith('2014-03')).toBe(true);
    const code = async (id: string, years: number) => (await outcomes(id, years)).body.errors?.[0].extensions?.code;
    expect(await code(DEMO.networks.ksKandidatKvinner, -1)).toBe('BAD_USER_INPUT');
    expect(await code(DEMO.networks.ksKandidatKvinner, 31)).toBe('BAD_USER_INPUT');
    expect(await code('not-an-id', 3)).toBe('BAD_USER_INPUT');
    expect(await code('00000000-0000-4000-8000-000000000000', 3)).toBe('NOT_FOUND');
    // A network still open for registration has not ended.
    expect(await code(DEMO.networks.antikorrupsjonD, 3)).toBe('BAD_USER_INPUT');
  });
});

describe('the migration that introduced roles', () => {
  it('gives the positions recorded before it the role their title gives', async () => {
    const ds = stack.subgraphs.participants.ds;
    const migration = new PositionRoles1739200000000();
    const runner = ds.createQueryRunner();
    const person = demoId(`person:${DEMO.networks.ksKandidatKvinner}:1`);
    const titles: [string, string][] = [
      ['Rådmann', 'CHIEF_EXECUTIVE'], ['fylkeskommunedirektør', 'CHIEF_EXECUTIVE'], ['kommundirektör', 'CHIEF_EXECUTIVE'],
      ['Assisterende kommunedirektør', 'DEPUTY_CHIEF_EXECUTIVE'], ['Kommunalsjef helse og omsorg', 'DEPARTMENT_HEAD'], ['Økonomisjef', 'DEPARTMENT_HEAD'],
      ['varaordfører', 'POLITICIAN'], ['seniorrådgiver', 'ADVISER'], ['Enhetsleder', 'MANAGER'], ['vaktmester', 'OTHER'],
    ];
    const ids = titles.map(() => randomUUID());
    try {
      // Back to the table as it was, positions recorded then, and the migration again.
      await migration.down(runner);
      await runner.query(`INSERT INTO participants.position (id, person_id, title, valid_from)
        SELECT id, $2, title, '2001-01-01' FROM unnest($1::uuid[], $3::text[]) AS t(id, title)`, [ids, person, titles.map(([title]) => title)]);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const rows = (await ds.query('SELECT title, role FROM participants.position WHERE id = ANY($1) ORDER BY array_position($1, id)', [ids])) as { title: string; role: string }[];
    expect(rows.map((r) => [r.title, r.role])).toEqual(titles);
  });
});
