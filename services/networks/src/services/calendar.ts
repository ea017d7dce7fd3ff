import type { IncomingMessage, ServerResponse } from 'node:http';
import ical, { escape, ICalEventStatus, ICalEventTransparency, type ICalLuxonDateTimeStub } from 'ical-generator';
import { In, type DataSource } from 'typeorm';
import { HttpError, isUuid, type HttpRoute } from '@kommunenett/subgraph-kit';
import { ORGANIZATIONS } from '@kommunenett/reference-data';
import { Network } from '../entities/network.entity';
import { Session } from '../entities/session.entity';
import { AgendaItem } from '../entities/agenda-item.entity';
import { Language, NetworkStatus } from '../entities/enums';
import { startOfMonth, wallClock } from './time';

/**
 * iCalendar (RFC 5545) feeds of published networks, one per network and one per host
 * organization: exact sessions as events in their time zone; sessions known only to a month (or
 * a span of months) as tentative, transparent all-day events over those months, "date to be
 * decided" in the summary; sessions without any date named in the feed's description.
 */

/**
 * An instant seen in a time zone, in the shape ical-generator accepts for zoned date-times (its
 * Luxon stub): it writes DTSTART;TZID=Europe/Oslo:20130618T120000 from it.
 */
class ZonedInstant implements ICalLuxonDateTimeStub {
  readonly zone = { type: 'iana' };
  constructor(private readonly instant: Date, private readonly timeZone: string) {}
  get isValid(): boolean {
    return !Number.isNaN(this.instant.getTime());
  }
  setZone(zone?: string): ZonedInstant {
    return new ZonedInstant(this.instant, zone && zone !== 'utc' ? zone : 'UTC');
  }
  toJSDate(): Date {
    return this.instant;
  }
  toJSON(): string {
    return this.instant.toISOString();
  }
  toFormat(format: string): string {
    const w = wallClock(this.instant, this.timeZone);
    if (format === 'yyyyLLdd') return w.date.replace(/-/g, '');
    if (format === 'HHmmss') return `${w.time.replace(':', '')}${w.seconds}`;
    throw new Error(`Unsupported date format ${format}`);
  }
}

/** Norway and Sweden have followed the EU summer-time rule (last Sunday of March/October) since 1996. */
function vtimezone(tz: string): string | null {
  if (tz !== 'Europe/Oslo' && tz !== 'Europe/Stockholm') return null;
  return [
    'BEGIN:VTIMEZONE', `TZID:${tz}`, `X-LIC-LOCATION:${tz}`,
    'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'TZNAME:CEST', 'DTSTART:19700329T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT',
    'BEGIN:STANDARD', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'TZNAME:CET', 'DTSTART:19701025T030000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD',
    'END:VTIMEZONE',
  ].join('\r\n');
}

const WORDS: Record<Language, { undated: string; agenda: string; cancelled: string; toBeDecided: string }> = {
  nb: { undated: 'Samlinger uten fastsatt dato', agenda: 'Program', cancelled: 'Avlyst', toBeDecided: 'dato ikke fastsatt' },
  nn: { undated: 'Samlingar utan fastsett dato', agenda: 'Program', cancelled: 'Avlyst', toBeDecided: 'dato ikkje fastsett' },
  sv: { undated: 'Träffar utan fastställt datum', agenda: 'Program', cancelled: 'Inställt', toBeDecided: 'datum ej fastställt' },
  en: { undated: 'Sessions without a fixed date', agenda: 'Agenda', cancelled: 'Cancelled', toBeDecided: 'date to be decided' },
};

/** The month after a YYYY-MM month. */
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);
}

