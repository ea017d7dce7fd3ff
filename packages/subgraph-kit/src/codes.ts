import { registerEnumType } from 'type-graphql';

/**
 * The one catalogue of `UserError.code` values, the GraphQL enum `UserErrorCode`. Every subgraph
 * emits the whole enum (it comes from this kit), so composition sees it identical everywhere.
 * A code names a condition, not a service: the same condition has the same code in every service.
 * Renaming or removing a code is a breaking change: the old one stays here as deprecated for a
 * release (see docs/errors.md).
 */
export const USER_ERROR_CODES = {
  // Input shape (zod validation and the shared input pieces)
  INVALID: 'The input breaks a rule that has no more specific code (e.g. "give either a or b").',
  INVALID_ID: 'An id is not a well-formed id (a UUID).',
  INVALID_FORMAT: 'A value is not in its format: a date YYYY-MM-DD, a month YYYY-MM, a time HH:MM, an e-mail address, a phone number, a slug.',
  INVALID_VALUE: 'A value is not one of the allowed values.',
  INVALID_URL: 'A link is not an http(s) URL.',
  INSECURE_URL: 'A webhook URL does not use https.',
  PRIVATE_ADDRESS: 'A webhook URL reaches a loopback or private address.',
  TOO_LONG: 'A text or list is longer than allowed.',
  TOO_SHORT: 'A text or list is shorter than required (an empty required text included).',
  OUT_OF_RANGE: 'A number is outside its allowed range.',
  NOT_POSITIVE: 'A whole number must be above zero.',
  DUPLICATE: 'The same entry is given twice in one input.',
  UNKNOWN_MUNICIPALITY: 'No municipality or county authority of the reference directory has this id.',
  UNKNOWN_ORGANIZATION: 'No organization of the reference directory has this id.',
  // Objects and versions
  NOT_FOUND: 'The object an id points to does not exist, or the viewer may not see it.',
  STALE_VERSION: 'expectedVersion is not the object\'s current version: someone changed it meanwhile. Reload and apply the change again.',
  CONFLICT: 'Someone else changed the same thing at the same time; try again.',
  ILLEGAL_TRANSITION: 'The object\'s status does not allow this step (e.g. publishing a cancelled network).',
  LIMIT_REACHED: 'A count limit of the caller is reached (e.g. active webhook subscriptions of a client).',
  IDEMPOTENCY_KEY_REUSED: 'The idempotency key was used before with another input.',
  // Networks, sessions, agendas, work between gatherings
  CAPACITY_BELOW_MIN: 'A network\'s capacity is below its minimum.',
  LIMIT_BELOW_MIN: 'The most participants per municipality is below the fewest.',
  LIMIT_ABOVE_CAPACITY: 'One municipality may register more participants than the network holds.',
  DEADLINE_BEFORE_OPENING: 'The registration deadline is before registration opens.',
  DEADLINE_PASSED: 'The registration deadline has passed.',
  NETWORK_FINISHED: 'The network is completed or cancelled and can no longer be changed.',
  REASON_REQUIRED: 'A cancellation needs a reason.',
  PERIOD_END_BEFORE_START: 'A period ends before it starts.',
  SESSION_END_BEFORE_START: 'A session ends before it starts.',
  SESSION_TOO_LONG: 'A session lasts more than a week.',
  NONEXISTENT_LOCAL_TIME: 'A local time falls in the hour the clocks skip when summer time starts (an autumn time that happens twice means its first occurrence).',
  PLANNED_MONTH_REQUIRED: 'A span of planned months needs its first month.',
  PLANNED_RANGE: 'The last planned month is not after the first.',
  CONFLICTING_DATES: 'Both exact times and a planned month are given.',
  AGENDA_OUTSIDE_SESSION: 'New session times would leave its agenda outside the session.',
  SESSION_NOT_SCHEDULED: 'The session has no exact date yet.',
  DATE_REQUIRED: 'An agenda item of a session of several days needs its day.',
  CONFLICTING_DURATION: 'Both a duration and an end time are given.',
  INVALID_DURATION: 'An item ends before it starts.',
  AGENDA_ITEM_OUTSIDE_SESSION: 'An agenda item falls outside its session.',
  AGENDA_ITEMS_OVERLAP: 'Two agenda items overlap and neither is marked parallel.',
  DUE_BEFORE_GIVEN: 'Work is due at a session before the one it is given at.',
  SUBMISSION_LOCKED: 'A submission that is submitted or reviewed can no longer be edited.',
  EMPTY_SUBMISSION: 'A submission without text or links cannot be submitted.',
  PHASE_UNCHANGED: 'The project is already in this anchoring phase.',
  // Registrations, people, attendance, partners
  REGISTRATION_NOT_OPEN: 'The network does not take registrations now.',
  REGISTRATION_CLOSED: 'Registration for the network is closed.',
  NETWORK_CANCELLED: 'The network is cancelled.',
  NOT_ELIGIBLE: 'This kind of registrant may not register for the network.',
  LEADERSHIP_ANCHORING_REQUIRED: 'The network requires participation anchored in a leadership decision.',
  ALREADY_REGISTERED: 'The person is already registered for the network.',
  MUNICIPALITY_LIMIT_REACHED: 'The municipality has reached its limit of participants in the network.',
  FORBIDDEN_MUNICIPALITY: 'A coordinator registers people of their own municipality only.',
  EXTERNAL_REF_TAKEN: 'The externalRef is already used by another registration of the client.',
  ALREADY_CANCELLED: 'The registration is already cancelled or rejected.',
  ALREADY_DECIDED: 'The request was already decided.',
  ALREADY_REQUESTED: 'The same request is already open.',
  ALREADY_ERASED: 'The person is already erased.',
  NOT_PENDING: 'The registration is not pending approval.',
  NOT_OFFERED: 'The registration has not been offered a seat.',
  OFFER_EXPIRED: 'The offer of a seat has expired.',
  NOT_LIVE: 'The registration is cancelled or rejected.',
  SAME_NETWORK: 'The registration is already in this network.',
  DIFFERENT_PROGRAM: 'A registration moves only between networks of the same programme.',
  NOT_REGISTERED: 'The person is not registered for the network.',
  SESSION_NOT_IN_NETWORK: 'The session does not belong to the network.',
  SESSION_IN_FUTURE: 'Attendance for a session that has not started (a planned month counts from its first day; an undecided session has not been held).',
  DUPLICATE_ENTRY: 'The same person is listed twice.',
  DUPLICATE_ROW: 'The same person is in two rows of an import.',
  INVALID_CSV: 'The CSV file cannot be read.',
  INVALID_ENCODING: 'The file is not UTF-8 text.',
  MISSING_COLUMN: 'A required column is missing from the CSV file.',
  UNKNOWN_COLUMN: 'The CSV file has a column the import does not know.',
  NO_ROWS: 'An import has no rows.',
  TOO_MANY_ROWS: 'An import has more rows than allowed.',
  // Reports and surveys
  DUPLICATE_REPORT: 'The municipality already has a report of this kind for the period.',
  REPORT_NOT_EDITABLE: 'The report is submitted or published and can no longer be edited.',
  INVALID_PERIOD: 'The period is not a valid reporting period.',
  UNKNOWN_INDICATOR: 'No indicator has this id.',
  INDICATOR_NOT_IN_PERIOD: 'The indicator is not reported for this period.',
  WRONG_UNIT: 'The value is not in the indicator\'s unit.',
  WRONG_VALUE_TYPE: 'The value is not of the indicator\'s type (e.g. a fraction for a whole number).',
  NETWORK_REQUIRED: 'A network project result names its network.',
  UNKNOWN_OPTION: 'An answer names an option the question does not have.',
  RESULTS_FROM_ANSWERS: 'A survey that collects answers counts its results from them.',
  INDIVIDUAL_ANSWERS_NOT_COLLECTED: 'The survey does not collect individual answers.',
  NOTIFICATION_REQUIRED: 'The message tells of a decision the person needs; it cannot be switched off.',
  DIGEST_NOT_OFFERED: 'A daily digest is offered for new registrations (NEW_REGISTRATION) only.',
  NO_EMAIL_ADDRESS: 'The person has no e-mail address to send messages to.',
  ALREADY_PENDING: 'The webhook delivery is waiting to be sent already.',
  // Handbook
  DRAFT_EXISTS: 'The handbook already has a draft edition.',
  NO_DRAFT_EDITION: 'The handbook has no draft edition.',
  EDITION_IMMUTABLE: 'A published or superseded edition cannot be changed.',
  EMPTY_EDITION: 'An edition without chapters cannot be published.',
  DUPLICATE_ANCHOR: 'The anchor is already used in the edition.',
  HAS_SUBSECTIONS: 'A chapter with subsections cannot be removed; move or remove them first.',
  CYCLE: 'A chapter cannot be moved under itself or one of its subsections.',
  INVALID_PARENT: 'The parent chapter is not in the same edition.',
  UNSAFE_MARKUP: 'The text contains markup that is not allowed.',
  UNKNOWN_ANCHOR: 'No chapter has this anchor.',
  ANCHOR_NOT_IN_DRAFT: 'The anchor is not a chapter of the draft edition.',
} as const;

