import { networksStack } from './helpers';

/**
 * The fields that hold what an invitation or a programme lists (points), the municipalities a
 * network is set up for, and who signed a programme's invitation: written and read back as given.
 */
let t: Awaited<ReturnType<typeof networksStack>>;
beforeAll(async () => { t = await networksStack(); });
afterAll(async () => { await t?.stack.stop(); });

const CREATE_NETWORK = `mutation($input: CreateNetworkInput!) { createNetwork(input: $input) {
  network { id points plannedMunicipalityCount program { signatories { id } } } userErrors { field code } } }`;
const CREATE_SESSION = `mutation($input: CreateSessionInput!) { createSession(input: $input) { session { id version points } userErrors { field code } } }`;
const SET_AGENDA = `mutation($input: SetAgendaInput!) { setAgenda(input: $input) {
  session { agenda { title endTime points } } userErrors { field code } } }`;
const NETWORK = { name: 'Nettverk omdømme 3', theme: 'omdømme', country: 'NO', language: 'nb', hostIds: ['ks'] };
const tableCount = async (table: string) => (await t.stack.subgraphs.networks.ds.query(`SELECT count(*)::int AS n FROM networks.${table}`))[0].n as number;

it('keeps a network’s, a session’s and an agenda item’s points in order and word for word', async () => {
  const ks = await t.token('ORG_ADMIN', { org: 'ks' });
  const points = ['Fördjupad kunskap om lagstiftning, guidelines och rekommendationer inom korruptionsområdet.', 'Erfarenhetsutbyte och nätverksbyggande.'];
  const { createNetwork } = await t.ok(CREATE_NETWORK, { input: { ...NETWORK, points, plannedMunicipalityCount: 8 } }, ks);
  expect(createNetwork).toMatchObject({ userErrors: [], network: { points, plannedMunicipalityCount: 8, program: null } });
  const networkId = createNetwork.network.id;
  const facilitator = await t.token('FACILITATOR', { networks: [networkId] });

  const sessionPoints = ['Sikkerhetshull i egen kommune eller virksomhet, knyttet til', 'verdier, holdninger og kultur'];
  const { createSession } = await t.ok(CREATE_SESSION, { input: { networkId, title: '1. samling', plannedMonth: '2027-03', points: sessionPoints } }, facilitator);
  expect(createSession).toMatchObject({ userErrors: [], session: { points: sessionPoints } });
  const { id: sessionId, version } = createSession.session;
  const { scheduleSession } = await t.ok(`mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { session { version } userErrors { code } } }`,
    { input: { sessionId, expectedVersion: version, times: { startDate: '2027-03-09', startTime: '10:00', endDate: '2027-03-09', endTime: '16:00' } } }, facilitator);
  expect(scheduleSession.userErrors).toEqual([]);
  const scheduled = scheduleSession.session.version;

  const items = [
    { startTime: '10:00', title: 'Presentasjoner av prosjekt', kind: 'PRESENTATION', points: ['Problemstilling', 'Milepæler – fremdriftsplan'] },
    { startTime: '11:30', title: 'Lunsj', kind: 'MEAL' },
  ];
  const { setAgenda } = await t.ok(SET_AGENDA, { input: { sessionId, expectedVersion: scheduled, items } }, facilitator);
  expect(setAgenda).toEqual({ userErrors: [], session: { agenda: [
    { title: 'Presentasjoner av prosjekt', endTime: null, points: ['Problemstilling', 'Milepæler – fremdriftsplan'] },
    { title: 'Lunsj', endTime: null, points: [] },
  ] } });
});

it('refuses an empty point, too many points and a planned count of zero, and changes nothing', async () => {
  const ks = await t.token('ORG_ADMIN', { org: 'ks' });
  const before = await tableCount('network');
  const cases: [Record<string, unknown>, string[]][] = [
    [{ points: [''] }, ['input', 'points', '0']],
    [{ points: Array.from({ length: 31 }, (_, i) => `punkt ${i + 1}`) }, ['input', 'points']],
    [{ plannedMunicipalityCount: 0 }, ['input', 'plannedMunicipalityCount']],
  ];
  for (const [extra, field] of cases) {
    const { createNetwork } = await t.ok(CREATE_NETWORK, { input: { ...NETWORK, ...extra } }, ks);
    expect(createNetwork.network).toBeNull();
    expect(createNetwork.userErrors.map((e: any) => e.field)).toEqual([field]);
  }
  expect(await tableCount('network')).toBe(before);
});
