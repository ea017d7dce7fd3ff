import type { IncomingMessage, ServerResponse } from 'node:http';
import ical, { ICalEventStatus, type ICalLuxonDateTimeStub } from 'ical-generator';
import { In, type DataSource } from 'typeorm';
import { HttpError, isUuid, type HttpRoute } from '@kommunenett/subgraph-kit';
import { ORGANIZATIONS } from '@kommunenett/reference-data';
import { Network } from '../entities/network.entity';
import { Session } from '../entities/session.entity';
import { AgendaItem } from '../entities/agenda-item.entity';
import { Language, NetworkStatus } from '../entities/enums';
import { wallClock } from './time';

/**
 * iCalendar (RFC 5545) feeds of published networks, one per network and one per host
 * organization: exact sessions as events in their time zone, sessions known only to a month
 * listed in the feed's description.
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

const WORDS: Record<Language, { undated: string; agenda: string; cancelled: string }> = {
  nb: { undated: 'Samlinger uten fastsatt dato', agenda: 'Program', cancelled: 'Avlyst' },
  nn: { undated: 'Samlingar utan fastsett dato', agenda: 'Program', cancelled: 'Avlyst' },
  sv: { undated: 'Träffar utan fastställt datum', agenda: 'Program', cancelled: 'Inställt' },
  en: { undated: 'Sessions without a fixed date', agenda: 'Agenda', cancelled: 'Cancelled' },
};

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

  const undated = sessions.filter((s) => !s.startsAt).map((s) => {
    const n = networkById.get(s.networkId)!;
    const when = s.plannedMonth
      ? [s.plannedMonth, s.plannedTo].filter((x): x is string => !!x).map((mo) => monthLabel(mo, n.language)).join(' – ')
      : '?';
    return `${n.name}: ${s.title} (${when})`;
  });
  const words = WORDS[language];
  const calendar = ical({
    name,
    prodId: { company: 'kommunenett', product: 'networks', language: language.toUpperCase() },
    timezone: { name: networks[0]?.timeZone ?? 'Europe/Oslo', generator: vtimezone },
    description: undated.length ? `${words.undated}:\n${undated.join('\n')}` : undefined,
    ttl: 3600,
  });
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
  return calendar.toString();
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