/** Codes no resolver returns any more, kept for a release so that clients switching over them still compile. */
export const DEPRECATED_USER_ERROR_CODES = {
  NETWORK_NOT_FOUND: 'Use NOT_FOUND.',
  UNKNOWN_NETWORK: 'Use NOT_FOUND.',
  PERSON_NOT_FOUND: 'Use NOT_FOUND.',
  REGISTRATION_NOT_FOUND: 'Use NOT_FOUND.',
  SESSION_NOT_FOUND: 'Use NOT_FOUND.',
  UNKNOWN_SESSION: 'Use NOT_FOUND.',
  MUNICIPALITY_NOT_FOUND: 'Use UNKNOWN_MUNICIPALITY.',
  ORGANIZATION_NOT_FOUND: 'Use UNKNOWN_ORGANIZATION.',
  INVALID_TRANSITION: 'Use ILLEGAL_TRANSITION.',
} as const;

export type UserErrorCode = keyof typeof USER_ERROR_CODES;
type DeprecatedUserErrorCode = keyof typeof DEPRECATED_USER_ERROR_CODES;

/** The enum object type-graphql registers: every current and deprecated code, named as itself. */
export const UserErrorCode = Object.fromEntries(
  [...Object.keys(USER_ERROR_CODES), ...Object.keys(DEPRECATED_USER_ERROR_CODES)].map((c) => [c, c]),
) as { [K in UserErrorCode | DeprecatedUserErrorCode]: K };

registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why a mutation refused its input. The same condition has the same code in every part of the API; docs/errors.md describes each.',
  valuesConfig: {
    ...Object.fromEntries(Object.entries(USER_ERROR_CODES).map(([code, description]) => [code, { description }])),
    ...Object.fromEntries(Object.entries(DEPRECATED_USER_ERROR_CODES).map(([code, reason]) => [code, { description: `No longer returned. ${reason}`, deprecationReason: reason }])),
  },
});

export function isUserErrorCode(code: string): code is UserErrorCode {
  return Object.prototype.hasOwnProperty.call(USER_ERROR_CODES, code);
}
