import { signal } from './signal';

/** Interface languages: Norwegian bokmål, Swedish, English. */
export const LOCALES = ['nb', 'sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const BCP47: Record<Locale, string> = { nb: 'nb-NO', sv: 'sv-SE', en: 'en-GB' };

/** The browser's first language we speak (nn and no count as nb, da as nb), else bokmål. */
export function browserLocale(languages: readonly string[] = navigator.languages ?? [navigator.language]): Locale {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'nb' || base === 'nn' || base === 'no' || base === 'da') return 'nb';
    if (base === 'sv') return 'sv';
    if (base === 'en') return 'en';
  }
  return 'nb';
}

export const locale = signal<Locale>(browserLocale());

const en = {
  appName: 'kommunenett dashboard',
  skip: 'Skip to content',
  navOverview: 'Overview', navStatistics: 'Statistics', navOutcomes: 'Outcomes', navHandbook: 'Handbook',
  language: 'Language',
  signIn: 'Sign in', signOut: 'Sign out', signedInAs: 'Signed in as {role}', anonymous: 'Not signed in (public view)',
  rolePicker: 'Development sign-in: choose a role', roleAnonymous: 'Anonymous',
  signInOidc: 'Sign in with your organisation',
  loading: 'Loading…',
  retry: 'Try again',
  errUnreachable: 'The API cannot be reached right now.',
  errStale: 'Showing saved data from an earlier visit; it may be out of date.',
  errExpired: 'Your session has expired. Please sign in again.',
  errForbidden: 'Your role may not see this part. Sign in with another role to see it.',
  errSignInToSee: 'Sign in to see this part.',
  errCost: 'The question was too large for the API to answer at once. Narrow it (fewer municipalities, one county) and try again.',
  errOther: 'Something went wrong: {message}',
  notFound: 'Not found', notFoundNetwork: 'There is no network with the id “{id}”, or it is not public.', notFoundPage: 'There is no page at this address.',
  backToOverview: 'Back to the overview',
  programmes: 'Programmes and their networks',
  openNow: 'Open for registration', running: 'Running', completed: 'Completed', planned: 'Planned', other: 'Other',
  networks: 'Networks', nextGatherings: 'Next gatherings', noNextGatherings: 'No gatherings are planned ahead.',
  participationByCounty: 'Participants and municipalities by county',
  norway: 'Norway', sweden: 'Sweden', county: 'County', municipality: 'Municipality',
  participants: 'Participants', municipalities: 'Municipalities', total: 'Total',
  fewerThan: 'fewer than {n}',
  status: 'Status', sessions: 'Gatherings', date: 'Date', title: 'Title', place: 'Place',
  network: 'Network', programme: 'Programme', hosts: 'Hosts', capacity: 'Capacity', seatsLeft: 'Seats left',
  waitlist: 'Waitlist', attendanceRate: 'Attendance', registrationDeadline: 'Registration deadline',
  timeline: 'Gatherings on a timeline', precisionExact: 'exact date', precisionMonth: 'month known', precisionSpan: 'months known', precisionUndecided: 'not decided',
  agenda: 'Agenda', noAgenda: 'No agenda yet.', time: 'Time', leaders: 'Led by',
  registrationsByStatus: 'Registrations by status', registrantsByCounty: 'Where should we meet? Confirmed registrants by county',
  waitlistAndOffers: 'Waitlist and offers', position: 'Position', offerExpires: 'Offer expires', noWaitlist: 'Nobody is waiting.',
  attendancePerSession: 'Attendance per gathering', present: 'Present', absent: 'Absent', excused: 'Excused', notRecorded: 'Not recorded',
  organiserOnly: 'Registrations, waitlist and attendance are shown to the network’s organisers.',
  indicator: 'Indicator', level: 'Level', period: 'Period', country: 'Country',
  value: 'Value', perThousand: 'Per 1,000 inhabitants', units: 'Municipalities in the cell',
  downloadCsv: 'Download CSV (what is shown)', chartOf: 'Chart: {indicator}, {period}, {level}',
  narrowToCounty: 'Show by county instead',
  noData: 'No data for {indicator} in {period}. Choose another period.',
  suppressedNote: 'Cells built from fewer than {n} municipalities are not shown, so no single municipality can be recognised.',
  outcomesIntro: 'Municipalities that took part in a programme against those that did not, before and after.',
  tookPart: 'Took part', didNotTakePart: 'Did not take part', difference: 'Difference', mean: 'Mean',
  noDiffInDiff: 'Not enough data to compare the first and last period.',
  estimateCaption: 'Difference in differences, {from}–{to}', estimate: 'Estimate', confidenceInterval: '{level} % confidence interval',
  measuredInBoth: 'Municipalities measured in both years', intervalRange: '{lower} to {upper}',
  bootstrapNote: 'Interval: percentile bootstrap over municipalities, {n} resamples with a fixed seed. The others are every municipality of the same countries that did not take part.',
  estimateSuppressed: 'Fewer than {n} municipalities on one side were measured in both years: no estimate.',
  generatedValues: 'The values are generated for the demo ({n} values): they are not measurements.',
  importedValues: 'Values from {source}: {n}.',
  tooFewToCompare: '{n} municipalities took part in this programme; a comparison needs at least {threshold}, so that no municipality can be recognised.',
  search: 'Search the handbook', searchButton: 'Search', results: '{n} hits', noResults: 'No hits.',
  edition: 'Edition', revisionHistory: 'Revision history', publishedOn: 'Published {date}', draft: 'Draft',
  changedByNetworks: 'Networks whose learnings changed it', noNetworkChanges: 'No network learnings recorded for this edition.',
  chapterIn: 'In {handbook}, edition {n}',
};
export type MessageKey = keyof typeof en;

