import { DEMO } from '@kommunenett/reference-data';
import { startTestStack, type TestStack } from '@kommunenett/stack/testing';
import { graphqlBlocks, type DocBlock } from './doc-blocks';

/** The README's walk-through, block by block as printed, with the ids a reader would copy from one answer to the next. */
const blocks = new Map(graphqlBlocks('README.md').filter((b) => b.name).map((b) => [b.name!, b]));

let stack: TestStack;
beforeAll(async () => { stack = await startTestStack(); });
afterAll(async () => { await stack?.stop(); });

async function run(name: string, variables: Record<string, unknown> = {}): Promise<any> {
  const block = blocks.get(name) as DocBlock;
  expect(block).toBeDefined();
  const token = block.role ? await stack.token(block.role, block.claims) : undefined;
  const res = await stack.graphql(block.text, { token, variables });
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
}

type OpenNetwork = { id: string; name: string; country: string; registrationDeadline: string; capacity: number; seatsLeft: number; waitlistCount: number;
  sessions: { startsAt: string | null; plannedMonth: string | null }[] };

describe('the open round of the demo data', () => {
  it('has in each country a network taking registrations today, with sessions ahead, seats taken and a waitlist', async () => {
    const open: OpenNetwork[] = (await run('OpenNetworks')).networks.edges.map((e: any) => e.node);
    const today = new Date().toISOString().slice(0, 7);
    for (const country of ['NO', 'SE']) {
      const inCountry = open.filter((n) => n.country === country);
      expect(inCountry.length).toBeGreaterThan(0);
      for (const n of inCountry) {
        expect(Date.parse(n.registrationDeadline)).toBeGreaterThan(Date.now());
        expect(n.sessions.length).toBe(3);
        for (const s of n.sessions) {
          if (s.startsAt) expect(Date.parse(s.startsAt)).toBeGreaterThan(Date.parse(n.registrationDeadline));
          else expect(s.plannedMonth! > today).toBe(true);
        }
        expect(n.seatsLeft).toBeLessThan(n.capacity);
      }
      expect(inCountry.some((n) => n.waitlistCount > 0)).toBe(true);
    }
    expect(open.map((n) => [n.name, n.seatsLeft, n.waitlistCount])).toEqual([
      ['Antikorrupsjonsnettverk D', 1, 0], ['Antikorrupsjonsnettverk E', 0, 3], ['Nätverk för korruptionsbekämpning', 0, 2],
    ]);
  });

  it('leaves the historical networks completed', async () => {
    const res = await stack.graphql<{ networks: { totalCount: number } }>('{ networks(filter: { status: [COMPLETED] }) { totalCount } }');
    expect(res.body.data!.networks.totalCount).toBe(14);
  });
});

describe('the README walk-through, as printed', () => {
  it('registers into the last seat, waitlists the next, and offers the freed seat to the waitlist on cancellation', async () => {
    const open: OpenNetwork[] = (await run('OpenNetworks')).networks.edges.map((e: any) => e.node);
    const networkId = open.find((n) => n.name === 'Antikorrupsjonsnettverk D')!.id;
    expect(networkId).toBe(DEMO.networks.antikorrupsjonD);

    const kari = (await run('RegisterKari', { networkId })).registerParticipant;
    expect(kari.userErrors).toEqual([]);
    expect(kari.registration).toMatchObject({ status: 'CONFIRMED', waitlistPosition: null, network: { seatsLeft: 0, waitlistCount: 0 } });

    const ola = (await run('RegisterOla', { networkId })).registerParticipant;
    expect(ola.userErrors).toEqual([]);
    expect(ola.registration).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1, network: { seatsLeft: 0, waitlistCount: 1 } });

    const cancelled = (await run('CancelKari', { registrationId: kari.registration.id })).cancelRegistration;
    expect(cancelled.userErrors).toEqual([]);
    expect(cancelled.registration).toMatchObject({ status: 'CANCELLED', network: { seatsLeft: 0, waitlistCount: 0 } });

    const moved = (await run('OlasRegistration', { registrationId: ola.registration.id })).registration;
    expect(moved).toMatchObject({ status: 'OFFERED', waitlistPosition: null, network: { seatsLeft: 0, waitlistCount: 0 } });
    expect(Date.parse(moved.offerExpiresAt)).toBeGreaterThan(Date.now());
  });
});
