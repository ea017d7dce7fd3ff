import { DEMO } from '@kommunenett/reference-data';
import { startTestStack, type TestStack } from '@kommunenett/stack/testing';

/**
 * The month a measurement was taken (IndicatorValue.measuredIn) and the points listed under a
 * recommendation's status, as a municipality reports them.
 */
let stack: TestStack;
beforeAll(async () => { stack = await startTestStack(); });
afterAll(async () => { await stack?.stop(); });

const CREATE = `mutation($input: CreateReportInput!) {
  createReport(input: $input) { report { id values { indicator { id } period measuredIn } recommendationStatuses { points } } userErrors { field code } }
}`;
const report = (measuredIn: string) => ({
  municipalityId: 'NO-3201', period: '2025', kind: 'CUSTOM', title: 'Innbyggerundersøkelse 2025', language: 'nb', recipientId: 'ks',
  values: [{ indicatorId: 'deviations-reported', value: 12, unit: 'COUNT', measuredIn }],
  recommendationStatuses: [{ recommendationId: DEMO.recommendations[0], status: 'IMPLEMENTED', points: ['Postlister på internett', 'Politiske møter åpne og tilgjengelig via Web TV'] }],
});
const reportCount = async () => (await stack.subgraphs.reports.ds.query('SELECT count(*)::int AS n FROM reports.report'))[0].n as number;

it('keeps the month a value was measured in, beside its period, and a recommendation’s points in order', async () => {
  const token = await stack.token('COORDINATOR', { municipality: 'NO-3201' });
  const res = await stack.graphql<any>(CREATE, { variables: { input: report('2025-03') }, token });
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data.createReport).toMatchObject({ userErrors: [], report: {
    values: [{ indicator: { id: 'deviations-reported' }, period: '2025', measuredIn: '2025-03' }],
    recommendationStatuses: [{ points: ['Postlister på internett', 'Politiske møter åpne og tilgjengelig via Web TV'] }],
  } });
});

it('refuses a month that is not YYYY-MM and an empty point, and changes nothing', async () => {
  const token = await stack.token('COORDINATOR', { municipality: 'NO-3201' });
  const before = await reportCount();
  for (const bad of ['2025-13', '2025-3', 'mars 2025']) {
    const res = await stack.graphql<any>(CREATE, { variables: { input: { ...report(bad), period: '2026' } }, token });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.createReport).toEqual({ report: null, userErrors: [{ field: ['input', 'values', '0', 'measuredIn'], code: 'INVALID_FORMAT' }] });
  }
  const empty = { ...report('2025-03'), period: '2026', recommendationStatuses: [{ recommendationId: DEMO.recommendations[0], status: 'IMPLEMENTED', points: [' '] }] };
  const res = await stack.graphql<any>(CREATE, { variables: { input: empty }, token });
  expect(res.body.data.createReport).toEqual({ report: null, userErrors: [{ field: ['input', 'recommendationStatuses', '0', 'points', '0'], code: 'TOO_SHORT' }] });
  expect(await reportCount()).toBe(before);
});
