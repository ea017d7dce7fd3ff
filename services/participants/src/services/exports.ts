import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { once } from 'node:events';
import { stringify } from 'csv-stringify';
import type { DataSource } from 'typeorm';
import { HttpError, isUuid, type HttpRoute, type RouteDeps } from '@kommunenett/subgraph-kit';
import { MUNICIPALITY_ID_PATTERN } from '@kommunenett/reference-data';
import type { Viewer } from '@kommunenett/auth';
import { Municipality } from '../entities/municipality.entity';
import { Person } from '../entities/person.entity';
import { Registration } from '../entities/registration.entity';
import { RegistrationStatus } from '../entities/enums';
import { canDecideRegistration } from './access';
import { asLanguage, type MailLanguage } from './mail/templates';
import { fetchNetworkRules, fetchSessionDates, hostIdsOf, networksClient } from './network-rules';
import { whereRegistrationShowsPerson } from './person-visibility';

/**
 * Lists for a network's organisers (ORG_ADMIN of a host, the network's FACILITATOR, ADMIN), as CSV
 * or Excel, streamed through the gateway with the caller's bearer token:
 *   /exports/networks/<id>/participants.(csv|xlsx)?status=CONFIRMED,PENDING&municipality=NO-0301
 *   /exports/networks/<id>/waitlist.(csv|xlsx)
 *   /exports/sessions/<id>/attendance-sheet.(csv|xlsx)
 * Rows are read a thousand at a time and written as they come, so a large network is never held
 * in memory. Every exported email and phone number is written to the contact-data access log
 * before it is sent. People appear as the person-visibility rule lets the viewer see them.
 */

type ExportKind = 'participants' | 'waitlist' | 'attendance-sheet';
type Column = 'name' | 'email' | 'phone' | 'title' | 'municipality' | 'status' | 'waitlistPosition' | 'registeredAt' | 'signature';

const COLUMNS: Record<ExportKind, Column[]> = {
  participants: ['name', 'email', 'phone', 'title', 'municipality', 'status', 'waitlistPosition', 'registeredAt'],
  waitlist: ['waitlistPosition', 'name', 'email', 'phone', 'title', 'municipality', 'registeredAt'],
  'attendance-sheet': ['name', 'municipality', 'title', 'signature'],
};

const HEADERS: Record<MailLanguage, Record<Column, string>> = {
  nb: { name: 'Navn', email: 'E-post', phone: 'Telefon', title: 'Rolle', municipality: 'Kommune', status: 'Status', waitlistPosition: 'Plass på venteliste', registeredAt: 'Påmeldt', signature: 'Signatur' },
  nn: { name: 'Namn', email: 'E-post', phone: 'Telefon', title: 'Rolle', municipality: 'Kommune', status: 'Status', waitlistPosition: 'Plass på venteliste', registeredAt: 'Påmeld', signature: 'Signatur' },
  sv: { name: 'Namn', email: 'E-post', phone: 'Telefon', title: 'Roll', municipality: 'Kommun', status: 'Status', waitlistPosition: 'Plats i kön', registeredAt: 'Anmäld', signature: 'Underskrift' },
  en: { name: 'Name', email: 'Email', phone: 'Phone', title: 'Role', municipality: 'Municipality', status: 'Status', waitlistPosition: 'Waitlist position', registeredAt: 'Registered', signature: 'Signature' },
};

interface ExportRow {
  id: string;
  personId: string;
  name: string;
  email: string | null;
  phone: string | null;
  title: string | null;
  municipality: string;
  status: RegistrationStatus;
  waitlistPosition: number | null;
  registeredAt: Date;
}

interface ExportRequest {
  kind: ExportKind;
  format: 'csv' | 'xlsx';
  networkId: string;
  statuses: RegistrationStatus[];
  municipalityId: string | null;
  language: MailLanguage;
  fileName: string;
}

const BATCH = 1000;

