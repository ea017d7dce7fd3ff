import { DEMO } from '@kommunenett/reference-data';
import { networksStack } from './helpers';

/** Programmes and networks as their owners run them: creation, rules, the status machine, who may do it. */
let t: Awaited<ReturnType<typeof networksStack>>;
beforeAll(async () => { t = await networksStack(); });
afterAll(async () => { await t?.stack.stop(); });

const NETWORK = 'id version status name capacity capacityMin perMunicipalityLimit perMunicipalityMin registrationOpensAt registrationDeadline registrationDeadlineLocal isOpenForRegistration cancellationReason hosts { id } program { id }';
const CREATE = `mutation($input: CreateNetworkInput!) { createNetwork(input: $input) { network { ${NETWORK} } userErrors { field message code } } }`;
const UPDATE = `mutation($input: UpdateNetworkInput!) { updateNetwork(input: $input) { network { ${NETWORK} } userErrors { field message code } } }`;
const transition = (name: string, input = 'NetworkTransitionInput') =>
  `mutation($input: ${input}!) { ${name}(input: $input) { network { id status version cancellationReason } userErrors { field message code } } }`;

const ksAdmin = () => t.token('ORG_ADMIN', { org: 'ks' });
const base = {
  name: 'Antikorrupsjonsnettverk D', theme: 'antikorrupsjon', country: 'NO', language: 'nb', hostIds: ['ks', 'ti-norge'],
  programId: DEMO.programs.antikorrupsjon2013, capacity: 30, capacityMin: 20, perMunicipalityLimit: 3, perMunicipalityMin: 2,
  registrationOpensOn: '2099-04-01', registrationDeadlineOn: '2099-05-21', requiresLeadershipAnchoring: true,
  eligibleKinds: ['MUNICIPALITY', 'COUNTY'], targetRoles: ['administrativ ledelse'], costNote: 'Kommunene dekker reise og opphold.',
};

async function createNetwork(overrides: Record<string, unknown> = {}, token?: string) {
  const data = await t.ok(CREATE, { input: { ...base, ...overrides } }, token ?? await ksAdmin());
  expect(data.createNetwork.userErrors).toEqual([]);
  return data.createNetwork.network;
}

async function networkCount(): Promise<number> {
  return (await t.ok('{ networks(first: 0) { totalCount } }', {}, await t.token('ADMIN'))).networks.totalCount;
}

