import { ToolKind } from '../entities/enums';

/**
 * Demo content. The chapter texts are short original summaries written for the demo, following
 * the themes of the 2013 anti-corruption networks (KS and TI Norge); they are not quotations
 * from the handbook «Beskytt kommunen!» and say so in `contentNote`.
 */
export interface ChapterSeed {
  slug: string;
  title: string;
  summary: string;
  tags: string[];
  body: string;
  children?: ChapterSeed[];
}

export interface ToolSeed {
  slug: string;
  name: string;
  kind: ToolKind;
  purpose: string;
  steps: string[];
  chapterSlug: string;
}

export const BESKYTT_NOTE = 'Sammendrag skrevet for demoen – ikke sitat fra håndboken «Beskytt kommunen!».';

export const BESKYTT_CHAPTERS: ChapterSeed[] = [
  {
    slug: 'hva-er-korrupsjon',
    title: 'Hva er korrupsjon, og hvor er kommunen utsatt?',
    summary: 'Hva korrupsjon og misligheter er, og hvilke risikosoner som finnes i kommuner.',
    tags: ['korrupsjon', 'risiko'],
    body: 'Korrupsjon er misbruk av betrodd makt for egen eller andres vinning. I kommunen handler det om beslutninger om penger, tillatelser og tjenester som påvirkes av noe annet enn saken selv.\n\nKapittelet gir et felles språk for arbeidet i nettverket og er utgangspunktet for vurderingen av status i egen kommune.',
    children: [
      {
        slug: 'korrupsjon-og-misligheter',
        title: 'Korrupsjon og misligheter',
        summary: 'Bestikkelser, utilbørlig påvirkning, underslag og misbruk av stilling.',
        tags: ['bestikkelser', 'misligheter', 'lovverk'],
        body: 'Korrupsjon kan være å gi eller motta en **utilbørlig fordel** i anledning en stilling eller et verv. Misligheter er et videre begrep som også omfatter underslag, bedrageri og tyveri fra arbeidsgiver.\n\nOgså fordeler som ikke er penger, som reiser, middager og gaver, kan påvirke en beslutning. Grensen går ved det som kan svekke tilliten til at saken behandles upartisk.',
      },
      {
        slug: 'risikosoner-i-kommunen',
        title: 'Risikosoner i kommunen',
        summary: 'Der kommunen kjøper, selger, tildeler og kontrollerer er risikoen størst.',
        tags: ['risiko', 'anskaffelser', 'byggesak', 'eiendom'],
        body: 'Kommunen er mest utsatt der store verdier skifter hånd og der få personer har mye skjønn:\n\n- anskaffelser og kontraktsoppfølging\n- plan- og byggesaker, dispensasjoner og tilsyn\n- kjøp, salg og utleie av eiendom\n- tildeling av tjenester, plasser og tilskudd\n- kommunale selskaper og andre eierinteresser\n\nRisikoen øker når oppgaver ikke er delt mellom flere, når beslutninger ikke dokumenteres, og når det er tette bånd mellom saksbehandlere og leverandører.',
      },
    ],
  },
  {
    slug: 'verdier-holdninger-og-kultur',
    title: 'Verdier, holdninger og kultur',
    summary: 'En kultur der det er lov å stille spørsmål og si fra, er kommunens viktigste vern.',
    tags: ['etikk', 'kultur', 'ledelse'],
    body: 'Regler alene beskytter ikke kommunen. Det avgjørende er om ansatte og folkevalgte deler en forståelse av hva som er akseptabelt, og om det er trygt å si fra når noe skurrer.\n\nLederne setter standarden gjennom det de selv gjør, og gjennom hvordan de tar imot spørsmål og kritikk.',
    children: [
      {
        slug: 'etiske-retningslinjer',
        title: 'Etiske retningslinjer',
        summary: 'Retningslinjer som er kjent, drøftet og brukt – ikke bare vedtatt.',
        tags: ['etikk', 'retningslinjer'],
        body: 'Etiske retningslinjer virker når de er kjent og drøftet i arbeidsmiljøet. Gå gjennom dem ved ansettelse, i lederopplæring og i folkevalgtopplæringen, og bruk konkrete eksempler fra egen virksomhet.\n\nRetningslinjene bør si noe om gaver, bierverv, habilitet, bruk av kommunens ressurser og plikten til å si fra.',
      },
      {
        slug: 'gaver-reiser-og-bespisning',
        title: 'Gaver, reiser og bespisning',
        summary: 'Hvor, når og hva det er akseptabelt å motta.',
        tags: ['gaver', 'leverandører', 'påvirkning'],
        body: 'En undersøkelse blant ledere i kommunesektoren som KS fikk gjennomført i 2007, viste at 8 prosent var forsøkt påvirket med turer, bespisning eller gaver, mens 0,3 prosent sa at de selv var bestukket.\n\nGjør det tydelig hva som er akseptabelt å motta, og hvem man spør når man er i tvil. Registrer gaver og invitasjoner fra leverandører.',
      },
      {
        slug: 'apenhet-og-varsling',
        title: 'Åpenhet og varsling',
        summary: 'Åpne beslutninger og trygge varslingskanaler avdekker det regler ikke fanger opp.',
        tags: ['åpenhet', 'varsling', 'innsyn'],
        body: 'Åpne møter, offentlige postlister og god praksis for innsyn gjør det vanskeligere å skjule utilbørlig påvirkning.\n\nVarsling er ofte den måten korrupsjon blir oppdaget på. Kommunen trenger varslingsrutiner som er kjent, en mottaker med uavhengighet, og oppfølging som sikrer at den som varsler ikke får negative reaksjoner.',
      },
    ],
  },
  {
    slug: 'rutiner-struktur-og-kompetanse',
    title: 'Rutiner, struktur og kompetanse',
    summary: 'Arbeidsdeling, dokumentasjon og kontroll som gjør det vanskelig å misbruke makt.',
    tags: ['internkontroll', 'rutiner', 'kompetanse'],
    body: 'Gode rutiner fordeler oppgaver slik at ingen alene både bestiller, godkjenner og betaler. De gjør beslutninger sporbare og sørger for at avvik blir fulgt opp.\n\nStrukturen må passe kommunens størrelse: en liten kommune kan ikke dele alt mellom mange, men kan bruke kontroll i etterkant og samarbeid med nabokommuner.',
    children: [
      {
        slug: 'internkontroll',
        title: 'Internkontroll og risikostyring',
        summary: 'Antikorrupsjon som en del av den ordinære internkontrollen.',
        tags: ['internkontroll', 'risiko', 'avvik'],
        body: 'Korrupsjonsrisiko hører hjemme i kommunens ordinære internkontroll: i risikovurderingene, i avvikssystemet og i ledelsens gjennomgang.\n\nLa hver tjeneste vurdere sin risiko for korrupsjon og misligheter jevnlig, og følg opp tiltakene på samme måte som andre avvik.',
      },
      {
        slug: 'anskaffelser',
        title: 'Offentlige anskaffelser',
        summary: 'Konkurranse, sporbarhet og to-øyne-prinsippet i innkjøp.',
        tags: ['anskaffelser', 'innkjøp', 'kontrakter'],
        body: 'Innkjøp er den største risikosonen i de fleste kommuner. Bruk konkurranse, dokumenter valg og begrunnelser, og la flere personer delta i beslutningene.\n\nEt samlet kontraktsregister og elektronisk handel gjør det lettere å se mønstre, for eksempel mange kjøp like under terskelverdiene.',
      },
      {
        slug: 'habilitet-og-rolleskille',
        title: 'Habilitet og rolleskille',
        summary: 'Å vurdere egen habilitet, og å skille roller i små miljøer.',
        tags: ['habilitet', 'roller', 'bierverv'],
        body: 'Habilitet må vurderes i hver sak, også når bindingene er uformelle. Et register over bierverv og eierinteresser gjør vurderingen enklere.\n\nI små kommuner kjenner mange hverandre. Det er ikke i seg selv et problem, men krever at man sier fra og trer til side når det trengs.',
      },
      {
        slug: 'opplaering',
        title: 'Opplæring og kompetanse',
        summary: 'Alle ansatte trenger å kjenne risikoen og vite hvordan de skal reagere.',
        tags: ['opplæring', 'kompetanse'],
        body: 'Opplæring i etikk og antikorrupsjon bør gjelde alle ansatte, med ekstra vekt på ledere og på dem som arbeider i risikosonene.\n\nKorte, jevnlige økter med drøfting av konkrete dilemmaer gir mer enn ett stort kurs.',
      },
    ],
  },
  {
    slug: 'metoder-og-verktoy',
    title: 'Metoder og verktøy',
    summary: 'Verktøy som nettverkene bruker mellom samlingene.',
    tags: ['metoder', 'verktøy'],
    body: 'Mellom samlingene prøver deltakerne ut metoder i egen kommune og tar erfaringene med tilbake til nettverket. Her beskrives metodene; verktøyene har egne trinn for trinn-beskrivelser.',
    children: [
      {
        slug: 'kartlegging-av-sarbarhet',
        title: 'Kartlegging av sårbarhet',
        summary: 'Å finne sikkerhetshullene i egen virksomhet eller i et valgt case.',
        tags: ['kartlegging', 'sårbarhet', 'sikkerhetshull'],
        body: 'Etter første samling kartlegger deltakerne sårbarhet og sikkerhetshull i egen virksomhet eller i et valgt case.\n\nKartleggingen ser på to sider: verdier, holdninger og kultur, og rutiner, struktur og kompetanse. Resultatet er en kort liste over de viktigste hullene og forslag til tiltak.',
      },
      {
        slug: 'risikovurdering',
        title: 'Risikovurdering',
        summary: 'Sannsynlighet og konsekvens i en enkel risikomatrise.',
        tags: ['risiko', 'ros-analyse', 'risikomatrise'],
        body: 'En risikovurdering setter hver uønsket hendelse inn i en matrise etter **sannsynlighet** og **konsekvens**. Hendelser med høy sannsynlighet og stor konsekvens får tiltak først.\n\nRisikoen for ikke å lykkes øker vesentlig når den ikke blir analysert og forsøkt forebygget.',
      },
      {
        slug: 'case-og-dilemmatrening',
        title: 'Case og dilemmatrening',
        summary: 'Å lære av konkrete situasjoner fra egen kommune.',
        tags: ['case', 'dilemma', 'refleksjon'],
        body: 'Deltakerne velger et case fra egen kommune eller en aktivitet som skal settes i gang til neste samling.\n\nDilemmatrening tar utgangspunkt i hverdagssituasjoner der det riktige valget ikke er opplagt, og lar kolleger drøfte dem sammen.',
      },
    ],
  },
  {
    slug: 'anbefalinger-for-et-antikorrupsjonsprogram',
    title: 'Anbefalinger for et kommunalt antikorrupsjonsprogram',
    summary: 'Hvordan arbeidet blir systematisk og varig i egen kommune.',
    tags: ['antikorrupsjonsprogram', 'anbefalinger'],
    body: 'Et kommunalt antikorrupsjonsprogram samler tiltakene i en helhet: forankring, risikovurdering, retningslinjer, opplæring, varsling og oppfølging.\n\nAnbefalingene bygger på erfaringene fra nettverkskommunene og revideres når nettverkene har lært noe nytt.',
    children: [
      {
        slug: 'forankring-i-ledelsen',
        title: 'Forankring i ledelsen',
        summary: 'Uten forankring i administrativ og politisk ledelse stopper arbeidet opp.',
        tags: ['forankring', 'ledelse'],
        body: 'Deltakelse i nettverket bør være forankret i en beslutning i administrativ ledelse, slik at deltakerne får tid til å følge opp mellom samlingene.\n\nForankring går gjerne gjennom faser: bevissthet, aksept og til slutt eierskap, der ny praksis blir en del av kulturen.',
      },
      {
        slug: 'transparency-internationals-anbefalinger',
        title: 'Transparency Internationals åtte anbefalinger',
        summary: 'Åtte anbefalinger som kommuner kan rapportere status på.',
        tags: ['anbefalinger', 'rapportering', 'transparency international'],
        body: 'Transparency International har gitt åtte anbefalinger om åpenhet, varslervern, lobbyvirksomhet, antikorrupsjonsprogrammer, anskaffelser, håndheving og opplæring.\n\nKommuner kan bruke dem som sjekkliste og rapportere status på hver av dem, slik noen kommuner gjør i sin årlige rapport om internkontroll.',
      },
    ],
  },
];

