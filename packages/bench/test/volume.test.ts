import { startTestStack, type TestStack } from '@kommunenett/stack/testing';
import { seedVolume, volumeId, type VolumeSummary } from '../src/volume';

// Scale 0.01 of the volume convention: networks 1..20 in programme 1 (Norwegian, hosted by KS);
// network n has capacity 30 + (n % 5) × 10 and 46 + n % 21 registrations, every 25th cancelled.
const SCALE = 0.01;
let stack: TestStack;
let summary: VolumeSummary;
const messages: string[] = [];

beforeAll(async () => {
  stack = await startTestStack();
  summary = await seedVolume(stack.databaseUrl, SCALE, (msg) => messages.push(msg));
}, 120_000);
afterAll(async () => { await stack?.stop(); });

it('loads every service’s volume beside the demo data, and skips it the second time', async () => {
  expect(messages.filter((m) => /^(networks|participants|reports|handbook): \d/.test(m))).toHaveLength(4);
  expect(summary.counts['networks.network']).toBe(17 + 20);
  expect(summary.counts['networks.session']).toBeGreaterThanOrEqual(20 * 5);
  expect(summary.counts['handbook.chapter']).toBeGreaterThanOrEqual(20);
  expect(summary.networkIds).toHaveLength(18); // all but the drafts, networks 10 and 20
  const again: string[] = [];
  const second = await seedVolume(stack.databaseUrl, SCALE, (msg) => again.push(msg));
  expect(again.filter((m) => m.endsWith('already loaded'))).toHaveLength(4);
  expect(second.counts).toEqual(summary.counts);
});

it('serves a generated network with its registrations, sessions, agenda and handbook through the gateway', async () => {
  const n = 1;
  const capacity = 30 + (n % 5) * 10;
  const registrations = 46 + (n % 21);
  const live = registrations - Math.floor(registrations / 25);
  const res = await stack.graphql<{ network: {
    status: string; capacity: number; hosts: { id: string }[]; participantCount: number; waitlistCount: number; seatsLeft: number;
    handbook: { slug: string } | null; sessions: { sequence: number; startsAt: string; endsAt: string; agenda: { startsAt: string; endsAt: string; handbookReferences: { chapter: { slug: string } | null }[] }[] }[];
  } }>(`query($id: ID!) { network(id: $id) {
      status capacity hosts { id } participantCount waitlistCount seatsLeft handbook { slug }
      sessions { sequence startsAt endsAt agenda { startsAt endsAt handbookReferences { chapter { slug } } } } } }`,
  { token: await stack.token('ADMIN'), variables: { id: volumeId(`kommunenett:volume:network:${n}`) } });
  expect(res.body.errors).toBeUndefined();
  const network = res.body.data!.network;
  expect(network).toMatchObject({ status: 'PUBLISHED', capacity, hosts: [{ id: 'ks' }], participantCount: capacity, waitlistCount: live - capacity, seatsLeft: 0 });
  expect(network.handbook).toEqual({ slug: 'handbok-1' });
  expect(network.sessions.map((s) => s.sequence)).toEqual([1, 2, 3, 4, 5]);
  for (const session of network.sessions) {
    expect(session.agenda).toHaveLength(6);
    for (const item of session.agenda) {
      expect(Date.parse(item.startsAt)).toBeGreaterThanOrEqual(Date.parse(session.startsAt));
      expect(Date.parse(item.endsAt)).toBeLessThanOrEqual(Date.parse(session.endsAt));
    }
    // The talk and the group work point at chapters that exist in the programme's handbook.
    expect(session.agenda.flatMap((i) => i.handbookReferences.map((r) => r.chapter?.slug))).toEqual([`del-${((session.sequence - 1) % 4) + 1}`, `del-${((session.sequence - 1) % 4) + 1}-kapittel-${(n % 4) + 1}`]);
  }
});

it('lists generated networks to the public and finds generated chapters', async () => {
  const catalogue = await stack.graphql<{ networks: { totalCount: number } }>('query($p: ID!) { networks(first: 5, filter: { programId: $p }) { totalCount } }',
    { variables: { p: volumeId('kommunenett:volume:program:1') } });
  expect(catalogue.body.errors).toBeUndefined();
  expect(catalogue.body.data!.networks.totalCount).toBe(18);
  const search = await stack.graphql<{ searchHandbook: { totalCount: number } }>('{ searchHandbook(query: "internkontrollen", language: nb, handbookSlug: "handbok-1") { totalCount } }');
  expect(search.body.errors).toBeUndefined();
  expect(search.body.data!.searchHandbook.totalCount).toBeGreaterThan(0);
});
