import ICAL from 'ical.js';
import { DEMO, ORGANIZATIONS } from '@kommunenett/reference-data';
import { networksStack } from './helpers';

/**
 * Every feed of the demo data read by ical.js, an iCalendar parser this project did not write, the
 * way a calendar app reads it: at the gateway's public URL, with the feed's own VTIMEZONE.
 */
let t: Awaited<ReturnType<typeof networksStack>>;
beforeAll(async () => { t = await networksStack(); });
afterAll(async () => { await t?.stack.stop(); });

type ApiSession = { id: string; title: string; theme: string | null; description: string | null; startsAt: string | null; endsAt: string | null;
  plannedMonth: string | null; plannedTo: string | null };
type ApiNetwork = { id: string; name: string; timeZone: string; sessions: ApiSession[] };

async function feed(path: string): Promise<{ text: string; calendar: ICAL.Component }> {
  const res = await fetch(`${t.stack.baseUrl}${path}`);
  expect([path, res.status]).toEqual([path, 200]);
  const text = await res.text();
  const calendar = new ICAL.Component(ICAL.parse(text));
  // The feed's time zones, so zoned times are read as the app reads them.
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return { text, calendar };
}

/** What RFC 5545 asks of every content line, and of DTSTAMP. */
function expectWellFormed(path: string, text: string, calendar: ICAL.Component) {
  const lines = text.split('\r\n');
  expect(lines.pop()).toBe('');
  expect(lines.filter((l) => Buffer.byteLength(l) > 75).map((l) => `${path}: ${l}`)).toEqual([]);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const event of calendar.getAllSubcomponents('vevent')) {
    const stamp = event.getFirstProperty('dtstamp')!;
    expect(stamp.toICALString()).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
  }
}

const monthAfter = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1)).toISOString().slice(0, 7);

describe('iCalendar feeds read by ical.js', () => {
  let networks: ApiNetwork[];
  beforeAll(async () => {
    networks = (await t.ok(`{ networks(first: 100) { edges { node { id name timeZone
      sessions { id title theme description startsAt endsAt plannedMonth plannedTo } } } } }`)).networks.edges.map((e: any) => e.node);
  });

  it('parses every demo network’s feed, with an event for every session that has a date or a month', async () => {
    expect(networks).toHaveLength(17);
    for (const network of networks) {
      const path = `/calendar/networks/${network.id}.ics`;
      const { text, calendar } = await feed(path);
      expectWellFormed(path, text, calendar);
      const events = new Map(calendar.getAllSubcomponents('vevent').map((c) => { const e = new ICAL.Event(c); return [e.uid, e] as const; }));
      const placed = network.sessions.filter((s) => s.startsAt || s.plannedMonth);
      expect([network.name, events.size]).toEqual([network.name, placed.length]);
      for (const s of placed) {
        const event = events.get(`${s.id}@kommunenett`)!;
        expect(event).toBeDefined();
        // Theme and description come back as written (an exact session's agenda follows them).
        const text = [s.theme, s.description].filter(Boolean).join('\n\n');
        if (text) expect((event.description ?? '').startsWith(text)).toBe(true);
        if (s.startsAt) {
          // An exact session: zoned start and end, the same instants the API gives.
          expect(event.startDate.isDate).toBe(false);
          expect(event.startDate.zone.tzid).toBe(network.timeZone);
          expect(event.startDate.toJSDate().toISOString()).toBe(new Date(s.startsAt).toISOString());
          expect(event.endDate.toJSDate().toISOString()).toBe(new Date(s.endsAt!).toISOString());
          expect(event.summary).toBe(`${network.name}: ${s.title}`);
        } else {
          // Known only to the month: an all-day, tentative, transparent event over the month(s).
          expect(event.startDate.isDate).toBe(true);
          expect(event.startDate.toString()).toBe(`${s.plannedMonth}-01`);
          expect(event.endDate.toString()).toBe(`${monthAfter(s.plannedTo ?? s.plannedMonth!)}-01`);
          expect(event.component.getFirstPropertyValue('status')).toBe('TENTATIVE');
          expect(event.component.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
          expect(event.summary).toMatch(new RegExp(`^${network.name}: ${s.title} \\(.+, (dato ikke fastsatt|datum ej fastställt)\\)$`));
        }
      }
    }
  });

  it('parses every organization’s feed: the sessions of the networks it hosts', async () => {
    const hosted = (await t.ok(`{ organizations { id hostedNetworks(first: 100) { edges { node { id sessions { id startsAt plannedMonth } } } } } }`)).organizations;
    expect(hosted.map((o: any) => o.id).sort()).toEqual(ORGANIZATIONS.map((o) => o.id).sort());
    for (const organization of hosted) {
      const path = `/calendar/organizations/${organization.id}.ics`;
      const { text, calendar } = await feed(path);
      expectWellFormed(path, text, calendar);
      const expected = organization.hostedNetworks.edges.flatMap((e: any) => e.node.sessions).filter((s: any) => s.startsAt || s.plannedMonth).map((s: any) => `${s.id}@kommunenett`);
      const uids = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c).uid);
      expect([organization.id, uids.sort()]).toEqual([organization.id, expected.sort()]);
      expect(uids.length).toBeGreaterThan(0);
    }
  });

  it('escapes text: commas, semicolons, backslashes and line breaks come back as written, also in the feed’s description', async () => {
    const ks = await t.token('ORG_ADMIN', { org: 'ks' });
    const title = 'Temadag; varslere, kontroll\\revisjon';
    const description = 'Første linje, med komma; og semikolon.\nAndre linje: «sitat» – lang nok til å bli brettet over flere linjer i kalenderfila, med æøå i seg.';
    const created = await t.ok(`mutation($input: CreateSessionInput!) { createSession(input: $input) { session { id } userErrors { code } } }`,
      { input: { networkId: DEMO.networks.antikorrupsjonD, title, description } }, ks);
    expect(created.createSession.userErrors).toEqual([]);
    const month = await t.ok(`mutation($input: CreateSessionInput!) { createSession(input: $input) { session { id } userErrors { code } } }`,
      { input: { networkId: DEMO.networks.antikorrupsjonD, title, description, plannedMonth: '2030-02', plannedTo: '2030-03' } }, ks);
    expect(month.createSession.userErrors).toEqual([]);

    const path = `/calendar/networks/${DEMO.networks.antikorrupsjonD}.ics`;
    const { text, calendar } = await feed(path);
    expectWellFormed(path, text, calendar);
    // The session without a date is named in the feed's description, line breaks and all.
    // ical.js hands extension properties over raw: read it as the TEXT value it is (RFC 5545 3.3.11).
    const caldesc = (ICAL.design as any).icalendar.value.text.fromICAL(String(calendar.getFirstPropertyValue('x-wr-caldesc')));
    expect(caldesc).toBe(`Samlinger uten fastsatt dato:\nAntikorrupsjonsnettverk D: ${title}`);
    const event = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c)).find((e) => e.uid === `${month.createSession.session.id}@kommunenett`)!;
    expect(event.description).toBe(description);
    expect(event.summary).toBe(`Antikorrupsjonsnettverk D: ${title} (februar 2030 – mars 2030, dato ikke fastsatt)`);
    expect(event.startDate.toString()).toBe('2030-02-01');
    expect(event.endDate.toString()).toBe('2030-04-01');
  });
});
