import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { NotificationKind, OPTIONAL_NOTIFICATIONS } from '../../entities/enums';
import { formatMonth, LANGUAGES, renderMessage, templateName } from './templates';

const VALUES = {
  name: 'Kari Nordmann', network: 'Antikorrupsjonsnettverk Øst', municipality: 'Bærum', organization: 'KS', status: 'WAITLISTED', waitlistPosition: 3,
  cancelledBy: 'PLATFORM', reason: 'Nettverket er avlyst', deadline: '3. desember 2026 kl. 14:00 CET', answerUrl: 'https://kommunenett.example/offers/abc',
  participant: 'Ola Deltaker', of: 'SEAT_OFFERED', unsubscribeUrl: 'https://kommunenett.example/unsubscribe/x', count: 1,
  networks: [{ network: 'Antikorrupsjonsnettverk Øst', registrations: [{ name: 'Ola Deltaker', municipality: 'Asker', status: 'WAITLISTED', waitlistPosition: 2, registeredAt: '1. desember 2026 kl. 09:00 CET' }] }],
};

describe('message templates', () => {
  it.each(LANGUAGES)('has every message in %s, each with a subject, a text and an HTML part and nothing left unfilled', (language) => {
    const files = readdirSync(join(__dirname, '..', '..', '..', 'templates', language)).sort();
    expect(files).toEqual(Object.values(NotificationKind).map((k) => `${templateName(k)}.hbs`).sort());
    for (const kind of Object.values(NotificationKind)) {
      const m = renderMessage(kind, language, VALUES);
      // A digest gathers several networks: its subject counts them instead of naming one.
      expect(kind === NotificationKind.REGISTRATION_DIGEST ? m.text : m.subject).toContain('Antikorrupsjonsnettverk Øst');
      expect(m.text).toContain('Kari Nordmann');
      if (OPTIONAL_NOTIFICATIONS.includes(kind)) expect(m.html).toContain('href="https://kommunenett.example/unsubscribe/x"');
      expect(m.html).toContain(`<html lang="${language}">`);
      for (const part of [m.subject, m.text, m.html]) expect(part).not.toMatch(/\{\{|\}\}/);
    }
  });

  it('writes the digest’s rows with their status, and the copy with what the person was told but no answer link', () => {
    const digest = renderMessage(NotificationKind.REGISTRATION_DIGEST, 'nn', VALUES);
    expect(digest.text).toContain('- Ola Deltaker, Asker: nummer 2 på ventelista (påmeld 1. desember 2026 kl. 09:00 CET)');
    const copy = renderMessage(NotificationKind.COORDINATOR_COPY, 'sv', VALUES);
    expect(copy.subject).toBe('Kopia till samordnare: Ola Deltaker – Antikorrupsjonsnettverk Øst');
    expect(copy.text).toContain('måste svara senast 3. desember 2026 kl. 14:00 CET');
    expect(copy.text).not.toContain('offers/abc');
  });

  it('escapes what people typed in the HTML part, not in the text part', () => {
    const m = renderMessage(NotificationKind.REGISTRATION_REJECTED, 'nb', { ...VALUES, reason: 'Ikke <b>nå</b> & ikke her' });
    expect(m.html).toContain('Ikke &lt;b&gt;nå&lt;/b&gt; &amp; ikke her');
    expect(m.text).toContain('Ikke <b>nå</b> & ikke her');
  });

  it('writes a month known only as a month as a month', () => {
    expect(formatMonth('2013-10', 'nb')).toBe('oktober 2013');
    expect(formatMonth('2013-10', 'nn')).toBe('oktober 2013');
    expect(formatMonth('2014-03', 'sv')).toBe('mars 2014');
    expect(formatMonth('2013-10', 'en')).toBe('October 2013');
  });
});
