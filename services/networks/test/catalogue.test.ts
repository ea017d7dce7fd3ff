import { DEMO } from '@kommunenett/reference-data';
import { sqlDelta } from '@kommunenett/stack/testing';
import { networksStack } from './helpers';

/** The demo programmes of the source documents, and finding networks in the catalogue. */
let t: Awaited<ReturnType<typeof networksStack>>;
beforeAll(async () => { t = await networksStack(); });
afterAll(async () => { await t?.stack.stop(); });

const SESSIONS = `sessions { sequence kind title theme datePrecision startsAt startsAtLocal endsAtLocal plannedMonth plannedTo sortDate
  location { venue place municipality { id } } }`;

describe('demo programmes of the source documents', () => {
  it('has the anti-corruption programme of KS and TI Norge (000) with owners, funder and networks A, B, C', async () => {
    const { program } = await t.ok(`query($id: ID!) { program(id: $id) {
      name language status themes periodStart periodEnd owners { id } partners { id } funder { id }
      networks(first: 10) { totalCount edges { node { name } } } } }`, { id: DEMO.programs.antikorrupsjon2013 });
    expect(program).toMatchObject({
      name: 'Åpenhet, integritet og antikorrupsjonsarbeid i kommunesektoren', language: 'nb', owners: [{ id: 'ks' }, { id: 'ti-norge' }],
      funder: { id: 'kdd' }, periodStart: '2013-05', periodEnd: '2014-03',
    });
    expect(program.networks.edges.map((e: any) => e.node.name)).toEqual(['Antikorrupsjonsnettverk A', 'Antikorrupsjonsnettverk B', 'Antikorrupsjonsnettverk C']);
  });

  it('gives network A of 000 its rules and the mixed date precision of the document', async () => {
    const { network } = await t.ok(`query($id: ID!) { network(id: $id) {
      name capacity capacityMin perMunicipalityLimit perMunicipalityMin requiresLeadershipAnchoring requiresApproval eligibleKinds
      costNote registrationDeadline registrationDeadlineLocal timeZone hosts { id } ${SESSIONS}
      assignments { position title givenAt { sequence } dueBefore { sequence } } } }`, { id: DEMO.networks.antikorrupsjonA });
    expect(network).toMatchObject({
      capacity: 30, capacityMin: 20, perMunicipalityLimit: 3, perMunicipalityMin: 2, requiresLeadershipAnchoring: true,
      eligibleKinds: ['MUNICIPALITY', 'COUNTY'], hosts: [{ id: 'ti-norge' }, { id: 'ks' }], timeZone: 'Europe/Oslo',
      // «Påmeldingsfrist: 21. mai 2013»: the end of that day in Oslo (summer time), shown with its offset.
      registrationDeadline: '2013-05-21T21:59:59.999Z', registrationDeadlineLocal: '2013-05-21T23:59:59+02:00',
    });
    expect(network.costNote).toMatch(/reise og opphold/);
    expect(network.sessions.map((s: any) => [s.sequence, s.datePrecision, s.startsAtLocal, s.endsAtLocal, s.plannedMonth])).toEqual([
      [1, 'EXACT', '2013-06-18T12:00:00+02:00', '2013-06-19T12:00:00+02:00', null],
      [2, 'MONTH', null, null, '2013-10'],
      [3, 'MONTH', null, null, '2014-03'],
    ]);
    expect(network.sessions[0]).toMatchObject({ title: 'Første samling', theme: 'Risiko og sårbarhet for korrupsjon', location: null });
    // A planned month sorts as its first day, midnight in Oslo.
    expect(network.sessions[1].sortDate).toBe('2013-09-30T22:00:00.000Z');
    expect(network.assignments.map((a: any) => [a.title, a.givenAt?.sequence, a.dueBefore?.sequence])).toEqual([
      ['Kartlegging av sårbarhet og sikkerhetshull', 1, 2],
      ['Case eller aktivitet i egen kommune', 1, 2],
      ['Mål og aktiviteter fram til neste samling', 2, 3],
    ]);
  });

  it('plans networks B and C for September 2013, November 2013 and March 2014', async () => {
    for (const id of [DEMO.networks.antikorrupsjonB, DEMO.networks.antikorrupsjonC]) {
      const { network } = await t.ok(`query($id: ID!) { network(id: $id) { ${SESSIONS} } }`, { id });
      expect(network.sessions.map((s: any) => [s.datePrecision, s.plannedMonth, s.startsAt])).toEqual([
        ['MONTH', '2013-09', null], ['MONTH', '2013-11', null], ['MONTH', '2014-03', null],
      ]);
    }
  });

  it('has the Swedish SKL network (001) with target roles, 1–2 participants and two contact persons', async () => {
    const token = await t.token('ANALYST', { org: 'skr' });
    const { network } = await t.ok(`query($id: ID!) { network(id: $id) {
      name language country timeZone targetRoles perMunicipalityMin perMunicipalityLimit eligibleKinds contactPersons { id } program { name } } }`,
    { id: DEMO.networks.sklKorruption2019 }, token);
    expect(network).toMatchObject({
      language: 'sv', country: 'SE', timeZone: 'Europe/Stockholm', perMunicipalityMin: 1, perMunicipalityLimit: 2,
      eligibleKinds: ['MUNICIPALITY', 'COUNTY'], program: { name: 'Korruptionsbekämpning, nätverk' },
      contactPersons: [{ id: DEMO.namedPeople.ceciliaBerglin }, { id: DEMO.namedPeople.annSofiAgnevik }],
    });
    expect(network.targetRoles).toEqual(['ekonomer', 'jurister', 'controllers', 'HR-personal', 'säkerhetsansvariga', 'revisorer']);
  });

  it('has «Saman om ein betre kommune» (004) with eight networks by theme, three gatherings and a theme day', async () => {
    const { program } = await t.ok(`query($id: ID!) { program(id: $id) { language owners { id } partners { id } funder { id }
      networks(first: 20) { totalCount edges { node { theme sessions { kind plannedMonth plannedTo datePrecision } } } } } }`, { id: DEMO.programs.saman2013 });
    expect(program).toMatchObject({ language: 'nn', funder: { id: 'kdd' }, partners: [{ id: 'fagforbundet' }] });
    expect(program.networks.totalCount).toBe(8);
    const themes = program.networks.edges.map((e: any) => e.node.theme);
    expect(themes.filter((x: string) => x === 'omdømme')).toHaveLength(2);
    expect(themes.filter((x: string) => x === 'innovasjon')).toHaveLength(2);
    const later = program.networks.edges.map((e: any) => e.node.sessions.slice(1).map((s: any) => [s.kind, s.plannedMonth, s.plannedTo, s.datePrecision]));
    for (const sessions of later) {
      expect(sessions).toEqual([
        ['THEME_DAY', '2013-05', '2013-06', 'MONTH_SPAN'], ['GATHERING', '2013-08', '2013-09', 'MONTH_SPAN'], ['GATHERING', '2014-02', '2014-03', 'MONTH_SPAN'],
      ]);
    }
  });

  // 004 gives minutes for some items and a clock time alone for others: only the former end.
  it('loads the whole first gathering of 004 with its times, minutes and leaders', async () => {
    const token = await t.token('FACILITATOR', { networks: [DEMO.networks.samanOmdomme1] });
    const { session } = await t.ok(`query($id: ID!) { session(id: $id) { startsAtLocal endsAtLocal location { place municipality { id } }
      agenda { position date startTime endTime durationMinutes title kind leaders leaderPersons { id } } } }`, { id: DEMO.sessions.samanOmdomme1First }, token);
    expect(session).toMatchObject({ startsAtLocal: '2013-03-11T09:50:00+01:00', endsAtLocal: '2013-03-12T13:30:00+01:00', location: { place: 'Gardermoen', municipality: { id: 'NO-3209' } } });
    const agenda = session.agenda.map((i: any) => `${i.date} ${i.startTime}${i.durationMinutes ? ` (${i.durationMinutes})` : ''} ${i.title}`);
    expect(agenda).toEqual([
      '2013-03-11 09:50 (10) Program', '2013-03-11 10:00 (10) Presentasjoner', '2013-03-11 10:10 (5) Scanning',
      '2013-03-11 10:15 (20) Vi tar ut forventninger', '2013-03-11 10:35 (15) Et opptrekk…', '2013-03-11 10:50 (20) Saman om ein betre kommune',
      '2013-03-11 11:10 (10) Hva er Saman om….', '2013-03-11 11:20 (5) Kvelden i kveld', '2013-03-11 11:25 (5) Praktiske opplysninger',
      '2013-03-11 11:30 Lunsj', '2013-03-11 12:30 Presentasjoner av prosjekt', '2013-03-11 13:30 (30) Prosjektets hensikt',
      '2013-03-11 14:00 Pause', '2013-03-11 14:15 Attraktive arbeidsgivere', '2013-03-11 15:15 Pause + kaffe og noe å bit i',
      '2013-03-11 15:35 (70) Måling av resultater', '2013-03-11 15:55 Gruppearbeid',
      '2013-03-11 16:45 Oppsummering av dagen', '2013-03-11 17:00 Møte med prosjektlederne', '2013-03-11 18:45 Aperitiff og quiz',
      '2013-03-11 20:00 Middag', '2013-03-12 08:30 Tirsdag 12. mars', '2013-03-12 08:45 Prosjektplanlegging',
      '2013-03-12 10:30 Analyse av risiko', '2013-03-12 10:45 Gruppearbeid', '2013-03-12 11:25 Helhetlig kommunikasjon',
      '2013-03-12 12:25 Veien videre', '2013-03-12 12:40 Oppsummering - neste samling', '2013-03-12 13:00 Lunsj og avrunding',
    ]);
    expect(session.agenda.filter((i: any) => i.kind === 'BREAK')).toHaveLength(2);
    expect(session.agenda.find((i: any) => i.title === 'Analyse av risiko')).toMatchObject({ leaders: 'Asbjørn', leaderPersons: [{ id: DEMO.namedPeople.asbjornStavem }] });
  });
});

