import { startTestStack, sqlDelta, withFailingWrite, type TestStack } from '@kommunenett/stack/testing';
import { DEMO } from '@kommunenett/reference-data';

let stack: TestStack;
beforeAll(async () => { stack = await startTestStack(); });
afterAll(async () => { await stack?.stop(); });

/** The nodes of a connection's page. */
const nodes = (connection: { edges: { node: any }[] }) => connection.edges.map((e) => e.node);

type Errors = { field: string[]; code: string; message: string }[];
interface ReportView { id: string; status: string; version: number; returnComment: string | null; values: { indicator: { id: string }; value: number; intValue: number | null }[] }
interface Payload { report: ReportView | null; userErrors: Errors }

const REPORT_FIELDS = 'id status version returnComment values { indicator { id } value intValue }';

async function mutate(name: string, input: Record<string, unknown>, token: string | undefined) {
  const inputType = { createReport: 'CreateReportInput', updateReport: 'UpdateReportInput', submitReport: 'ReportTransitionInput',
    returnReport: 'ReturnReportInput', publishReport: 'ReportTransitionInput' }[name];
  return stack.graphql<Record<string, Payload>>(
    `mutation($input: ${inputType}!) { ${name}(input: $input) { report { ${REPORT_FIELDS} } userErrors { field code message } } }`,
    { variables: { input }, token });
}

async function payload(name: string, input: Record<string, unknown>, token: string | undefined): Promise<Payload> {
  const res = await mutate(name, input, token);
  expect(res.body.errors).toBeUndefined();
  return res.body.data![name];
}

async function reportCount(): Promise<number> {
  const [{ n }] = await stack.subgraphs.reports.ds.query('SELECT count(*)::int AS n FROM reports.report');
  return n;
}

