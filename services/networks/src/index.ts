import 'reflect-metadata';
import { In } from 'typeorm';
import { type RequestContext, type SubgraphDefinition } from '@kommunenett/subgraph-kit';
import { Network } from './entities/network.entity';
import { Program } from './entities/program.entity';
import { Session } from './entities/session.entity';
import { AgendaItem } from './entities/agenda-item.entity';
import { Assignment, Submission } from './entities/assignment.entity';
import { AnchoringChange, MunicipalityProject, ProjectMilestone } from './entities/project.entity';
import { migrations } from './migrations';
import { NetworkResolver, OrganizationNetworksResolver } from './resolvers/network.resolver';
import { ProgramResolver } from './resolvers/program.resolver';
import { AgendaItemResolver, SessionResolver } from './resolvers/session.resolver';
import { AssignmentResolver, NetworkAssignmentsResolver, SubmissionResolver } from './resolvers/assignment.resolver';
import { NetworkProjectsResolver, ProjectResolver } from './resolvers/project.resolver';
import { seedNetworksDemo } from './seed/demo';
import { seedOpenRound } from './seed/open-round';
import { seedNetworksVolume } from './seed/volume';
import { networkById, sessionById } from './loaders';
import { calendarRoutes } from './services/calendar';
import { networksPersonalDataPart } from './services/personal-data';

/** Rows that hang under a network resolve by key only when the viewer may see that network. */
async function underVisibleNetwork<T extends { networkId: string }>(rows: T[], ctx: RequestContext): Promise<T[]> {
  const networks = await networkById(ctx).loadMany([...new Set(rows.map((r) => r.networkId))]);
  const visible = new Set(networks.flatMap((n) => (n && !(n instanceof Error) ? [n.id] : [])));
  return rows.filter((r) => visible.has(r.networkId));
}

/** The networks subgraph: programmes, networks, sessions and their agendas, work between gatherings. */
export const networksSubgraph: SubgraphDefinition = {
  name: 'networks',
  resolvers: [
    NetworkResolver, OrganizationNetworksResolver, ProgramResolver, SessionResolver, AgendaItemResolver,
    NetworkAssignmentsResolver, AssignmentResolver, SubmissionResolver, NetworkProjectsResolver, ProjectResolver, networksPersonalDataPart.resolver,
  ],
  // Owned by participants; this service adds its part of a person's data.
  orphanedTypes: [networksPersonalDataPart.type],
  entities: [
    { typeName: 'Network', load: (ids, ctx) => networkById(ctx).loadMany(ids).then((rows) => rows.filter((r): r is Network => !!r && !(r instanceof Error))) },
    { typeName: 'Program', load: (ids, ctx) => ctx.ds.getRepository(Program).findBy({ id: In([...ids]) }) },
    { typeName: 'Session', load: async (ids, ctx) => underVisibleNetwork(await ctx.ds.getRepository(Session).findBy({ id: In([...ids]) }), ctx) },
    {
      typeName: 'AgendaItem',
      load: async (ids, ctx) => {
        const items = await ctx.ds.getRepository(AgendaItem).findBy({ id: In([...ids]) });
        const sessions = await sessionById(ctx).loadMany([...new Set(items.map((i) => i.sessionId))]);
        const visible = await underVisibleNetwork(sessions.filter((s): s is Session => !!s && !(s instanceof Error)), ctx);
        const visibleIds = new Set(visible.map((s) => s.id));
        return items.filter((i) => visibleIds.has(i.sessionId));
      },
    },
    { typeName: 'Assignment', load: async (ids, ctx) => underVisibleNetwork(await ctx.ds.getRepository(Assignment).findBy({ id: In([...ids]) }), ctx) },
    { typeName: 'Organization' },
    { typeName: 'PersonalDataExport' },
  ],
  tables: [Program, Network, Session, AgendaItem, Assignment, Submission, MunicipalityProject, ProjectMilestone, AnchoringChange],
  migrations,
  // The historical cases once; the open round added, or moved forward once its deadline has passed.
  seed: async (ds, log) => { await seedNetworksDemo(ds, log); await seedOpenRound(ds, log, new Date()); },
  volumeSeed: seedNetworksVolume,
  routes: calendarRoutes,
};