function monthLabel(month: string, language: Language): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** The feed of the given published networks. */
export async function buildCalendar(ds: DataSource, networks: Network[], name: string, language: Language): Promise<string> {
  const ids = networks.map((n) => n.id);
  const sessions = ids.length ? await ds.getRepository(Session).find({ where: { networkId: In(ids) }, order: { sortDate: 'ASC', sequence: 'ASC' } }) : [];
  const exact = sessions.filter((s) => s.startsAt && s.endsAt);
  const items = exact.length ? await ds.getRepository(AgendaItem).find({ where: { sessionId: In(exact.map((s) => s.id)) }, order: { position: 'ASC' } }) : [];
  const networkById = new Map(networks.map((n) => [n.id, n]));

  // Sessions with neither a date nor a month cannot be placed in a calendar: the feed's description names them.
  const undated = sessions.filter((s) => !s.startsAt && !s.plannedMonth).map((s) => `${networkById.get(s.networkId)!.name}: ${s.title}`);
  const words = WORDS[language];
  const calendar = ical({
    name,
    prodId: { company: 'kommunenett', product: 'networks', language: language.toUpperCase() },
    // No calendar-wide zone: DTSTAMP is then written in UTC with Z; each event carries its own TZID.
    timezone: { name: null, generator: vtimezone },
    // ical-generator writes X-WR-CALDESC as given: escape it like any TEXT value (RFC 5545 3.3.11).
    description: undated.length ? escape(`${words.undated}:\n${undated.join('\n')}`, false) : undefined,
    ttl: 3600,
  });
  for (const s of sessions.filter((x) => !x.startsAt && x.plannedMonth)) {
    const n = networkById.get(s.networkId)!;
    const w = WORDS[n.language];
    const months = [s.plannedMonth!, s.plannedTo].filter((x): x is string => !!x).map((mo) => monthLabel(mo, n.language)).join(' – ');
    const cancelled = n.status === NetworkStatus.CANCELLED;
    calendar.createEvent({
      id: `${s.id}@kommunenett`,
      allDay: true,
      start: new ZonedInstant(startOfMonth(s.plannedMonth!, n.timeZone), n.timeZone),
      end: new ZonedInstant(startOfMonth(nextMonth(s.plannedTo ?? s.plannedMonth!), n.timeZone), n.timeZone),
      summary: `${cancelled ? `${w.cancelled}: ` : ''}${n.name}: ${s.title} (${months}, ${w.toBeDecided})`,
      description: [s.theme, s.description].filter((x): x is string => !!x).join('\n\n') || undefined,
      location: [s.locationVenue, s.locationPlace].filter(Boolean).join(', ') || undefined,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.TENTATIVE,
      transparency: ICalEventTransparency.TRANSPARENT,
      sequence: s.version,
    });
  }
  for (const s of exact) {
    const n = networkById.get(s.networkId)!;
    const agenda = items.filter((i) => i.sessionId === s.id)
      .map((i) => `${wallClock(i.startsAt, n.timeZone).time} ${i.title}`);
    const description = [s.theme, s.description, agenda.length ? `${WORDS[n.language].agenda}:\n${agenda.join('\n')}` : null]
      .filter((x): x is string => !!x).join('\n\n');
    const cancelled = n.status === NetworkStatus.CANCELLED;
    calendar.createEvent({
      id: `${s.id}@kommunenett`,
      start: new ZonedInstant(s.startsAt!, n.timeZone),
      end: new ZonedInstant(s.endsAt!, n.timeZone),
      timezone: n.timeZone,
      summary: `${cancelled ? `${WORDS[n.language].cancelled}: ` : ''}${n.name}: ${s.title}`,
      description: description || undefined,
      location: [s.locationVenue, s.locationPlace].filter(Boolean).join(', ') || undefined,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      sequence: s.version,
    });
  }
  // Every content line ends with CRLF (RFC 5545 3.1), the last one too; ical-generator leaves it off.
  return `${calendar.toString().replace(/\r\n$/, '')}\r\n`;
}

function send(res: ServerResponse, body: string, filename: string): void {
  res.writeHead(200, {
    'content-type': 'text/calendar; charset=utf-8',
    'content-disposition': `inline; filename="${filename}"`,
    'cache-control': 'public, max-age=300',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** Networks that appear in feeds: published ones (every status but DRAFT). */
function publishedNetworks(ds: DataSource) {
  return ds.getRepository(Network).createQueryBuilder('n').where('n.status <> :draft', { draft: NetworkStatus.DRAFT }).orderBy('n.name').addOrderBy('n.id');
}

export const calendarRoutes: HttpRoute[] = [
  {
    method: 'GET',
    path: /^\/calendar\/networks\/([^/]+)\.ics$/,
    async handle(_req: IncomingMessage, res: ServerResponse, match: RegExpMatchArray, { ds }) {
      const id = match[1];
      const network = isUuid(id) ? await publishedNetworks(ds).andWhere('n.id = :id', { id }).getOne() : null;
      if (!network) throw new HttpError(404, 'NOT_FOUND', 'No published network has this id.');
      send(res, await buildCalendar(ds, [network], network.name, network.language), `${network.id}.ics`);
    },
  },
  {
    method: 'GET',
    path: /^\/calendar\/organizations\/([^/]+)\.ics$/,
    async handle(_req: IncomingMessage, res: ServerResponse, match: RegExpMatchArray, { ds }) {
      const organization = ORGANIZATIONS.find((o) => o.id === match[1]);
      if (!organization) throw new HttpError(404, 'NOT_FOUND', 'No organization has this id.');
      const networks = await publishedNetworks(ds).andWhere(':org = ANY(n.host_ids)', { org: organization.id }).getMany();
      const language = organization.country === 'SE' ? Language.sv : Language.nb;
      send(res, await buildCalendar(ds, networks, organization.name, language), `${organization.id}.ics`);
    },
  },
];
