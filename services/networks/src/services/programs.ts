import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { RequestContext } from '@kommunenett/subgraph-kit';
import { Program } from '../entities/program.entity';
import { Language, ProgramStatus } from '../entities/enums';
import { canManageProgram, requireAllowed } from './access';
import { checkVersion, refuse, lockRow, runMutation } from '@kommunenett/subgraph-kit';
import { LIMITS, id, list, month, organizationId, requiredText, text, expectedVersion } from './validation';

const programFields = {
  name: requiredText(LIMITS.name),
  description: text(LIMITS.text).nullish(),
  language: z.enum(Language),
  status: z.enum(ProgramStatus),
  ownerIds: list(organizationId, 10).min(1, 'A programme has at least one owner.'),
  partnerIds: list(organizationId, 20),
  funderId: organizationId.nullish(),
  themes: list(requiredText(LIMITS.name)),
  periodStart: month.nullish(),
  periodEnd: month.nullish(),
};

const createSchema = z.object({
  ...programFields,
  status: programFields.status.default(ProgramStatus.PLANNED),
  partnerIds: programFields.partnerIds.default([]),
  themes: programFields.themes.default([]),
});
const updateSchema = z.object({ id, expectedVersion, ...z.object(programFields).partial().shape });

function checkPeriod(p: Pick<Program, 'periodStart' | 'periodEnd'>): void {
  if (p.periodStart && p.periodEnd && p.periodEnd < p.periodStart) refuse('periodEnd', 'The period ends before it starts.', 'PERIOD_END_BEFORE_START');
}

/** ADMIN, or ORG_ADMIN for a programme their organization owns. */
export function createProgram(ctx: RequestContext, input: unknown) {
  return runMutation(ctx, { input, schema: createSchema }, async (value, m) => {
    requireAllowed(canManageProgram(ctx.viewer, value), 'You may only create programmes your organization owns.');
    checkPeriod({ periodStart: value.periodStart ?? null, periodEnd: value.periodEnd ?? null });
    const program = m.getRepository(Program).create({
      ...value, id: randomUUID(), description: value.description ?? null, funderId: value.funderId ?? null,
      periodStart: value.periodStart ?? null, periodEnd: value.periodEnd ?? null, signatoryPersonIds: [],
    });
    return m.getRepository(Program).save(program);
  });
}

export function updateProgram(ctx: RequestContext, input: unknown) {
  return runMutation(ctx, { input, schema: updateSchema }, async ({ id: programId, expectedVersion, ...changes }, m) => {
    const program = await lockRow(m, Program, programId, 'id', 'Programme');
    requireAllowed(canManageProgram(ctx.viewer, program), 'Only the owners of a programme may change it.');
    checkVersion(program, expectedVersion, 'programme');
    for (const [key, v] of Object.entries(changes)) if (v !== undefined) Object.assign(program, { [key]: v });
    requireAllowed(canManageProgram(ctx.viewer, program), 'You may not remove your own organization from the owners.');
    checkPeriod(program);
    return m.getRepository(Program).save(program);
  });
}
