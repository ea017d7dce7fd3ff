import { startTestStack, type TestStack } from '@kommunenett/stack/testing';
import { graphqlBlocks, variablesOf } from './doc-blocks';

/**
 * docs/sources.md, checked: each of its queries runs through the gateway against the demo data, and
 * each fact of its tables is compared with the source document. The expected values are written
 * here as the documents give them (../shared/seeds/), not taken from the seed code.
 */
const blocks = new Map(graphqlBlocks('docs/sources.md').map((b) => [b.name, b]));

let stack: TestStack;
beforeAll(async () => { stack = await startTestStack(); });
afterAll(async () => { await stack?.stop(); });

async function run(name: string): Promise<any> {
  const block = blocks.get(name);
  if (!block) throw new Error(`docs/sources.md has no query ${name}`);
  const token = block.role ? await stack.token(block.role, block.claims) : undefined;
  const res = await stack.graphql<any>(block.text, { token, variables: variablesOf(block) });
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
}

const edges = <T>(c: { edges: { node: T }[] }): T[] => c.edges.map((e) => e.node);

describe('000: the invitation to the anti-corruption networks (2013)', () => {
  let program: any;
  let networks: any[];
  beforeAll(async () => {
    ({ program } = await run('SourceInvitation2013'));
    networks = edges(program.networks);
  });

  it('has the programme, its owners, its funder and who signed the invitation', () => {
    expect(program.name).toBe('Åpenhet, integritet og antikorrupsjonsarbeid i kommunesektoren');
    expect(program.owners.map((o: any) => o.id).sort()).toEqual(['ks', 'ti-norge']);
    expect(program.funder.formerNames.join(' ')).toContain('Kommunal- og regionaldepartementet');
    expect(program.signatories).toEqual([
      { name: 'Sigrun Vågeng', title: 'administrerende direktør', employerOrganization: { id: 'ks' } },
      { name: 'Guro Slettemark', title: 'generalsekretær', employerOrganization: { id: 'ti-norge' } },
    ]);
  });

  it('has three networks of 20–30 participants, 2–3 per municipality, registering with Tor Dølvik by 21 May 2013', () => {
    expect(networks.map((n) => n.name)).toEqual(['Antikorrupsjonsnettverk A', 'Antikorrupsjonsnettverk B', 'Antikorrupsjonsnettverk C']);
    for (const n of networks) {
      expect(n).toMatchObject({
        capacityMin: 20, capacity: 30, perMunicipalityMin: 2, perMunicipalityLimit: 3, requiresLeadershipAnchoring: true,
        eligibleKinds: ['MUNICIPALITY', 'COUNTY'], targetRoles: ['administrativ ledelse', 'fagansvarlige ledere'],
        costNote: 'Kommunene dekker selv kostnader til reise og opphold på samlingene. For øvrig er det ingen avgift for deltakelsen i nettverkene.',
        contactPersons: [{ name: 'Tor Dølvik', title: null, email: 'dolvik@transparency.no', employerOrganization: { id: 'ti-norge' } }],
        handbook: { title: 'Beskytt kommunen!' },
      });
      expect(n.hosts.map((h: any) => h.id).sort()).toEqual(['ks', 'ti-norge']);
      expect(n.registrationDeadlineLocal.slice(0, 10)).toBe('2013-05-21');
    }
  });

  it('has the three gatherings with their themes, bullet points and the timetable', () => {
    const [a, b, c] = networks.map((n) => n.sessions);
    for (const sessions of [a, b, c]) {
      expect(sessions.map((s: any) => s.theme)).toEqual([
        'Risiko og sårbarhet for korrupsjon', 'Beskytt kommunen – hvordan få det til praksis?', 'Systematisk antikorrupsjonsarbeid i egen kommune/egen virksomhet',
      ]);
      expect(sessions[0].points).toEqual([
        'Hva er korrupsjon og hvilke risikosoner finnes i kommuner?', 'Presentasjon av håndboken', 'Vurdering av status i egen kommune',
        'Presentasjon av aktuelle metoder og verktøy', 'Sikkerhetshull i egen kommune eller virksomhet, knyttet til', 'verdier, holdninger og kultur',
        'rutiner, struktur og kompetanse', 'Eksempler og erfaringer fra egen virksomhet',
      ]);
      expect(sessions[1].points).toEqual([
        'Hva har skjedd siden første samling? Deltakerkommunene presenterer egne erfaringer og situasjonsbeskrivelsen',
        'Hvordan er arbeidet forankret i egen kommune/egen virksomhet?', 'Hvilke metoder og verktøy er utprøvd og hvordan har de fungert?',
        'Hva skal til for at metoder og verktøy fungerer bedre?', 'Mål for videre arbeid',
      ]);
      expect(sessions[2].points).toEqual([
        'Erfaringer og lærdommer fra nettverkskommunene', 'Gode metoder og verktøy i et kommunalt antikorrupsjonsarbeid',
        'Hvordan arbeide med verdier, holdninger og kultur?', 'Hvordan arbeide med rutiner, struktur og kompetanse?',
        'Anbefalinger for et kommunalt antikorrupsjonsprogram, basert på nettverkskommunenes erfaringer',
      ]);
    }
    // «Nettverk A 18.-19. juni 2013 Oktober 2013 Mars 2014»
    expect(a.map((s: any) => [s.datePrecision, s.startsAtLocal?.slice(0, 10) ?? s.plannedMonth, s.endsAtLocal?.slice(0, 10) ?? null])).toEqual([
      ['EXACT', '2013-06-18', '2013-06-19'], ['MONTH', '2013-10', null], ['MONTH', '2014-03', null],
    ]);
    // «Nettverk B/C September 2013 November 2013 Mars 2014»
    for (const sessions of [b, c]) expect(sessions.map((s: any) => s.plannedMonth)).toEqual(['2013-09', '2013-11', '2014-03']);
  });

  it('has the work between the gatherings: a mapping and a case after the first, activities after the second', () => {
    for (const n of networks) {
      expect(n.assignments.map((x: any) => [x.givenAt.sequence, x.dueBefore.sequence])).toEqual([[1, 2], [1, 2], [2, 3]]);
    }
  });
});