const nb: Record<MessageKey, string> = {
  appName: 'kommunenett-dashbord',
  skip: 'Hopp til innholdet',
  navOverview: 'Oversikt', navStatistics: 'Statistikk', navOutcomes: 'Resultater', navHandbook: 'Håndbok',
  language: 'Språk',
  signIn: 'Logg inn', signOut: 'Logg ut', signedInAs: 'Logget inn som {role}', anonymous: 'Ikke logget inn (offentlig visning)',
  rolePicker: 'Innlogging for utvikling: velg en rolle', roleAnonymous: 'Anonym',
  signInOidc: 'Logg inn med organisasjonen din',
  loading: 'Laster …',
  retry: 'Prøv igjen',
  errUnreachable: 'API-et kan ikke nås akkurat nå.',
  errStale: 'Viser lagrede data fra et tidligere besøk; de kan være utdaterte.',
  errExpired: 'Økten din er utløpt. Logg inn på nytt.',
  errForbidden: 'Rollen din har ikke tilgang til denne delen. Logg inn med en annen rolle for å se den.',
  errSignInToSee: 'Logg inn for å se denne delen.',
  errCost: 'Spørsmålet var for stort til at API-et kan svare på det på én gang. Avgrens det (færre kommuner, ett fylke) og prøv igjen.',
  errOther: 'Noe gikk galt: {message}',
  notFound: 'Ikke funnet', notFoundNetwork: 'Det finnes ikke noe nettverk med id «{id}», eller det er ikke offentlig.', notFoundPage: 'Det finnes ingen side på denne adressen.',
  backToOverview: 'Tilbake til oversikten',
  programmes: 'Programmer og nettverkene deres',
  openNow: 'Åpent for påmelding', running: 'Pågår', completed: 'Avsluttet', planned: 'Planlagt', other: 'Annet',
  networks: 'Nettverk', nextGatherings: 'Neste samlinger', noNextGatherings: 'Ingen samlinger er planlagt framover.',
  participationByCounty: 'Deltakere og kommuner etter fylke',
  norway: 'Norge', sweden: 'Sverige', county: 'Fylke', municipality: 'Kommune',
  participants: 'Deltakere', municipalities: 'Kommuner', total: 'Totalt',
  fewerThan: 'færre enn {n}',
  status: 'Status', sessions: 'Samlinger', date: 'Dato', title: 'Tittel', place: 'Sted',
  network: 'Nettverk', programme: 'Program', hosts: 'Arrangører', capacity: 'Kapasitet', seatsLeft: 'Ledige plasser',
  waitlist: 'Venteliste', attendanceRate: 'Oppmøte', registrationDeadline: 'Påmeldingsfrist',
  timeline: 'Samlinger på en tidslinje', precisionExact: 'eksakt dato', precisionMonth: 'måned kjent', precisionSpan: 'måneder kjent', precisionUndecided: 'ikke bestemt',
  agenda: 'Program for samlingen', noAgenda: 'Ikke noe program ennå.', time: 'Tid', leaders: 'Ledes av',
  registrationsByStatus: 'Påmeldinger etter status', registrantsByCounty: 'Hvor bør vi møtes? Bekreftede påmeldte etter fylke',
  waitlistAndOffers: 'Venteliste og tilbud', position: 'Plass', offerExpires: 'Tilbudet utløper', noWaitlist: 'Ingen står på venteliste.',
  attendancePerSession: 'Oppmøte per samling', present: 'Til stede', absent: 'Fraværende', excused: 'Meldt forfall', notRecorded: 'Ikke registrert',
  organiserOnly: 'Påmeldinger, venteliste og oppmøte vises for nettverkets arrangører.',
  indicator: 'Indikator', level: 'Nivå', period: 'Periode', country: 'Land',
  value: 'Verdi', perThousand: 'Per 1 000 innbyggere', units: 'Kommuner i cellen',
  downloadCsv: 'Last ned CSV (det som vises)', chartOf: 'Diagram: {indicator}, {period}, {level}',
  narrowToCounty: 'Vis per fylke i stedet',
  noData: 'Ingen data for {indicator} i {period}. Velg en annen periode.',
  suppressedNote: 'Celler med færre enn {n} kommuner vises ikke, slik at ingen enkeltkommune kan kjennes igjen.',
  outcomesIntro: 'Kommuner som deltok i et program mot kommuner som ikke deltok, før og etter.',
  tookPart: 'Deltok', didNotTakePart: 'Deltok ikke', difference: 'Forskjell', mean: 'Gjennomsnitt',
  noDiffInDiff: 'Ikke nok data til å sammenligne første og siste periode.',
  estimateCaption: 'Forskjell i forskjeller, {from}–{to}', estimate: 'Anslag', confidenceInterval: '{level} % konfidensintervall',
  measuredInBoth: 'Kommuner målt begge år', intervalRange: '{lower} til {upper}',
  bootstrapNote: 'Intervall: persentil-bootstrap over kommuner, {n} trekninger med fast frø. De andre er alle kommuner i de samme landene som ikke deltok.',
  estimateSuppressed: 'Færre enn {n} kommuner på én side er målt begge år: ikke noe anslag.',
  generatedValues: 'Verdiene er generert for demoen ({n} verdier): de er ikke målinger.',
  importedValues: 'Verdier fra {source}: {n}.',
  tooFewToCompare: '{n} kommuner deltok i dette programmet; en sammenligning krever minst {threshold}, så ingen kommune kan kjennes igjen.',
  search: 'Søk i håndboka', searchButton: 'Søk', results: '{n} treff', noResults: 'Ingen treff.',
  edition: 'Utgave', revisionHistory: 'Revisjonshistorikk', publishedOn: 'Publisert {date}', draft: 'Utkast',
  changedByNetworks: 'Nettverk som har endret den med sine erfaringer', noNetworkChanges: 'Ingen erfaringer fra nettverk er registrert for denne utgaven.',
  chapterIn: 'I {handbook}, utgave {n}',
};

