import { createNetwork, newPerson, updateNetwork, startTestStack, type TestStack } from '@kommunenett/stack/testing';
import { processWaitlists, syncNetworks } from '../src/services/registration-jobs';
import { register } from './fixtures';

let stack: TestStack;
let admin: string;
beforeAll(async () => {
  stack = await startTestStack();
  admin = await stack.token('ADMIN');
});
afterAll(async () => { await stack?.stop(); });

const db = () => stack.subgraphs.participants.ds;
const statuses = async (networkId: string) =>
  (await db().query(`SELECT id, municipality_id AS m, status, waitlist_position AS pos, offer_expires_at AS "expiresAt"
    FROM participants.registration WHERE network_id = $1 ORDER BY registered_at, id`, [networkId])) as { id: string; m: string; status: string; pos: number | null; expiresAt: Date | null }[];

const CANCEL = 'mutation($input: CancelRegistrationInput!) { cancelRegistration(input: $input) { registration { status } userErrors { code } } }';
const ACCEPT = 'mutation($input: AcceptOfferInput!) { acceptOffer(input: $input) { registration { status } userErrors { code } } }';
type Payload<K extends string> = Record<K, { registration: { status: string } | null; userErrors: { code: string }[] }>;

describe('capacity under concurrency', () => {
  it('gives exactly as many CONFIRMED as there are seats to fifty parallel registrations from partners and coordinators', async () => {
    const networkId = await createNetwork(stack, { capacity: 12, perMunicipalityLimit: 3 });
    // Two seats are taken already.
    for (const m of ['NO-0301', 'NO-0301']) expect((await register(stack, admin, { networkId, municipalityId: m, person: newPerson() })).payload!.registration!.status).toBe('CONFIRMED');
    const municipalities = ['NO-3201', 'NO-3203', 'NO-3205', 'NO-3301', 'NO-3907', 'NO-3103', 'NO-3407', 'NO-4001', 'NO-4601', 'NO-1103', 'NO-1106', 'NO-4204', 'NO-4203', 'NO-1108', 'NO-5001', 'NO-5501', 'NO-1804', 'NO-5601', 'NO-1806', 'NO-5006'];
    const coordinators = await Promise.all(municipalities.map((m) => stack.token('COORDINATOR', { municipality: m })));
    const partners = await Promise.all(['ks-medlem', 'ks-hr', 'ti-crm'].map((client, i) =>
      stack.token('PARTNER', { org: i < 2 ? 'ks' : 'ti-norge', client_id: client, scope: 'registrations:write registrations:read' })));
    const calls = Array.from({ length: 50 }, (_, i) => {
      // 30 calls from the twenty coordinators, 20 from partners, 8 of them for Oslo (limit 3, 2 used).
      if (i < 30) return { token: coordinators[i % 20], municipalityId: municipalities[i % 20] };
      return { token: partners[i % 3], municipalityId: i < 38 ? 'NO-0301' : municipalities[i % 20] };
    });
    const results = await Promise.all(calls.map((c) => register(stack, c.token, { networkId, municipalityId: c.municipalityId, person: newPerson('samtidig') })));
    expect(results.every((r) => r.errors === null)).toBe(true);
    const placed = results.filter((r) => r.payload!.registration).map((r) => r.payload!.registration!);
    const refused = results.filter((r) => !r.payload!.registration).map((r) => r.payload!.userErrors[0].code);
    expect(placed.filter((r) => r.status === 'CONFIRMED')).toHaveLength(10);
    expect(new Set(refused)).toEqual(new Set(['MUNICIPALITY_LIMIT_REACHED']));

    const rows = await statuses(networkId);
    expect(rows.filter((r) => r.status === 'CONFIRMED')).toHaveLength(12);
    const perMunicipality = new Map<string, number>();
    for (const r of rows) perMunicipality.set(r.m, (perMunicipality.get(r.m) ?? 0) + 1);
    expect(Math.max(...perMunicipality.values())).toBeLessThanOrEqual(3);
    expect(perMunicipality.get('NO-0301')).toBe(3);
    // The rest wait in arrival order: positions 1..n, in the order the registrations were taken.
    const waiting = rows.filter((r) => r.status === 'WAITLISTED');
    expect(waiting.length).toBe(placed.length - 10);
    expect(waiting.map((r) => r.pos)).toEqual(waiting.map((_, i) => i + 1));
    expect(placed.filter((r) => r.status === 'WAITLISTED').map((r) => r.waitlistPosition).sort((a, b) => a! - b!)).toEqual(waiting.map((_, i) => i + 1));

    const counts = await stack.graphql<{ network: { participantCount: number; seatsLeft: number; waitlistCount: number } }>(
      'query($id: ID!) { network(id: $id) { participantCount seatsLeft waitlistCount } }', { token: admin, variables: { id: networkId } });
    expect(counts.body.data!.network).toEqual({ participantCount: 12, seatsLeft: 0, waitlistCount: waiting.length });
  });
});