export const BESKYTT_TOOLS: ToolSeed[] = [
  {
    slug: 'sarbarhetskartlegging', name: 'Kartlegging av sårbarhet og sikkerhetshull', kind: ToolKind.VULNERABILITY_MAPPING,
    purpose: 'Finne de viktigste sikkerhetshullene i egen virksomhet eller i et valgt case, som grunnlag for tiltak til neste samling.',
    steps: [
      'Velg virksomhet, tjeneste eller case.',
      'Beskriv prosessene der det fattes beslutninger om penger, tillatelser eller tjenester.',
      'Finn sikkerhetshull knyttet til verdier, holdninger og kultur.',
      'Finn sikkerhetshull knyttet til rutiner, struktur og kompetanse.',
      'Prioriter hullene og foreslå tiltak; ta resultatet med til neste samling.',
    ],
    chapterSlug: 'kartlegging-av-sarbarhet',
  },
  {
    slug: 'risikomatrise', name: 'Risikomatrise', kind: ToolKind.RISK_MATRIX,
    purpose: 'Rangere uønskede hendelser etter sannsynlighet og konsekvens, så tiltakene settes inn der risikoen er størst.',
    steps: [
      'List opp mulige uønskede hendelser i prosessen.',
      'Vurder sannsynlighet og konsekvens for hver, fra liten til stor.',
      'Plasser hendelsene i matrisen.',
      'Vurder risikofaktorer som manglende lederstøtte og dårlig forankring på en skala fra 1 til 10.',
      'Velg tiltak for hendelsene med høyest risiko og avtal oppfølging.',
    ],
    chapterSlug: 'risikovurdering',
  },
  {
    slug: 'case-fra-egen-kommune', name: 'Case fra egen kommune', kind: ToolKind.CASE_EXERCISE,
    purpose: 'Lære av en konkret situasjon i egen kommune og dele læringen i nettverket.',
    steps: [
      'Velg en sak eller aktivitet fra egen kommune ved slutten av første samling.',
      'Beskriv situasjonen og hva som gjorde den krevende.',
      'Prøv ut tiltak mellom samlingene.',
      'Presenter erfaringene på neste samling.',
    ],
    chapterSlug: 'case-og-dilemmatrening',
  },
  {
    slug: 'dilemmatrening', name: 'Dilemmatrening', kind: ToolKind.DILEMMA_TRAINING,
    purpose: 'Øve på å gjenkjenne og håndtere etiske dilemmaer i hverdagen sammen med kolleger.',
    steps: [
      'Les et kort dilemma fra en vanlig arbeidsdag.',
      'Hver deltaker tenker gjennom hva hen ville gjort.',
      'Drøft valgene i gruppen: hvilke verdier og regler står mot hverandre?',
      'Bli enige om hva som er god praksis, og hvem man spør ved tvil.',
    ],
    chapterSlug: 'case-og-dilemmatrening',
  },
  {
    slug: 'sjekkliste-gaver', name: 'Sjekkliste for gaver og invitasjoner', kind: ToolKind.CHECKLIST,
    purpose: 'Hjelpe ansatte å avgjøre om en gave eller invitasjon kan tas imot.',
    steps: [
      'Kommer gaven fra noen som har eller kan få en sak hos deg?',
      'Er verdien mer enn ubetydelig?',
      'Ville du vært komfortabel om det sto i avisen?',
      'Er du i tvil: spør leder og registrer gaven.',
    ],
    chapterSlug: 'gaver-reiser-og-bespisning',
  },
];

