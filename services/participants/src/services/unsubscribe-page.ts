import type { HttpRoute, RouteDeps } from '@kommunenett/subgraph-kit';
import { OPTIONAL_NOTIFICATIONS } from '../entities/enums';
import { asLanguage, type MailLanguage } from './mail/templates';
import { invalidLinkPage, page, sendPage } from './pages';
import { setPreferences } from './preferences';
import { readUnsubscribeToken } from './signed-links';

/**
 * The unsubscribe link of an optional message (a reminder, a copy to the coordinator, an
 * organiser's message or digest), naming what it switches off: GET asks, POST switches it off
 * (a mail scanner that opens links changes nothing; mail programs' one-click unsubscribe posts).
 */

/** What the link switches off, per message kind, as the page names it. */
type Optional = 'OFFER_REMINDER' | 'GATHERING_REMINDER' | 'ASSIGNMENT_DUE' | 'COORDINATOR_COPY' | 'NEW_REGISTRATION';

const TEXT: Record<MailLanguage, { title: string; ask: string; button: string; done: string; still: string; what: Record<Optional, string> }> = {
  nb: {
    title: 'Avmelding fra e-post', button: 'Ja, meld meg av',
    ask: 'Vil du slutte å få {what} på e-post?',
    still: 'Beskjeder du trenger, som svar på en påmelding og tilbud om plass, får du fortsatt.',
    done: 'Du får ikke flere {what}. Du kan slå dem på igjen i varslingsinnstillingene dine.',
    what: {
      OFFER_REMINDER: 'påminnelser om svarfrister for tilbud om plass', GATHERING_REMINDER: 'påminnelser om samlinger',
      ASSIGNMENT_DUE: 'påminnelser om arbeid som skal være gjort før en samling', COORDINATOR_COPY: 'kopier av meldinger om kommunens påmeldinger',
      NEW_REGISTRATION: 'meldinger og daglige oversikter over nye påmeldinger',
    },
  },
  nn: {
    title: 'Avmelding frå e-post', button: 'Ja, meld meg av',
    ask: 'Vil du slutte å få {what} på e-post?',
    still: 'Meldingar du treng, som svar på ei påmelding og tilbod om plass, får du framleis.',
    done: 'Du får ikkje fleire {what}. Du kan slå dei på att i varslingsinnstillingane dine.',
    what: {
      OFFER_REMINDER: 'påminningar om svarfristar for tilbod om plass', GATHERING_REMINDER: 'påminningar om samlingar',
      ASSIGNMENT_DUE: 'påminningar om arbeid som skal vere gjort før ei samling', COORDINATOR_COPY: 'kopiar av meldingar om påmeldingane til kommunen',
      NEW_REGISTRATION: 'meldingar og daglege oversikter over nye påmeldingar',
    },
  },
  sv: {
    title: 'Avregistrering från e-post', button: 'Ja, avregistrera mig',
    ask: 'Vill du sluta få {what} via e-post?',
    still: 'Besked du behöver, som svar på en anmälan och erbjudanden om plats, får du fortfarande.',
    done: 'Du får inga fler {what}. Du kan slå på dem igen i dina aviseringsinställningar.',
    what: {
      OFFER_REMINDER: 'påminnelser om svarsfrister för erbjudanden om plats', GATHERING_REMINDER: 'påminnelser om träffar',
      ASSIGNMENT_DUE: 'påminnelser om uppgifter som ska vara klara före en träff', COORDINATOR_COPY: 'kopior av meddelanden om kommunens anmälningar',
      NEW_REGISTRATION: 'meddelanden och dagliga sammanställningar om nya anmälningar',
    },
  },
  en: {
    title: 'Unsubscribe from e-mail', button: 'Yes, unsubscribe',
    ask: 'Stop receiving {what} by email?',
    still: 'Messages you need, such as answers to a registration and offers of a seat, still come.',
    done: 'You will receive no more {what}. You can switch them on again in your notification settings.',
    what: {
      OFFER_REMINDER: 'reminders of answer deadlines for seat offers', GATHERING_REMINDER: 'reminders of gatherings',
      ASSIGNMENT_DUE: 'reminders of work due before a gathering', COORDINATOR_COPY: 'copies of messages about your municipality’s registrations',
      NEW_REGISTRATION: 'messages and daily digests of new registrations',
    },
  },
};

/** The page's sentences for a kind in a language. */
function wording(language: string, kind: string) {
  const t = TEXT[asLanguage(language)];
  const what = t.what[kind as Optional] ?? t.what.OFFER_REMINDER;
  return { ...t, ask: t.ask.replace('{what}', what), done: t.done.replace('{what}', what) };
}

const PATH = /^\/unsubscribe\/(nb|nn|sv|en)\/([A-Za-z0-9._-]{1,200})$/;

const subscriptionOf = (deps: RouteDeps, token: string) => {
  const link = readUnsubscribeToken(deps, token);
  return link && OPTIONAL_NOTIFICATIONS.includes(link.kind) ? link : null;
};

export const unsubscribeRoutes: HttpRoute[] = [
  {
    method: 'GET', path: PATH,
    async handle(_req, res, match, deps) {
      const link = subscriptionOf(deps, match[2]);
      if (!link) return sendPage(res, 404, invalidLinkPage());
      const t = wording(match[1], link.kind);
      sendPage(res, 200, page(match[1], t.title, [t.ask, t.still], `<form method="post"><button type="submit" name="answer" value="accept">${t.button}</button></form>`));
    },
  },
  {
    method: 'POST', path: PATH,
    async handle(_req, res, match, deps) {
      const link = subscriptionOf(deps, match[2]);
      if (!link) return sendPage(res, 404, invalidLinkPage());
      await setPreferences(deps.ds, link.personId, [{ kind: link.kind, enabled: false }]);
      const t = wording(match[1], link.kind);
      sendPage(res, 200, page(match[1], t.title, [t.done]));
    },
  },
];
