import type { HttpRoute, RouteDeps } from '@kommunenett/subgraph-kit';
import { OPTIONAL_NOTIFICATIONS } from '../entities/enums';
import { asLanguage, type MailLanguage } from './mail/templates';
import { invalidLinkPage, page, sendPage } from './pages';
import { setPreferences } from './preferences';
import { readUnsubscribeToken } from './signed-links';

/**
 * The unsubscribe link of an optional message (a reminder): GET asks, POST switches the message off
 * (a mail scanner that opens links changes nothing; mail programs' one-click unsubscribe posts).
 */

const TEXT: Record<MailLanguage, { title: string; ask: string; button: string; done: string }> = {
  nb: {
    title: 'Avmelding fra påminnelser', button: 'Ja, meld meg av',
    ask: 'Vil du slutte å få påminnelser om svarfrister på e-post? Beskjeder om påmeldingen din får du fortsatt.',
    done: 'Du får ikke flere slike påminnelser. Du kan slå dem på igjen i varslingsinnstillingene dine.',
  },
  nn: {
    title: 'Avmelding frå påminningar', button: 'Ja, meld meg av',
    ask: 'Vil du slutte å få påminningar om svarfristar på e-post? Meldingar om påmeldinga di får du framleis.',
    done: 'Du får ikkje fleire slike påminningar. Du kan slå dei på att i varslingsinnstillingane dine.',
  },
  sv: {
    title: 'Avregistrering från påminnelser', button: 'Ja, avregistrera mig',
    ask: 'Vill du sluta få påminnelser om svarsfrister via e-post? Besked om din anmälan får du fortfarande.',
    done: 'Du får inga fler sådana påminnelser. Du kan slå på dem igen i dina aviseringsinställningar.',
  },
  en: {
    title: 'Unsubscribe from reminders', button: 'Yes, unsubscribe',
    ask: 'Stop receiving reminders of answer deadlines by email? Messages about your registration still come.',
    done: 'You will receive no more of these reminders. You can switch them on again in your notification settings.',
  },
};

const PATH = /^\/unsubscribe\/(nb|nn|sv|en)\/([A-Za-z0-9._-]{1,200})$/;

const subscriptionOf = (deps: RouteDeps, token: string) => {
  const link = readUnsubscribeToken(deps, token);
  return link && OPTIONAL_NOTIFICATIONS.includes(link.kind) ? link : null;
};

export const unsubscribeRoutes: HttpRoute[] = [
  {
    method: 'GET', path: PATH,
    async handle(_req, res, match, deps) {
      if (!subscriptionOf(deps, match[2])) return sendPage(res, 404, invalidLinkPage());
      const t = TEXT[asLanguage(match[1])];
      sendPage(res, 200, page(match[1], t.title, [t.ask], `<form method="post"><button type="submit" name="answer" value="accept">${t.button}</button></form>`));
    },
  },
  {
    method: 'POST', path: PATH,
    async handle(_req, res, match, deps) {
      const link = subscriptionOf(deps, match[2]);
      if (!link) return sendPage(res, 404, invalidLinkPage());
      await setPreferences(deps.ds, link.personId, [{ kind: link.kind, enabled: false }]);
      const t = TEXT[asLanguage(match[1])];
      sendPage(res, 200, page(match[1], t.title, [t.done]));
    },
  },
];