describe('programmes', () => {
  const CREATE_PROGRAM = 'mutation($input: CreateProgramInput!) { createProgram(input: $input) { program { id name version owners { id } funder { id } } userErrors { field code } } }';
  const UPDATE_PROGRAM = 'mutation($input: UpdateProgramInput!) { updateProgram(input: $input) { program { id name version } userErrors { field code } } }';

  it('lets an ORG_ADMIN create and edit a programme their organization owns', async () => {
    const token = await t.token('ORG_ADMIN', { org: 'ti-norge' });
    const created = await t.ok(CREATE_PROGRAM, { input: { name: 'Antikorrupsjon 2.0', language: 'nb', ownerIds: ['ti-norge', 'ks'], funderId: 'kdd', periodStart: '2099-01', periodEnd: '2099-12' } }, token);
    expect(created.createProgram).toMatchObject({ userErrors: [], program: { name: 'Antikorrupsjon 2.0', version: 1, owners: [{ id: 'ti-norge' }, { id: 'ks' }], funder: { id: 'kdd' } } });
    const id = created.createProgram.program.id;
    const updated = await t.ok(UPDATE_PROGRAM, { input: { id, expectedVersion: 1, name: 'Antikorrupsjon 2.1' } }, token);
    expect(updated.updateProgram.program).toMatchObject({ name: 'Antikorrupsjon 2.1', version: 2 });
    const stale = await t.ok(UPDATE_PROGRAM, { input: { id, expectedVersion: 1, name: 'Lost update' } }, token);
    expect(stale.updateProgram).toEqual({ program: null, userErrors: [{ field: ['input', 'expectedVersion'], code: 'STALE_VERSION' }] });
    const other = await t.refused(UPDATE_PROGRAM, { input: { id, expectedVersion: 2, name: 'Kapring' } }, await t.token('ORG_ADMIN', { org: 'skr' }));
    expect(other.codes).toEqual(['FORBIDDEN']);
    expect((await t.ok('query($id: ID!) { program(id: $id) { name version } }', { id })).program).toEqual({ name: 'Antikorrupsjon 2.1', version: 2 });
  });

  it('refuses programmes of other organizations, unknown organizations, bad months and roles without the right', async () => {
    const token = await t.token('ORG_ADMIN', { org: 'ks' });
    expect((await t.refused(CREATE_PROGRAM, { input: { name: 'SKR', language: 'sv', ownerIds: ['skr'] } }, token)).codes).toEqual(['FORBIDDEN']);
    const bad = await t.ok(CREATE_PROGRAM, { input: { name: 'x'.repeat(201), language: 'nb', ownerIds: ['ks', 'acme'], periodStart: 'Oktober', periodEnd: '2013-13' } }, token);
    expect(bad.createProgram.program).toBeNull();
    expect(bad.createProgram.userErrors).toEqual(expect.arrayContaining([
      { field: ['input', 'name'], code: 'TOO_LONG' },
      { field: ['input', 'ownerIds', '1'], code: 'UNKNOWN_ORGANIZATION' },
      { field: ['input', 'periodStart'], code: 'INVALID_FORMAT' },
      { field: ['input', 'periodEnd'], code: 'INVALID_FORMAT' },
    ]));
    const backwards = await t.ok(CREATE_PROGRAM, { input: { name: 'Baklengs', language: 'nb', ownerIds: ['ks'], periodStart: '2014-03', periodEnd: '2013-05' } }, token);
    expect(backwards.createProgram.userErrors).toEqual([{ field: ['input', 'periodEnd'], code: 'PERIOD_END_BEFORE_START' }]);
    expect((await t.refused(CREATE_PROGRAM, { input: { name: 'P', language: 'nb', ownerIds: ['ks'] } }, await t.token('FACILITATOR', { networks: [] }))).codes).toEqual(['FORBIDDEN']);
    expect((await t.refused(CREATE_PROGRAM, { input: { name: 'P', language: 'nb', ownerIds: ['ks'] } })).codes).toEqual(['UNAUTHENTICATED']);
  });
});

