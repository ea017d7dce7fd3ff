import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '@kommunenett/subgraph-kit';
import { Assignment, Submission } from '../entities/assignment.entity';
import { Session } from '../entities/session.entity';
import { SubmissionStatus } from '../entities/enums';
import { actsForMunicipality, canRunNetwork, requireAllowed } from './access';
import { lockNetwork, lockNetworkToRun } from './networks';
import { checkVersion, refuse, lockRow, runMutation } from '@kommunenett/subgraph-kit';
import { LIMITS, https, id, list, municipalityId, requiredText, text, expectedVersion } from './validation';

const assignmentFields = {
  title: requiredText(LIMITS.name),
  instructions: requiredText(LIMITS.longText),
  givenAtSessionId: id.nullish(),
  dueBeforeSessionId: id.nullish(),
};
const createSchema = z.object({ networkId: id, ...assignmentFields });
const updateSchema = z.object({ assignmentId: id, expectedVersion, ...z.object(assignmentFields).partial().shape });

/** The sessions must be the network's own, and the work due after it is given. */
async function checkSessions(m: EntityManager, a: Pick<Assignment, 'networkId' | 'givenAtSessionId' | 'dueBeforeSessionId'>): Promise<void> {
  const ids = [a.givenAtSessionId, a.dueBeforeSessionId].filter((x): x is string => !!x);
  if (ids.length === 0) return;
  const sessions = await m.getRepository(Session).findBy(ids.map((sid) => ({ id: sid, networkId: a.networkId })));
  const byId = new Map(sessions.map((s) => [s.id, s]));
  if (a.givenAtSessionId && !byId.has(a.givenAtSessionId)) refuse('givenAtSessionId', 'The network has no such session.', 'NOT_FOUND');
  if (a.dueBeforeSessionId && !byId.has(a.dueBeforeSessionId)) refuse('dueBeforeSessionId', 'The network has no such session.', 'NOT_FOUND');
  if (a.givenAtSessionId && a.dueBeforeSessionId && byId.get(a.dueBeforeSessionId)!.sequence <= byId.get(a.givenAtSessionId)!.sequence) {
    refuse('dueBeforeSessionId', 'The work must be due at a session after the one it is given at.', 'DUE_BEFORE_GIVEN');
  }
}

export function createAssignment(ctx: RequestContext, input: unknown) {
  return runMutation(ctx, { input, schema: createSchema }, async (value, m) => {
    const network = await lockNetworkToRun(ctx, m, value.networkId, 'networkId');
    const last = await m.getRepository(Assignment).maximum('position', { networkId: network.id });
    const assignment = m.getRepository(Assignment).create({
      id: randomUUID(), networkId: network.id, position: (last ?? 0) + 1, title: value.title, instructions: value.instructions,
      givenAtSessionId: value.givenAtSessionId ?? null, dueBeforeSessionId: value.dueBeforeSessionId ?? null,
    });
    await checkSessions(m, assignment);
    return m.getRepository(Assignment).save(assignment);
  });
}

export function updateAssignment(ctx: RequestContext, input: unknown) {
  return runMutation(ctx, { input, schema: updateSchema }, async ({ assignmentId, expectedVersion, ...changes }, m) => {
    const assignment = await lockRow(m, Assignment, assignmentId, 'assignmentId', 'Assignment');
    await lockNetworkToRun(ctx, m, assignment.networkId, 'assignmentId');
    checkVersion(assignment, expectedVersion, 'assignment');
    for (const [key, v] of Object.entries(changes)) if (v !== undefined) Object.assign(assignment, { [key]: v });
    await checkSessions(m, assignment);
    return m.getRepository(Assignment).save(assignment);
  });
}

const saveSubmissionSchema = z.object({
  assignmentId: id,
  municipalityId,
  text: text(LIMITS.longText).nullish(),
  links: list(https, 20).nullish(),
  expectedVersion: expectedVersion.nullish(),
});
const submitSchema = z.object({ submissionId: id, expectedVersion });
const reviewSchema = z.object({ submissionId: id, expectedVersion, note: text(LIMITS.text).nullish() });

/** The assignment and its network, for a submission; an invisible network is NOT_FOUND. */
async function assignmentOf(ctx: RequestContext, m: EntityManager, assignmentId: string, field: string) {
  const assignment = await m.getRepository(Assignment).findOneBy({ id: assignmentId });
  if (!assignment) refuse(field, `Assignment ${assignmentId} was not found.`, 'NOT_FOUND');
  const network = await lockNetwork(ctx, m, assignment.networkId, field);
  return { assignment, network };
}