describe('001: SKL’s anti-corruption network (2019)', () => {
  it('has the Swedish network, one or two participants with a mandate, its target roles and its two named contacts', async () => {
    const { network } = await run('SourceSkl2019');
    expect(network).toMatchObject({
      language: 'sv', country: 'SE', perMunicipalityMin: 1, perMunicipalityLimit: 2, eligibleKinds: ['MUNICIPALITY', 'COUNTY'],
      requiresLeadershipAnchoring: true, program: { name: 'Korruptionsbekämpning, nätverk' },
      targetRoles: ['ekonomer', 'jurister', 'controllers', 'HR-personal', 'säkerhetsansvariga', 'revisorer'],
      contactPersons: [
        { name: 'Cecilia Berglin', title: 'Handläggare', employerOrganization: { id: 'skr' } },
        { name: 'Ann Sofi Agnevik', title: 'Förbundsjurist', employerOrganization: { id: 'skr' } },
      ],
    });
    expect(network.points).toEqual([
      'Fördjupad kunskap om lagstiftning, guidelines och rekommendationer inom korruptionsområdet.',
      'Kunskap, metoder och goda exempel kring hur korruptionsskyddet kan stärkas.',
      'Stöd i hur du kan använda SKL:s verktyg och metoder för korruptionsbekämpning i syfte att genomföra egna utbildningsinsatser eller ett utvecklingsarbete i din kommun eller region.',
      'Erfarenhetsutbyte och nätverksbyggande.',
    ]);
    expect(network.program.periodStart.slice(0, 4)).toBe('2019');
    expect(network.hosts[0].formerNames.join(' ')).toContain('SKL');
  });
});

