import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DEMO } from '@kommunenett/reference-data';
import { createNetwork, newPerson, startTestStack, type TestStack } from '@kommunenett/stack/testing';
import { register } from './fixtures';

let stack: TestStack;
let admin: string;
let networkId: string;
const people = [newPerson('eksport'), newPerson('eksport'), newPerson('eksport')];
beforeAll(async () => {
  stack = await startTestStack();
  admin = await stack.token('ADMIN');
  networkId = await createNetwork(stack, { capacity: 2, hostIds: ['ks'] });
  for (const [i, person] of people.entries()) await register(stack, admin, { networkId, municipalityId: i === 1 ? 'NO-0301' : 'NO-3201', person });
});
afterAll(async () => { await stack?.stop(); });

const get = (path: string, token?: string) => fetch(`${stack.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const csvRows = async (response: Response) => parse(await response.text(), { columns: true, bom: true }) as Record<string, string>[];
async function xlsxRows(response: Response): Promise<(string | number | null)[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const rows: (string | number | null)[][] = [];
  workbook.worksheets[0].eachRow({ includeEmpty: true }, (row) => rows.push((row.values as (string | number | null)[]).slice(1)));
  return rows;
}
const accessLogCount = async () => Number((await stack.subgraphs.participants.ds.query(
  `SELECT count(*)::int AS n FROM participants.contact_access WHERE request_id LIKE 'export:%'`))[0].n);

describe('exports for organisers', () => {
  it('gives the host’s ORG_ADMIN the participant list as CSV, filtered by status and municipality, and logs each contact read', async () => {
    const ks = await stack.token('ORG_ADMIN', { org: 'ks' });
    const before = await accessLogCount();
    const all = await get(`/exports/networks/${networkId}/participants.csv`, ks);
    expect(all.status).toBe(200);
    expect(all.headers.get('content-disposition')).toMatch(/attachment; filename="participants-.*\.csv"/);
    const rows = await csvRows(all);
    expect(rows.map((r) => r['E-post']).sort()).toEqual(people.map((p) => p.email).sort());
    expect(rows.find((r) => r['E-post'] === people[1].email)).toMatchObject({ Navn: people[1].name, Kommune: 'Oslo', Status: 'CONFIRMED', Rolle: 'kommunalsjef' });
    expect(await accessLogCount()).toBe(before + 3);

    const waiting = await csvRows(await get(`/exports/networks/${networkId}/participants.csv?status=WAITLISTED`, ks));
    expect(waiting.map((r) => r['E-post'])).toEqual([people[2].email]);
    const oslo = await csvRows(await get(`/exports/networks/${networkId}/participants.csv?municipality=NO-0301`, ks));
    expect(oslo.map((r) => r['E-post'])).toEqual([people[1].email]);
  });

  it('gives the waitlist as Excel that an independent reader opens', async () => {
    const ks = await stack.token('ORG_ADMIN', { org: 'ks' });
    const response = await get(`/exports/networks/${networkId}/waitlist.xlsx`, ks);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const rows = await xlsxRows(response);
    expect(rows[0]).toEqual(['Plass på venteliste', 'Navn', 'E-post', 'Telefon', 'Rolle', 'Kommune', 'Påmeldt']);
    expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual([[1, people[2].name, people[2].email]]);
  });

  it('gives the facilitator an attendance sheet per gathering with a row per registered person and an empty signature column', async () => {
    const facilitator = await stack.token('FACILITATOR', { networks: [DEMO.networks.antikorrupsjonA] });
    const network = await stack.graphql<{ network: { sessions: { id: string }[]; registrations: { edges: { node: { status: string } }[] } } }>(
      'query($id: ID!) { network(id: $id) { sessions { id } registrations(first: 100) { edges { node { status } } } } }', { token: admin, variables: { id: DEMO.networks.antikorrupsjonA } });
    const { sessions, registrations } = network.body.data!.network;
    const confirmed = registrations.edges.filter((e) => e.node.status === 'CONFIRMED').length;
    expect(confirmed).toBeGreaterThan(0);
    const rows = await xlsxRows(await get(`/exports/sessions/${sessions[0].id}/attendance-sheet.xlsx`, facilitator));
    expect(rows[0]).toEqual(['Navn', 'Kommune', 'Rolle', 'Signatur']);
    expect(rows).toHaveLength(confirmed + 1);
    for (const row of rows.slice(1)) expect(row[3] ?? '').toBe('');
    const csv = await csvRows(await get(`/exports/sessions/${sessions[0].id}/attendance-sheet.csv`, facilitator));
    expect(csv).toHaveLength(confirmed);
    expect(Object.keys(csv[0])).toEqual(['Navn', 'Kommune', 'Rolle', 'Signatur']);
  });

  it('refuses whoever does not run the network, and bad input, with a clear code', async () => {
    const before = await accessLogCount();
    const cases: [string, string | undefined, number, string][] = [
      [`/exports/networks/${networkId}/participants.csv`, undefined, 401, 'UNAUTHENTICATED'],
      [`/exports/networks/${networkId}/participants.csv`, await stack.token('ORG_ADMIN', { org: 'ti-norge' }), 403, 'FORBIDDEN'],
      [`/exports/networks/${networkId}/participants.csv`, await stack.token('FACILITATOR', { networks: [DEMO.networks.antikorrupsjonA] }), 403, 'FORBIDDEN'],
      [`/exports/networks/${networkId}/participants.csv`, await stack.token('COORDINATOR', { municipality: 'NO-3201' }), 403, 'FORBIDDEN'],
      [`/exports/networks/${networkId}/participants.csv?status=SOMETIMES`, admin, 400, 'BAD_USER_INPUT'],
      [`/exports/networks/${networkId}/participants.csv?municipality=Oslo`, admin, 400, 'BAD_USER_INPUT'],
      ['/exports/networks/not-an-id/participants.csv', admin, 400, 'INVALID_ID'],
      ['/exports/networks/00000000-0000-4000-8000-000000000000/participants.xlsx', admin, 404, 'NOT_FOUND'],
    ];
    for (const [path, token, status, code] of cases) {
      const response = await get(path, token);
      expect([path, response.status]).toEqual([path, status]);
      expect((await response.json()).errors[0].extensions.code).toBe(code);
    }
    expect(await accessLogCount()).toBe(before);
  });
});
