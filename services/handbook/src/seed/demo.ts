import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { DEMO, demoId } from '@kommunenett/reference-data';
import { Handbook } from '../entities/handbook.entity';
import { Edition } from '../entities/edition.entity';
import { Chapter } from '../entities/chapter.entity';
import { Tool } from '../entities/tool.entity';
import { Recommendation } from '../entities/recommendation.entity';
import { RevisionProposal } from '../entities/revision-proposal.entity';
import { NetworkHandbook } from '../entities/network-handbook.entity';
import { EditionStatus, Language, ProposalStatus } from '../entities/enums';
import { markdownToText } from '../services/markdown';
import { SAMAN_CHAPTERS, SAMAN_NOTE } from './saman-content';
import {
  BESKYTT_CHAPTERS, BESKYTT_NOTE, BESKYTT_TOOLS, SKYDD_CHAPTERS, SKYDD_NOTE, TI_NOTE, TI_RECOMMENDATIONS, TI_SOURCE, type ChapterSeed, type ToolSeed,
} from './content';

/** Demo handbook owned by this service alone (the Swedish network's material). */
const SKYDD_HANDBOOK_ID = demoId('handbook:skr-korruptionsskydd');
const SAMAN_HANDBOOK_ID = demoId('handbook:saman-om-ein-betre-kommune');

function chapterRows(editionId: string, language: Language, note: string, seeds: ChapterSeed[], parentId: string | null = null): Partial<Chapter>[] {
  return seeds.flatMap((s, i) => {
    const id = demoId(`chapter:${editionId}:${s.slug}`);
    const row: Partial<Chapter> = {
      id, editionId, slug: s.slug, parentId, position: i + 1, title: s.title, summary: s.summary, bodyMarkdown: s.body,
      bodyText: markdownToText(s.body), tags: s.tags, language, contentNote: note,
    };
    return [row, ...chapterRows(editionId, language, note, s.children ?? [], id)];
  });
}

function toolRows(editionId: string, note: string, seeds: ToolSeed[]): Partial<Tool>[] {
  return seeds.map((t, i) => ({ id: demoId(`tool:${editionId}:${t.slug}`), editionId, ...t, position: i + 1, contentNote: note }));
}