/** Transparency International's eight recommendations, worded as Bærum's 2022 report (002) lists them. */
export const TI_RECOMMENDATIONS: { title: string; text: string }[] = [
  {
    title: 'Sørge for full åpenhet i alle beslutningsprosesser slik at befolkningens tillit og deltakelsesmulighet styrkes og det blir mulig å stille myndighetene til ansvar',
    text: 'Åpne møter, tilgjengelige saksdokumenter og postlister, og saksbehandling i systemer som gjør beslutningene sporbare.',
  },
  {
    title: 'Beskytte alle som avslører korrupsjon og styrke varslervernet',
    text: 'Kjente varslingsrutiner, en uavhengig mottaker og oppfølging som hindrer negative reaksjoner mot den som varsler.',
  },
  {
    title: 'Forhindre utilbørlig påvirkning på beslutningsprosesser ved å skape full åpenhet om lobbyvirksomhet',
    text: 'Åpenhet om hvem ledere og folkevalgte møter, og opplæring i etiske retningslinjer om påvirkning.',
  },
  {
    title: 'Flere kommuner og fylkeskommuner må utvikle antikorrupsjonsprogrammer og formidle til innbyggere og leverandører hvordan antikorrupsjon praktiseres',
    text: 'Et samlet program for antikorrupsjonsarbeidet, som også forklares utad.',
  },
  {
    title: 'Forsterke antikorrupsjonsarbeidet i private bedrifter ved å lage antikorrupsjonsprogrammer som sikrer høy integritet i alle prosesser',
    text: 'For kommunen: stille krav i eierstyringen av selskaper den eier, og følge opp gjennom eierskapskontroll.',
  },
  {
    title: 'Redusere muligheten for korrupsjon i offentlige anskaffelser ved å innføre åpne registre over konkurranser og tildelinger',
    text: 'Digitale konkurranser, et samlet kontraktsregister og årlige risikovurderinger av innkjøp.',
  },
  {
    title: 'Håndheve brudd på korrupsjonslovgivning',
    text: 'Mistanker følges opp straks i linjen, med juridisk bistand, eller gjennom varslingsrutinene.',
  },
  {
    title: 'Ansatte på alle nivåer i offentlig og privat virksomhet bør få obligatorisk opplæring i forebygging og respons på korrupsjon',
    text: 'Obligatorisk opplæring i etikk og antikorrupsjon for alle, med tilleggskurs for ledere.',
  },
];

