import 'reflect-metadata';
import { isUuid, type RequestContext, type SubgraphDefinition } from '@kommunenett/subgraph-kit';
import type DataLoader from 'dataloader';
import { Handbook } from './entities/handbook.entity';
import { Edition } from './entities/edition.entity';
import { Chapter } from './entities/chapter.entity';
import { Tool } from './entities/tool.entity';
import { Recommendation } from './entities/recommendation.entity';
import { RevisionProposal } from './entities/revision-proposal.entity';
import { NetworkHandbook } from './entities/network-handbook.entity';
import { migrations } from './migrations';
import { chapterById, editionById, handbookById, proposalById, recommendationById, toolById } from './loaders';
import { HandbookResolver, NetworkHandbookResolver, RecommendationResolver } from './resolvers/handbook.resolver';
import { EditionChangeResolver, EditionResolver } from './resolvers/edition.resolver';
import { ChapterResolver, ToolResolver } from './resolvers/chapter.resolver';
import { RevisionProposalResolver } from './resolvers/proposal.resolver';
import { HandbookReferenceResolver, SearchResolver } from './resolvers/search.resolver';
import { AgendaItemHandbookResolver } from './resolvers/agenda-item.resolver';
import { seedHandbookDemo } from './seed/demo';
import { seedHandbookVolume } from './seed/volume';
import { AgendaItem } from './entities/references';
import { handbookPersonalDataPart } from './services/personal-data';

/** The handbook subgraph: handbooks, editions, chapters, tools, recommendations, revisions and search. */
export const handbookSubgraph: SubgraphDefinition = {
  name: 'handbook',
  resolvers: [
    HandbookResolver, RecommendationResolver, NetworkHandbookResolver, EditionResolver, EditionChangeResolver, ChapterResolver, ToolResolver,
    RevisionProposalResolver, SearchResolver, HandbookReferenceResolver, AgendaItemHandbookResolver, handbookPersonalDataPart.resolver,
  ],
  // Reached only through `_entities`: networks owns it, this service adds fields.
  orphanedTypes: [AgendaItem, handbookPersonalDataPart.type],
  entities: [
    { typeName: 'Handbook', load: through(handbookById) },
    { typeName: 'Edition', load: through(editionById) },
    { typeName: 'Chapter', load: through(chapterById) },
    { typeName: 'Tool', load: through(toolById) },
    { typeName: 'Recommendation', load: through(recommendationById) },
    { typeName: 'RevisionProposal', load: through(proposalById) },
    { typeName: 'Organization' },
    { typeName: 'Network' },
    { typeName: 'Session' },
    { typeName: 'AgendaItem' },
    { typeName: 'PersonalDataExport' },
  ],
  tables: [Handbook, Edition, Chapter, Tool, Recommendation, RevisionProposal, NetworkHandbook],
  migrations,
  seed: seedHandbookDemo,
  volumeSeed: seedHandbookVolume,
};

/** Entity references through the same loaders (and row rules) as the rest of the schema; malformed ids resolve to null. */
function through<T extends object>(loader: (ctx: RequestContext) => DataLoader<string, T | null>) {
  return async (ids: readonly string[], ctx: RequestContext): Promise<T[]> =>
    (await loader(ctx).loadMany(ids.filter(isUuid))).filter((r): r is T => r !== null && !(r instanceof Error));
}
