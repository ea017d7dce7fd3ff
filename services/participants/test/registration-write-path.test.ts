import { randomUUID } from 'node:crypto';
import { createNetwork, newPerson, sqlDelta, startTestStack, type TestStack } from '@kommunenett/stack/testing';
import { RegistrationChangeKind, RegistrationStatus } from '../src/entities/enums';
import { ChangeLog } from '../src/services/changes';
import { register } from './fixtures';

/**
 * The registration write path: what one registration costs in statements, and the change feed's
 * guarantee with numbers drawn from a sequence (a change still in flight holds back the ones
 * numbered after it; proven with real concurrency on PostgreSQL).
 */
let stack: TestStack;
let admin: string;
let partner: string;
beforeAll(async () => {
  stack = await startTestStack();
  admin = await stack.token('ADMIN');
  partner = await stack.token('PARTNER', { org: 'ks', client_id: 'ks-medlem', scope: 'registrations:write registrations:read' });
});
afterAll(async () => { await stack?.stop(); });

const REGISTER = 'mutation($input: RegisterParticipantInput!) { registerParticipant(input: $input) { registration { id status waitlistPosition } userErrors { code } } }';
type Registered = { registerParticipant: { registration: { id: string; status: string; waitlistPosition: number | null } | null; userErrors: { code: string }[] } };

describe('one registration', () => {
  it('costs at most seven statements and no call to the networks service, seated or waitlisted, with the counters kept', async () => {
    const networkId = await createNetwork(stack, { capacity: 2, perMunicipalityLimit: 2 });
    const registerOnce = async (n: number) => {
      const before = stack.sqlStatements();
      const res = await stack.graphql<Registered>(REGISTER, { token: partner, variables: { input: {
        networkId, municipalityId: n <= 2 ? 'NO-4601' : 'NO-3201', person: newPerson('telling'), idempotencyKey: `telling-${randomUUID()}`, externalRef: `TELLING-${randomUUID()}-${n}`,
      } } });
      return { payload: res.body.data!.registerParticipant, delta: sqlDelta(before, stack.sqlStatements()) };
    };
    // Counted where the caches are warm (the municipality was read by the one before): seated and waitlisted.
    const first = await registerOnce(1);
    const second = await registerOnce(2);
    expect([first, second].map((r) => r.payload.registration)).toMatchObject([{ status: 'CONFIRMED', waitlistPosition: null }, { status: 'CONFIRMED', waitlistPosition: null }]);
    const third = await registerOnce(3);
    const fourth = await registerOnce(4);
    expect([third, fourth].map((r) => r.payload.registration)).toMatchObject([{ status: 'WAITLISTED', waitlistPosition: 1 }, { status: 'WAITLISTED', waitlistPosition: 2 }]);
    for (const r of [second, fourth]) {
      // The contact-access read before; BEGIN, the key claimed, the person, the network locked, the row with its change events, COMMIT.
      expect(r.delta.participants).toBe(7);
      expect(r.delta.networks).toBe(0);
    }
    // The counters the seat was taken from agree with the rows, and move with a cancellation.
    const counters = async () => (await stack.subgraphs.participants.ds.query(
      'SELECT seats_taken AS "seatsTaken", waitlisted FROM participants.network_snapshot WHERE network_id = $1', [networkId]))[0] as { seatsTaken: number; waitlisted: number };
    expect(await counters()).toEqual({ seatsTaken: 2, waitlisted: 2 });
    await stack.graphql('mutation($id: ID!) { cancelRegistration(input: { registrationId: $id }) { userErrors { code } } }', { token: admin, variables: { id: first.payload.registration!.id } });
    // The seat went to the first in line as an offer (it holds the seat), the second moved up.
    expect(await counters()).toEqual({ seatsTaken: 2, waitlisted: 1 });
  });

  it('refuses a person twice and a municipality over its limit with their codes, leaving the counters as they were', async () => {
    const networkId = await createNetwork(stack, { capacity: 10, perMunicipalityLimit: 1 });
    const person = newPerson();
    expect((await register(stack, admin, { networkId, municipalityId: 'NO-3201', person })).payload!.registration!.status).toBe('CONFIRMED');
    expect((await register(stack, admin, { networkId, municipalityId: 'NO-3201', person })).payload!.userErrors.map((e) => e.code)).toEqual(['ALREADY_REGISTERED']);
    expect((await register(stack, admin, { networkId, municipalityId: 'NO-3201', person: newPerson() })).payload!.userErrors.map((e) => e.code)).toEqual(['MUNICIPALITY_LIMIT_REACHED']);
    const counters = async () => (await stack.subgraphs.participants.ds.query(
      'SELECT seats_taken AS "seatsTaken", waitlisted FROM participants.network_snapshot WHERE network_id = $1', [networkId]))[0] as { seatsTaken: number; waitlisted: number };
    expect(await counters()).toEqual({ seatsTaken: 1, waitlisted: 0 });
    // Every write of a registration keeps the counters, a deletion too.
    await stack.subgraphs.participants.ds.query('DELETE FROM participants.notification WHERE network_id = $1', [networkId]);
    await stack.subgraphs.participants.ds.query('DELETE FROM participants.registration WHERE network_id = $1', [networkId]);
    expect(await counters()).toEqual({ seatsTaken: 0, waitlisted: 0 });
  });
});