const sv: Record<MessageKey, string> = {
  appName: 'kommunenett-instrumentpanel',
  skip: 'Hoppa till innehållet',
  navOverview: 'Översikt', navStatistics: 'Statistik', navOutcomes: 'Resultat', navHandbook: 'Handbok',
  language: 'Språk',
  signIn: 'Logga in', signOut: 'Logga ut', signedInAs: 'Inloggad som {role}', anonymous: 'Inte inloggad (offentlig vy)',
  rolePicker: 'Inloggning för utveckling: välj en roll', roleAnonymous: 'Anonym',
  signInOidc: 'Logga in med din organisation',
  loading: 'Laddar …',
  retry: 'Försök igen',
  errUnreachable: 'API:et kan inte nås just nu.',
  errStale: 'Visar sparade data från ett tidigare besök; de kan vara inaktuella.',
  errExpired: 'Din session har gått ut. Logga in igen.',
  errForbidden: 'Din roll har inte tillgång till den här delen. Logga in med en annan roll för att se den.',
  errSignInToSee: 'Logga in för att se den här delen.',
  errCost: 'Frågan var för stor för att API:et ska kunna svara på en gång. Avgränsa den (färre kommuner, ett län) och försök igen.',
  errOther: 'Något gick fel: {message}',
  notFound: 'Hittades inte', notFoundNetwork: 'Det finns inget nätverk med id ”{id}”, eller så är det inte offentligt.', notFoundPage: 'Det finns ingen sida på den här adressen.',
  backToOverview: 'Tillbaka till översikten',
  programmes: 'Program och deras nätverk',
  openNow: 'Öppet för anmälan', running: 'Pågår', completed: 'Avslutat', planned: 'Planerat', other: 'Övrigt',
  networks: 'Nätverk', nextGatherings: 'Nästa träffar', noNextGatherings: 'Inga träffar är planerade framåt.',
  participationByCounty: 'Deltagare och kommuner per län',
  norway: 'Norge', sweden: 'Sverige', county: 'Län/fylke', municipality: 'Kommun',
  participants: 'Deltagare', municipalities: 'Kommuner', total: 'Totalt',
  fewerThan: 'färre än {n}',
  status: 'Status', sessions: 'Träffar', date: 'Datum', title: 'Titel', place: 'Plats',
  network: 'Nätverk', programme: 'Program', hosts: 'Arrangörer', capacity: 'Kapacitet', seatsLeft: 'Lediga platser',
  waitlist: 'Väntelista', attendanceRate: 'Närvaro', registrationDeadline: 'Sista anmälningsdag',
  timeline: 'Träffar på en tidslinje', precisionExact: 'exakt datum', precisionMonth: 'månad känd', precisionSpan: 'månader kända', precisionUndecided: 'inte bestämt',
  agenda: 'Program för träffen', noAgenda: 'Inget program ännu.', time: 'Tid', leaders: 'Leds av',
  registrationsByStatus: 'Anmälningar per status', registrantsByCounty: 'Var ska vi ses? Bekräftade anmälda per län',
  waitlistAndOffers: 'Väntelista och erbjudanden', position: 'Plats', offerExpires: 'Erbjudandet går ut', noWaitlist: 'Ingen står på väntelistan.',
  attendancePerSession: 'Närvaro per träff', present: 'Närvarande', absent: 'Frånvarande', excused: 'Anmält förhinder', notRecorded: 'Inte registrerat',
  organiserOnly: 'Anmälningar, väntelista och närvaro visas för nätverkets arrangörer.',
  indicator: 'Indikator', level: 'Nivå', period: 'Period', country: 'Land',
  value: 'Värde', perThousand: 'Per 1 000 invånare', units: 'Kommuner i cellen',
  downloadCsv: 'Ladda ner CSV (det som visas)', chartOf: 'Diagram: {indicator}, {period}, {level}',
  narrowToCounty: 'Visa per län i stället',
  noData: 'Inga data för {indicator} under {period}. Välj en annan period.',
  suppressedNote: 'Celler med färre än {n} kommuner visas inte, så att ingen enskild kommun kan kännas igen.',
  outcomesIntro: 'Kommuner som deltog i ett program jämfört med kommuner som inte deltog, före och efter.',
  tookPart: 'Deltog', didNotTakePart: 'Deltog inte', difference: 'Skillnad', mean: 'Medelvärde',
  noDiffInDiff: 'Inte tillräckligt med data för att jämföra första och sista perioden.',
  estimateCaption: 'Skillnad i skillnader, {from}–{to}', estimate: 'Skattning', confidenceInterval: '{level} % konfidensintervall',
  measuredInBoth: 'Kommuner mätta båda åren', intervalRange: '{lower} till {upper}',
  bootstrapNote: 'Intervall: percentil-bootstrap över kommuner, {n} dragningar med fast frö. De andra är alla kommuner i samma länder som inte deltog.',
  estimateSuppressed: 'Färre än {n} kommuner på en sida är mätta båda åren: ingen skattning.',
  generatedValues: 'Värdena är genererade för demon ({n} värden): de är inte mätningar.',
  importedValues: 'Värden från {source}: {n}.',
  tooFewToCompare: '{n} kommuner deltog i programmet; en jämförelse kräver minst {threshold}, så att ingen kommun kan kännas igen.',
  search: 'Sök i handboken', searchButton: 'Sök', results: '{n} träffar', noResults: 'Inga träffar.',
  edition: 'Utgåva', revisionHistory: 'Revisionshistorik', publishedOn: 'Publicerad {date}', draft: 'Utkast',
  changedByNetworks: 'Nätverk vars erfarenheter har ändrat den', noNetworkChanges: 'Inga erfarenheter från nätverk är registrerade för den här utgåvan.',
  chapterIn: 'I {handbook}, utgåva {n}',
};

