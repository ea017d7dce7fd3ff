import ICAL from 'ical.js';
import { createNetwork, newPerson, type TestStack } from '@kommunenett/stack/testing';
import { deliverNotifications } from '../src/services/notifications';
import { queueGatheringReminders, syncGatherings } from '../src/services/gathering-notices';
import { register } from './fixtures';
import { startStackWithMail, TestMailServer } from './mail-server';

/** A gathering that gets its date or moves is told to the confirmed participants with an .ics file; a reminder comes before it. */
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
const deliver = () => deliverNotifications(participants());

const mutate = (name: string, input: Record<string, unknown>, token: string, select: string) => stack.mutate(name, input, token, { select });

/** The one VEVENT of an .ics attachment, as ical.js reads it. */
function eventOf(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents('vevent');
  expect(events).toHaveLength(1);
  return new ICAL.Event(events[0]);
}

describe('gatherings scheduled and moved', () => {
  it('tells each confirmed participant, once, in the network’s language, with a calendar file that updates the same event', async () => {
    const networkId = await createNetwork(stack, { capacity: 2 });
    const [first, second, third] = [newPerson(), newPerson(), newPerson()];
    for (const [person, municipalityId] of [[first, 'NO-3201'], [second, 'NO-0301'], [third, 'NO-3203']] as const) {
      await register(stack, admin, { networkId, municipalityId, person });
    }
    await deliver();
    const facilitator = await stack.token('FACILITATOR', { networks: [networkId] });
    const planned = (await mutate('createSession', { networkId, title: 'Andre samling', plannedMonth: '2099-10', location: { venue: 'Thon Hotel Oslo Airport', place: 'Gardermoen' } },
      facilitator, 'session { id version }')).session;
    // The first reading of the network records its gatherings and tells no one.
    expect(await syncGatherings(participants(), [networkId])).toBe(0);

    const scheduled = (await mutate('scheduleSession', { sessionId: planned.id, expectedVersion: planned.version,
      times: { startDate: '2099-10-14', startTime: '10:00', endTime: '15:30' } }, facilitator, 'session { id version }')).session;
    expect(await syncGatherings(participants(), [networkId])).toBe(2); // the two confirmed, not the waitlisted
    expect(await syncGatherings(participants(), [networkId])).toBe(0);
    expect(await deliver()).toMatchObject({ sent: 2 });
    const [message] = mail.to(first.email).filter((m) => m.subject?.startsWith('Samlingen'));
    expect(mail.to(third.email).filter((m) => m.subject?.startsWith('Samlingen'))).toHaveLength(0);
    expect(message.subject).toMatch(/^Samlingen Andre samling i Testnettverk \w{8}: 14\. oktober 2099 kl\. 10:00 CEST$/);
    expect(message.headers.get('content-language')).toBe('nb');
    // A month becoming a date: the month written as a month, never with an invented day.
    expect(message.text).toContain('samlingen Andre samling i Testnettverk');
    expect(message.text).toContain(', planlagt til oktober 2099, har fått tidspunkt: 14. oktober 2099 kl. 10:00 CEST.');
    expect(message.text).toContain('Sted: Thon Hotel Oslo Airport, Gardermoen');
    const [ics] = message.attachments;
    expect(ics.contentType).toBe('text/calendar');
    const event = eventOf(ics.content.toString('utf8'));
    expect(event.uid).toBe(`${planned.id}@kommunenett`);
    expect(event.startDate.toJSDate().toISOString()).toBe('2099-10-14T08:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2099-10-14T13:30:00.000Z');
    expect(event.summary).toContain('Andre samling');
    expect(event.location).toBe('Thon Hotel Oslo Airport, Gardermoen');
    expect(event.sequence).toBe(0);

    // Moved: the message says from when to when, and the calendar file updates the same event.
    await mutate('scheduleSession', { sessionId: planned.id, expectedVersion: scheduled.version,
      times: { startDate: '2099-10-21', startTime: '10:00', endTime: '15:30' } }, facilitator, 'session { id }');
    expect(await syncGatherings(participants(), [networkId])).toBe(2);
    await deliver();
    const moved = mail.to(second.email).filter((m) => m.subject?.startsWith('Samlingen'));
    expect(moved).toHaveLength(2);
    expect(moved[1].text).toContain('er flyttet fra 14. oktober 2099 kl. 10:00 CEST til 21. oktober 2099 kl. 10:00 CEST');
    const update = eventOf(moved[1].attachments[0].content.toString('utf8'));
    expect([update.uid, update.sequence, update.startDate.toJSDate().toISOString()]).toEqual([`${planned.id}@kommunenett`, 1, '2099-10-21T08:00:00.000Z']);
  });

  it('reminds confirmed participants of a gathering and of the work due before it, once, with an unsubscribe link', async () => {
    const networkId = await createNetwork(stack, { capacity: 5, country: 'SE' });
    const person = newPerson();
    await register(stack, admin, { networkId, municipalityId: 'SE-0180', person });
    const facilitator = await stack.token('FACILITATOR', { networks: [networkId] });
    expect(await syncGatherings(participants(), [networkId])).toBe(0);
    const tomorrow = new Date(Date.now() + 26 * 3_600_000).toISOString().slice(0, 10);
    const session = (await mutate('createSession', { networkId, title: 'Första träffen', times: { startDate: tomorrow, startTime: '23:00', endTime: '23:30' } }, facilitator, 'session { id }')).session;
    await mutate('createAssignment', { networkId, title: 'Kartläggning av risker', instructions: 'Gör en riskanalys.', dueBeforeSessionId: session.id }, facilitator, 'assignment { id }');
    await syncGatherings(participants(), [networkId]);
    const kinds = async () => (await participants().ds.query(`SELECT kind FROM participants.notification WHERE network_id = $1 AND kind <> 'REGISTRATION_RECEIVED' ORDER BY kind`, [networkId]))
      .map((r: { kind: string }) => r.kind);
    expect(await queueGatheringReminders(participants())).toBeGreaterThanOrEqual(2);
    // A new gathering with a date is news as well.
    expect(await kinds()).toEqual(['ASSIGNMENT_DUE', 'GATHERING_REMINDER', 'GATHERING_SCHEDULED']);
    expect(await queueGatheringReminders(participants())).toBe(0);
    await deliver();
    const [work] = mail.to(person.email).filter((m) => m.subject?.startsWith('Arbete före'));
    expect(work.subject).toMatch(/^Arbete före träffen Första träffen i Testnettverk/);
    expect(work.text).toContain('- Kartläggning av risker');
    const reminders = mail.to(person.email).filter((m) => m.subject?.startsWith('Påminnelse'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0].headers.get('content-language')).toBe('sv');
    expect(reminders[0].text).toContain('välkommen till träffen Första träffen');
    expect(reminders[0].text).toMatch(new RegExp(`${stack.baseUrl}/unsubscribe/\\S+`));
    expect(reminders[0].headerLines.find((h) => h.key === 'list-unsubscribe')?.line).toContain('/unsubscribe/sv/');
  });
});