describe('networks', () => {
  it('creates a draft with the rules of 000, its deadline the end of the day in Oslo', async () => {
    const network = await createNetwork();
    expect(network).toMatchObject({
      status: 'DRAFT', version: 1, capacity: 30, capacityMin: 20, perMunicipalityLimit: 3, perMunicipalityMin: 2,
      hosts: [{ id: 'ks' }, { id: 'ti-norge' }], program: { id: DEMO.programs.antikorrupsjon2013 }, isOpenForRegistration: false,
      registrationOpensAt: '2099-03-31T22:00:00.000Z', registrationDeadline: '2099-05-21T21:59:59.999Z', registrationDeadlineLocal: '2099-05-21T23:59:59+02:00',
    });
  });

  it('puts a Swedish deadline at the end of the day in Stockholm, in winter time', async () => {
    const token = await t.token('ORG_ADMIN', { org: 'skr' });
    const network = await createNetwork({ name: 'Nätverk 2099', country: 'SE', language: 'sv', hostIds: ['skr'], programId: DEMO.programs.sklKorruption2019,
      registrationOpensOn: null, registrationDeadlineOn: '2099-01-15' }, token);
    expect(network).toMatchObject({ registrationDeadline: '2099-01-15T22:59:59.999Z', registrationDeadlineLocal: '2099-01-15T23:59:59+01:00' });
  });

  it('refuses broken rules with one user error each, and creates nothing', async () => {
    const before = await networkCount();
    const token = await ksAdmin();
    const cases: [Record<string, unknown>, string[], string][] = [
      [{ registrationOpensOn: '2099-06-01', registrationDeadlineOn: '2099-05-21' }, ['input', 'registrationDeadlineOn'], 'DEADLINE_BEFORE_OPENING'],
      [{ capacity: 15, capacityMin: 20 }, ['input', 'capacity'], 'CAPACITY_BELOW_MIN'],
      [{ capacity: 10, capacityMin: 5, perMunicipalityLimit: 12, perMunicipalityMin: 1 }, ['input', 'perMunicipalityLimit'], 'LIMIT_ABOVE_CAPACITY'],
      [{ perMunicipalityLimit: 1, perMunicipalityMin: 2 }, ['input', 'perMunicipalityLimit'], 'LIMIT_BELOW_MIN'],
      [{ capacity: 0 }, ['input', 'capacity'], 'NOT_POSITIVE'],
      [{ hostIds: ['ks', 'nobody'] }, ['input', 'hostIds', '1'], 'UNKNOWN_ORGANIZATION'],
      [{ programId: '00000000-0000-4000-8000-000000000000' }, ['input', 'programId'], 'NOT_FOUND'],
      [{ name: 'N'.repeat(201) }, ['input', 'name'], 'TOO_LONG'],
      [{ description: 'D'.repeat(5001) }, ['input', 'description'], 'TOO_LONG'],
      [{ contactPersonIds: ['bob'] }, ['input', 'contactPersonIds', '0'], 'INVALID_ID'],
    ];
    for (const [overrides, field, code] of cases) {
      const data = await t.ok(CREATE, { input: { ...base, ...overrides } }, token);
      expect({ overrides, network: data.createNetwork.network, errors: data.createNetwork.userErrors.map((e: any) => [e.field, e.code]) })
        .toEqual({ overrides, network: null, errors: [[field, code]] });
    }
    expect(await networkCount()).toBe(before);
  });

  it('lets only hosts create networks and change their rules', async () => {
    expect((await t.refused(CREATE, { input: { ...base, hostIds: ['skr'] } }, await ksAdmin())).codes).toEqual(['FORBIDDEN']);
    // SKR neither owns nor partners the KS/TI programme.
    expect((await t.refused(CREATE, { input: { ...base, hostIds: ['skr'], country: 'SE' } }, await t.token('ORG_ADMIN', { org: 'skr' }))).codes).toEqual(['FORBIDDEN']);
    for (const [role, claims] of [['COORDINATOR', { municipality: 'NO-3201' }], ['ANALYST', { org: 'ks' }], ['PARTNER', { org: 'ks' }], ['PARTICIPANT', {}]] as const) {
      expect((await t.refused(CREATE, { input: base }, await t.token(role, claims))).codes).toEqual(['FORBIDDEN']);
    }
    const network = await createNetwork();
    const facilitator = await t.token('FACILITATOR', { networks: [network.id] });
    expect((await t.refused(UPDATE, { input: { id: network.id, expectedVersion: 1, capacity: 40 } }, facilitator)).codes).toEqual(['FORBIDDEN']);
    const skr = await t.token('ORG_ADMIN', { org: 'skr' });
    // A draft of another organization does not exist for SKR.
    const hidden = await t.ok(UPDATE, { input: { id: network.id, expectedVersion: 1, capacity: 40 } }, skr);
    expect(hidden.updateNetwork.userErrors).toEqual([{ field: ['input', 'id'], message: expect.any(String), code: 'NOT_FOUND' }]);
    const data = await t.ok(UPDATE, { input: { id: network.id, expectedVersion: 1, capacity: 40, registrationDeadlineOn: '2099-05-31' } }, await ksAdmin());
    expect(data.updateNetwork.network).toMatchObject({ capacity: 40, version: 2, registrationDeadlineLocal: '2099-05-31T23:59:59+02:00', capacityMin: 20 });
  });

  it('refuses an update that breaks the rules together with the stored values, and a stale version', async () => {
    const network = await createNetwork();
    const token = await ksAdmin();
    const below = await t.ok(UPDATE, { input: { id: network.id, expectedVersion: 1, capacity: 10 } }, token);
    expect(below.updateNetwork.userErrors.map((e: any) => [e.field, e.code])).toEqual([[['input', 'capacity'], 'CAPACITY_BELOW_MIN']]);
    const first = await t.ok(UPDATE, { input: { id: network.id, expectedVersion: 1, name: 'Første redaktør' } }, token);
    expect(first.updateNetwork.network.version).toBe(2);
    const second = await t.ok(UPDATE, { input: { id: network.id, expectedVersion: 1, name: 'Andre redaktør' } }, token);
    expect(second.updateNetwork).toMatchObject({ network: null, userErrors: [{ field: ['input', 'expectedVersion'], code: 'STALE_VERSION' }] });
    expect((await t.ok('query($id: ID!) { network(id: $id) { name version } }', { id: network.id }, token)).network).toEqual({ name: 'Første redaktør', version: 2 });
  });

  it('keeps one of two simultaneous edits and refuses the other as stale', async () => {
    const network = await createNetwork();
    const token = await ksAdmin();
    const results = await Promise.all(['A', 'B'].map((n) => t.ok(UPDATE, { input: { id: network.id, expectedVersion: 1, name: `Samtidig ${n}` } }, token)));
    const codes = results.map((r) => r.updateNetwork.userErrors.map((e: any) => e.code).join()).sort();
    expect(codes).toEqual(['', 'STALE_VERSION']);
  });

  it('walks the status machine DRAFT → PUBLISHED → REGISTRATION_CLOSED → RUNNING → COMPLETED, refusing illegal steps', async () => {
    const network = await createNetwork();
    const token = await ksAdmin();
    let version = 1;
    const step = async (name: string, expectStatus: string | null, code?: string) => {
      const data = await t.ok(transition(name), { input: { networkId: network.id, expectedVersion: version } }, token);
      const payload = data[name];
      if (code) {
        expect(payload).toMatchObject({ network: null, userErrors: [{ field: ['input', 'networkId'], code }] });
      } else {
        expect(payload.userErrors).toEqual([]);
        expect(payload.network.status).toBe(expectStatus);
        version = payload.network.version;
      }
    };
    await step('startNetwork', null, 'ILLEGAL_TRANSITION');
    await step('completeNetwork', null, 'ILLEGAL_TRANSITION');
    await step('publishNetwork', 'PUBLISHED');
    expect((await t.ok('query($id: ID!) { network(id: $id) { status } }', { id: network.id })).network).toEqual({ status: 'PUBLISHED' });
    await step('publishNetwork', null, 'ILLEGAL_TRANSITION');
    await step('closeRegistration', 'REGISTRATION_CLOSED');
    await step('startNetwork', 'RUNNING');
    await step('closeRegistration', null, 'ILLEGAL_TRANSITION');
    await step('completeNetwork', 'COMPLETED');
    const cancel = await t.ok(transition('cancelNetwork', 'CancelNetworkInput'), { input: { networkId: network.id, expectedVersion: version, reason: 'For sent' } }, token);
    expect(cancel.cancelNetwork.userErrors.map((e: any) => e.code)).toEqual(['ILLEGAL_TRANSITION']);
    const update = await t.ok(UPDATE, { input: { id: network.id, expectedVersion: version, capacity: 25 } }, token);
    expect(update.updateNetwork.userErrors.map((e: any) => e.code)).toEqual(['NETWORK_FINISHED']);
  });

  it('opens a published network for registration and finds it as open', async () => {
    const network = await createNetwork({ name: 'Åpent nettverk', registrationOpensOn: '2000-01-01' });
    const token = await ksAdmin();
    const published = await t.ok(transition('publishNetwork'), { input: { networkId: network.id, expectedVersion: 1 } }, token);
    expect(published.publishNetwork.network.status).toBe('PUBLISHED');
    const open = await t.ok('{ networks(first: 100, filter: { openForRegistration: true }) { edges { node { id isOpenForRegistration } } } }');
    // The new network and the open round of the demo data.
    const openRound = [DEMO.networks.antikorrupsjonD, DEMO.networks.antikorrupsjonE, DEMO.networks.sklKorruptionOpen];
    expect(open.networks.edges.map((e: any) => e.node).sort((a: any, b: any) => a.id.localeCompare(b.id)))
      .toEqual([network.id, ...openRound].sort().map((id) => ({ id, isOpenForRegistration: true })));
    const all = await t.ok('{ networks(first: 0) { totalCount } }');
    const notOpen = await t.ok('{ networks(first: 0, filter: { openForRegistration: false }) { totalCount } }');
    expect(notOpen.networks.totalCount).toBe(all.networks.totalCount - 4);
  });

  it('cancels from any state before COMPLETED with a reason, and refuses it without one', async () => {
    const token = await ksAdmin();
    const network = await createNetwork();
    const noReason = await t.ok(transition('cancelNetwork', 'CancelNetworkInput'), { input: { networkId: network.id, expectedVersion: 1, reason: ' ' } }, token);
    expect(noReason.cancelNetwork.userErrors.map((e: any) => [e.field, e.code])).toEqual([[['input', 'reason'], 'TOO_SHORT']]);
    const data = await t.ok(transition('cancelNetwork', 'CancelNetworkInput'), { input: { networkId: network.id, expectedVersion: 1, reason: 'For få påmeldte' } }, token);
    expect(data.cancelNetwork.network).toMatchObject({ status: 'CANCELLED', cancellationReason: 'For få påmeldte' });
  });

  it('refuses status changes by facilitators, other organizations and with a stale version', async () => {
    const network = await createNetwork();
    const facilitator = await t.token('FACILITATOR', { networks: [network.id] });
    expect((await t.refused(transition('publishNetwork'), { input: { networkId: network.id, expectedVersion: 1 } }, facilitator)).codes).toEqual(['FORBIDDEN']);
    expect((await t.refused(transition('publishNetwork'), { input: { networkId: network.id, expectedVersion: 1 } })).codes).toEqual(['UNAUTHENTICATED']);
    const stale = await t.ok(transition('publishNetwork'), { input: { networkId: network.id, expectedVersion: 7 } }, await ksAdmin());
    expect(stale.publishNetwork.userErrors.map((e: any) => e.code)).toEqual(['STALE_VERSION']);
    expect((await t.ok('query($id: ID!) { network(id: $id) { status } }', { id: network.id }, facilitator)).network).toEqual({ status: 'DRAFT' });
  });

  it('keeps the registration rules readable by other services through _entities', async () => {
    const res = await fetch(t.stack.subgraphs.networks.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(res.status).toBe(401);
    // The participants service reads these fields with the internal credentials (a service viewer).
    const { SubgraphClient } = await import('@kommunenett/subgraph-kit');
    const client = new SubgraphClient('participants', 'networks', t.stack.keys.internalSecret, t.stack.subgraphs.networks.url);
    const draft = await createNetwork();
    const [rules] = await client.entities<any>('Network', [draft.id],
      'id status capacity capacityMin perMunicipalityLimit perMunicipalityMin registrationOpensAt registrationDeadline eligibleKinds requiresApproval timeZone hosts { id }');
    expect(rules).toMatchObject({ id: draft.id, status: 'DRAFT', capacity: 30, perMunicipalityLimit: 3, eligibleKinds: ['MUNICIPALITY', 'COUNTY'], requiresApproval: false });
  });
});