describe('002: Bærum’s internal control and supervision report 2022', () => {
  let report: any;
  beforeAll(async () => { ({ report } = await run('SourceBaerum2022')); });
  const value = (id: string) => report.values.find((v: any) => v.indicator.id === id);

  it('has the report and its counts, measured in October 2022', () => {
    expect(report).toMatchObject({ title: 'Internkontroll og tilsyn – rapport 2022', period: '2022', municipality: { id: 'NO-3201', name: 'Bærum' } });
    expect(value('deviations-reported')).toMatchObject({ value: 6919, asOf: '2022-10-19' });
    expect([value('whistleblowing-cases').value, value('whistleblowing-cases-earlier-years').value, value('whistleblowing-cases-to-line').value]).toEqual([7, 2, 5]);
    expect(value('internal-audits').value).toBe(26);
    expect(new Set(report.values.map((v: any) => v.measuredIn))).toEqual(new Set(['2022-10']));
  });

  it('has Arbeidstilsynet’s eight visits with their dates, orders and deadlines', () => {
    const visits = report.audits.filter((a: any) => a.authority === 'Arbeidstilsynet')
      .map((a: any) => [a.unit.split(' (')[0], a.performedOn, a.findings.reduce((n: number, f: any) => n + f.count, 0),
        a.findings.map((f: any) => f.deadline).filter(Boolean), a.findings.every((f: any) => f.closedOn)]);
    expect(visits).toEqual([
      ['Høst boliger', '2022-02-18', 0, [], true],
      ['Gjettum/Bærums verk boliger avd. Gjettumveien', '2022-02-25', 2, [], true],
      ['Rud/Vøyenenga boliger - avd. Åsbråtan', '2022-03-01', 0, [], true],
      ['Elias Smithsvei bolig', '2022-08-18', 6, ['2022-11-30'], false],
      ['Høvik avlastningssenter', '2022-08-22', 7, ['2022-12-15'], false],
      ['Folkvangveien boliger', '2022-03-17', 3, [], true],
      ['Lillehagen barnehage', '2022-05-11', 4, [], true],
      ['Bekkestua brannstasjon', '2022-09-21', 2, ['2022-11-01', '2023-01-20'], false],
    ]);
    expect(report.audits.filter((a: any) => a.authority === 'Statsforvalteren')).toHaveLength(3);
  });

  it('has the ten performance audits worded as the report words them', () => {
    expect(report.audits.filter((a: any) => a.kind === 'PERFORMANCE_AUDIT').map((a: any) => a.topic)).toEqual([
      'Barnevernets oppfølging av enslige mindreårige', 'Håndteres vold mot ansatte', 'Håndtering av koronaepidemien', 'Fungerer fastlegeordningen?',
      'Er driftsutgiftene for økonomisystemet forsvarlige?', 'Eierskapskontroll etikk og antikorrupsjon (selskapene)',
      'Eierskapskontroll samfunnssikkerhet og beredskap (selskapene)', 'Relasjonsanalyser - Eiendom og miljøtekniske tjenester',
      'Helsehjelp for dem som vurderes for sykehjemsplass, Pleie- og omsorg', 'Renhold - Eiendom',
    ]);
  });

  it('has the ISO audits’ deviations, observations and improvement points', () => {
    const iso = report.audits.filter((a: any) => a.kind === 'ISO_AUDIT').map((a: any) => [a.unit, a.findings.map((f: any) => `${f.count} ${f.kind}`)]);
    expect(iso).toEqual([
      ['Vann og avløp', ['16 OBSERVATION']], ['Vann og avløp', ['14 IMPROVEMENT_POINT']], ['Anskaffelse', ['12 OBSERVATION']],
      ['Prosjektenheten', ['12 OBSERVATION']], ['Eiendom', ['3 DEVIATION', '8 OBSERVATION']],
    ]);
  });

  it('has a status for each of Transparency International’s 8 recommendations, titled as the report lists them', () => {
    const titles = report.recommendationStatuses.map((s: any) => [s.recommendation.number, s.recommendation.title]).sort((a: any, b: any) => a[0] - b[0]);
    expect(titles.map(([n]: [number]) => n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(titles[1][1]).toBe('Beskytte alle som avslører korrupsjon og styrke varslervernet');
    expect(titles[6][1]).toBe('Håndheve brudd på korrupsjonslovgivning');
    const points = (n: number) => report.recommendationStatuses.find((s: any) => s.recommendation.number === n).points;
    expect(points(1)).toEqual(['Politiske møter åpne og tilgjengelig via Web TV', 'Politiske saker tilgjengelig via kommunens internettsider',
      'Postlister på internett', 'Saker behandles i godkjente saksbehandlingssystemer (WebSak og fagsystemer)']);
    expect(points(4)).toEqual(['Bærum har ikke et eget antikorrupsjonsprogram men vektlegger Sosialt ansvar (etisk handel)']);
    expect(points(7)).toEqual(['Saker skal umiddelbart følges opp i linjen og i nært samarbeid med kommuneadvokat og HR.', 'Alternativt følge rutinene kommunen har for varsling.']);
    expect(points(6)).toHaveLength(5);
    expect(points(8)).toHaveLength(5);
  });
});

describe('003: Fagbladet 10/2007', () => {
  let data: any;
  beforeAll(async () => { data = await run('SourceFagbladet2007'); });

  it('has KS’ survey of 1760 leaders by TNS Gallup with the published shares', () => {
    expect(data.survey).toMatchObject({ title: 'Etikk og leverandører – hvordan reagerer kommunene?', conductedBy: 'TNS Gallup', respondentCount: 1760, organization: { id: 'ks' } });
    const yes = data.survey.questions.map((q: any) => q.results.find((r: any) => r.option.label === 'Ja').share);
    // «0,3 prosent», «åtte prosent», «Rundt halvparten», «bare en tredel»
    expect(yes).toEqual([0.003, 0.08, 0.5, 0.333]);
  });

  it('has the candidate network of up to 40 from 21 municipalities, with Marit Tovsen as contact', () => {
    expect(data.immigrants).toMatchObject({
      capacity: 40, municipalityCount: 21, contactPersons: [{ name: 'Marit Tovsen', title: 'rådgiver og prosjektleder', employerOrganization: { id: 'ks' } }],
    });
    expect(data.immigrants.program.periodStart.slice(0, 4)).toBe('2007');
  });

  it('has the earlier women’s network, before 2007, whose 50 participants include 11 who became rådmann', () => {
    const women = data.women;
    expect(women).toMatchObject({ name: 'Kandidatnettverk for kvinner', participantCount: 50, contactPersons: [{ name: 'Marit Tovsen' }] });
    expect(Number(women.program.periodEnd.slice(0, 4))).toBeLessThan(2007);
    const people = edges<any>(women.registrations).map((r) => r.person);
    const became = people.filter((p) => p.positions.some((x: any) => x.title === 'rådmann' && x.validFrom.slice(0, 7) > women.program.periodEnd));
    expect(became).toHaveLength(11);
  });
});

describe('004: «Saman om ein betre kommune», the first gathering', () => {
  let data: any;
  beforeAll(async () => { data = await run('SourceSaman2013'); });

  it('has eight networks by theme with the municipalities the slides give', () => {
    const { program } = data;
    expect(program).toMatchObject({ name: 'Saman om ein betre kommune', partners: [{ id: 'fagforbundet' }], funder: { id: 'kdd' } });
    expect(program.owners.map((o: any) => o.id).sort()).toEqual(['kdd', 'ks']);
    expect(program.networks.totalCount).toBe(8);
    const byTheme = new Map<string, number[]>();
    for (const n of edges<any>(program.networks)) byTheme.set(n.theme, [...(byTheme.get(n.theme) ?? []), n.plannedMunicipalityCount]);
    // «2 nettverk med tema omdømme – 16 kommuner» …
    const totals = Object.fromEntries([...byTheme].map(([theme, counts]) => [theme, [counts.length, counts.reduce((a, b) => a + b, 0)]]));
    expect(totals).toEqual({ omdømme: [2, 16], innovasjon: [2, 12], 'kompetanse og rekruttering': [1, 6], heltidskultur: [1, 8], sykefravær: [1, 7], sammensatt: [1, 7] });
    for (const n of edges<any>(program.networks)) {
      expect(n.targetRoles).toEqual(['nettverksleder', 'prosjektleder']);
      // «1. Samling mars 2013, 2. Samling august/september 2013, 3. samling februar/mars 2014, Tema dag mai/juni 2013»
      expect(n.sessions.map((s: any) => s.title)).toEqual(['1. Samling', 'Tema dag', '2. Samling', '3. samling']);
      expect(n.sessions.map((s: any) => [s.kind, s.plannedMonth, s.plannedTo])).toEqual(expect.arrayContaining([
        ['THEME_DAY', '2013-05', '2013-06'], ['GATHERING', '2013-08', '2013-09'], ['GATHERING', '2014-02', '2014-03'],
      ]));
    }
    const omdomme = edges<any>(program.networks).find((n) => n.name === 'Nettverk omdømme 1');
    expect(omdomme.contactPersons.map((p: any) => p.name)).toEqual(['Asbjørn L. Stavem', 'Bjørn Pettersen']);
  });

  it('keeps every agenda line’s start, the minutes where the slides give them, its title and its leaders', () => {
    const { session } = data;
    expect(session).toMatchObject({ location: { place: 'Gardermoen' } });
    expect(session.startsAtLocal.slice(0, 10)).toBe('2013-03-11');
    const line = (i: any) => [i.date, i.startTime, i.durationMinutes, i.title, i.leaders];
    expect(session.agenda.map(line)).toEqual([
      ['2013-03-11', '09:50', 10, 'Program', 'Bjørn'],
      ['2013-03-11', '10:00', 10, 'Presentasjoner', 'Bjørn'],
      ['2013-03-11', '10:10', 5, 'Scanning', 'Asbjørn'],
      ['2013-03-11', '10:15', 20, 'Vi tar ut forventninger', 'Bjørn'],
      ['2013-03-11', '10:35', 15, 'Et opptrekk…', 'Bjørn og Asbjørn'],
      ['2013-03-11', '10:50', 20, 'Saman om ein betre kommune', 'Seniorrådgiver Fredrik Rivenes, KRD'],
      ['2013-03-11', '11:10', 10, 'Hva er Saman om….', 'Asbjørn'],
      ['2013-03-11', '11:20', 5, 'Kvelden i kveld', 'Asbjørn'],
      ['2013-03-11', '11:25', 5, 'Praktiske opplysninger', 'Sissel'],
      ['2013-03-11', '11:30', null, 'Lunsj', null],
      ['2013-03-11', '12:30', null, 'Presentasjoner av prosjekt', 'Bjørn og Asbjørn'],
      ['2013-03-11', '13:30', 30, 'Prosjektets hensikt', 'Asbjørn'],
      ['2013-03-11', '14:00', null, 'Pause', null],
      ['2013-03-11', '14:15', null, 'Attraktive arbeidsgivere', 'Rådmann Ola Helstad, Lom kommune'],
      ['2013-03-11', '15:15', null, 'Pause + kaffe og noe å bit i', null],
      ['2013-03-11', '15:35', 70, 'Måling av resultater', 'Asbjørn'],
      ['2013-03-11', '15:55', null, 'Gruppearbeid', 'Asbjørn'],
      ['2013-03-11', '16:45', null, 'Oppsummering av dagen', 'Bjørn'],
      ['2013-03-11', '17:00', null, 'Møte med prosjektlederne', null],
      ['2013-03-11', '18:45', null, 'Aperitiff og quiz', null],
      ['2013-03-11', '20:00', null, 'Middag', null],
      ['2013-03-12', '08:30', null, 'Tirsdag 12. mars', null],
      ['2013-03-12', '08:45', null, 'Prosjektplanlegging', 'Einar Holand, RO'],
      ['2013-03-12', '10:30', null, 'Analyse av risiko', 'Asbjørn'],
      ['2013-03-12', '10:45', null, 'Gruppearbeid', 'Asbjørn'],
      ['2013-03-12', '11:25', null, 'Helhetlig kommunikasjon', 'Bjørn Pettersen fra Ressursgruppa'],
      ['2013-03-12', '12:25', null, 'Veien videre', 'Bjørn og Asbjørn'],
      ['2013-03-12', '12:40', null, 'Oppsummering - neste samling', 'Bjørn og Asbjørn'],
      ['2013-03-12', '13:00', null, 'Lunsj og avrunding', null],
    ]);
    // «1535 Måling av resultater (70 min)» holds «1555 Gruppearbeid».
    const measuring = session.agenda.find((i: any) => i.startTime === '15:35');
    expect(measuring.endTime).toBe('16:45');
    expect(session.agenda.find((i: any) => i.startTime === '15:55').parallel).toBe(true);
  });

  it('links the named leaders to people with the titles and employers the slides give', () => {
    const people = new Map<string, any>();
    for (const item of data.session.agenda) for (const p of item.leaderPersons) people.set(p.name, p);
    expect([...people.values()].sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'Asbjørn L. Stavem', title: null, employerOrganization: { id: 'ks' }, employerMunicipality: null },
      { name: 'Bjørn Pettersen', title: null, employerOrganization: { id: 'fagforbundet' }, employerMunicipality: null },
      { name: 'Einar Holand', title: null, employerOrganization: null, employerMunicipality: null },
      { name: 'Fredrik Rivenes', title: 'Seniorrådgiver', employerOrganization: { id: 'kdd' }, employerMunicipality: null },
      { name: 'Ola Helstad', title: 'Rådmann', employerOrganization: null, employerMunicipality: { name: 'Lom' } },
      { name: 'Sissel', title: null, employerOrganization: null, employerMunicipality: null },
    ]);
  });

  it('has the agenda’s lists worded as the slides word them', () => {
    const points = (title: string, start: string) => data.session.agenda.find((i: any) => i.title === title && i.startTime === start).points;
    expect(points('Presentasjoner av prosjekt', '12:30')).toEqual(['Problemstilling', 'Målsettinger, tiltak og aktiviteter', 'Organisering', 'Milepæler – fremdriftsplan', 'Forankring']);
    expect(points('Vi tar ut forventninger', '10:15')).toEqual(['Forventninger til samlingen i dag', 'Forventninger til samarbeid i nettverk']);
    expect(points('Analyse av risiko', '10:30')).toEqual(['Manglende engasjement', 'Økonomiske utfordringer', 'Uenighet i gruppen',
      'Gruppens sammensetning (profil, faglig bakgrunn etc.)', 'Prioritering av tid', 'Politiske innspill – endrede forutsetninger', 'Dårlig forankring', 'Manglende lederstøtte']);
    expect(points('Gruppearbeid', '10:45')).toEqual(['Manglende engasjement', 'Økonomiske utfordringer', 'Uenighet i gruppen', 'Gruppens sammensetning',
      'Prioritering av tid', 'Manglende kompetanse', 'Endrede forutsetninger', 'Dårlig forankring', 'Manglende lederstøtte', 'Annet']);
    expect(points('Oppsummering - neste samling', '12:40')).toEqual(['Tema, neste samling', 'Tidspunkt, neste samling (aug/sept)', 'Sted', 'Evaluering']);
    expect(points('Prosjektplanlegging', '08:45')).toEqual(['Konkrete, operasjonelle indikatorer og mål', 'Hva er milepæler?', 'Hva er aktiviteter?', 'Implementering']);
  });

  it('records the result measurements in March of 2013, 2015 and 2017', () => {
    const values = edges<any>(data.municipality.indicatorValues).map((v) => [v.period, v.measuredIn]).sort();
    expect(values).toEqual([['2013', '2013-03'], ['2015', '2015-03'], ['2017', '2017-03']]);
  });
});

