import { createNetwork, newPerson, type TestStack } from '@kommunenett/stack/testing';
import { participantsSubgraph } from '../src/index';
import { settingsOf } from '../src/config';
import { deliverNotifications, queueRegistrationDigests } from '../src/services/notifications';
import { register } from './fixtures';
import { startStackWithMail, TestMailServer } from './mail-server';

/*
 * Messages beside the person's own (docs/notifications.md): copies to the municipality's
 * coordinator, and new registrations to the network's contact persons, one each or as a daily digest.
 */

let stack: TestStack;
let admin: string;
let spare: string;
const mail = new TestMailServer();

beforeAll(async () => {
  stack = await startStackWithMail(mail);
  admin = await stack.token('ADMIN');
  // People with an address are made the way people come into the platform: registered somewhere.
  spare = await createNetwork(stack, { capacity: null, perMunicipalityLimit: null });
});
afterAll(async () => {
  await stack?.stop();
  await mail.stop().catch(() => undefined);
});

const participants = () => stack.subgraphs.participants;
const db = () => participants().ds;
const deliver = () => deliverNotifications(participants());
/** The service's notification job as the stack runs it: reminders and digests queued, then everything due delivered. */
const runNotificationJob = () => participantsSubgraph.jobs!.find((j) => j.name === 'participants:notifications')!.run(participants());

async function personWithAddress(prefix: string) {
  const person = newPerson(prefix);
  const { payload } = await register(stack, admin, { networkId: spare, municipalityId: 'NO-0301', person });
  await deliver();
  return { ...person, id: payload!.registration!.person!.id };
}

const SET_COORDINATOR = 'mutation($input: SetMunicipalityCoordinatorInput!) { setMunicipalityCoordinator(input: $input) { municipalityId coordinatorPersonId userErrors { field code } } }';
const UPDATE_PREFS = 'mutation($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { preferences { kind enabled dailyDigest } userErrors { field code } } }';
const CANCEL = 'mutation($input: CancelRegistrationInput!) { cancelRegistration(input: $input) { registration { status } userErrors { code } } }';

