import { networksStack } from './helpers';

/**
 * The organiser's trail across both services: the network's rules, status and gatherings (written
 * by networks) and its registrations and attendance (written by participants), newest first, with
 * who, which client and the values before and after; who may read it; that nothing edits it.
 */
let t: Awaited<ReturnType<typeof networksStack>>;
beforeAll(async () => { t = await networksStack(); });
afterAll(async () => { await t?.stack.stop(); });

const ENTRY = 'kind action subjectId personId actor actorRole client before after occurredAt';
const TRAIL = `query($id: ID!, $first: Int, $after: String, $kinds: [NetworkAuditKind!]) { network(id: $id) {
  auditTrail(first: $first, after: $after, kinds: $kinds) { totalCount edges { cursor node { id ${ENTRY} } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }`;
const PAYLOAD = 'userErrors { field code }';

let networkId: string;
let version: number;
let ks: string;
let facilitator: string;
const sessions: string[] = [];
const people: Record<'coordinated' | 'partnered', { registrationId: string; personId: string }> = {} as never;

const mutate = (name: string, input: Record<string, unknown>, token: string, select = '') =>
  t.mutate(name, input, token, { select, inputType: name === 'publishNetwork' ? 'NetworkTransitionInput' : undefined });

beforeAll(async () => {
  ks = await t.token('ORG_ADMIN', { org: 'ks', sub: 'ks-admin' });
  const created = await mutate('createNetwork', { name: 'Sporbarhetsnettverk', theme: 'antikorrupsjon', country: 'NO', language: 'nb', hostIds: ['ks'],
    capacity: 1, requiresApproval: true, registrationDeadlineOn: '2099-05-21' }, ks, 'network { id version }');
  networkId = created.network.id;
  facilitator = await t.token('FACILITATOR', { networks: [networkId], sub: 'fasilitator' });
  version = (await mutate('updateNetwork', { id: networkId, expectedVersion: created.network.version, capacity: 2 }, ks, 'network { version }')).network.version;
  // A refused change writes nothing to the trail.
  const stale = await t.ok(`mutation($input: UpdateNetworkInput!) { updateNetwork(input: $input) { ${PAYLOAD} } }`, { input: { id: networkId, expectedVersion: 1, capacity: 9 } }, ks);
  expect(stale.updateNetwork.userErrors).toEqual([{ field: ['input', 'expectedVersion'], code: 'STALE_VERSION' }]);
  await mutate('publishNetwork', { networkId, expectedVersion: version }, ks);
  const planned = await mutate('createSession', { networkId, title: 'Andre samling', plannedMonth: '2099-10' }, facilitator, 'session { id version }');
  await mutate('scheduleSession', { sessionId: planned.session.id, expectedVersion: planned.session.version, times: { startDate: '2099-10-14', startTime: '10:00', endTime: '15:00' } }, facilitator);
  const held = await mutate('createSession', { networkId, title: 'Første samling', times: { startDate: '2020-06-18', startTime: '12:00', endTime: '16:00' } }, facilitator, 'session { id }');
  sessions.push(planned.session.id, held.session.id);

  const coordinator = await t.token('COORDINATOR', { municipality: 'NO-0301', sub: 'koordinator-oslo' });
  const partner = await t.token('PARTNER', { org: 'ks', client_id: 'ks-medlemsregister', sub: 'ks-medlemsregister', scope: 'registrations:read registrations:write' });
  const register = async (token: string, email: string) => (await mutate('registerParticipant', { networkId, municipalityId: 'NO-0301',
    person: { name: `Test ${email}`, email: `${email}@example.org` } }, token, 'registration { id status person { id } }')).registration;
  const a = await register(coordinator, 'sporbar.a');
  const b = await register(partner, 'sporbar.b');
  expect([a.status, b.status]).toEqual(['PENDING', 'PENDING']);
  people.coordinated = { registrationId: a.id, personId: a.person.id };
  people.partnered = { registrationId: b.id, personId: b.person.id };
  await mutate('approveRegistration', { registrationId: a.id }, facilitator);
  await mutate('rejectRegistration', { registrationId: b.id, reason: 'Ikke i målgruppen.' }, ks);
  await mutate('recordAttendance', { sessionId: held.session.id, entries: [{ personId: a.person.id, status: 'PRESENT' }] }, facilitator);
  await mutate('removeAttendance', { sessionId: held.session.id, personId: a.person.id, reason: 'Ført på feil samling.' }, facilitator);
  await mutate('cancelRegistration', { registrationId: a.id, reason: 'Sykdom.' }, coordinator);
});