describe('finding networks', () => {
  const names = async (args: string, token?: string) => {
    const { networks } = await t.ok(`{ networks(${args}) { totalCount edges { node { name } } } }`, {}, token);
    return { total: networks.totalCount as number, names: networks.edges.map((e: any) => e.node.name as string) };
  };

  it('filters by country, language, theme, programme, host and status', async () => {
    // The open round of the demo data adds two networks in Norway and one in Sweden.
    expect((await names('first: 100, filter: { country: SE }')).names).toEqual(['Nätverk för korruptionsbekämpning', 'Nätverk för korruptionsbekämpning 2019']);
    expect((await names('first: 100, filter: { language: sv }')).total).toBe(2);
    expect((await names('first: 100, filter: { theme: "omdømme" }')).names).toEqual(['Nettverk omdømme 1', 'Nettverk omdømme 2']);
    expect((await names(`first: 100, filter: { programId: "${DEMO.programs.ksKandidat2007}" }`)).names).toEqual(['Kandidatnettverk for ledere med innvandrerbakgrunn']);
    expect((await names(`first: 100, filter: { programId: "${DEMO.programs.ksKandidatKvinner}" }`)).names).toEqual(['Kandidatnettverk for kvinner']);
    expect((await names('first: 100, filter: { hostId: "ti-norge" }')).total).toBe(5);
    expect((await names('first: 100, filter: { hostId: "fagforbundet", theme: "innovasjon" }')).total).toBe(2);
    expect((await names('first: 100, filter: { status: [RUNNING, PUBLISHED] }')).names).toEqual(['Antikorrupsjonsnettverk D', 'Antikorrupsjonsnettverk E', 'Nätverk för korruptionsbekämpning']);
    expect((await names('first: 100, filter: { status: [COMPLETED] }')).total).toBe(14);
  });

  it('searches name and description regardless of case and Nordic letters', async () => {
    expect((await names('first: 100, filter: { search: "KORRUPTIONSBEKÄMPNING" }')).names).toEqual(['Nätverk för korruptionsbekämpning', 'Nätverk för korruptionsbekämpning 2019']);
    expect((await names('first: 100, filter: { search: "omdomme" }')).names).toEqual(['Nettverk omdømme 1', 'Nettverk omdømme 2']);
    expect((await names('first: 100, filter: { search: "innvandrerbakgrunn" }')).names).toEqual(['Kandidatnettverk for ledere med innvandrerbakgrunn']);
    expect((await names('first: 100, filter: { search: "100%_" }')).total).toBe(0);
  });

  it('finds networks with sessions between two dates, a planned month or span as the whole interval it covers', async () => {
    // In June 2013 network A met (18–19 June), and Saman's eight networks had their theme day planned for «mai/juni».
    const june = await names('first: 100, filter: { sessionsFrom: "2013-06-01", sessionsTo: "2013-06-30" }');
    expect(june.total).toBe(9);
    expect(june.names).toContain('Antikorrupsjonsnettverk A');
    // July has nothing: the theme day's span ends with June, the second gathering starts with August.
    expect((await names('first: 100, filter: { sessionsFrom: "2013-07-01", sessionsTo: "2013-07-31" }')).total).toBe(0);
    // «Oktober 2013» is the whole of October: inside 1–1 October and 2–31 October alike, not in September.
    expect((await names('first: 100, filter: { sessionsFrom: "2013-10-01", sessionsTo: "2013-10-01" }')).names).toEqual(['Antikorrupsjonsnettverk A']);
    expect((await names('first: 100, filter: { sessionsFrom: "2013-10-02", sessionsTo: "2013-10-31" }')).names).toEqual(['Antikorrupsjonsnettverk A']);
    expect((await names('first: 100, filter: { sessionsFrom: "2013-09-20", sessionsTo: "2013-09-30" }')).names).not.toContain('Antikorrupsjonsnettverk A');
    // Saman's «august/september» covers both months: found on 1 August and on 15 September.
    expect((await names('first: 100, filter: { sessionsFrom: "2013-08-01", sessionsTo: "2013-08-01" }')).total).toBe(8);
    // On 15 September: those eight, and networks B and C, whose first gathering is planned for «september 2013».
    const september = await names('first: 100, filter: { sessionsFrom: "2013-09-15", sessionsTo: "2013-09-15" }');
    expect(september.total).toBe(10);
    expect(september.names).toEqual(expect.arrayContaining(['Antikorrupsjonsnettverk B', 'Antikorrupsjonsnettverk C']));
    const reversed = await t.refused('{ networks(filter: { sessionsFrom: "2013-10-02", sessionsTo: "2013-10-01" }) { totalCount } }');
    expect(reversed.codes).toEqual(['BAD_USER_INPUT']);
    expect((await t.refused('{ networks(filter: { sessionsFrom: "2013-02-30" }) { totalCount } }')).codes).toEqual(['BAD_USER_INPUT']);
  });

  it('pages with cursors and refuses a page over 100', async () => {
    const first = await t.ok('{ networks(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } }');
    const second = await t.ok('query($after: String) { networks(first: 100, after: $after) { pageInfo { hasNextPage } edges { node { name } } } }',
      { after: first.networks.pageInfo.endCursor });
    expect(first.networks.totalCount).toBe(17);
    expect(first.networks.pageInfo.hasNextPage).toBe(true);
    expect(second.networks.edges).toHaveLength(12);
    expect(second.networks.pageInfo.hasNextPage).toBe(false);
    const all = [...first.networks.edges, ...second.networks.edges].map((e: any) => e.node.name);
    expect(all).toEqual([...all].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect((await t.refused('{ networks(first: 101) { totalCount } }')).codes).toEqual(['BAD_USER_INPUT']);
  });

  it('orders by registration deadline, networks without one last', async () => {
    const { networks } = await t.ok('{ networks(first: 5, orderBy: REGISTRATION_DEADLINE) { edges { cursor node { name registrationDeadline } } } }');
    expect(networks.edges.slice(0, 3).map((e: any) => e.node.name)).toEqual(['Antikorrupsjonsnettverk A', 'Antikorrupsjonsnettverk B', 'Antikorrupsjonsnettverk C']);
    // Then the open round (deadlines ahead of today), then the networks without a deadline.
    expect(networks.edges[3].node.registrationDeadline).not.toBeNull();
    const next = await t.ok('query($after: String) { networks(first: 100, after: $after, orderBy: REGISTRATION_DEADLINE) { edges { node { name registrationDeadline } } } }',
      { after: networks.edges[2].cursor });
    expect(next.networks.edges).toHaveLength(14);
    expect(next.networks.edges.map((e: any) => e.node.registrationDeadline !== null)).toEqual([true, true, true, ...Array(11).fill(false)]);
  });

  it('shows anonymous callers published networks only, and nothing personal', async () => {
    const admin = await t.token('ADMIN');
    const created = await t.ok(`mutation { createNetwork(input: { name: "Utkast", theme: "test", country: NO, language: nb, hostIds: ["ks"] }) {
      network { id status } userErrors { code } } }`, {}, admin);
    const draftId = created.createNetwork.network.id;
    expect((await names('first: 100')).total).toBe(17);
    expect((await names('first: 100', admin)).total).toBe(18);
    expect((await t.ok('query($id: ID!) { network(id: $id) { id } }', { id: draftId })).network).toBeNull();
    expect((await t.ok('query($id: ID!) { network(id: $id) { id } }', { id: draftId }, await t.token('ORG_ADMIN', { org: 'ks' }))).network).toEqual({ id: draftId });
    expect((await t.ok('query($id: ID!) { network(id: $id) { id } }', { id: draftId }, await t.token('ORG_ADMIN', { org: 'skr' }))).network).toBeNull();
    const personal = await t.refused('query($id: ID!) { network(id: $id) { name contactPersons { id } } }', { id: DEMO.networks.sklKorruption2019 });
    expect(personal.codes).toEqual(['UNAUTHENTICATED']);
    const leaders = await t.refused('query($id: ID!) { session(id: $id) { agenda { title leaders } } }', { id: DEMO.sessions.samanOmdomme1First });
    expect(leaders.codes).toContain('UNAUTHENTICATED');
    expect(leaders.data.session.agenda[0].title).toBe('Program');
  });

  it('costs a fixed number of SQL statements for networks with hosts, sessions, agendas and assignments', async () => {
    const query = (first: number) => `{ networks(first: ${first}) { edges { node { hosts { id } sessions { agenda { title } } assignments { title } } } } }`;
    const count = async (first: number) => {
      const before = t.stack.sqlStatements();
      const data = await t.ok(query(first));
      return { statements: sqlDelta(before, t.stack.sqlStatements()).networks, networks: data.networks.edges.length };
    };
    const few = await count(2);
    const many = await count(100);
    expect(many.networks).toBeGreaterThan(10);
    expect(many.statements).toBe(few.statements);
    expect(many.statements).toBeLessThanOrEqual(5);
  });

  it('counts the total only when a client asks for totalCount', async () => {
    const statements = async (query: string) => {
      const before = t.stack.sqlStatements();
      const data = await t.ok(query);
      return { statements: sqlDelta(before, t.stack.sqlStatements()).networks, data };
    };
    const page = await statements('{ networks(first: 3) { edges { node { id } } } }');
    const withTotal = await statements('{ networks(first: 3) { totalCount edges { node { id } } } }');
    const twice = await statements('{ a: networks(first: 3) { totalCount } b: networks(first: 3) { n: totalCount totalCount } }');
    expect(page.statements).toBe(1);
    expect(withTotal.statements).toBe(2);
    expect(withTotal.data.networks.totalCount).toBeGreaterThan(3);
    // Asked for twice in one connection, counted once; the second connection counts its own.
    expect(twice.statements).toBe(4);
    expect(twice.data.b).toEqual({ n: withTotal.data.networks.totalCount, totalCount: withTotal.data.networks.totalCount });
  });

  it('answers malformed ids with BAD_USER_INPUT', async () => {
    expect((await t.refused('{ network(id: "not-an-id") { id } }')).codes).toEqual(['BAD_USER_INPUT']);
    expect((await t.refused('{ networks(filter: { programId: "x" }) { totalCount } }')).codes).toEqual(['BAD_USER_INPUT']);
  });
});

describe('a catalogue page reads the columns its nodes need', () => {
  type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null };
  const named = (t: TypeRef): TypeRef => (t.ofType ? named(t.ofType) : t);

  /** Every field of Network a query can select without arguments, as a selection (objects by their __typename). */
  async function networkFields(token: string): Promise<string[]> {
    const { __type } = await t.ok(`{ __type(name: "Network") { fields { name
      args { defaultValue type { kind } } type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }`, {}, token);
    return (__type.fields as { name: string; args: { defaultValue: string | null; type: { kind: string } }[]; type: TypeRef }[])
      .filter((f) => f.args.every((a) => a.type.kind !== 'NON_NULL' || a.defaultValue !== null))
      .map((f) => (['SCALAR', 'ENUM'].includes(named(f.type).kind) ? f.name : `${f.name} { __typename }`));
  }

  it('answers each field alone on a page exactly as the network read by id answers it, for every network the page holds', async () => {
    const admin = await t.token('ADMIN');
    const fields = await networkFields(admin);
    expect(fields.length).toBeGreaterThan(30);
    const { networks } = await t.ok('{ networks(first: 100) { edges { node { id } } } }', {}, admin);
    const ids: string[] = networks.edges.map((e: any) => e.node.id);
    expect(ids.length).toBeGreaterThan(5);
    for (const field of fields) {
      // One request: the page and each network by id (read whole, by its own loader).
      const answer = await t.ok(`{ networks(first: 100) { edges { node { id ${field} } } }
        ${ids.map((id, i) => `n${i}: network(id: "${id}") { id ${field} }`).join(' ')} }`, {}, admin);
      expect({ field, nodes: answer.networks.edges.map((e: any) => e.node) }).toEqual({ field, nodes: ids.map((_, i) => answer[`n${i}`]) });
    }
  });

  /** The SQL the networks subgraph sends while `work` runs (the subgraphs run in this process). */
  async function sqlDuring(work: () => Promise<unknown>): Promise<string[]> {
    const ds = t.stack.subgraphs.networks.ds;
    const seen: string[] = [];
    const original = ds.createQueryRunner;
    ds.createQueryRunner = (...args: Parameters<typeof original>) => {
      const runner = original.apply(ds, args);
      const query = runner.query;
      runner.query = ((sql: string, ...rest: unknown[]) => { seen.push(sql); return (query as (...a: unknown[]) => unknown).apply(runner, [sql, ...rest]); }) as typeof query;
      return runner;
    };
    try {
      await work();
    } finally {
      ds.createQueryRunner = original;
    }
    return seen;
  }

  it('reads a field-only column when the query selects its field, and not otherwise', async () => {
    const admin = await t.token('ADMIN');
    const pageSql = async (selection: string) => (await sqlDuring(() => t.ok(`{ networks(first: 5) { edges { node { ${selection} } } } }`, {}, admin)))
      .filter((sql) => /FROM "networks"\."network"/.test(sql) && !/count\(\*\)/.test(sql));
    const few = await pageSql('id name hosts { id } isOpenForRegistration');
    expect(few).toHaveLength(1);
    expect(few[0]).toContain('"host_ids"');
    expect(few[0]).not.toContain('"cost_note"');
    expect(few[0]).not.toContain('"description"');
    const withCost = await pageSql('id costNote description');
    expect(withCost).toHaveLength(1);
    expect(withCost[0]).toContain('"cost_note"');
    expect(withCost[0]).toContain('"description"');
  });
});
