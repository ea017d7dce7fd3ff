import { demoId } from './index';

/**
 * Ids of the demo objects that more than one service's seed refers to. Each service seeds only
 * its own tables; these ids are how its rows point at another service's demo objects.
 */
export const DEMO = {
  programs: {
    antikorrupsjon2013: demoId('program:antikorrupsjon-2013'),
    sklKorruption2019: demoId('program:skl-korruption-2019'),
    saman2013: demoId('program:saman-om-ein-betre-kommune'),
    ksKandidat2007: demoId('program:ks-kandidatnettverk-2007'),
    /** KS' earlier candidate network for women (003: «for få år siden»), a programme of its own. */
    ksKandidatKvinner: demoId('program:ks-kandidatnettverk-kvinner'),
    /** The open round (dates relative to the day the demo data is loaded, see `openDemoRound`). */
    antikorrupsjonOpen: demoId('program:antikorrupsjon-open-round'),
    sklKorruptionOpen: demoId('program:skr-korruption-open-round'),
  },
  networks: {
    antikorrupsjonA: demoId('network:antikorrupsjon-a'),
    antikorrupsjonB: demoId('network:antikorrupsjon-b'),
    antikorrupsjonC: demoId('network:antikorrupsjon-c'),
    sklKorruption2019: demoId('network:skl-korruption-2019'),
    samanOmdomme1: demoId('network:saman-omdomme-1'),
    samanOmdomme2: demoId('network:saman-omdomme-2'),
    samanInnovasjon1: demoId('network:saman-innovasjon-1'),
    samanInnovasjon2: demoId('network:saman-innovasjon-2'),
    samanKompetanse: demoId('network:saman-kompetanse-rekruttering'),
    samanHeltid: demoId('network:saman-heltidskultur'),
    samanSykefravaer: demoId('network:saman-sykefravaer'),
    samanSammensatt: demoId('network:saman-sammensatt'),
    ksKandidatInnvandrer: demoId('network:ks-kandidat-innvandrer-2007'),
    ksKandidatKvinner: demoId('network:ks-kandidat-kvinner'),
    /** Open: 29 of 30 seats taken, nobody waiting (the README's walk-through registers here). */
    antikorrupsjonD: demoId('network:antikorrupsjon-d'),
    /** Open: all 30 seats taken and three registrations on the waitlist. */
    antikorrupsjonE: demoId('network:antikorrupsjon-e'),
    /** Open (Sweden): all 24 seats taken and two registrations on the waitlist. */
    sklKorruptionOpen: demoId('network:skr-korruption-open-round'),
  },
  sessions: {
    antikorrupsjonA1: demoId('session:antikorrupsjon-a-1'),
    antikorrupsjonA2: demoId('session:antikorrupsjon-a-2'),
    antikorrupsjonA3: demoId('session:antikorrupsjon-a-3'),
    antikorrupsjonB1: demoId('session:antikorrupsjon-b-1'),
    antikorrupsjonB2: demoId('session:antikorrupsjon-b-2'),
    antikorrupsjonB3: demoId('session:antikorrupsjon-b-3'),
    antikorrupsjonC1: demoId('session:antikorrupsjon-c-1'),
    antikorrupsjonC2: demoId('session:antikorrupsjon-c-2'),
    antikorrupsjonC3: demoId('session:antikorrupsjon-c-3'),
    samanOmdomme1First: demoId('session:saman-omdomme-1-1'),
  },
  /** Generated (fake) people that demo rows of several services point at. */
  people: {
    tiFacilitator: demoId('person:ti-facilitator'),
    ksFacilitator: demoId('person:ks-facilitator'),
    sklContact1: demoId('person:skl-contact-1'),
    sklContact2: demoId('person:skl-contact-2'),
    samanNetworkLead: demoId('person:saman-network-lead'),
    baerumCoordinator: demoId('person:baerum-coordinator'),
  },
  /**
   * People the source documents name in a public role (who signed, who to contact, who leads an
   * agenda item), seeded as the documents name them, with their titles.
   */
  namedPeople: {
    /** 000: signed the invitation for KS. */
    sigrunVageng: demoId('person:named:sigrun-vageng'),
    /** 000: signed the invitation for Transparency International Norge. */
    guroSlettemark: demoId('person:named:guro-slettemark'),
    /** 000: registration goes to TI Norge «v/ Tor Dølvik». */
    torDolvik: demoId('person:named:tor-dolvik'),
    /** 001: SKL's «Informationsansvarig». */
    ceciliaBerglin: demoId('person:named:cecilia-berglin'),
    annSofiAgnevik: demoId('person:named:ann-sofi-agnevik'),
    /** 003: adviser and project leader of KS' candidate networks. */
    maritTovsen: demoId('person:named:marit-tovsen'),
    /** 004: the omdømme network's leaders and the first gathering's speakers. */
    asbjornStavem: demoId('person:named:asbjorn-l-stavem'),
    bjornPettersen: demoId('person:named:bjorn-pettersen'),
    fredrikRivenes: demoId('person:named:fredrik-rivenes'),
    olaHelstad: demoId('person:named:ola-helstad'),
    einarHoland: demoId('person:named:einar-holand'),
    sissel: demoId('person:named:sissel'),
  },
  handbooks: {
    beskyttKommunen: demoId('handbook:beskytt-kommunen'),
  },
  /** Transparency International's eight recommendations (002), by number. */
  recommendations: [1, 2, 3, 4, 5, 6, 7, 8].map((n) => demoId(`recommendation:ti-${n}`)),
  reports: {
    baerumInternalControl2022: demoId('report:baerum-internkontroll-2022'),
  },
  surveys: {
    ksEtikkLeverandorer2007: demoId('survey:ks-etikk-og-leverandorer-2007'),
  },
} as const;