type Entry = Record<string, any>;
async function trail(token: string, variables: Record<string, unknown> = {}) {
  return (await t.ok(TRAIL, { id: networkId, first: 100, ...variables }, token)).network.auditTrail;
}
const summary = (e: Entry) => [e.kind, e.action, e.actorRole, e.client, e.before, e.after];

describe('Network.auditTrail', () => {
  it('shows every change newest first: who, through which client, before and after, from both services', async () => {
    const page = await trail(ks);
    const entries: Entry[] = page.edges.map((e: Entry) => e.node);
    expect(entries.map(summary)).toEqual([
      ['REGISTRATION', 'STATUS_CHANGED', 'COORDINATOR', 'gateway', { status: 'CONFIRMED' }, { status: 'CANCELLED' }],
      ['ATTENDANCE', 'REMOVED', 'FACILITATOR', 'gateway', { status: 'PRESENT' }, { reason: 'Ført på feil samling.' }],
      ['ATTENDANCE', 'RECORDED', 'FACILITATOR', 'gateway', null, { status: 'PRESENT' }],
      ['REGISTRATION', 'STATUS_CHANGED', 'ORG_ADMIN', 'gateway', { status: 'PENDING' }, { status: 'REJECTED' }],
      ['REGISTRATION', 'STATUS_CHANGED', 'FACILITATOR', 'gateway', { status: 'PENDING' }, { status: 'CONFIRMED' }],
      ['REGISTRATION', 'CREATED', 'PARTNER', 'ks-medlemsregister', null, { status: 'PENDING' }],
      ['REGISTRATION', 'CREATED', 'COORDINATOR', 'gateway', null, { status: 'PENDING' }],
      ['SESSION', 'createSession', 'FACILITATOR', 'gateway', null, expect.objectContaining({ title: 'Første samling', startsAt: '2020-06-18T10:00:00.000Z' })],
      ['SESSION', 'scheduleSession', 'FACILITATOR', 'gateway', { startsAt: null, endsAt: null, plannedMonth: '2099-10' },
        { startsAt: '2099-10-14T08:00:00.000Z', endsAt: '2099-10-14T13:00:00.000Z', plannedMonth: null }],
      ['SESSION', 'createSession', 'FACILITATOR', 'gateway', null, expect.objectContaining({ title: 'Andre samling', plannedMonth: '2099-10', startsAt: null })],
      ['NETWORK_STATUS', 'publish', 'ORG_ADMIN', 'gateway', { status: 'DRAFT' }, { status: 'PUBLISHED' }],
      ['NETWORK_RULES', 'updateNetwork', 'ORG_ADMIN', 'gateway', { capacity: 1 }, { capacity: 2 }],
      ['NETWORK_RULES', 'createNetwork', 'ORG_ADMIN', 'gateway', null, expect.objectContaining({ capacity: 1, requiresApproval: true, status: 'DRAFT', hostIds: ['ks'] })],
    ]);
    expect(page.totalCount).toBe(13);
    expect(entries.map((e) => e.actor)).toEqual(['koordinator-oslo', 'fasilitator', 'fasilitator', 'ks-admin', 'fasilitator', 'ks-medlemsregister', 'koordinator-oslo',
      'fasilitator', 'fasilitator', 'fasilitator', 'ks-admin', 'ks-admin', 'ks-admin']);
    expect(entries.map((e) => e.subjectId)).toEqual([people.coordinated.registrationId, sessions[1], sessions[1], people.partnered.registrationId,
      people.coordinated.registrationId, people.partnered.registrationId, people.coordinated.registrationId, sessions[1], sessions[0], sessions[0], networkId, networkId, networkId]);
    expect(entries[1].personId).toBe(people.coordinated.personId);
    const times = entries.map((e) => Date.parse(e.occurredAt));
    expect(times).toEqual([...times].sort((x, y) => y - x));
  });

  it('pages through the same entries with cursors, and filters by kind', async () => {
    const all: Entry[] = (await trail(facilitator)).edges.map((e: Entry) => e.node.id);
    const paged: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Entry = await trail(facilitator, { first: 3, after });
      paged.push(...page.edges.map((e: Entry) => e.node.id));
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after && pages < 10);
    expect(paged).toEqual(all);
    expect(pages).toBe(5);
    const registrations = await trail(facilitator, { kinds: ['REGISTRATION'] });
    expect(registrations.edges.map((e: Entry) => e.node.kind)).toEqual(Array(5).fill('REGISTRATION'));
    expect(registrations.totalCount).toBe(5);
    const status = await trail(facilitator, { kinds: ['NETWORK_STATUS', 'ATTENDANCE'] });
    expect(status.edges.map((e: Entry) => e.node.action)).toEqual(['REMOVED', 'RECORDED', 'publish']);
    const bad = await t.refused(TRAIL, { id: networkId, after: 'not-a-cursor' }, facilitator);
    expect(bad.codes).toEqual(['BAD_USER_INPUT']);
  });

  it('is for the network’s ORG_ADMIN, FACILITATOR and ADMIN only', async () => {
    expect((await trail(await t.token('ADMIN'))).totalCount).toBe(13);
    for (const [role, claims] of [
      ['ORG_ADMIN', { org: 'skr' }], ['FACILITATOR', { networks: [sessions[0]] }], ['COORDINATOR', { municipality: 'NO-0301' }],
      ['PARTNER', { org: 'ks', client_id: 'ks-medlemsregister', scope: 'registrations:read' }], ['ANALYST', { org: 'ks' }], ['PARTICIPANT', { person: people.coordinated.personId }],
    ] as const) {
      const res = await t.refused(TRAIL, { id: networkId }, await t.token(role, claims));
      expect([role, res.codes]).toEqual([role, ['FORBIDDEN']]);
      expect(res.data.network.auditTrail).toBeNull();
    }
    const anonymous = await t.refused(TRAIL, { id: networkId });
    expect(anonymous.codes).toEqual(['UNAUTHENTICATED']);
    // The participants service answers its part to the networks service only.
    const internal = await t.refused('query { networkAuditEntries(networkId: "x", first: 1, kinds: []) }', {}, await t.token('ADMIN'));
    expect(internal.codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('cannot be edited or removed, on either service', async () => {
    const statements: [import('typeorm').DataSource, string][] = [
      [t.stack.subgraphs.networks.ds, `UPDATE networks.audit_entry SET after = '{}' WHERE network_id = '${networkId}'`],
      [t.stack.subgraphs.networks.ds, `DELETE FROM networks.audit_entry WHERE network_id = '${networkId}'`],
      [t.stack.subgraphs.participants.ds, `UPDATE participants.registration_change SET status = 'CONFIRMED' WHERE network_id = '${networkId}'`],
      [t.stack.subgraphs.participants.ds, `DELETE FROM participants.registration_change WHERE network_id = '${networkId}'`],
      [t.stack.subgraphs.participants.ds, `UPDATE participants.attendance_change SET reason = NULL WHERE network_id = '${networkId}'`],
      [t.stack.subgraphs.participants.ds, `DELETE FROM participants.attendance_change WHERE network_id = '${networkId}'`],
    ];
    for (const [ds, sql] of statements) await expect(ds.query(sql)).rejects.toThrow(/audit record/);
    expect((await trail(ks)).totalCount).toBe(13);
  });
});
