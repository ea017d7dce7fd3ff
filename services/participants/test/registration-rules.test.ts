import { createNetwork, newPerson, startTestStack, withFailingWrite, type TestStack } from '@kommunenett/stack/testing';
import { DEMO } from '@kommunenett/reference-data';
import { register } from './fixtures';

let stack: TestStack;
let admin: string;
let tiAdmin: string;
let baerum: string;
beforeAll(async () => {
  stack = await startTestStack();
  admin = await stack.token('ADMIN');
  tiAdmin = await stack.token('ORG_ADMIN', { org: 'ti-norge' });
  baerum = await stack.token('COORDINATOR', { municipality: 'NO-3201' });
});
afterAll(async () => { await stack?.stop(); });

const codes = (p: { userErrors: { code: string }[] } | null) => p?.userErrors.map((e) => e.code);

describe('registerParticipant', () => {
  it('confirms a registration and records who registered it', async () => {
    const networkId = await createNetwork(stack);
    const { payload } = await register(stack, baerum, { networkId, municipalityId: 'NO-3201', person: newPerson(), leadershipAnchoring: 'Vedtak i ledergruppen 2. mai' });
    expect(payload!.userErrors).toEqual([]);
    expect(payload!.registration).toMatchObject({ status: 'CONFIRMED', waitlistPosition: null, registeredByRole: 'COORDINATOR', municipality: { id: 'NO-3201' } });
  });

  it('refuses each broken rule with its code, and changes nothing', async () => {
    const open = await createNetwork(stack, { perMunicipalityLimit: 1, requiresLeadershipAnchoring: true, eligibleKinds: ['MUNICIPALITY'] });
    const cases: [string, Record<string, unknown>, string][] = [
      ['deadline passed', { networkId: await createNetwork(stack, { registrationDeadline: new Date(Date.now() - 86_400_000) }) }, 'DEADLINE_PASSED'],
      ['not open yet', { networkId: await createNetwork(stack, { registrationOpensAt: new Date(Date.now() + 86_400_000) }) }, 'REGISTRATION_NOT_OPEN'],
      ['cancelled', { networkId: await createNetwork(stack, { status: 'CANCELLED' }) }, 'NETWORK_CANCELLED'],
      ['closed (completed network A)', { networkId: DEMO.networks.antikorrupsjonA }, 'REGISTRATION_CLOSED'],
      ['unknown network', { networkId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND'],
      ['no anchoring', { networkId: open, leadershipAnchoring: null }, 'LEADERSHIP_ANCHORING_REQUIRED'],
      ['unknown municipality', { networkId: open, municipalityId: 'NO-9999' }, 'UNKNOWN_MUNICIPALITY'],
      ['malformed municipality', { networkId: open, municipalityId: 'SE-0180x' }, 'INVALID_FORMAT'],
      ['county not eligible', { networkId: open, municipalityId: 'NO-32' }, 'NOT_ELIGIBLE'],
      ['other country', { networkId: open, municipalityId: 'SE-0180' }, 'NOT_ELIGIBLE'],
      ['invalid email', { networkId: open, person: { name: 'Ola Test', email: 'not-an-email' } }, 'INVALID_FORMAT'],
      ['invalid phone', { networkId: open, person: { ...newPerson(), phone: 'ring meg' } }, 'INVALID_FORMAT'],
      ['name of 10,000 characters', { networkId: open, person: { name: 'x'.repeat(10_000), email: 'lang@example.org' } }, 'TOO_LONG'],
      ['person and personId', { networkId: open, personId: DEMO.people.baerumCoordinator }, 'INVALID'],
    ];
    const before = await stack.subgraphs.participants.ds.query('SELECT (SELECT count(*) FROM participants.registration) AS r, (SELECT count(*) FROM participants.person) AS p');
    for (const [what, override, code] of cases) {
      const { payload, errors } = await register(stack, admin, { municipalityId: 'NO-3201', person: newPerson(), leadershipAnchoring: 'Vedtak', ...override });
      expect({ what, errors, codes: codes(payload), registration: payload?.registration }).toEqual({ what, errors: null, codes: [code], registration: null });
    }
    const after = await stack.subgraphs.participants.ds.query('SELECT (SELECT count(*) FROM participants.registration) AS r, (SELECT count(*) FROM participants.person) AS p');
    expect(after).toEqual(before);
  });

  it('leaves nothing behind when a registration fails after its first writes', async () => {
    const networkId = await createNetwork(stack);
    const person = newPerson('tilbakerulling');
    const rows = async () => (await stack.subgraphs.participants.ds.query(`SELECT
      (SELECT count(*) FROM participants.person WHERE email = $2)::int AS people,
      (SELECT count(*) FROM participants.registration WHERE network_id = $1)::int AS registrations,
      (SELECT count(*) FROM participants.registration_change)::int AS changes, (SELECT count(*) FROM participants.notification)::int AS notifications`,
    [networkId, person.email]))[0];
    const before = await rows();
    expect(before).toMatchObject({ people: 0, registrations: 0 });
    // The person and the registration are written before the change event: that write fails. (The
    // network's snapshot is refreshed when its rules are read, before the transaction: not part of it.)
    const failed = await withFailingWrite(stack, 'participants.registration_change', `NEW.network_id = '${networkId}'`,
      () => register(stack, baerum, { networkId, municipalityId: 'NO-3201', person }));
    expect(failed).toEqual({ errors: null, payload: { registration: null, userErrors: [{ field: null, message: expect.any(String), code: 'CONFLICT' }] } });
    expect(await rows()).toEqual(before);
  });

  it('enforces the per-municipality limit and refuses a person registered twice (deduplicated by email)', async () => {
    const networkId = await createNetwork(stack, { perMunicipalityLimit: 2 });
    const person = newPerson();
    const first = await register(stack, baerum, { networkId, municipalityId: 'NO-3201', person });
    expect(first.payload!.registration!.status).toBe('CONFIRMED');
    const again = await register(stack, baerum, { networkId, municipalityId: 'NO-3201', person: { ...person, email: person.email.toUpperCase(), name: 'Annet Navn' } });
    expect(codes(again.payload)).toEqual(['ALREADY_REGISTERED']);
    expect((await register(stack, baerum, { networkId, municipalityId: 'NO-3201', person: newPerson() })).payload!.registration!.status).toBe('CONFIRMED');
    expect(codes((await register(stack, baerum, { networkId, municipalityId: 'NO-3201', person: newPerson() })).payload)).toEqual(['MUNICIPALITY_LIMIT_REACHED']);
    // The same email in another network reuses the person.
    const other = await createNetwork(stack);
    const reused = await register(stack, baerum, { networkId: other, municipalityId: 'NO-3201', person });
    expect(reused.payload!.registration!.person!.id).toBe(first.payload!.registration!.person!.id);
  });

  it('answers FORBIDDEN to a coordinator registering into another municipality and to a partner outside its organization', async () => {
    const networkId = await createNetwork(stack, { hostIds: ['ks'] });
    const intoOslo = await register(stack, baerum, { networkId, municipalityId: 'NO-0301', person: newPerson() });
    expect(intoOslo.errors![0].extensions!.code).toBe('FORBIDDEN');
    const skrPartner = await stack.token('PARTNER', { org: 'skr', client_id: 'skr-medlem', scope: 'registrations:write' });
    const foreign = await register(stack, skrPartner, { networkId, municipalityId: 'NO-0301', person: newPerson() });
    expect(foreign.errors![0].extensions!.code).toBe('FORBIDDEN');
    const readOnly = await stack.token('PARTNER', { org: 'ks', client_id: 'ks-les', scope: 'registrations:read' });
    expect((await register(stack, readOnly, { networkId, municipalityId: 'NO-0301', person: newPerson() })).errors![0].extensions!.code).toBe('FORBIDDEN');
    const analyst = await stack.token('ANALYST', { org: 'ks' });
    expect((await register(stack, analyst, { networkId, municipalityId: 'NO-0301', person: newPerson() })).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await register(stack, '', { networkId, municipalityId: 'NO-0301', person: newPerson() })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const count = await stack.subgraphs.participants.ds.query('SELECT count(*)::int AS n FROM participants.registration WHERE network_id = $1', [networkId]);
    expect(count).toEqual([{ n: 0 }]);
  });

  it('puts registrations of a network that wants approval in PENDING; the organizer approves or rejects with a reason', async () => {
    const networkId = await createNetwork(stack, { requiresApproval: true });
    const a = (await register(stack, baerum, { networkId, municipalityId: 'NO-3201', person: newPerson() })).payload!.registration!;
    const b = (await register(stack, baerum, { networkId, municipalityId: 'NO-3201', person: newPerson() })).payload!.registration!;
    expect([a.status, b.status]).toEqual(['PENDING', 'PENDING']);
    const approve = await stack.graphql<{ approveRegistration: { registration: { status: string }; userErrors: unknown[] } }>(
      'mutation($input: ApproveRegistrationInput!) { approveRegistration(input: $input) { registration { status } userErrors { code } } }',
      { token: tiAdmin, variables: { input: { registrationId: a.id } } });
    expect(approve.body.data!.approveRegistration).toEqual({ registration: { status: 'CONFIRMED' }, userErrors: [] });
    const reject = (input: Record<string, unknown>, token = tiAdmin) => stack.graphql<{ rejectRegistration: { registration: { status: string; statusReason: string } | null; userErrors: { code: string }[] } }>(
      'mutation($input: RejectRegistrationInput!) { rejectRegistration(input: $input) { registration { status statusReason } userErrors { code } } }', { token, variables: { input } });
    expect((await reject({ registrationId: b.id, reason: '' })).body.data!.rejectRegistration.userErrors).toEqual([{ code: 'TOO_SHORT' }]);
    expect((await reject({ registrationId: b.id, reason: 'Nettverket er for ledere' }, baerum)).body.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await reject({ registrationId: b.id, reason: 'Nettverket er for ledere' })).body.data!.rejectRegistration.registration).toEqual({ status: 'REJECTED', statusReason: 'Nettverket er for ledere' });
    expect((await reject({ registrationId: a.id, reason: 'For sent' })).body.data!.rejectRegistration.userErrors).toEqual([{ code: 'NOT_PENDING' }]);
  });
});
