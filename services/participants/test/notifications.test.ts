import { subgraphConfigFromEnv } from '@kommunenett/subgraph-kit';
import { launchBrowser, screenshot, watchOutsideRequests } from '@kommunenett/browser';
import { createNetwork, newPerson, updateNetwork, type TestStack } from '@kommunenett/stack/testing';
import { participantsSubgraph } from '../src/index';
import { settingsOf } from '../src/config';
import { deliverNotifications, queueOfferReminders } from '../src/services/notifications';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processWaitlists, syncNetworks } from '../src/services/registration-jobs';
import { register } from './fixtures';
import { startStackWithMail, TestMailServer } from './mail-server';

let stack: TestStack;
let admin: string;
const mail = new TestMailServer();

beforeAll(async () => {
  stack = await startStackWithMail(mail);
  admin = await stack.token('ADMIN');
});
afterAll(async () => {
  await stack?.stop();
  await mail.stop().catch(() => undefined);
});

const participants = () => stack.subgraphs.participants;
const db = () => participants().ds;
/** The running service's settings (this stack's only). */
const settings = () => settingsOf(participants());
const deliver = () => deliverNotifications(participants());
const notificationCount = async () => Number((await db().query('SELECT count(*)::int AS n FROM participants.notification'))[0].n);
const CANCEL = 'mutation($input: CancelRegistrationInput!) { cancelRegistration(input: $input) { registration { status } userErrors { code } } }';

/** A network for one: the first registration is cancelled, the seat offered to the second (`person`, registration `b`); messages delivered. */
async function seatOfferedToSecond() {
  const networkId = await createNetwork(stack, { capacity: 1 });
  const a = (await register(stack, admin, { networkId, municipalityId: 'NO-3201', person: newPerson() })).payload!.registration!;
  const person = newPerson();
  const b = (await register(stack, admin, { networkId, municipalityId: 'NO-0301', person })).payload!.registration!;
  await stack.graphql(CANCEL, { token: admin, variables: { input: { registrationId: a.id } } });
  await deliver();
  return { networkId, person, a, b };
}