/** «Beskytt kommunen!» (KS and TI Norge, used by networks A–C of 000) and a Swedish counterpart for SKL's network (001). */
export async function seedHandbookDemo(ds: DataSource, log: Logger): Promise<void> {
  if ((await ds.getRepository(Handbook).count()) > 0) return;
  const beskyttEdition = demoId('edition:beskytt-kommunen:1');
  const skyddEdition = demoId('edition:korruptionsskydd:1');
  const samanEdition = demoId('edition:saman-om-ein-betre-kommune:1');
  await ds.transaction(async (m) => {
    await m.getRepository(Handbook).insert([
      {
        id: DEMO.handbooks.beskyttKommunen, slug: 'beskytt-kommunen', title: 'Beskytt kommunen!', subtitle: 'Håndbok i antikorrupsjon for kommuner',
        description: 'Håndbok fra KS og Transparency International Norge, brukt som utgangspunkt i de korrupsjonsforebyggende nettverkene fra 2013 og revidert ut fra nettverkenes erfaringer. Kapitteltekstene i demoen er korte sammendrag skrevet for demoen, ikke sitater fra håndboken.',
        language: Language.nb, publisherIds: ['ks', 'ti-norge'],
      },
      {
        id: SKYDD_HANDBOOK_ID, slug: 'korruptionsskydd', title: 'Stärk korruptionsskyddet', subtitle: 'Arbetsmaterial för nätverket för korruptionsbekämpning',
        description: 'Demomaterial för SKL:s nätverk för korruptionsbekämpning 2019, byggt på nätverkets teman. Texterna är sammanfattningar skrivna för demon.',
        language: Language.sv, publisherIds: ['skr'],
      },
      {
        id: SAMAN_HANDBOOK_ID, slug: 'saman-om-ein-betre-kommune', title: 'Saman om ein betre kommune', subtitle: 'Arbeidsmåten i nettverka',
        description: 'Korleis nettverka i programmet Saman om ein betre kommune arbeidde, på nynorsk som programmet. Tekstane er samandrag skrivne for demoen.',
        language: Language.nn, publisherIds: ['ks', 'kdd'],
      },
    ]);
    await m.getRepository(Edition).insert([
      {
        id: beskyttEdition, handbookId: DEMO.handbooks.beskyttKommunen, number: 1, title: '1. utgave', status: EditionStatus.PUBLISHED,
        publishedOn: '2013-04-01', notes: 'Utgaven nettverkene arbeidet ut fra i 2013–2014. Publiseringsdatoen er satt for demoen.', basedOnId: null,
      },
      {
        id: skyddEdition, handbookId: SKYDD_HANDBOOK_ID, number: 1, title: 'Utgåva 1', status: EditionStatus.PUBLISHED,
        publishedOn: '2019-09-23', notes: 'Demomaterial; datumet är satt för demon.', basedOnId: null,
      },
      {
        id: samanEdition, handbookId: SAMAN_HANDBOOK_ID, number: 1, title: '1. utgåve', status: EditionStatus.PUBLISHED,
        publishedOn: '2013-03-11', notes: 'Demomateriale; datoen er sett for demoen.', basedOnId: null,
      },
    ]);
    await m.getRepository(Chapter).insert([
      ...chapterRows(beskyttEdition, Language.nb, BESKYTT_NOTE, BESKYTT_CHAPTERS),
      ...chapterRows(skyddEdition, Language.sv, SKYDD_NOTE, SKYDD_CHAPTERS),
      ...chapterRows(samanEdition, Language.nn, SAMAN_NOTE, SAMAN_CHAPTERS),
    ]);
    await m.getRepository(Tool).insert(toolRows(beskyttEdition, BESKYTT_NOTE, BESKYTT_TOOLS));
    await m.getRepository(Recommendation).insert(TI_RECOMMENDATIONS.map((r, i) => ({
      id: DEMO.recommendations[i], handbookId: DEMO.handbooks.beskyttKommunen, number: i + 1, title: r.title, text: r.text,
      source: TI_SOURCE, language: Language.nb, contentNote: TI_NOTE,
    })));
    await m.getRepository(NetworkHandbook).insert([
      ...[DEMO.networks.antikorrupsjonA, DEMO.networks.antikorrupsjonB, DEMO.networks.antikorrupsjonC]
        .map((networkId) => ({ networkId, handbookId: DEMO.handbooks.beskyttKommunen })),
      { networkId: DEMO.networks.sklKorruption2019, handbookId: SKYDD_HANDBOOK_ID },
    ]);
    // What the networks brought back after their second gatherings, awaiting the editors.
    await m.getRepository(RevisionProposal).insert([
      {
        id: demoId('proposal:antikorrupsjon-a:kartlegging'), handbookId: DEMO.handbooks.beskyttKommunen, chapterSlug: 'kartlegging-av-sarbarhet',
        networkId: DEMO.networks.antikorrupsjonA, sessionId: DEMO.sessions.antikorrupsjonA2, proposedBy: DEMO.people.tiFacilitator,
        proposerPersonId: DEMO.people.tiFacilitator, proposerRole: 'FACILITATOR', title: 'En enkel mal for kartleggingen',
        rationale: 'Deltakerkommunene i nettverk A brukte mye tid på å komme i gang med kartleggingen etter første samling. De som tok utgangspunkt i én konkret prosess, som en byggesak eller et innkjøp, kom raskest i gang.',
        proposedMarkdown: 'Etter første samling kartlegger deltakerne sårbarhet og sikkerhetshull i egen virksomhet eller i et valgt case.\n\nStart med **én konkret prosess**, for eksempel en byggesak eller et innkjøp, og følg den fra start til slutt. Se både på verdier, holdninger og kultur og på rutiner, struktur og kompetanse.\n\nResultatet er en kort liste over de viktigste hullene og forslag til tiltak.',
        status: ProposalStatus.PROPOSED,
      },
      {
        id: demoId('proposal:antikorrupsjon-b:forankring'), handbookId: DEMO.handbooks.beskyttKommunen, chapterSlug: 'forankring-i-ledelsen',
        networkId: DEMO.networks.antikorrupsjonB, sessionId: DEMO.sessions.antikorrupsjonB2, proposedBy: DEMO.people.ksFacilitator,
        proposerPersonId: DEMO.people.ksFacilitator, proposerRole: 'FACILITATOR', title: 'Forankringen må fornyes når ledelsen skiftes',
        rationale: 'To kommuner i nettverk B mistet forankringen da rådmannen sluttet. Håndboken bør si at forankringen må fornyes ved lederskifte.',
        proposedMarkdown: null, status: ProposalStatus.PROPOSED,
      },
    ]);
  });
  log.info('handbook demo data loaded');
}
