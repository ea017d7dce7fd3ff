import { registerEnumType } from 'type-graphql';

export enum Language { nb = 'nb', nn = 'nn', sv = 'sv', en = 'en' }
export enum Country { NO = 'NO', SE = 'SE' }
export enum ProgramStatus { PLANNED = 'PLANNED', ACTIVE = 'ACTIVE', COMPLETED = 'COMPLETED' }
export enum NetworkStatus {
  DRAFT = 'DRAFT', PUBLISHED = 'PUBLISHED', REGISTRATION_CLOSED = 'REGISTRATION_CLOSED',
  RUNNING = 'RUNNING', COMPLETED = 'COMPLETED', CANCELLED = 'CANCELLED',
}
export enum RegistrantKind { MUNICIPALITY = 'MUNICIPALITY', COUNTY = 'COUNTY' }
export enum SessionKind { GATHERING = 'GATHERING', THEME_DAY = 'THEME_DAY', WEBINAR = 'WEBINAR' }
export enum SessionDatePrecision { EXACT = 'EXACT', MONTH = 'MONTH', MONTH_SPAN = 'MONTH_SPAN', UNDECIDED = 'UNDECIDED' }
export enum AgendaItemKind {
  PLENARY = 'PLENARY', PRESENTATION = 'PRESENTATION', GROUP_WORK = 'GROUP_WORK', DISCUSSION = 'DISCUSSION',
  BREAK = 'BREAK', MEAL = 'MEAL', SOCIAL = 'SOCIAL',
}
export enum SubmissionStatus { NOT_STARTED = 'NOT_STARTED', DRAFT = 'DRAFT', SUBMITTED = 'SUBMITTED', REVIEWED = 'REVIEWED' }
export enum AnchoringPhase { AWARENESS = 'AWARENESS', ACCEPTANCE = 'ACCEPTANCE', OWNERSHIP = 'OWNERSHIP' }
export enum MilestoneStatus { PLANNED = 'PLANNED', IN_PROGRESS = 'IN_PROGRESS', DONE = 'DONE', DELAYED = 'DELAYED', DROPPED = 'DROPPED' }
export enum NetworkOrder { NAME = 'NAME', NEXT_SESSION = 'NEXT_SESSION', REGISTRATION_DEADLINE = 'REGISTRATION_DEADLINE' }

registerEnumType(Language, { name: 'Language', description: 'Language of a text: Bokmål, Nynorsk, Swedish, English.' });
registerEnumType(Country, { name: 'Country' });
registerEnumType(ProgramStatus, { name: 'ProgramStatus' });
registerEnumType(NetworkStatus, {
  name: 'NetworkStatus',
  description: 'DRAFT → PUBLISHED (open for registration) → REGISTRATION_CLOSED → RUNNING → COMPLETED; CANCELLED from any state before COMPLETED.',
});
registerEnumType(RegistrantKind, { name: 'RegistrantKind', description: 'Who may register: municipalities, county authorities.' });
registerEnumType(SessionKind, { name: 'SessionKind', description: 'Gathering (samling), theme day (temadag) or webinar.' });
registerEnumType(SessionDatePrecision, {
  name: 'SessionDatePrecision',
  description: 'How well a session’s date is known: EXACT (startsAt/endsAt), MONTH (plannedMonth), MONTH_SPAN (plannedMonth to plannedTo), UNDECIDED.',
});
registerEnumType(AgendaItemKind, { name: 'AgendaItemKind' });
registerEnumType(SubmissionStatus, { name: 'SubmissionStatus', description: 'NOT_STARTED → DRAFT → SUBMITTED → REVIEWED.' });
registerEnumType(AnchoringPhase, {
  name: 'AnchoringPhase',
  description: 'How far a project is anchored in its organisation: AWARENESS (bevissthet) → ACCEPTANCE (aksept) → OWNERSHIP (eierskap).',
});
registerEnumType(MilestoneStatus, { name: 'MilestoneStatus' });
registerEnumType(NetworkOrder, {
  name: 'NetworkOrder',
  description: 'Order of the catalogue. NEXT_SESSION: by the start of the interval of the next session whose interval has not ended (an exact start, or the first instant of a planned month, so a session planned for the current month sorts by the month’s first day), networks without one last. REGISTRATION_DEADLINE: earliest first, networks without a deadline last. Ties by name.',
});