/**
 * Writes a municipality's draft answer: the first save creates it (no expectedVersion), later
 * saves need the version they edit. Only the municipality's COORDINATOR (or ADMIN) writes it.
 */
export function saveSubmission(ctx: RequestContext, input: unknown) {
  return runMutation(ctx, { input, schema: saveSubmissionSchema }, async (value, m) => {
    requireAllowed(actsForMunicipality(ctx.viewer, value.municipalityId), 'Only the municipality’s coordinator may write its submissions.');
    const { assignment } = await assignmentOf(ctx, m, value.assignmentId, 'assignmentId');
    const repo = m.getRepository(Submission);
    let submission = await repo.createQueryBuilder('s').setLock('pessimistic_write')
      .where('s.assignment_id = :a AND s.municipality_id = :mu', { a: assignment.id, mu: value.municipalityId }).getOne();
    if (submission) {
      if (value.expectedVersion == null) refuse('expectedVersion', 'The municipality already has a submission; pass the version you edited.', 'STALE_VERSION');
      checkVersion(submission, value.expectedVersion, 'submission');
      if (submission.status !== SubmissionStatus.DRAFT) refuse('assignmentId', `The submission is ${submission.status}; it can no longer be edited.`, 'SUBMISSION_LOCKED');
    } else {
      if (value.expectedVersion != null) refuse('expectedVersion', 'There is no submission to update yet.', 'STALE_VERSION');
      submission = repo.create({
        id: randomUUID(), assignmentId: assignment.id, municipalityId: value.municipalityId, status: SubmissionStatus.DRAFT,
        text: null, links: [], submittedByPersonId: null, submittedAt: null, reviewedAt: null, reviewNote: null,
      });
    }
    if (value.text !== undefined) submission.text = value.text || null;
    if (value.links !== undefined) submission.links = value.links ?? [];
    return repo.save(submission);
  });
}

async function submissionToChange(ctx: RequestContext, m: EntityManager, submissionId: string, expectedVersion: number) {
  const submission = await lockRow(m, Submission, submissionId, 'submissionId', 'Submission');
  const { network } = await assignmentOf(ctx, m, submission.assignmentId, 'submissionId');
  return { submission, network, checkVersion: () => checkVersion(submission, expectedVersion, 'submission') };
}

/** DRAFT → SUBMITTED, by the municipality's coordinator. */
export function submitSubmission(ctx: RequestContext, input: unknown) {
  return runMutation(ctx, { input, schema: submitSchema }, async ({ submissionId, expectedVersion }, m) => {
    const { submission, checkVersion: check } = await submissionToChange(ctx, m, submissionId, expectedVersion);
    requireAllowed(actsForMunicipality(ctx.viewer, submission.municipalityId), 'Only the municipality’s coordinator may submit its work.');
    check();
    if (submission.status !== SubmissionStatus.DRAFT) refuse('submissionId', `A submission that is ${submission.status} cannot be submitted.`, 'ILLEGAL_TRANSITION');
    if (!submission.text && submission.links.length === 0) refuse('submissionId', 'Write something or add a link before submitting.', 'EMPTY_SUBMISSION');
    Object.assign(submission, { status: SubmissionStatus.SUBMITTED, submittedAt: new Date(), submittedByPersonId: ctx.viewer.personId });
    return m.getRepository(Submission).save(submission);
  });
}

/** SUBMITTED → REVIEWED, with feedback, by those who run the network. */
export function reviewSubmission(ctx: RequestContext, input: unknown) {
  return runMutation(ctx, { input, schema: reviewSchema }, async ({ submissionId, expectedVersion, note }, m) => {
    const { submission, network, checkVersion: check } = await submissionToChange(ctx, m, submissionId, expectedVersion);
    requireAllowed(canRunNetwork(ctx.viewer, network), 'Only the hosts and facilitators of the network review submissions.');
    check();
    if (submission.status !== SubmissionStatus.SUBMITTED) refuse('submissionId', `A submission that is ${submission.status} cannot be reviewed.`, 'ILLEGAL_TRANSITION');
    Object.assign(submission, { status: SubmissionStatus.REVIEWED, reviewedAt: new Date(), reviewNote: note ?? null });
    return m.getRepository(Submission).save(submission);
  });
}