/** The rows of one export, a batch at a time, in a stable order (keyset pagination). */
async function* exportRows(ds: DataSource, viewer: Viewer, request: ExportRequest): AsyncGenerator<ExportRow[]> {
  const byPosition = request.kind === 'waitlist';
  let after: { key: string | number; id: string } | null = null;
  for (;;) {
    const qb = ds.getRepository(Registration).createQueryBuilder('r')
      .innerJoin(Person, 'p', 'p.id = r.person_id')
      .innerJoin(Municipality, 'm', 'm.id = r.municipality_id')
      .select(['r.id AS id', 'p.id AS "personId"', 'p.name AS name', 'p.email AS email', 'p.phone AS phone', 'p.title AS title', 'm.name AS municipality',
        'r.status AS status', 'r.waitlist_position AS "waitlistPosition"', 'r.registered_at AS "registeredAt"'])
      .where('r.network_id = :networkId AND r.status IN (:...statuses)', { networkId: request.networkId, statuses: request.statuses });
    if (request.municipalityId) qb.andWhere('r.municipality_id = :municipalityId', { municipalityId: request.municipalityId });
    whereRegistrationShowsPerson(qb, viewer, 'r');
    const key = byPosition ? 'r.waitlist_position' : 'p.name';
    if (after) qb.andWhere(`(${key}, r.id) > (:afterKey, :afterId)`, { afterKey: after.key, afterId: after.id });
    const rows = (await qb.orderBy(key, 'ASC').addOrderBy('r.id', 'ASC').limit(BATCH).getRawMany()) as ExportRow[];
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1];
    after = { key: byPosition ? last.waitlistPosition ?? 0 : last.name, id: last.id };
    if (rows.length < BATCH) return;
  }
}

/** Logs the contact data of a batch as read by the viewer (one statement per batch). */
async function logContactExport(ds: DataSource, viewer: Viewer, rows: ExportRow[], requestId: string): Promise<void> {
  const reads = rows.flatMap((r) => (['email', 'phone'] as const).filter((f) => r[f] !== null && r.personId !== viewer.personId).map((field) => ({ personId: r.personId, field })));
  if (reads.length === 0) return;
  await ds.query(
    `INSERT INTO participants.contact_access (id, person_id, field, viewer_subject, viewer_role, viewer_organization_id, request_id, accessed_at)
     SELECT gen_random_uuid(), x.person_id, x.field, $3, $4, $5, $6, now() FROM unnest($1::uuid[], $2::text[]) AS x(person_id, field)`,
    [reads.map((r) => r.personId), reads.map((r) => r.field), viewer.subject, viewer.role, viewer.organizationId, requestId]);
}

function cells(row: ExportRow, columns: Column[]): (string | number | Date | null)[] {
  return columns.map((c) => (c === 'signature' ? '' : c === 'registeredAt' ? new Date(row.registeredAt) : row[c]));
}