describe('copies to the municipality’s coordinator', () => {
  it('copies the decisions on the municipality’s registrations to the coordinator its COORDINATOR named, in the network’s language, without the reason or the answer link, until they switch copies off', async () => {
    const coordinator = await personWithAddress('koordinator');
    const baerum = await stack.token('COORDINATOR', { municipality: 'NO-3201', person: coordinator.id });

    // Who may name the coordinator: not another organization's or municipality's people.
    const ks = await stack.token('ORG_ADMIN', { org: 'ks' });
    expect((await stack.refused(SET_COORDINATOR, { input: { municipalityId: 'NO-3201', personId: coordinator.id } }, ks)).codes).toEqual(['FORBIDDEN']);
    const oslo = await stack.token('COORDINATOR', { municipality: 'NO-0301' });
    expect((await stack.refused(SET_COORDINATOR, { input: { municipalityId: 'NO-3201', personId: coordinator.id } }, oslo)).codes).toEqual(['FORBIDDEN']);
    const unknown = await stack.ok(SET_COORDINATOR, { input: { municipalityId: 'NO-3201', personId: '00000000-0000-4000-8000-000000000001' } }, baerum);
    expect(unknown.setMunicipalityCoordinator).toEqual({ municipalityId: null, coordinatorPersonId: null, userErrors: [{ field: ['input', 'personId'], code: 'NOT_FOUND' }] });
    expect(await db().query('SELECT * FROM participants.municipality_coordinator')).toEqual([]);
    const named = await stack.mutate('setMunicipalityCoordinator', { municipalityId: 'NO-3201', personId: coordinator.id }, baerum, { select: 'municipalityId coordinatorPersonId' });
    expect(named).toMatchObject({ municipalityId: 'NO-3201', coordinatorPersonId: coordinator.id });
    const READ = '{ municipality(id: "NO-3201") { coordinatorPersonId } }';
    expect((await stack.ok(READ, {}, baerum)).municipality.coordinatorPersonId).toBe(coordinator.id);
    expect((await stack.refused(READ, {}, oslo)).codes).toEqual(['FORBIDDEN']);

    const networkId = await createNetwork(stack, { capacity: 1, perMunicipalityLimit: null });
    const [a, b, c] = [newPerson(), newPerson(), newPerson()];
    const ra = (await register(stack, baerum, { networkId, municipalityId: 'NO-3201', person: a })).payload!.registration!;
    const rb = (await register(stack, baerum, { networkId, municipalityId: 'NO-3201', person: b })).payload!.registration!;
    await register(stack, admin, { networkId, municipalityId: 'NO-0301', person: c });
    await stack.graphql(CANCEL, { token: baerum, variables: { input: { registrationId: ra.id, reason: 'Sykdom' } } });
    // Each copy is written by the statement that writes the person's own message: the same change.
    const unpaired = await db().query(`SELECT c.id FROM participants.notification c WHERE c.kind = 'COORDINATOR_COPY' AND c.registration_id = ANY($1)
      AND NOT EXISTS (SELECT 1 FROM participants.notification p WHERE p.change_seq = c.change_seq AND p.person_id <> c.person_id AND p.kind = c.data->>'of')`, [[ra.id, rb.id]]);
    expect(unpaired).toEqual([]);
    const before = mail.to(coordinator.email).length;
    await deliver();

    const copies = mail.to(coordinator.email).slice(before);
    // The cancellation and the offer it frees are one transaction: their order within it is not told.
    expect(copies.map((m) => m.subject).sort()).toEqual([
      `Kopi til koordinator: ${a.name} – Testnettverk ${networkId.slice(0, 8)}`,
      `Kopi til koordinator: ${b.name} – Testnettverk ${networkId.slice(0, 8)}`,
      `Kopi til koordinator: ${a.name} – Testnettverk ${networkId.slice(0, 8)}`,
      `Kopi til koordinator: ${b.name} – Testnettverk ${networkId.slice(0, 8)}`,
    ].sort());
    expect(copies.every((m) => m.headers.get('content-language') === 'nb' && m.headers.get('x-kommunenett-notification') === 'COORDINATOR_COPY')).toBe(true);
    expect(copies.map((m) => m.text!.split('\n\n')[2]).sort()).toEqual([
      expect.stringMatching(/^Deltakeren har fått tilbud om en ledig plass og må svare innen \d+\. \w+ \d{4} kl\. \d\d:\d\d CES?T\.$/),
      'Påmeldingen er avsluttet. Kommunen meldte deltakeren av.',
      'Påmeldingen er mottatt, og deltakeren har fått plass.',
      'Påmeldingen er mottatt. Nettverket er fullt, og deltakeren står som nummer 1 på ventelisten.',
    ]);
    // Only what the copy is for: no reason, no answer link, no other municipality's person, no address of the person.
    for (const copy of copies) {
      expect(copy.text).not.toContain('Sykdom');
      expect(copy.text).not.toContain('/offers/');
      expect(copy.text).not.toContain(c.name);
      expect(copy.text).not.toContain(a.email);
    }
    // The people themselves got their own messages, not the copy.
    expect(mail.to(a.email).map((m) => m.subject)).toEqual([expect.stringMatching(/^Påmelding mottatt/), expect.stringMatching(/er avsluttet$/)]);

    // The copy's unsubscribe page names what it switches off.
    const unsubscribe = /(http:\/\/\S+\/unsubscribe\/nb\/\S+)/.exec(copies[0].text!)![1];
    expect(await (await fetch(unsubscribe)).text()).toContain('Vil du slutte å få kopier av meldinger om kommunens påmeldinger på e-post?');

    // The coordinator switches copies off in their own settings: no copy is written any more.
    const off = await stack.mutate('updateNotificationPreferences', { preferences: [{ kind: 'COORDINATOR_COPY', enabled: false }] }, baerum, { select: 'preferences { kind enabled }' });
    expect(off.preferences).toContainEqual({ kind: 'COORDINATOR_COPY', enabled: false });
    const d = (await register(stack, baerum, { networkId: spare, municipalityId: 'NO-3201', person: newPerson() })).payload!.registration!;
    expect(await db().query(`SELECT id FROM participants.notification WHERE kind = 'COORDINATOR_COPY' AND registration_id = $1`, [d.id])).toEqual([]);
    await deliver();
    expect(mail.to(coordinator.email).length).toBe(before + 4);

    // The copies are the coordinator's mail (their export) and name the person: erasing the person clears them.
    const exported = await stack.ok('query($id: ID!) { exportMyData(personId: $id) { participants } }', { id: coordinator.id }, admin);
    expect(exported.exportMyData.participants.messages.filter((m: { kind: string }) => m.kind === 'COORDINATOR_COPY')).toHaveLength(4);
    await stack.mutate('erasePerson', { personId: ra.person!.id }, admin, { select: 'person { id }' });
    const copiesKept = await db().query(`SELECT registration_id AS "registrationId", subject FROM participants.notification WHERE kind = 'COORDINATOR_COPY' AND registration_id = ANY($1)`, [[ra.id, rb.id]]);
    expect(copiesKept.filter((r: { registrationId: string }) => r.registrationId === ra.id).map((r: { subject: string | null }) => r.subject)).toEqual([null, null]);
    expect(copiesKept.filter((r: { registrationId: string; subject: string | null }) => r.registrationId === rb.id && r.subject?.includes(b.name))).toHaveLength(2);
  });
});