describe('messages from the outbox over SMTP', () => {
  it('tells a waitlisted person of a freed seat in the network’s language, with the deadline in its time zone and a link that answers it in a browser', async () => {
    const networkId = await createNetwork(stack, { capacity: 1 });
    const [first, second] = [newPerson(), newPerson()];
    const a = (await register(stack, admin, { networkId, municipalityId: 'NO-3201', person: first })).payload!.registration!;
    const b = (await register(stack, admin, { networkId, municipalityId: 'NO-0301', person: second })).payload!.registration!;
    expect([a.status, b.status]).toEqual(['CONFIRMED', 'WAITLISTED']);
    expect(await deliver()).toMatchObject({ sent: 2, retried: 0 });
    const [received] = mail.to(first.email);
    expect(received.subject).toMatch(/^Påmelding mottatt: Testnettverk/);
    expect(received.headers.get('content-language')).toBe('nb');
    expect(received.text).toContain('Du har fått plass.');
    expect(received.text).toContain('Bærum');
    expect(mail.to(second.email)[0].text).toContain('nummer 1 på ventelisten');
    expect(typeof mail.to(second.email)[0].html).toBe('string');

    // The coordinator cancels the first; the seat is offered to the second.
    const baerum = await stack.token('COORDINATOR', { municipality: 'NO-3201' });
    await stack.graphql(CANCEL, { token: baerum, variables: { input: { registrationId: a.id, reason: 'Sykdom' } } });
    expect(await deliver()).toMatchObject({ sent: 2 });
    const cancelled = mail.to(first.email)[1];
    expect(cancelled.text).toContain('Koordinatoren i kommunen din meldte deg av.');
    expect(cancelled.text).toContain('Sykdom');
    const offer = mail.to(second.email)[1];
    expect(offer.subject).toMatch(/^Du har fått tilbud om plass i Testnettverk/);
    const [{ expiresAt }] = await db().query('SELECT offer_expires_at AS "expiresAt" FROM participants.registration WHERE id = $1', [b.id]);
    const osloClock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Oslo' }).format(expiresAt);
    expect(offer.text).toContain(`kl. ${osloClock}`);
    const link = /(http:\/\/\S+\/offers\/\S+)/.exec(offer.text!)![1];
    expect(link.startsWith(`${stack.baseUrl}/offers/`)).toBe(true);
    expect(offer.html).toContain(`href="${link}"`);

    // Tampered with: a clear page, nothing changed.
    const tampered = await fetch(`${link.slice(0, -3)}abc`, { method: 'POST', body: new URLSearchParams({ answer: 'accept' }) });
    expect(tampered.status).toBe(404);
    expect(await tampered.text()).toContain('Lenken er ikke gyldig');

    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.setJavaScriptEnabled(false);
      const outside = watchOutsideRequests(page, stack.baseUrl);
      await page.goto(link);
      expect(await page.$eval('main', (m) => m.textContent)).toContain('Svar innen');
      await screenshot(page, 'offer-open');
      await Promise.all([page.waitForNavigation(), page.click('button[value=accept]')]);
      expect(await page.$eval('main', (m) => m.textContent)).toContain('Du har takket ja.');
      // The same link again: answered already.
      await page.goto(link);
      expect(await page.$eval('main', (m) => m.textContent)).toContain('allerede besvart');
      expect(outside).toEqual([]);
    } finally {
      await browser.close();
    }
    const [{ status }] = await db().query('SELECT status FROM participants.registration WHERE id = $1', [b.id]);
    expect(status).toBe('CONFIRMED');
    await deliver();
    expect(mail.to(second.email)[2].subject).toMatch(/^Du har plass i/);

    // The organiser sees it: in the participant list they export, and in the network's audit trail.
    const ks = await stack.token('ORG_ADMIN', { org: 'ks' });
    const exported = await fetch(`${stack.baseUrl}/exports/networks/${networkId}/participants.csv?status=CONFIRMED`, { headers: { authorization: `Bearer ${ks}` } });
    expect(exported.status).toBe(200);
    const rows = (await exported.text()).split(/\r?\n/).filter((line) => line.includes('@'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(second.email);
    expect(rows[0]).toContain('CONFIRMED');
    const trail = await stack.graphql<any>(`query($id: ID!) { network(id: $id) { auditTrail(first: 3, kinds: [REGISTRATION]) {
      edges { node { subjectId action actorRole client before after } } } } }`, { token: ks, variables: { id: networkId } });
    expect(trail.body.errors).toBeUndefined();
    expect(trail.body.data.network.auditTrail.edges.map((e: any) => e.node)).toEqual([
      { subjectId: b.id, action: 'STATUS_CHANGED', actorRole: 'PARTICIPANT', client: 'offer-link', before: { status: 'OFFERED' }, after: { status: 'CONFIRMED' } },
      expect.objectContaining({ subjectId: b.id, actorRole: 'COORDINATOR', before: { status: 'WAITLISTED' }, after: { status: 'OFFERED' } }),
      expect.objectContaining({ subjectId: a.id, actorRole: 'COORDINATOR', before: { status: 'CONFIRMED' }, after: { status: 'CANCELLED' } }),
    ]);
  });

  it('writes Swedish to a Swedish network, and nothing for a change that was refused', async () => {
    const networkId = await createNetwork(stack, { country: 'SE', capacity: 5, perMunicipalityLimit: 1 });
    const person = newPerson();
    const ok = await register(stack, admin, { networkId, municipalityId: 'SE-0180', person });
    expect(ok.payload!.registration!.status).toBe('CONFIRMED');
    const before = await notificationCount();
    const refused = await register(stack, admin, { networkId, municipalityId: 'SE-0180', person: newPerson() });
    expect(refused.payload!.userErrors[0].code).toBe('MUNICIPALITY_LIMIT_REACHED');
    expect(await notificationCount()).toBe(before);
    await deliver();
    const [received] = mail.to(person.email);
    expect(received.subject).toMatch(/^Anmälan mottagen: /);
    expect(received.headers.get('content-language')).toBe('sv');
    expect(received.text).toContain('Stockholm');
  });

  it('sends each organization’s messages with its name and reply-to address', async () => {
    const SET = `mutation($input: OrganizationMailSettingsInput!) { updateOrganizationMailSettings(input: $input) {
      organization { id mailSenderName mailReplyTo } userErrors { field code } } }`;
    const settingsOfKs = async () => (await db().query(`SELECT mail_sender_name AS "name", mail_reply_to AS "replyTo" FROM participants.organization WHERE id = 'ks'`))[0];
    const ks = await stack.token('ORG_ADMIN', { org: 'ks' });
    const set = async (input: Record<string, unknown>, token = ks) => stack.graphql<any>(SET, { token, variables: { input } });
    // Refused: another organization's ORG_ADMIN, a coordinator, a malformed address, a name that would break the header.
    expect((await set({ organizationId: 'ks', senderName: 'Kapret' }, await stack.token('ORG_ADMIN', { org: 'skr' }))).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await set({ organizationId: 'ks', senderName: 'Kapret' }, await stack.token('COORDINATOR', { municipality: 'NO-0301' }))).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await set({ organizationId: 'ks', replyTo: 'ikke en adresse' })).body.data.updateOrganizationMailSettings.userErrors).toEqual([{ field: ['input', 'replyTo'], code: 'INVALID_FORMAT' }]);
    expect((await set({ organizationId: 'ks', senderName: 'KS\r\nBcc: x@example.org' })).body.data.updateOrganizationMailSettings.userErrors[0].field).toEqual(['input', 'senderName']);
    expect(await settingsOfKs()).toEqual({ name: null, replyTo: null });
    const done = await set({ organizationId: 'ks', senderName: 'KS Læringsnettverk', replyTo: 'Nettverk@KS.example' });
    expect(done.body.data.updateOrganizationMailSettings).toEqual({ organization: { id: 'ks', mailSenderName: 'KS Læringsnettverk', mailReplyTo: 'nettverk@ks.example' }, userErrors: [] });
    const networkId = await createNetwork(stack, { hostIds: ['ks'] });
    const person = newPerson();
    await register(stack, admin, { networkId, municipalityId: 'NO-3203', person });
    await deliver();
    const [received] = mail.to(person.email);
    expect(received.from!.value[0]).toEqual({ name: 'KS Læringsnettverk', address: 'noreply@kommunenett.dev' });
    expect(received.replyTo!.value[0].address).toBe('nettverk@ks.example');
    expect(received.text).toContain('KS Læringsnettverk');
  });

  it('keeps messages while the mail server is down and sends each once when it is back', async () => {
    const networkId = await createNetwork(stack, {});
    const person = newPerson();
    await mail.stop();
    await register(stack, admin, { networkId, municipalityId: 'NO-3205', person });
    const down = await deliver();
    expect(down).toMatchObject({ sent: 0, retried: 1 });
    const [row] = await db().query(`SELECT status, attempts, last_error AS "lastError" FROM participants.notification n
      JOIN participants.person p ON p.id = n.person_id WHERE p.email = $1`, [person.email]);
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(row.lastError).toBeTruthy();
    await mail.start(mail.port);
    expect(await deliver()).toMatchObject({ sent: 1 });
    expect(await deliver()).toMatchObject({ sent: 0, retried: 0 });
    expect(mail.to(person.email)).toHaveLength(1);
  });

  it('records an address the server refuses and does not try it again', async () => {
    const networkId = await createNetwork(stack, {});
    const person = { ...newPerson(), email: `bounce.${Date.now()}@example.org` };
    await register(stack, admin, { networkId, municipalityId: 'NO-3301', person });
    expect(await deliver()).toMatchObject({ bounced: 1 });
    expect(await deliver()).toMatchObject({ bounced: 0, retried: 0 });
    expect(mail.recipientsTried.filter((a) => a === person.email)).toHaveLength(1);
    const [row] = await db().query(`SELECT n.status, n.last_error AS "lastError" FROM participants.notification n
      JOIN participants.person p ON p.id = n.person_id WHERE p.email = $1`, [person.email]);
    expect(row.status).toBe('BOUNCED');
    expect(row.lastError).toMatch(/550|No such mailbox/);
  });

  it('tells of an offer that lapsed, and the link then shows a clear page', async () => {
    const { networkId, person, b } = await seatOfferedToSecond();
    const link = /(http:\/\/\S+\/offers\/\S+)/.exec(mail.to(person.email)[1].text!)![1];
    await db().query(`UPDATE participants.registration SET offer_expires_at = now() - interval '1 minute' WHERE id = $1`, [b.id]);
    // The link still carries the old deadline; its signature holds, the deadline in it has not passed: the state decides.
    expect((await fetch(link)).status).toBe(409);
    await processWaitlists(participants(), [networkId]);
    await deliver();
    expect(mail.to(person.email)[2].subject).toMatch(/har gått ut$/);
  });

  it('delivers each message once when two instances deliver at the same time', async () => {
    const networkId = await createNetwork(stack, { capacity: 100, perMunicipalityLimit: 100 });
    const people = Array.from({ length: 30 }, () => newPerson('parallell'));
    for (const person of people) expect((await register(stack, admin, { networkId, municipalityId: 'NO-4601', person })).payload!.registration!.status).toBe('CONFIRMED');
    const results = await Promise.all([deliverNotifications(participants(), { batchSize: 5 }), deliverNotifications(participants(), { batchSize: 5 })]);
    expect(results[0].sent + results[1].sent).toBe(30);
    for (const p of people) expect(mail.to(p.email)).toHaveLength(1);
    if (process.env.DATABASE_URL) {
      // On PostgreSQL the two really ran side by side and shared the work.
      expect(results[0].sent).toBeGreaterThan(0);
      expect(results[1].sent).toBeGreaterThan(0);
    }
  });
});

