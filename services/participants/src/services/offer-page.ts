import type { ServerResponse } from 'node:http';
import type { HttpRoute } from '@kommunenett/subgraph-kit';
import { answerOffer, viewOffer, type OfferState, type OfferView } from './offers';
import { asLanguage, formatDateTime, type MailLanguage } from './mail/templates';
import { escapeHtml, invalidLinkPage, page, sendPage } from './pages';

/**
 * The page a seat offer's link opens: the offer, the network and the deadline, with accept and
 * decline buttons in a plain form (no JavaScript), in the network's language.
 */

const TEXT: Record<MailLanguage, Record<OfferState | 'title' | 'deadline' | 'accept' | 'decline', string>> = {
  nb: {
    title: 'Tilbud om plass', OPEN: 'Du har fått tilbud om plass i {network}.', deadline: 'Svar innen {deadline}.',
    accept: 'Ja, jeg tar plassen', decline: 'Nei takk',
    ACCEPTED: 'Du har takket ja. Plassen i {network} er din.',
    PENDING_APPROVAL: 'Du har takket ja til plassen i {network}. Arrangøren skal godkjenne påmeldingen, og du får beskjed på e-post.',
    DECLINED: 'Du har takket nei. Plassen i {network} går videre til nestemann på ventelisten.',
    EXPIRED: 'Fristen for å svare gikk ut {deadline}. Plassen i {network} er gått videre til nestemann på ventelisten.',
    ANSWERED: 'Dette tilbudet om plass i {network} er allerede besvart. Lenken kan brukes én gang.',
    INVALID: '',
  },
  nn: {
    title: 'Tilbod om plass', OPEN: 'Du har fått tilbod om plass i {network}.', deadline: 'Svar innan {deadline}.',
    accept: 'Ja, eg tek plassen', decline: 'Nei takk',
    ACCEPTED: 'Du har takka ja. Plassen i {network} er din.',
    PENDING_APPROVAL: 'Du har takka ja til plassen i {network}. Arrangøren skal godkjenne påmeldinga, og du får melding på e-post.',
    DECLINED: 'Du har takka nei. Plassen i {network} går vidare til neste på ventelista.',
    EXPIRED: 'Fristen for å svare gjekk ut {deadline}. Plassen i {network} har gått vidare til neste på ventelista.',
    ANSWERED: 'Dette tilbodet om plass i {network} er alt svart på. Lenkja kan brukast éin gong.',
    INVALID: '',
  },
  sv: {
    title: 'Erbjudande om plats', OPEN: 'Du erbjuds en plats i {network}.', deadline: 'Svara senast {deadline}.',
    accept: 'Ja, jag tar platsen', decline: 'Nej tack',
    ACCEPTED: 'Du har tackat ja. Platsen i {network} är din.',
    PENDING_APPROVAL: 'Du har tackat ja till platsen i {network}. Arrangören ska godkänna anmälan, och du får besked via e-post.',
    DECLINED: 'Du har tackat nej. Platsen i {network} går vidare till nästa person på väntelistan.',
    EXPIRED: 'Tidsfristen för att svara gick ut {deadline}. Platsen i {network} har gått vidare till nästa person på väntelistan.',
    ANSWERED: 'Det här erbjudandet om plats i {network} är redan besvarat. Länken kan användas en gång.',
    INVALID: '',
  },
  en: {
    title: 'Offer of a seat', OPEN: 'You are offered a seat in {network}.', deadline: 'Answer by {deadline}.',
    accept: 'Yes, I take the seat', decline: 'No, thank you',
    ACCEPTED: 'You have accepted. The seat in {network} is yours.',
    PENDING_APPROVAL: 'You have accepted the seat in {network}. The organiser will approve the registration; you will hear by email.',
    DECLINED: 'You have declined. The seat in {network} passes to the next person on the waitlist.',
    EXPIRED: 'The deadline to answer passed on {deadline}. The seat in {network} has passed to the next person on the waitlist.',
    ANSWERED: 'This offer of a seat in {network} has already been answered. The link works once.',
    INVALID: '',
  },
};

const STATUS: Record<OfferState, number> = { OPEN: 200, ACCEPTED: 200, PENDING_APPROVAL: 200, DECLINED: 200, EXPIRED: 410, ANSWERED: 409, INVALID: 404 };

export function renderOfferPage(view: OfferView): string {
  if (view.state === 'INVALID') return invalidLinkPage();
  const language = asLanguage(view.language);
  const t = TEXT[language];
  const fill = (s: string) => s.replace('{network}', view.networkName ?? '').replace('{deadline}', formatDateTime(view.offerExpiresAt!, language, view.timeZone ?? 'Europe/Oslo'));
  if (view.state !== 'OPEN') return page(language, t.title, [fill(t[view.state])]);
  const form = `<form method="post">
<button type="submit" name="answer" value="accept">${escapeHtml(t.accept)}</button>
<button type="submit" name="answer" value="decline">${escapeHtml(t.decline)}</button>
</form>`;
  return page(language, t.title, [fill(t.OPEN), fill(t.deadline)], form);
}

const send = (res: ServerResponse, view: OfferView) => sendPage(res, STATUS[view.state], renderOfferPage(view));

const OFFER_PATH = /^\/offers\/([A-Za-z0-9._-]{1,200})$/;

export const offerRoutes: HttpRoute[] = [
  { method: 'GET', path: OFFER_PATH, handle: async (_req, res, match, deps) => send(res, await viewOffer(deps, match[1])) },
  {
    method: 'POST', path: OFFER_PATH,
    async handle(_req, res, match, deps) {
      const answer = new URLSearchParams(deps.body).get('answer');
      if (answer !== 'accept' && answer !== 'decline') return send(res, await viewOffer(deps, match[1]));
      send(res, await answerOffer(deps, match[1], answer === 'accept'));
    },
  },
];