describe('new registrations to the network’s contact persons', () => {
  it('sends one message each, or one daily digest per organiser with the new registrations per network, and never a second digest the same day', async () => {
    const [each, digest] = [await personWithAddress('arrangor'), await personWithAddress('arrangor')];
    const nb = await createNetwork(stack, { capacity: 1 });
    const sv = await createNetwork(stack, { country: 'SE', capacity: 5 });
    for (const [id, contactPersonIds] of [[nb, [each.id, digest.id]], [sv, [digest.id]]] as const) {
      const [{ version }] = [(await stack.ok('query($id: ID!) { network(id: $id) { version } }', { id }, admin)).network];
      await stack.mutate('updateNetwork', { id, expectedVersion: version, contactPersonIds }, admin, { select: 'network { id }' });
    }

    const facilitator = await stack.token('FACILITATOR', { person: digest.id, networks: [nb] });
    const refused = await stack.ok(UPDATE_PREFS, { input: { preferences: [{ kind: 'GATHERING_REMINDER', enabled: true, dailyDigest: true }] } }, facilitator);
    expect(refused.updateNotificationPreferences).toEqual({ preferences: null, userErrors: [{ field: ['input', 'preferences', '0', 'dailyDigest'], code: 'DIGEST_NOT_OFFERED' }] });
    const chosen = await stack.mutate('updateNotificationPreferences', { preferences: [{ kind: 'NEW_REGISTRATION', enabled: true, dailyDigest: true }] }, facilitator,
      { select: 'preferences { kind enabled dailyDigest }' });
    expect(chosen.preferences).toContainEqual({ kind: 'NEW_REGISTRATION', enabled: true, dailyDigest: true });

    const [p1, p2, p3] = [newPerson(), newPerson(), newPerson()];
    await register(stack, admin, { networkId: nb, municipalityId: 'NO-3201', person: p1 });
    await register(stack, admin, { networkId: nb, municipalityId: 'NO-0301', person: p2 });
    await register(stack, admin, { networkId: sv, municipalityId: 'SE-0180', person: p3 });
    const sentBefore = { each: mail.to(each.email).length, digest: mail.to(digest.email).length };
    await deliver();

    // One message each to the organiser who takes them so; none to the one who chose the digest.
    const single = mail.to(each.email).slice(sentBefore.each);
    expect(single.map((m) => m.subject)).toEqual([`Ny påmelding til Testnettverk ${nb.slice(0, 8)}: ${p1.name}`, `Ny påmelding til Testnettverk ${nb.slice(0, 8)}: ${p2.name}`]);
    expect(single[0].text).toContain(`${p1.name} fra Bærum har meldt seg på`);
    expect(single[0].text).toContain('Status: har fått plass.');
    expect(single[1].text).toContain('Status: nummer 1 på ventelisten.');
    expect(single[0].text).toMatch(/\/unsubscribe\/nb\//);
    expect(mail.to(digest.email).length).toBe(sentBefore.digest);
    // Theirs wait for the digest, written in each registration's transaction like any message.
    const waiting = async () => (await db().query(`SELECT status, count(*)::int AS n FROM participants.notification WHERE kind = 'NEW_REGISTRATION' AND person_id = $1
      GROUP BY status ORDER BY status`, [digest.id]));
    expect(await waiting()).toEqual([{ status: 'AWAITING_DIGEST', n: 3 }]);

    // The job, twice at the same moment (two instances): one digest for the day.
    settingsOf(participants()).digestHour = 0;
    expect((await Promise.all([queueRegistrationDigests(participants()), queueRegistrationDigests(participants())])).reduce((x, y) => x + y)).toBe(1);
    await runNotificationJob();
    const digests = mail.to(digest.email).slice(sentBefore.digest);
    expect(digests).toHaveLength(1);
    const [day] = digests;
    expect(day.subject).toBe('Nye påmeldinger siste døgn: 3');
    expect(day.headers.get('content-language')).toBe('nb');
    const lines = day.text!.split('\n');
    const row = (p: { name: string }) => lines.find((l) => l.startsWith(`- ${p.name}`));
    expect(row(p1)).toMatch(/^- .+, Bærum: har plass \(påmeldt \d+\. \w+ \d{4} kl\. \d\d:\d\d CES?T\)$/);
    expect(row(p2)).toMatch(/, Oslo: nummer 1 på ventelisten \(påmeldt /);
    expect(row(p3)).toMatch(/, Stockholm: har plass \(påmeldt /);
    // Per network: the rows of each under its name (networks in the order of their names).
    const headings = [nb, sv].map((id) => lines.indexOf(`Testnettverk ${id.slice(0, 8)}`));
    const section = (i: number) => lines.slice(headings[i], headings[1 - i] > headings[i] ? headings[1 - i] : lines.length);
    expect(section(0).filter((l) => l.startsWith('- '))).toEqual([row(p1), row(p2)]);
    expect(section(1).filter((l) => l.startsWith('- '))).toEqual([row(p3)]);
    expect(day.text).toMatch(/\/unsubscribe\/nb\//);
    expect(day.headerLines.find((h) => h.key === 'list-unsubscribe')?.line).toContain('/unsubscribe/nb/');

    // A second run the same day, after another registration: nothing more is sent.
    await register(stack, admin, { networkId: sv, municipalityId: 'SE-0180', person: newPerson() });
    expect(await queueRegistrationDigests(participants())).toBe(0);
    await runNotificationJob();
    expect(mail.to(digest.email).length).toBe(sentBefore.digest + 1);
    expect(await db().query(`SELECT count(*)::int AS n FROM participants.notification WHERE kind = 'REGISTRATION_DIGEST' AND person_id = $1`, [digest.id])).toEqual([{ n: 1 }]);
    // The three told in today's digest; the new one waits for tomorrow's.
    expect(await waiting()).toEqual([{ status: 'AWAITING_DIGEST', n: 1 }, { status: 'SKIPPED', n: 3 }]);

    // Erasing a registered person clears what the organisers' mail kept of them.
    const p1Id = (await db().query('SELECT id FROM participants.person WHERE email = $1', [p1.email]))[0].id;
    await stack.mutate('erasePerson', { personId: p1Id }, admin, { select: 'person { id }' });
    const kept = await db().query(`SELECT kind, body_text AS "text" FROM participants.notification WHERE person_id = ANY($1) AND kind IN ('NEW_REGISTRATION', 'REGISTRATION_DIGEST') AND status = 'SENT'`,
      [[each.id, digest.id]]);
    expect(kept.filter((k: { text: string | null }) => k.text?.includes(p1.name))).toEqual([]);
    expect(kept.filter((k: { kind: string; text: string | null }) => k.kind === 'NEW_REGISTRATION' && k.text?.includes(p2.name))).toHaveLength(1);

    // The digest's unsubscribe link switches new registrations off; the page says so.
    const unsubscribe = /(http:\/\/\S+\/unsubscribe\/nb\/\S+)/.exec(day.text!)![1];
    const done = await fetch(unsubscribe, { method: 'POST' });
    expect(await done.text()).toContain('Du får ikke flere meldinger og daglige oversikter over nye påmeldinger.');
    const prefs = await stack.ok('{ notificationPreferences { kind enabled dailyDigest } }', {}, facilitator);
    expect(prefs.notificationPreferences).toContainEqual({ kind: 'NEW_REGISTRATION', enabled: false, dailyDigest: true });
  });
});