describe('reminders, settings and the person’s own data', () => {
  it('reminds of an offer before it lapses, lets the person switch reminders off by link but not the messages they need, and keeps messages in their export until erasure', async () => {
    const { person, a, b } = await seatOfferedToSecond();
    await db().query(`UPDATE participants.registration SET offer_expires_at = now() + interval '12 hours' WHERE id = $1`, [b.id]);
    expect(await queueOfferReminders(participants())).toBe(1);
    expect(await queueOfferReminders(participants())).toBe(0);
    await deliver();
    const reminder = mail.to(person.email)[2];
    expect(reminder.subject).toMatch(/^Påminnelse: svar på tilbudet om plass i /);
    expect(reminder.text).toContain(`${stack.baseUrl}/offers/`);
    const unsubscribe = /(http:\/\/\S+\/unsubscribe\/nb\/\S+)/.exec(reminder.text!)![1];
    expect(reminder.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(reminder.headerLines.find((h) => h.key === 'list-unsubscribe')?.line).toContain('/unsubscribe/nb/');
    // The offer itself has no such link: the person needs it.
    expect(mail.to(person.email)[1].text).not.toContain('/unsubscribe/');

    const personId = b.person!.id;
    const me = await stack.token('PARTICIPANT', { person: personId });
    const PREFS = '{ notificationPreferences { kind enabled optional } }';
    const reminderSetting = async () => (await stack.graphql<{ notificationPreferences: { kind: string; enabled: boolean; optional: boolean }[] }>(PREFS, { token: me }))
      .body.data!.notificationPreferences.find((p) => p.kind === 'OFFER_REMINDER');
    expect(await reminderSetting()).toEqual({ kind: 'OFFER_REMINDER', enabled: true, optional: true });
    // Opening the link asks; only the button switches reminders off.
    const asked = await fetch(unsubscribe);
    expect(asked.status).toBe(200);
    const askedPage = await asked.text();
    expect(askedPage).toContain('Vil du slutte å få påminnelser om svarfrister for tilbud om plass på e-post?');
    expect(askedPage).toContain('Ja, meld meg av');
    expect((await reminderSetting())!.enabled).toBe(true);
    const done = await fetch(unsubscribe, { method: 'POST', body: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }) });
    expect(await done.text()).toContain('Du får ikke flere påminnelser om svarfrister for tilbud om plass.');
    expect((await reminderSetting())!.enabled).toBe(false);
    expect((await fetch(unsubscribe.replace(/.{4}$/, 'AAAA'), { method: 'POST' })).status).toBe(404);

    const UPDATE = 'mutation($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { preferences { kind enabled } userErrors { field code } } }';
    const refused = await stack.graphql<{ updateNotificationPreferences: { preferences: unknown; userErrors: { field: string[]; code: string }[] } }>(UPDATE, {
      token: me, variables: { input: { preferences: [{ kind: 'OFFER_REMINDER', enabled: true }, { kind: 'SEAT_OFFERED', enabled: false }] } } });
    expect(refused.body.data!.updateNotificationPreferences).toEqual({ preferences: null, userErrors: [{ field: ['input', 'preferences', '1', 'enabled'], code: 'NOTIFICATION_REQUIRED' }] });
    expect((await reminderSetting())!.enabled).toBe(false);
    const other = await stack.token('PARTICIPANT', { person: a.person!.id });
    const forbidden = await stack.graphql(UPDATE, { token: other, variables: { input: { personId, preferences: [{ kind: 'OFFER_REMINDER', enabled: true }] } } });
    expect(forbidden.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await reminderSetting())!.enabled).toBe(false);

    // A switched-off reminder is not sent.
    await db().query(`UPDATE participants.registration SET offer_expires_at = now() + interval '11 hours' WHERE id = $1`, [b.id]);
    expect(await queueOfferReminders(participants())).toBe(1);
    expect(await deliver()).toMatchObject({ sent: 0, skipped: 1 });
    expect(mail.to(person.email)).toHaveLength(3);

    const exported = await stack.graphql<{ exportMyData: { participants: { messages: { kind: string; status: string; subject: string | null; recipient: string | null }[] } } }>(
      '{ exportMyData { participants } }', { token: me });
    const messages = exported.body.data!.exportMyData.participants.messages;
    expect(messages.map((m) => [m.kind, m.status])).toEqual([['REGISTRATION_RECEIVED', 'SENT'], ['SEAT_OFFERED', 'SENT'], ['OFFER_REMINDER', 'SENT'], ['OFFER_REMINDER', 'SKIPPED']]);
    expect(messages[1]).toMatchObject({ subject: reminder.subject!.replace(/^Påminnelse: svar på tilbudet/, 'Du har fått tilbud'), recipient: person.email });

    const erased = await stack.graphql('mutation($id: ID!) { erasePerson(input: { personId: $id }) { userErrors { code } } }', { token: admin, variables: { id: personId } });
    expect(erased.body.data).toEqual({ erasePerson: { userErrors: [] } });
    const rows = (await db().query('SELECT subject, body_text AS text, recipient, status FROM participants.notification WHERE person_id = $1 ORDER BY created_at, status', [personId])) as Record<string, unknown>[];
    // The four above, and the cancellation the erasure itself made: never sent.
    expect(rows.map((r) => r.status)).toEqual(['SENT', 'SENT', 'SENT', 'SKIPPED', 'SKIPPED']);
    for (const row of rows) expect([row.subject, row.text, row.recipient]).toEqual([null, null, null]);
  });
});