describe('indicator catalogue', () => {
  it('lists indicators with names per language, unit, direction and periods, for anyone', async () => {
    const res = await stack.graphql<{ indicators: { id: string; nb: string; sv: string; unit: string; valueType: string; direction: string; level: string; periods: string[] }[] }>(
      '{ indicators(filter: { category: "results" }) { id nb: name sv: name(language: sv) unit valueType direction level periods } }');
    expect(res.body.errors).toBeUndefined();
    const employee = res.body.data!.indicators.find((i) => i.id === 'employee-survey-score')!;
    expect(employee).toEqual({
      id: 'employee-survey-score', nb: 'Medarbeiderundersøkelse, gjennomsnitt', sv: 'Medarbetarundersökning, medelvärde',
      unit: 'SCORE', valueType: 'DECIMAL', direction: 'HIGHER_IS_BETTER', level: 'MUNICIPALITY', periods: ['2013', '2015', '2017'],
    });
    const focus = await stack.graphql<{ indicators: { id: string }[] }>('{ indicators(filter: { category: "management-practice" }) { id } }');
    expect(focus.body.data!.indicators).toHaveLength(8);
    const counts = await stack.graphql<{ indicators: { id: string; valueType: string }[] }>('{ indicators(filter: { unit: COUNT, period: "2022" }) { id valueType } }');
    expect(counts.body.data!.indicators.map((i) => i.id)).toEqual(expect.arrayContaining([
      'deviations-reported', 'whistleblowing-cases', 'whistleblowing-cases-earlier-years', 'whistleblowing-cases-to-line', 'internal-audits',
      'external-supervisions', 'supervision-orders', 'iso-audits', 'iso-deviations', 'iso-observations', 'preparedness-incidents',
    ]));
    expect(new Set(counts.body.data!.indicators.map((i) => i.valueType))).toEqual(new Set(['INTEGER']));
  });

  it('refuses a malformed period', async () => {
    const res = await stack.graphql('{ indicators(filter: { period: "22" }) { id } }');
    expect(res.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('Bærum’s internal control report 2022 (002)', () => {
  const query = `query($id: ID!) { report(id: $id) {
    municipality { id name code } municipalityCode period kind status title language
    sections { key title }
    values { indicator { id } value intValue asOf note }
    audits { kind authority topic unit performedOn findings { kind count deadline closedOn } }
    findings { kind count deadline closedOn isOverdue }
    recommendationStatuses { recommendation { id } status comment }
  } }`;

  it('is published with its figures, supervisions, ISO audits and the status of the 8 recommendations', async () => {
    const res = await stack.graphql<{ report: any }>(query, { variables: { id: DEMO.reports.baerumInternalControl2022 } });
    expect(res.body.errors).toBeUndefined();
    const r = res.body.data!.report;
    // Stored by today's id, reported under the code in force in 2022.
    expect(r.municipality).toEqual({ id: 'NO-3201', name: 'Bærum', code: '3201' });
    expect(r.municipalityCode).toBe('3024');
    expect([r.period, r.kind, r.status, r.language]).toEqual(['2022', 'INTERNAL_CONTROL_ANNUAL', 'PUBLISHED', 'nb']);
    const value = (id: string) => r.values.find((v: any) => v.indicator.id === id);
    expect(value('deviations-reported')).toMatchObject({ value: 6919, intValue: 6919, asOf: '2022-10-19' });
    expect(value('whistleblowing-cases').intValue).toBe(7);
    expect(value('whistleblowing-cases-earlier-years').intValue).toBe(2);
    expect(value('whistleblowing-cases-to-line').intValue).toBe(5);
    expect(value('internal-audits').intValue).toBe(26);
    const supervisions = r.audits.filter((a: any) => a.kind === 'EXTERNAL_SUPERVISION');
    expect(supervisions.filter((a: any) => a.authority === 'Statsforvalteren')).toHaveLength(3);
    expect(supervisions.filter((a: any) => a.authority === 'Arbeidstilsynet')).toHaveLength(8);
    const hovik = supervisions.find((a: any) => a.unit?.startsWith('Høvik avlastningssenter'));
    expect(hovik).toMatchObject({ performedOn: '2022-08-22', findings: [{ kind: 'ORDER', count: 7, deadline: '2022-12-15', closedOn: null }] });
    const bekkestua = supervisions.find((a: any) => a.unit?.startsWith('Bekkestua brannstasjon'));
    expect(bekkestua.findings.map((f: any) => f.deadline)).toEqual(['2022-11-01', '2023-01-20']);
    const ordersFromArbeidstilsynet = supervisions.filter((a: any) => a.authority === 'Arbeidstilsynet')
      .flatMap((a: any) => a.findings).reduce((n: number, f: any) => n + f.count, 0);
    expect(ordersFromArbeidstilsynet).toBe(24);
    const iso = r.audits.filter((a: any) => a.kind === 'ISO_AUDIT');
    expect(iso).toHaveLength(5);
    expect(iso.find((a: any) => a.authority === 'DNV').findings).toEqual([
      { kind: 'DEVIATION', count: 3, deadline: null, closedOn: '2022-10-19' }, { kind: 'OBSERVATION', count: 8, deadline: null, closedOn: null },
    ]);
    expect(r.audits.filter((a: any) => a.kind === 'PERFORMANCE_AUDIT')).toHaveLength(10);
    expect(r.recommendationStatuses.map((s: any) => s.recommendation.id).sort()).toEqual([...DEMO.recommendations].sort());
    const fourth = r.recommendationStatuses.find((s: any) => s.recommendation.id === DEMO.recommendations[3]);
    expect(fourth.status).toBe('NOT_IMPLEMENTED');
    expect(fourth.comment).toContain('ikke et eget antikorrupsjonsprogram');
    expect(r.sections.map((s: any) => s.key)).toEqual(expect.arrayContaining(['summary', 'measures']));
  });

  it('shows through Municipality.reports, Municipality.indicatorValues and Recommendation.statuses', async () => {
    const res = await stack.graphql<{ municipality: any }>(`{ municipality(id: "NO-3201") {
      reports(kinds: [INTERNAL_CONTROL_ANNUAL]) { edges { node { id } } }
      indicatorValues(indicators: ["deviations-reported", "internal-audits"], periods: ["2022"]) { edges { node { indicator { id } period intValue } } }
    } }`);
    expect(res.body.errors).toBeUndefined();
    expect(nodes(res.body.data!.municipality.reports)).toEqual([{ id: DEMO.reports.baerumInternalControl2022 }]);
    expect(nodes(res.body.data!.municipality.indicatorValues)).toEqual([
      { indicator: { id: 'deviations-reported' }, period: '2022', intValue: 6919 },
      { indicator: { id: 'internal-audits' }, period: '2022', intValue: 26 },
    ]);
    const statuses = await stack.graphql<{ report: any }>(`query($id: ID!) { report(id: $id) {
      recommendationStatuses { recommendation { id statuses { edges { node { municipality { id } period status } } } } } } }`, { variables: { id: DEMO.reports.baerumInternalControl2022 } });
    expect(statuses.body.errors).toBeUndefined();
    const first = statuses.body.data!.report.recommendationStatuses.find((s: any) => s.recommendation.id === DEMO.recommendations[0]);
    expect(nodes(first.recommendation.statuses)).toEqual([{ municipality: { id: 'NO-3201' }, period: '2022', status: 'IMPLEMENTED' }]);
  });

  it('lists open findings past their deadline, for the reports a role may see', async () => {
    const q = `query($asOf: LocalDate) { overdueFindings(asOf: $asOf, first: 50) { totalCount edges { node { kind count deadline municipality { id } audit { authority unit } } } } }`;
    const res = await stack.graphql<{ overdueFindings: { totalCount: number; edges: { node: any }[] } }>(q, { variables: { asOf: '2023-06-01' } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.overdueFindings.edges.map((e) => [e.node.deadline, e.node.kind, e.node.count])).toEqual([
      ['2022-11-01', 'ORDER', 1], ['2022-11-30', 'ORDER', 6], ['2022-12-15', 'ORDER', 7], ['2022-12-31', 'DEVIATION', 1], ['2023-01-20', 'ORDER', 1],
    ]);
    const early = await stack.graphql<{ overdueFindings: { totalCount: number } }>(q, { variables: { asOf: '2022-11-15' } });
    expect(early.body.data!.overdueFindings.totalCount).toBe(1);
  });
});

describe('report workflow and roles', () => {
  let coordinator: string; let otherCoordinator: string; let ks: string; let ti: string; let analyst: string;
  beforeAll(async () => {
    coordinator = await stack.token('COORDINATOR', { municipality: 'NO-0301' });
    otherCoordinator = await stack.token('COORDINATOR', { municipality: 'NO-3201' });
    ks = await stack.token('ORG_ADMIN', { org: 'ks' });
    ti = await stack.token('ORG_ADMIN', { org: 'ti-norge' });
    analyst = await stack.token('ANALYST', { org: 'ks' });
  });

  const base = {
    municipalityId: 'NO-0301', period: '2023', kind: 'INTERNAL_CONTROL_ANNUAL', title: 'Internkontroll 2023', language: 'nb', recipientId: 'ks',
  };

  it('goes DRAFT → SUBMITTED → RETURNED → SUBMITTED → PUBLISHED with each role doing its part', async () => {
    expect((await mutate('createReport', base, otherCoordinator)).body.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await mutate('createReport', base, undefined)).body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const created = await payload('createReport', {
      ...base,
      sections: [{ key: 'summary', title: 'Sammendrag', body: 'Status for internkontrollen.' }],
      values: [{ indicatorId: 'deviations-reported', value: 4100, unit: 'COUNT', asOf: '2023-10-01' }, { indicatorId: 'internal-audits', value: 12 }],
      risks: [{ factor: 'Manglende lederstøtte', likelihood: 4, consequence: 8, measures: 'Forankring i ledergruppen', owner: 'kommunedirektøren' }],
      audits: [{ kind: 'EXTERNAL_SUPERVISION', authority: 'Arbeidstilsynet', topic: 'Arbeidsmiljø', unit: 'Sentrum sykehjem', performedOn: '2023-03-01',
        findings: [{ kind: 'ORDER', count: 2, deadline: '2023-05-01' }] }],
    }, coordinator);
    expect(created.userErrors).toEqual([]);
    const report = created.report!;
    expect(report.status).toBe('DRAFT');
    expect(report.values).toEqual([
      { indicator: { id: 'deviations-reported' }, value: 4100, intValue: 4100 }, { indicator: { id: 'internal-audits' }, value: 12, intValue: 12 },
    ]);
    const read = `query($id: ID!) { report(id: $id) { id status risks { factor likelihood consequence score } } }`;
    const asCoordinator = await stack.graphql<{ report: any }>(read, { variables: { id: report.id }, token: coordinator });
    expect(asCoordinator.body.data!.report.risks).toEqual([{ factor: 'Manglende lederstøtte', likelihood: 4, consequence: 8, score: 32 }]);
    // A draft is the municipality's own: not the recipient's, the analyst's or the public's.
    for (const token of [ks, analyst, undefined]) {
      expect((await stack.graphql<{ report: unknown }>(read, { variables: { id: report.id }, token })).body.data!.report).toBeNull();
    }
    // The overdue order of the draft is the coordinator's to see, not the analyst's.
    const overdue = `query { overdueFindings(filter: { municipalityIds: ["NO-0301"] }) { totalCount } }`;
    expect((await stack.graphql<any>(overdue, { token: coordinator })).body.data.overdueFindings.totalCount).toBe(1);
    expect((await stack.graphql<any>(overdue, { token: analyst })).body.data.overdueFindings.totalCount).toBe(0);

    const submitted = await payload('submitReport', { id: report.id, expectedVersion: report.version }, coordinator);
    expect(submitted.report!.status).toBe('SUBMITTED');
    expect(submitted.report!.version).toBeGreaterThan(report.version);
    // Submitted: no more edits, and only the recipient reviews it.
    const edit = await payload('updateReport', { id: report.id, expectedVersion: submitted.report!.version, values: [{ indicatorId: 'internal-audits', value: 13 }] }, coordinator);
    expect(edit.userErrors.map((e) => e.code)).toEqual(['REPORT_NOT_EDITABLE']);
    // Another organization does not even see it.
    const byOther = await payload('publishReport', { id: report.id, expectedVersion: submitted.report!.version }, ti);
    expect(byOther.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
    expect((await mutate('publishReport', { id: report.id, expectedVersion: submitted.report!.version }, coordinator)).body.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await stack.graphql<{ report: { status: string } }>(read, { variables: { id: report.id }, token: ks })).body.data!.report.status).toBe('SUBMITTED');

    const returned = await payload('returnReport', { id: report.id, expectedVersion: submitted.report!.version, comment: 'Tallet for interne revisjoner mangler kilde.' }, ks);
    expect(returned.report).toMatchObject({ status: 'RETURNED', returnComment: 'Tallet for interne revisjoner mangler kilde.' });
    const stale = await payload('updateReport', { id: report.id, expectedVersion: submitted.report!.version, values: [] }, coordinator);
    expect(stale.userErrors.map((e) => e.code)).toEqual(['STALE_VERSION']);
    const fixed = await payload('updateReport', {
      id: report.id, expectedVersion: returned.report!.version,
      values: [{ indicatorId: 'deviations-reported', value: 4100 }, { indicatorId: 'internal-audits', value: 13, note: 'Fra kvalitetsportalen.' }],
    }, coordinator);
    expect(fixed.userErrors).toEqual([]);
    expect(fixed.report!.values.map((v) => v.value)).toEqual([4100, 13]);
    const resubmitted = await payload('submitReport', { id: report.id, expectedVersion: fixed.report!.version }, coordinator);
    const published = await payload('publishReport', { id: report.id, expectedVersion: resubmitted.report!.version }, ks);
    expect(published.report).toMatchObject({ status: 'PUBLISHED', returnComment: null });
    expect((await stack.graphql<{ report: { status: string } }>(read, { variables: { id: report.id }, token: analyst })).body.data!.report.status).toBe('PUBLISHED');
    expect((await stack.graphql<{ report: { status: string } }>(read, { variables: { id: report.id } })).body.data!.report.status).toBe('PUBLISHED');
    const edited = await payload('updateReport', { id: report.id, expectedVersion: published.report!.version, title: 'Ny tittel' }, coordinator);
    expect(edited.userErrors.map((e) => e.code)).toEqual(['REPORT_NOT_EDITABLE']);
  });

  it('says where every value comes from: reported, imported from a named source, or generated for the demo', async () => {
    const created = await payload('createReport', {
      ...base, period: '2019', kind: 'CUSTOM', title: 'Tall 2019',
      values: [
        { indicatorId: 'deviations-reported', value: 3900 },
        { indicatorId: 'internal-audits', value: 9, source: { name: 'Kommunerevisjonen, årsrapport 2019', url: 'https://example.org/revisjon-2019' } },
      ],
    }, coordinator);
    expect(created.userErrors).toEqual([]);
    const values = `query($id: ID!) { municipality(id: $id) { indicatorValues(indicators: ["deviations-reported", "internal-audits", "citizen-survey-score"], periods: ["2017", "2019", "2022"], first: 100) {
      edges { node { indicator { id } period provenance sourceName sourceUrl } } } } }`;
    const oslo = await stack.graphql<{ municipality: { indicatorValues: { edges: { node: any }[] } } }>(values, { variables: { id: 'NO-0301' }, token: coordinator });
    expect(oslo.body.errors).toBeUndefined();
    const byIndicator = (rows: any[], id: string, period: string) => rows.find((v) => v.indicator.id === id && v.period === period);
    const rows = nodes(oslo.body.data!.municipality.indicatorValues);
    expect(byIndicator(rows, 'deviations-reported', '2019')).toMatchObject({ provenance: 'REPORTED', sourceName: null, sourceUrl: null });
    expect(byIndicator(rows, 'internal-audits', '2019')).toMatchObject({
      provenance: 'IMPORTED', sourceName: 'Kommunerevisjonen, årsrapport 2019', sourceUrl: 'https://example.org/revisjon-2019',
    });
    // The demo's result indicators are generated, and say so.
    expect(byIndicator(rows, 'citizen-survey-score', '2017')).toMatchObject({ provenance: 'GENERATED', sourceName: null });
    // Bærum's own report: reported by the municipality.
    const baerum = await stack.graphql<{ municipality: { indicatorValues: { edges: { node: any }[] } } }>(values, { variables: { id: 'NO-3201' } });
    expect(byIndicator(nodes(baerum.body.data!.municipality.indicatorValues), 'deviations-reported', '2022')).toMatchObject({ provenance: 'REPORTED' });
  });

  it('refuses bad input with a user error and changes nothing', async () => {
    const before = await reportCount();
    const create = (input: Record<string, unknown>) => payload('createReport', { ...base, period: '2015', kind: 'RISK_ASSESSMENT', ...input }, coordinator);
    const cases: [Record<string, unknown>, string, string[]][] = [
      [{ values: [{ indicatorId: 'deviations-reported', value: 12.5 }] }, 'WRONG_VALUE_TYPE', ['input', 'values', '0', 'value']],
      [{ values: [{ indicatorId: 'deviations-reported', value: -3 }] }, 'OUT_OF_RANGE', ['input', 'values', '0', 'value']],
      [{ values: [{ indicatorId: 'population-change', value: 120 }] }, 'OUT_OF_RANGE', ['input', 'values', '0', 'value']],
      [{ values: [{ indicatorId: 'deviations-reported', value: 10, unit: 'PERCENT' }] }, 'WRONG_UNIT', ['input', 'values', '0', 'unit']],
      [{ values: [{ indicatorId: 'bribes-paid', value: 1 }] }, 'UNKNOWN_INDICATOR', ['input', 'values', '0', 'indicatorId']],
      [{ values: [{ indicatorId: 'employee-survey-score', value: 4 }], period: '2014' }, 'INDICATOR_NOT_IN_PERIOD', ['input', 'values', '0', 'indicatorId']],
      [{ period: '15' }, 'INVALID_PERIOD', ['input', 'period']],
      [{ period: '2015-Q1' }, 'INVALID_PERIOD', ['input', 'period']],
      [{ risks: [{ factor: 'Uenighet i gruppen', likelihood: 11, consequence: 3 }] }, 'OUT_OF_RANGE', ['input', 'risks', '0', 'likelihood']],
      [{ risks: [{ factor: 'Prioritering av tid', likelihood: 2, consequence: 0 }] }, 'OUT_OF_RANGE', ['input', 'risks', '0', 'consequence']],
      [{ recipientId: 'nobody' }, 'UNKNOWN_ORGANIZATION', ['input', 'recipientId']],
      [{ kind: 'NETWORK_PROJECT_RESULT' }, 'NETWORK_REQUIRED', ['input', 'networkId']],
      [{ values: [{ indicatorId: 'deviations-reported', value: 3, source: { name: 'SSB', url: 'ssb.no/kostra' } }] }, 'INVALID_URL', ['input', 'values', '0', 'source', 'url']],
      [{ values: [{ indicatorId: 'deviations-reported', value: 3, source: { name: ' ' } }] }, 'TOO_SHORT', ['input', 'values', '0', 'source', 'name']],
    ];
    for (const [input, code, field] of cases) {
      const result = await create(input);
      expect({ input, codes: result.userErrors.map((e) => e.code) }).toEqual({ input, codes: [code] });
      expect(result.userErrors[0].field).toEqual(field);
      expect(result.report).toBeNull();
    }
    // Text where a count goes does not even reach the service.
    const text = await mutate('createReport', { ...base, period: '2015', values: [{ indicatorId: 'deviations-reported', value: 'mange' }] }, coordinator);
    expect(text.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    // A second report of the same kind and period.
    const duplicate = await payload('createReport', base, coordinator);
    expect(duplicate.userErrors.map((e) => e.code)).toEqual(['DUPLICATE_REPORT']);
    // An admin may report for any municipality, but not for one that does not exist.
    const admin = await stack.token('ADMIN');
    const unknown = await payload('createReport', { ...base, municipalityId: 'NO-9999' }, admin);
    expect(unknown.userErrors.map((e) => e.code)).toEqual(['UNKNOWN_MUNICIPALITY']);
    expect(await reportCount()).toBe(before);
  });

  it('leaves nothing behind when creating a report fails after its first writes', async () => {
    const rows = async () => (await stack.subgraphs.reports.ds.query(`SELECT (SELECT count(*) FROM reports.report)::int AS reports,
      (SELECT count(*) FROM reports.indicator_value)::int AS "values", (SELECT count(*) FROM reports.risk)::int AS risks`))[0];
    const before = await rows();
    const input = { ...base, period: '2016', kind: 'RISK_ASSESSMENT', values: [{ indicatorId: 'deviations-reported', value: 4, note: 'Fra avvikssystemet' }],
      risks: [{ factor: 'Uklare roller', likelihood: 3, consequence: 4 }] };
    // The report and its values are written before its risks: the risk's write fails.
    const failed = await withFailingWrite(stack, 'reports.risk', "NEW.factor = 'Uklare roller'", () => payload('createReport', input, coordinator));
    expect(failed).toEqual({ report: null, userErrors: [{ field: null, code: 'CONFLICT', message: expect.any(String) }] });
    expect(await rows()).toEqual(before);
  });

  it('keeps a network project’s risk analysis and shows it on the network', async () => {
    const baerum = await stack.token('COORDINATOR', { municipality: 'NO-3201' });
    const project = {
      municipalityId: 'NO-3201', period: '2013', kind: 'NETWORK_PROJECT_RESULT', title: 'Antikorrupsjonsarbeid i Bærum', language: 'nb', recipientId: 'ti-norge',
      risks: [
        { factor: 'Manglende engasjement', likelihood: 3, consequence: 7, status: 'MITIGATING' },
        { factor: 'Dårlig forankring', likelihood: 5, consequence: 9, measures: 'Vedtak i kommunedirektørens ledergruppe', owner: 'prosjektleder' },
      ],
    };
    const unknown = await payload('createReport', { ...project, networkId: '00000000-0000-4000-8000-000000000000' }, baerum);
    expect(unknown.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
    const created = await payload('createReport', { ...project, networkId: DEMO.networks.antikorrupsjonA }, baerum);
    expect(created.userErrors).toEqual([]);
    const q = `query($id: ID!) { network(id: $id) { name reports { edges { node { id kind municipality { name } risks { factor score status } } } } } }`;
    const own = await stack.graphql<{ network: any }>(q, { variables: { id: DEMO.networks.antikorrupsjonA }, token: baerum });
    expect(own.body.errors).toBeUndefined();
    expect(nodes(own.body.data!.network.reports)).toEqual([{ id: created.report!.id, kind: 'NETWORK_PROJECT_RESULT', municipality: { name: 'Bærum' }, risks: [
      { factor: 'Manglende engasjement', score: 21, status: 'MITIGATING' }, { factor: 'Dårlig forankring', score: 45, status: 'OPEN' }] }]);
    const anonymous = await stack.graphql<{ network: any }>(q, { variables: { id: DEMO.networks.antikorrupsjonA } });
    expect(nodes(anonymous.body.data!.network.reports)).toEqual([]);
  });

  it('resolves lists of reports with their contents in a bounded number of statements', async () => {
    const q = `query($first: Int) { reports(first: $first) { totalCount edges { node {
      id municipality { id name } values { indicator { id unit } intValue } risks { score } audits { findings { count } } findings { audit { kind } }
      recommendationStatuses { status } } } } }`;
    const measure = async (first: number) => {
      const before = stack.sqlStatements();
      const res = await stack.graphql<{ reports: { edges: unknown[] } }>(q, { variables: { first } });
      expect(res.body.errors).toBeUndefined();
      return { delta: sqlDelta(before, stack.sqlStatements()).reports, edges: res.body.data!.reports.edges.length };
    };
    const small = await measure(2);
    const large = await measure(60);
    expect(large.edges).toBe(60);
    expect(large.delta).toBe(small.delta);
    expect(large.delta).toBeLessThanOrEqual(10);
  });
});

describe('surveys (003)', () => {
  it('has KS’ 2007 survey of 1,760 leaders with its published shares', async () => {
    const res = await stack.graphql<{ survey: any }>(`query($id: ID!) { survey(id: $id) {
      title organization { shortName } conductedBy period respondentCount collectsIndividualAnswers
      questions { text results { option { label } count share respondents suppressed } } } }`, { variables: { id: DEMO.surveys.ksEtikkLeverandorer2007 } });
    expect(res.body.errors).toBeUndefined();
    const s = res.body.data!.survey;
    expect(s).toMatchObject({ organization: { shortName: 'KS' }, conductedBy: 'TNS Gallup', period: '2007', respondentCount: 1760, collectsIndividualAnswers: false });
    const yes = (start: string) => s.questions.find((q: any) => q.text.startsWith(start)).results.find((r: any) => r.option.label === 'Ja');
    expect(yes('Har du selv blitt bestukket')).toMatchObject({ share: 0.003, count: 5, respondents: 1760, suppressed: false });
    expect(yes('Har du blitt forsøkt påvirket').share).toBe(0.08);
    expect(yes('Mener du at kommunen arbeider effektivt').share).toBe(0.5);
    expect(yes('Har kommunen iverksatt spesielle tiltak').share).toBeCloseTo(1 / 3, 2);
  });

  it('never gives an analyst individual answers', async () => {
    const q = `query($id: ID!) { survey(id: $id) { answers { totalCount } } }`;
    const analyst = await stack.graphql(q, { variables: { id: DEMO.surveys.ksEtikkLeverandorer2007 }, token: await stack.token('ANALYST', { org: 'ks' }) });
    expect(analyst.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    const ks = await stack.graphql(q, { variables: { id: DEMO.surveys.ksEtikkLeverandorer2007 }, token: await stack.token('ORG_ADMIN', { org: 'ks' }) });
    expect(ks.body.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  const createSurvey = `mutation($input: CreateSurveyInput!) { createSurvey(input: $input) { survey { id collectsIndividualAnswers } userErrors { field code } } }`;
  const survey = (extra: Record<string, unknown>) => ({
    title: 'Etikk i kommunene 2024', organizationId: 'ks', period: '2024', country: 'NO', language: 'nb', population: 'Kommunedirektører', respondentCount: 120,
    questions: [{ text: 'Har kommunen et antikorrupsjonsprogram?', options: ['Ja', 'Nei'] }], ...extra,
  });
  const results = `query($id: ID!, $by: String) { survey(id: $id) { questions { results(breakdown: $by) { option { label } breakdownGroup respondents count share suppressed } } } }`;

  it('breaks published aggregates down, suppressing small groups', async () => {
    const ks = await stack.token('ORG_ADMIN', { org: 'ks' });
    const group = (g: string, yes: number, n: number) => [
      { option: 1, count: yes, respondents: n, breakdownDimension: 'county', breakdownGroup: g }, { option: 2, count: n - yes, respondents: n, breakdownDimension: 'county', breakdownGroup: g }];
    const created = await stack.graphql<{ createSurvey: { survey: { id: string }; userErrors: Errors } }>(createSurvey, { token: ks, variables: { input: survey({
      questions: [{ text: 'Har kommunen et antikorrupsjonsprogram?', options: ['Ja', 'Nei'], results: [
        { option: 1, count: 30, respondents: 120 }, { option: 2, count: 90, respondents: 120 }, ...group('32', 20, 100), ...group('03', 1, 2), ...group('46', 9, 18)] }],
    }) } });
    expect(created.body.data!.createSurvey.userErrors).toEqual([]);
    const id = created.body.data!.createSurvey.survey.id;
    const total = await stack.graphql<{ survey: any }>(results, { variables: { id } });
    expect(total.body.data!.survey.questions[0].results).toEqual([
      { option: { label: 'Ja' }, breakdownGroup: null, respondents: 120, count: 30, share: 0.25, suppressed: false },
      { option: { label: 'Nei' }, breakdownGroup: null, respondents: 120, count: 90, share: 0.75, suppressed: false },
    ]);
    const byCounty = await stack.graphql<{ survey: any }>(results, { variables: { id, by: 'county' } });
    const rows = byCounty.body.data!.survey.questions[0].results;
    expect(rows.filter((r: any) => r.breakdownGroup === '32').map((r: any) => r.count)).toEqual([20, 80]);
    // 2 respondents in 03: suppressed, and 46 (the smallest other group) with it.
    expect(rows.filter((r: any) => r.suppressed).map((r: any) => r.breakdownGroup)).toEqual(['03', '03', '46', '46']);
    expect(rows.filter((r: any) => r.suppressed).every((r: any) => r.count === null && r.share === null)).toBe(true);
  });

  it('counts results from individual answers when a survey collects them; only its organization sees the answers', async () => {
    const ks = await stack.token('ORG_ADMIN', { org: 'ks' });
    const created = await stack.graphql<{ createSurvey: { survey: { id: string } } }>(createSurvey, { token: ks, variables: { input: survey({ collectsIndividualAnswers: true }) } });
    const id = created.body.data!.createSurvey.survey.id;
    const sectors = ['helse', 'helse', 'helse', 'helse', 'skole', 'skole', 'skole', 'teknisk'];
    const record = `mutation($input: RecordSurveyAnswersInput!) { recordSurveyAnswers(input: $input) { survey { id } userErrors { field code } } }`;
    const responses = sectors.map((sector, i) => ({ respondentKey: `r${i}`, background: [{ dimension: 'sector', group: sector }], answers: [{ question: 1, option: i % 3 === 0 ? 1 : 2 }] }));
    const bad = await stack.graphql<{ recordSurveyAnswers: { userErrors: Errors } }>(record, { token: ks, variables: { input: { surveyId: id, responses: [{ respondentKey: 'x', answers: [{ question: 1, option: 3 }] }] } } });
    expect(bad.body.data!.recordSurveyAnswers.userErrors.map((e) => e.code)).toEqual(['UNKNOWN_OPTION']);
    const analystRecord = await stack.graphql(record, { token: await stack.token('ANALYST', { org: 'ks' }), variables: { input: { surveyId: id, responses } } });
    expect(analystRecord.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    const ok = await stack.graphql<{ recordSurveyAnswers: { userErrors: Errors } }>(record, { token: ks, variables: { input: { surveyId: id, responses } } });
    expect(ok.body.data!.recordSurveyAnswers.userErrors).toEqual([]);
    const total = await stack.graphql<{ survey: any }>(results, { variables: { id } });
    expect(total.body.data!.survey.questions[0].results.map((r: any) => [r.option.label, r.count, r.respondents])).toEqual([['Ja', 3, 8], ['Nei', 5, 8]]);
    const bySector = await stack.graphql<{ survey: any }>(results, { variables: { id, by: 'sector' } });
    const rows = bySector.body.data!.survey.questions[0].results;
    expect(rows.filter((r: any) => !r.suppressed).map((r: any) => [r.breakdownGroup, r.option.label, r.count])).toEqual([['helse', 'Ja', 2], ['helse', 'Nei', 2]]);
    // One respondent in teknisk: suppressed, and skole (the smallest other group) with it.
    expect(rows.filter((r: any) => r.suppressed).map((r: any) => r.breakdownGroup)).toEqual(['skole', 'skole', 'teknisk', 'teknisk']);
    const answers = `query($id: ID!) { survey(id: $id) { answers(first: 100) { totalCount } } }`;
    expect((await stack.graphql<{ survey: any }>(answers, { variables: { id }, token: ks })).body.data!.survey.answers.totalCount).toBe(8);
    const analyst = await stack.graphql(answers, { variables: { id }, token: await stack.token('ANALYST', { org: 'ks' }) });
    expect(analyst.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    const otherOrg = await stack.graphql(answers, { variables: { id }, token: await stack.token('ORG_ADMIN', { org: 'skr' }) });
    expect(otherOrg.body.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('refuses survey input that does not add up', async () => {
    const ks = await stack.token('ORG_ADMIN', { org: 'ks' });
    const bad = async (input: Record<string, unknown>, token = ks) =>
      (await stack.graphql<{ createSurvey: { userErrors: Errors } }>(createSurvey, { token, variables: { input: survey(input) } })).body.data!.createSurvey.userErrors.map((e) => e.code);
    const q = (result: Record<string, unknown>) => ({ questions: [{ text: 'Spørsmål', options: ['Ja', 'Nei'], results: [result] }] });
    expect(await bad(q({ option: 1, count: 10, respondents: 5 }))).toEqual(['OUT_OF_RANGE']);
    expect(await bad(q({ option: 3, count: 1, respondents: 5 }))).toEqual(['UNKNOWN_OPTION']);
    expect(await bad(q({ option: 1, count: 1, respondents: 5, share: 1.2 }))).toEqual(['OUT_OF_RANGE']);
    expect(await bad({ collectsIndividualAnswers: true, ...q({ option: 1, count: 1, respondents: 5 }) })).toEqual(['RESULTS_FROM_ANSWERS']);
    expect(await bad({ period: '07' })).toEqual(['INVALID_PERIOD']);
    const skr = await stack.graphql(createSurvey, { token: await stack.token('ORG_ADMIN', { org: 'skr' }), variables: { input: survey({}) } });
    expect(skr.body.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