const MESSAGES: Record<Locale, Record<MessageKey, string>> = { en, nb, sv };

/** A message in the current language, with `{name}` placeholders filled in. */
export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  return MESSAGES[locale.value][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

export const bcp47 = (l: Locale = locale.value) => BCP47[l];

export function formatNumber(value: number, digits = 0): string {
  return new Intl.NumberFormat(bcp47(), { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
}

export function formatPercent(share: number): string {
  return new Intl.NumberFormat(bcp47(), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A day in the given time zone (the network's): "18. juni 2013". */
export function formatDay(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(bcp47(), { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(new Date(iso));
}

/** A "YYYY-MM" month as a month, never as an invented day: "oktober 2013". */
export function formatMonth(yearMonth: string): string {
  const [year, month] = yearMonth.split('-').map(Number);
  return new Intl.DateTimeFormat(bcp47(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 15));
}

/** "August–September 2013" (or across years "desember 2013 – januar 2014"). */
export function formatMonthSpan(from: string, to: string): string {
  const [y1, m1] = from.split('-').map(Number);
  const [y2, m2] = to.split('-').map(Number);
  return new Intl.DateTimeFormat(bcp47(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).formatRange(Date.UTC(y1, m1 - 1, 15), Date.UTC(y2, m2 - 1, 15));
}