describe('a network cancelled in the networks service', () => {
  it('reaches its participants through the graph, with a message that the platform cancelled', async () => {
    const networkId = await createNetwork(stack, {});
    const person = newPerson();
    await register(stack, admin, { networkId, municipalityId: 'NO-1103', person });
    await updateNetwork(stack, networkId, { status: 'CANCELLED' });
    expect((await syncNetworks(participants(), [networkId])).cancelled).toBe(1);
    await deliver();
    const [, cancelled] = mail.to(person.email);
    expect(cancelled.subject).toMatch(/er avsluttet$/);
    expect(cancelled.text).toContain('Nettverket er avlyst');
  });
});

describe('the development mailbox', () => {
  it('keeps messages as files and shows them on the gateway’s /dev/mail page without a mail server', async () => {
    const smtp = settings().smtpUrl;
    const folder = mkdtempSync(join(tmpdir(), 'kommunenett-mail-'));
    Object.assign(settings(), { mailDir: join(folder, 'mail'), smtpUrl: null });
    try {
      const networkId = await createNetwork(stack, {});
      const person = newPerson();
      await register(stack, admin, { networkId, municipalityId: 'NO-1106', person });
      expect(await deliver()).toMatchObject({ sent: 1 });
      const list = await fetch(`${stack.baseUrl}/dev/mail`);
      expect(list.status).toBe(200);
      const html = await list.text();
      expect(html).toContain('Påmelding mottatt: Testnettverk');
      const href = /href="(\/dev\/mail\/[^"]+\.eml)"/.exec(html)![1];
      const message = await (await fetch(`${stack.baseUrl}${href}`)).text();
      expect(message).toContain('vi har mottatt påmeldingen din');
      expect(message).toContain('<iframe sandbox');
    } finally {
      settings().smtpUrl = smtp;
    }
    rmSync(folder, { recursive: true, force: true });
    // With a mail server there is no mailbox to show.
    expect((await fetch(`${stack.baseUrl}/dev/mail`)).status).toBe(404);
  });
});

describe('settings', () => {
  it.each([
    ['smtp//mail.example.org', /SMTP_URL is not a URL/],
    ['http://mail.example.org', /must start with smtp:\/\/ or smtps:\/\//],
    ['smtp://:secret@mail.example.org', /password but no user name/],
  ])('refuses SMTP_URL=%s at start', (value, message) => {
    expect(() => subgraphConfigFromEnv('participants', participantsSubgraph.settings, { SMTP_URL: value, DATABASE_URL: stack.databaseUrl, INTERNAL_AUTH_SECRET: 'x'.repeat(32) }))
      .toThrow(message);
  });
});