async function write(res: ServerResponse, ds: DataSource, viewer: Viewer, request: ExportRequest): Promise<void> {
  const columns = COLUMNS[request.kind];
  const headers = columns.map((c) => HEADERS[request.language][c]);
  const contact = columns.includes('email');
  const requestId = `export:${randomUUID()}`;
  res.writeHead(200, {
    'content-type': request.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': `attachment; filename="${request.fileName}.${request.format}"`,
    'cache-control': 'no-store',
  });
  if (request.format === 'csv') {
    // A byte-order mark, so Excel opens the file as UTF-8 (æ, ø, å).
    const csv = stringify({ bom: true, header: true, columns: headers, cast: { date: (d) => d.toISOString() } });
    csv.pipe(res);
    for await (const rows of exportRows(ds, viewer, request)) {
      if (contact) await logContactExport(ds, viewer, rows, requestId);
      for (const row of rows) if (!csv.write(cells(row, columns))) await once(csv, 'drain');
    }
    csv.end();
    await once(res, 'finish');
    return;
  }
  // Loaded on the first Excel export: about 15 MB a participants process need not hold until then.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true });
  const sheet = workbook.addWorksheet(request.kind);
  sheet.columns = columns.map((c, i) => ({ header: headers[i], key: c, width: c === 'signature' ? 40 : c === 'email' || c === 'name' ? 30 : 18 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const rows of exportRows(ds, viewer, request)) {
    if (contact) await logContactExport(ds, viewer, rows, requestId);
    for (const row of rows) sheet.addRow(cells(row, columns)).commit();
  }
  sheet.commit();
  await workbook.commit();
}

/** The statuses asked for (`?status=A,B`), or the kind's own; a bad value is a 400. */
function statusesOf(kind: ExportKind, url: URL): RegistrationStatus[] {
  if (kind === 'waitlist') return [RegistrationStatus.WAITLISTED];
  if (kind === 'attendance-sheet') return [RegistrationStatus.CONFIRMED];
  const asked = url.searchParams.get('status');
  if (!asked) return Object.values(RegistrationStatus);
  const values = asked.split(',');
  const known = Object.values(RegistrationStatus) as string[];
  const wrong = values.filter((v) => !known.includes(v));
  if (wrong.length) throw new HttpError(400, 'BAD_USER_INPUT', `Unknown status ${wrong.join(', ')}; use ${known.join(', ')}.`);
  return values as RegistrationStatus[];
}

async function handleExport(res: ServerResponse, deps: RouteDeps, url: URL, kind: ExportKind, format: 'csv' | 'xlsx', networkId: string | null): Promise<void> {
  const { ds, viewer } = deps;
  if (viewer.kind === 'anonymous') throw new HttpError(401, 'UNAUTHENTICATED', 'Send the bearer token of the network’s organiser.');
  if (!networkId) throw new HttpError(404, 'NOT_FOUND', 'No such session.');
  const municipalityId = url.searchParams.get('municipality');
  if (municipalityId !== null && !MUNICIPALITY_ID_PATTERN.test(municipalityId)) throw new HttpError(400, 'BAD_USER_INPUT', 'municipality must look like NO-0301, SE-0180 or NO-32.');
  const statuses = statusesOf(kind, url);
  const [rules] = await fetchNetworkRules(deps, [networkId]);
  if (!rules) throw new HttpError(404, 'NOT_FOUND', 'No such network.');
  if (!canDecideRegistration(viewer, { networkId, hostIds: hostIdsOf(rules) })) throw new HttpError(403, 'FORBIDDEN', 'Only the network’s organisers export its lists.');
  const [network] = await networksClient(deps).entities<{ language: string }>('Network', [networkId], 'language');
  await write(res, ds, viewer, {
    kind, format, networkId, statuses, municipalityId, language: asLanguage(network?.language), fileName: `${kind}-${networkId.slice(0, 8)}`,
  });
}

const requestUrl = (req: { url?: string }) => new URL(req.url ?? '/', 'http://participants');

export const exportRoutes: HttpRoute[] = [
  {
    method: 'GET', path: /^\/exports\/networks\/([^/]{1,60})\/(participants|waitlist)\.(csv|xlsx)$/,
    async handle(req, res, match, deps) {
      if (!isUuid(match[1])) throw new HttpError(400, 'INVALID_ID', 'Not a valid network id.');
      await handleExport(res, deps, requestUrl(req), match[2] as ExportKind, match[3] as 'csv' | 'xlsx', match[1]);
    },
  },
  {
    method: 'GET', path: /^\/exports\/sessions\/([^/]{1,60})\/attendance-sheet\.(csv|xlsx)$/,
    async handle(req, res, match, deps) {
      if (!isUuid(match[1])) throw new HttpError(400, 'INVALID_ID', 'Not a valid session id.');
      const [session] = await fetchSessionDates(deps, [match[1]]);
      await handleExport(res, deps, requestUrl(req), 'attendance-sheet', match[2] as 'csv' | 'xlsx', session?.networkId ?? null);
    },
  },
];
