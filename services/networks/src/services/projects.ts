import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { RequestContext } from '@kommunenett/subgraph-kit';
import { AnchoringChange, MunicipalityProject, ProjectMilestone } from '../entities/project.entity';
import { AnchoringPhase, MilestoneStatus } from '../entities/enums';
import { actsForMunicipality, requireAllowed } from './access';
import { lockNetwork } from './networks';
import { checkVersion, refuse, lockRow, runMutation } from '@kommunenett/subgraph-kit';
import { LIMITS, id, list, localDate, municipalityId, requiredText, text, expectedVersion } from './validation';

const milestoneSchema = z.object({ title: requiredText(LIMITS.name), dueOn: localDate.nullish(), status: z.enum(MilestoneStatus).default(MilestoneStatus.PLANNED) });
const saveSchema = z.object({
  networkId: id,
  municipalityId,
  expectedVersion: expectedVersion.nullish(),
  title: requiredText(LIMITS.name),
  problem: text(LIMITS.text).nullish(),
  goals: text(LIMITS.text).nullish(),
  measures: text(LIMITS.text).nullish(),
  organisation: text(LIMITS.text).nullish(),
  leadMandate: text(LIMITS.text).nullish(),
  milestones: list(milestoneSchema).nullish(),
});
const phaseSchema = z.object({ projectId: id, expectedVersion, phase: z.enum(AnchoringPhase), note: text(LIMITS.shortText).nullish() });

/**
 * Writes a municipality's project in a network: the first save creates it in AWARENESS, later
 * saves need the version they edit. Milestones, when given, replace the list.
 */
export function saveProject(ctx: RequestContext, input: unknown) {
  return runMutation(ctx, { input, schema: saveSchema }, async ({ networkId, municipalityId: muni, expectedVersion, milestones, ...fields }, m) => {
    requireAllowed(actsForMunicipality(ctx.viewer, muni), 'Only the municipality’s coordinator may write its project.');
    const network = await lockNetwork(ctx, m, networkId, 'networkId');
    const repo = m.getRepository(MunicipalityProject);
    let project = await repo.createQueryBuilder('p').setLock('pessimistic_write')
      .where('p.network_id = :n AND p.municipality_id = :mu', { n: network.id, mu: muni }).getOne();
    const now = new Date();
    if (project) {
      if (expectedVersion == null) refuse('expectedVersion', 'The municipality already has a project in this network; pass the version you edited.', 'STALE_VERSION');
      checkVersion(project, expectedVersion, 'project');
    } else {
      if (expectedVersion != null) refuse('expectedVersion', 'There is no project to update yet.', 'STALE_VERSION');
      project = repo.create({ id: randomUUID(), networkId: network.id, municipalityId: muni, anchoringPhase: AnchoringPhase.AWARENESS });
    }
    for (const [key, v] of Object.entries(fields)) if (v !== undefined) Object.assign(project, { [key]: v || null });
    const isNew = !project.createdAt;
    project = await repo.save(project);
    if (isNew) {
      await m.getRepository(AnchoringChange).insert({
        id: randomUUID(), projectId: project.id, fromPhase: null, toPhase: project.anchoringPhase, note: null, changedAt: now, changedBy: ctx.viewer.subject,
      });
    }
    if (milestones) {
      await m.getRepository(ProjectMilestone).delete({ projectId: project.id });
      if (milestones.length) {
        await m.getRepository(ProjectMilestone).insert(milestones.map((ms, i) => ({
          id: randomUUID(), projectId: project!.id, position: i + 1, title: ms.title, dueOn: ms.dueOn ?? null, status: ms.status,
        })));
      }
    }
    return project;
  });
}

/** Moves the project to another anchoring phase (forward or back) and records the change. */
export function setAnchoringPhase(ctx: RequestContext, input: unknown) {
  return runMutation(ctx, { input, schema: phaseSchema }, async ({ projectId, expectedVersion, phase, note }, m) => {
    const project = await lockRow(m, MunicipalityProject, projectId, 'projectId', 'Project');
    requireAllowed(actsForMunicipality(ctx.viewer, project.municipalityId), 'Only the municipality’s coordinator may change its project.');
    await lockNetwork(ctx, m, project.networkId, 'projectId');
    checkVersion(project, expectedVersion, 'project');
    if (project.anchoringPhase === phase) refuse('phase', `The project is already in ${phase}.`, 'PHASE_UNCHANGED');
    await m.getRepository(AnchoringChange).insert({
      id: randomUUID(), projectId: project.id, fromPhase: project.anchoringPhase, toPhase: phase, note: note ?? null,
      changedAt: new Date(), changedBy: ctx.viewer.subject,
    });
    project.anchoringPhase = phase;
    return m.getRepository(MunicipalityProject).save(project);
  });
}