describe('the change feed with numbers from a sequence', () => {
  const FEED = 'query($since: String) { registrationChanges(since: $since, first: 100) { cursor hasMore changes { kind registration { id } } } }';
  type Feed = { registrationChanges: { cursor: string; hasMore: boolean; changes: { kind: string; registration: { id: string } }[] } };
  const feed = async (since: string | null) => (await stack.graphql<Feed>(FEED, { token: admin, variables: { since } })).body.data!.registrationChanges;
  const drain = async () => {
    let page = await feed(null);
    while (page.hasMore) page = await feed(page.cursor);
    return page.cursor;
  };

  it('never moves a cursor past a change still in flight, and is not held back by one rolled back', async () => {
    const networkId = await createNetwork(stack, { capacity: 10 });
    const [a, b, c] = await Promise.all([1, 2, 3].map(async () => (await register(stack, admin, { networkId, municipalityId: 'NO-1103', person: newPerson() })).payload!.registration!));
    const change = (registrationId: string) => ({ registrationId, networkId, municipalityId: 'NO-1103', kind: RegistrationChangeKind.UPDATED, status: RegistrationStatus.CONFIRMED, previousStatus: RegistrationStatus.CONFIRMED });
    const ds = stack.subgraphs.participants.ds;
    const write = async (m: Parameters<ChangeLog['flush']>[0], registrationId: string) => {
      const log = new ChangeLog('test');
      log.add(change(registrationId));
      await log.flush(m);
    };
    const cursor = await drain();

    if (process.env.DATABASE_URL) {
      // A's change is numbered first but commits last; B's commits in between.
      const slow = ds.createQueryRunner();
      await slow.connect();
      await slow.startTransaction();
      await write(slow.manager, a.id);
      await ds.transaction((m) => write(m, b.id));
      const during = await feed(cursor);
      expect(during).toEqual({ cursor, hasMore: false, changes: [] });
      await slow.commitTransaction();
      await slow.release();
      const after = await feed(cursor);
      expect(after.changes).toEqual([{ kind: 'UPDATED', registration: { id: a.id } }, { kind: 'UPDATED', registration: { id: b.id } }]);

      // A number rolled back leaves a gap that holds nothing back once its transaction has ended.
      const aborted = ds.createQueryRunner();
      await aborted.connect();
      await aborted.startTransaction();
      await write(aborted.manager, a.id);
      await ds.transaction((m) => write(m, c.id));
      expect((await feed(after.cursor)).changes).toEqual([]);
      await aborted.rollbackTransaction();
      await aborted.release();
      expect((await feed(after.cursor)).changes).toEqual([{ kind: 'UPDATED', registration: { id: c.id } }]);
    } else {
      // The embedded database runs one transaction at a time: changes come in the order they were made.
      for (const id of [a.id, b.id, c.id]) await ds.transaction((m) => write(m, id));
      expect((await feed(cursor)).changes.map((x) => x.registration.id)).toEqual([a.id, b.id, c.id]);
    }
  });
});