describe('the waitlist moves by itself', () => {
  it('offers a freed seat to the first in line, who accepts it; an expired offer passes to the next', async () => {
    const networkId = await createNetwork(stack, { capacity: 2, perMunicipalityLimit: 2 });
    const reg = async (m: string) => (await register(stack, admin, { networkId, municipalityId: m, person: newPerson() })).payload!.registration!;
    const [a, b, c, d] = [await reg('NO-3201'), await reg('NO-0301'), await reg('NO-3203'), await reg('NO-3205')];
    expect([a.status, b.status, c.status, c.waitlistPosition, d.status, d.waitlistPosition]).toEqual(['CONFIRMED', 'CONFIRMED', 'WAITLISTED', 1, 'WAITLISTED', 2]);

    const baerum = await stack.token('COORDINATOR', { municipality: 'NO-3201' });
    const cancelled = await stack.graphql<Payload<'cancelRegistration'>>(CANCEL, { token: baerum, variables: { input: { registrationId: a.id, reason: 'Sykdom' } } });
    expect(cancelled.body.data!.cancelRegistration).toEqual({ registration: { status: 'CANCELLED' }, userErrors: [] });
    const again = await stack.graphql<Payload<'cancelRegistration'>>(CANCEL, { token: baerum, variables: { input: { registrationId: a.id } } });
    expect(again.body.data!.cancelRegistration.userErrors).toEqual([{ code: 'ALREADY_CANCELLED' }]);

    let rows = await statuses(networkId);
    const offered = rows.find((r) => r.id === c.id)!;
    expect(offered.status).toBe('OFFERED');
    expect(Math.abs(offered.expiresAt!.getTime() - Date.now() - 72 * 3_600_000)).toBeLessThan(60_000);
    expect(rows.find((r) => r.id === d.id)).toMatchObject({ status: 'WAITLISTED', pos: 1 });

    // The offer lapses unanswered: accepting it is refused, and the job passes it on.
    await db().query("UPDATE participants.registration SET offer_expires_at = now() - interval '1 minute' WHERE id = $1", [c.id]);
    const sandnes = await stack.token('COORDINATOR', { municipality: 'NO-3203' });
    const late = await stack.graphql<Payload<'acceptOffer'>>(ACCEPT, { token: sandnes, variables: { input: { registrationId: c.id } } });
    expect(late.body.data!.acceptOffer.userErrors).toEqual([{ code: 'OFFER_EXPIRED' }]);
    await processWaitlists(stack.subgraphs.participants);
    rows = await statuses(networkId);
    expect(rows.find((r) => r.id === c.id)!.status).toBe('CANCELLED');
    expect(rows.find((r) => r.id === d.id)!.status).toBe('OFFERED');

    // The next in line accepts in time.
    const asker = await stack.token('COORDINATOR', { municipality: 'NO-3205' });
    const ok = await stack.graphql<Payload<'acceptOffer'>>(ACCEPT, { token: asker, variables: { input: { registrationId: d.id } } });
    expect(ok.body.data!.acceptOffer).toEqual({ registration: { status: 'CONFIRMED' }, userErrors: [] });
    expect((await stack.graphql<Payload<'acceptOffer'>>(ACCEPT, { token: asker, variables: { input: { registrationId: d.id } } })).body.data!.acceptOffer.userErrors).toEqual([{ code: 'NOT_OFFERED' }]);
  });

  it('offers seats when the capacity grows, and moves a municipality’s group together where the minimum demands it', async () => {
    const networkId = await createNetwork(stack, { capacity: 2, perMunicipalityLimit: 2, perMunicipalityMin: 2 });
    const reg = async (m: string) => (await register(stack, admin, { networkId, municipalityId: m, person: newPerson() })).payload!.registration!;
    await reg('NO-3201');
    await reg('NO-3201');
    const [x1, x2, y] = [await reg('NO-0301'), await reg('NO-0301'), await reg('NO-3203')];
    expect([x1.waitlistPosition, x2.waitlistPosition, y.waitlistPosition]).toEqual([1, 2, 3]);

    // Full, with a waitlist: the job reads the network but has nothing to lock or write.
    expect(await processWaitlists(stack.subgraphs.participants, [networkId])).toEqual({ expired: 0, networks: 1, settled: 0 });

    // One more seat: Oslo needs two together, so the seat goes to the next that fits.
    await updateNetwork(stack, networkId, { capacity: 3 });
    expect(await processWaitlists(stack.subgraphs.participants, [networkId])).toEqual({ expired: 0, networks: 1, settled: 1 });
    let rows = await statuses(networkId);
    expect([x1, x2, y].map((r) => rows.find((row) => row.id === r.id)!.status)).toEqual(['WAITLISTED', 'WAITLISTED', 'OFFERED']);
    expect(rows.find((r) => r.id === x1.id)!.pos).toBe(1);

    // Two more seats: Oslo's group moves together.
    await updateNetwork(stack, networkId, { capacity: 5 });
    await processWaitlists(stack.subgraphs.participants);
    rows = await statuses(networkId);
    expect([x1, x2].map((r) => rows.find((row) => row.id === r.id)!.status)).toEqual(['OFFERED', 'OFFERED']);
  });
});