export const TI_SOURCE = 'Transparency International, «Global Corruption Barometer» – slik anbefalingene er gjengitt i Bærum kommunes «Internkontroll og tilsyn – rapport 2022»';
export const TI_NOTE = 'Tittelen er anbefalingen slik kilden gjengir den; forklaringen er skrevet for demoen.';

export const SKYDD_NOTE = 'Sammanfattning skriven för demon – inte ett citat ur SKL:s material.';

export const SKYDD_CHAPTERS: ChapterSeed[] = [
  {
    slug: 'vad-ar-korruption',
    title: 'Vad är korruption?',
    summary: 'Från mutbrott och förskingring till frågor om etik och värdegrund.',
    tags: ['korruption', 'etik'],
    body: 'Korruptionsområdet omfattar både handlingar som är förbjudna i lag, som mutbrott och förskingring, och grundläggande frågor om etik, värdegrund och vad som är lämpligt beteende i olika situationer.\n\nKorruptionen påverkar inte bara ekonomin utan också tilltron till det offentliga och legitimiteten för det politiska systemet.',
  },
  {
    slug: 'lagstiftning-och-riktlinjer',
    title: 'Lagstiftning, riktlinjer och rekommendationer',
    summary: 'Det regelverk kommuner och regioner arbetar inom.',
    tags: ['lagstiftning', 'riktlinjer'],
    body: 'Deltagarna får fördjupad kunskap om lagstiftning, riktlinjer och rekommendationer inom korruptionsområdet, och om hur de används i den egna organisationen.',
  },
  {
    slug: 'metoder-och-goda-exempel',
    title: 'Metoder och goda exempel',
    summary: 'Hur korruptionsskyddet kan stärkas i praktiken.',
    tags: ['metoder', 'goda exempel'],
    body: 'Nätverket delar metoder och goda exempel på hur korruptionsskyddet kan stärkas: riskanalyser, tydliga riktlinjer, kontroller i inköp och en kultur där det är tryggt att säga ifrån.',
  },
  {
    slug: 'egna-utbildningsinsatser',
    title: 'Egna utbildningsinsatser',
    summary: 'Att föra kunskapen vidare i den egna kommunen eller regionen.',
    tags: ['utbildning', 'utvecklingsarbete'],
    body: 'Deltagarna förväntas driva arbetet vidare hemma, med stöd i verktyg och metoder för att genomföra egna utbildningsinsatser eller ett utvecklingsarbete i kommunen eller regionen.',
  },
];
