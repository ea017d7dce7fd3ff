import { registerEnumType } from 'type-graphql';
export { Language, Country } from '@kommunenett/subgraph-kit';

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

registerEnumType(ProgramStatus, {
  name: 'ProgramStatus',
  description: 'Where a programme stands in time.',
  valuesConfig: {
    PLANNED: { description: 'Not started yet.' },
    ACTIVE: { description: 'Under way.' },
    COMPLETED: { description: 'Finished.' },
  },
});
registerEnumType(NetworkStatus, {
  name: 'NetworkStatus',
  description: 'DRAFT → PUBLISHED (open for registration) → REGISTRATION_CLOSED → RUNNING → COMPLETED; CANCELLED from any state before COMPLETED.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared; not in the public catalogue.' },
    PUBLISHED: { description: 'In the catalogue and open for registration.' },
    REGISTRATION_CLOSED: { description: 'Registration has closed; the network has not started.' },
    RUNNING: { description: 'Sessions are under way.' },
    COMPLETED: { description: 'All sessions are over.' },
    CANCELLED: { description: 'Called off before completion.' },
  },
});
registerEnumType(RegistrantKind, {
  name: 'RegistrantKind',
  description: 'Who may register: municipalities, county authorities.',
  valuesConfig: {
    MUNICIPALITY: { description: 'Municipalities (kommuner).' },
    COUNTY: { description: 'County authorities (fylkeskommuner, regioner).' },
  },
});
registerEnumType(SessionKind, {
  name: 'SessionKind',
  description: 'Gathering (samling), theme day (temadag) or webinar.',
  valuesConfig: {
    GATHERING: { description: 'A gathering of the network’s participants (samling).' },
    THEME_DAY: { description: 'A theme day (temadag).' },
    WEBINAR: { description: 'An online session.' },
  },
});
registerEnumType(SessionDatePrecision, {
  name: 'SessionDatePrecision',
  description: 'How well a session’s date is known: EXACT (startsAt/endsAt), MONTH (plannedMonth), MONTH_SPAN (plannedMonth to plannedTo), UNDECIDED.',
  valuesConfig: {
    EXACT: { description: 'Start and end are known to the minute (startsAt, endsAt).' },
    MONTH: { description: 'Only the month is known (plannedMonth).' },
    MONTH_SPAN: { description: 'Only a span of months is known (plannedMonth to plannedTo).' },
    UNDECIDED: { description: 'No date is known yet.' },
  },
});
registerEnumType(AgendaItemKind, {
  name: 'AgendaItemKind',
  description: 'What happens in an agenda item.',
  valuesConfig: {
    PLENARY: { description: 'All participants together.' },
    PRESENTATION: { description: 'A talk or presentation.' },
    GROUP_WORK: { description: 'Work in groups.' },
    DISCUSSION: { description: 'A discussion.' },
    BREAK: { description: 'A break.' },
    MEAL: { description: 'A meal.' },
    SOCIAL: { description: 'A social programme.' },
  },
});
registerEnumType(SubmissionStatus, {
  name: 'SubmissionStatus',
  description: 'NOT_STARTED → DRAFT → SUBMITTED → REVIEWED.',
  valuesConfig: {
    NOT_STARTED: { description: 'Nothing saved yet.' },
    DRAFT: { description: 'Saved, not handed in.' },
    SUBMITTED: { description: 'Handed in, awaiting review.' },
    REVIEWED: { description: 'Reviewed by a facilitator or organisation administrator.' },
  },
});
registerEnumType(AnchoringPhase, {
  name: 'AnchoringPhase',
  description: 'How far a project is anchored in its organisation: AWARENESS (bevissthet) → ACCEPTANCE (aksept) → OWNERSHIP (eierskap).',
  valuesConfig: {
    AWARENESS: { description: 'The organisation knows of the project (bevissthet).' },
    ACCEPTANCE: { description: 'The organisation accepts the project (aksept).' },
    OWNERSHIP: { description: 'The organisation owns the project as its own (eierskap).' },
  },
});
registerEnumType(MilestoneStatus, {
  name: 'MilestoneStatus',
  description: 'Where a project milestone stands.',
  valuesConfig: {
    PLANNED: { description: 'Not started.' },
    IN_PROGRESS: { description: 'Under way.' },
    DONE: { description: 'Reached.' },
    DELAYED: { description: 'Marked as behind plan.' },
    DROPPED: { description: 'No longer pursued.' },
  },
});
registerEnumType(NetworkOrder, {
  name: 'NetworkOrder',
  description: 'Order of the catalogue. NEXT_SESSION: by the start of the interval of the next session whose interval has not ended (an exact start, or the first instant of a planned month, so a session planned for the current month sorts by the month’s first day), networks without one last. REGISTRATION_DEADLINE: earliest first, networks without a deadline last. Ties by name.',
  valuesConfig: {
    NAME: { description: 'By name, alphabetically.' },
    NEXT_SESSION: { description: 'By the start of the next session that has not ended; networks without one last.' },
    REGISTRATION_DEADLINE: { description: 'By registration deadline, earliest first; networks without one last.' },
  },
});