describe('when a network is cancelled', () => {
  it('cancels its live registrations with a change event each, and asks about it no more', async () => {
    const networkId = await createNetwork(stack, { capacity: 1, perMunicipalityLimit: 1 });
    const [first, second] = [await register(stack, admin, { networkId, municipalityId: 'NO-3201', person: newPerson() }),
      await register(stack, admin, { networkId, municipalityId: 'NO-0301', person: newPerson() })].map((r) => r.payload!.registration!);
    expect([first.status, second.status]).toEqual(['CONFIRMED', 'WAITLISTED']);

    // Nothing to do while the network runs.
    expect(await syncNetworks(stack.subgraphs.participants, [networkId])).toEqual({ networks: 1, cancelled: 0 });

    const { body } = await stack.graphql<{ network: { version: number } }>('query($id: ID!) { network(id: $id) { version } }', { token: admin, variables: { id: networkId } });
    const cancelled = await stack.graphql<{ cancelNetwork: { userErrors: unknown[] } }>(
      'mutation($input: CancelNetworkInput!) { cancelNetwork(input: $input) { userErrors { code } } }',
      { token: admin, variables: { input: { networkId, expectedVersion: body.data!.network.version, reason: 'For få påmeldte' } } });
    expect(cancelled.body.data!.cancelNetwork.userErrors).toEqual([]);

    expect(await syncNetworks(stack.subgraphs.participants, [networkId])).toEqual({ networks: 1, cancelled: 2 });
    const rows = (await db().query(`SELECT status, status_reason AS reason, decided_by AS "decidedBy" FROM participants.registration WHERE network_id = $1`, [networkId])) as { status: string; reason: string; decidedBy: string }[];
    expect(rows).toEqual([1, 2].map(() => ({ status: 'CANCELLED', reason: 'Nettverket er avlyst / the network was cancelled', decidedBy: 'service:participants' })));
    const changes = (await db().query(`SELECT previous_status AS "from", status FROM participants.registration_change
      WHERE network_id = $1 AND status = 'CANCELLED' ORDER BY seq`, [networkId])) as { from: string; status: string }[];
    expect(changes.map((c) => c.from).sort()).toEqual(['CONFIRMED', 'WAITLISTED']);

    // Its snapshot says so, and the job without a list of networks leaves it out from now on.
    const [snapshot] = (await db().query('SELECT status FROM participants.network_snapshot WHERE network_id = $1', [networkId])) as { status: string }[];
    expect(snapshot.status).toBe('CANCELLED');
    const ids = ((await db().query(`SELECT network_id::text AS id FROM participants.network_snapshot WHERE status NOT IN ('CANCELLED', 'COMPLETED')`)) as { id: string }[]).map((r) => r.id);
    expect(ids).not.toContain(networkId);
    expect((await syncNetworks(stack.subgraphs.participants)).networks).toBe(ids.length);
  });
});