describe('the demo’s registrations', () => {
  it('fall inside their network’s registration window and programme period, and before the first session', async () => {
    const { networks } = await run('DemoRegistrationWindows');
    const problems: string[] = [];
    let checked = 0;
    for (const n of edges<any>(networks)) {
      expect(n.registrations.totalCount).toBe(n.registrations.edges.length);
      const firstSession = n.sessions.map((s: any) => s.intervalStart).filter(Boolean).sort()[0] ?? null;
      for (const { registeredAt } of edges<any>(n.registrations)) {
        checked++;
        const at = new Date(registeredAt).getTime();
        const month = registeredAt.slice(0, 7);
        if (n.registrationOpensAt && at < new Date(n.registrationOpensAt).getTime()) problems.push(`${n.name}: ${registeredAt} before registration opened`);
        if (n.registrationDeadline && at > new Date(n.registrationDeadline).getTime()) problems.push(`${n.name}: ${registeredAt} after the deadline`);
        if (n.program?.periodStart && month < n.program.periodStart) problems.push(`${n.name}: ${registeredAt} before the programme (${n.program.periodStart})`);
        if (n.program?.periodEnd && month > n.program.periodEnd) problems.push(`${n.name}: ${registeredAt} after the programme (${n.program.periodEnd})`);
        if (firstSession && at >= new Date(firstSession).getTime()) problems.push(`${n.name}: ${registeredAt} after the first session began`);
      }
    }
    expect(problems).toEqual([]);
    // Networks A–C, the candidate networks and the open round all have registrations.
    expect(checked).toBeGreaterThan(200);
    const registered = edges<any>(networks).filter((n) => n.registrations.totalCount > 0).map((n) => n.name);
    expect(registered).toEqual(expect.arrayContaining(['Antikorrupsjonsnettverk A', 'Antikorrupsjonsnettverk D', 'Kandidatnettverk for kvinner',
      'Kandidatnettverk for ledere med innvandrerbakgrunn', 'Nätverk för korruptionsbekämpning']));
  });
});
