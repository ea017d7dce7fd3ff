import { Brackets, type SelectQueryBuilder } from 'typeorm';
import { forbidden, isAdmin, unauthenticated, type RequestContext } from '@kommunenett/subgraph-kit';
import type { Viewer } from '@kommunenett/auth';
import { Report } from '../entities/report.entity';
import { ReportStatus } from '../entities/enums';

/**
 * Reports the viewer may see, as a query (alias `r`) to refine. Everyone sees published reports;
 * a municipality's COORDINATOR also its own reports in every state; the receiving organization's
 * ORG_ADMIN also those submitted to it or returned by it (not drafts); ADMIN everything.
 */
export function visibleReports(ctx: RequestContext): SelectQueryBuilder<Report> {
  const qb = ctx.ds.getRepository(Report).createQueryBuilder('r');
  return restrictToVisible(qb, ctx.viewer, 'r');
}

export function restrictToVisible<T extends object>(qb: SelectQueryBuilder<T>, v: Viewer, alias: string): SelectQueryBuilder<T> {
  if (isAdmin(v)) return qb;
  return qb.andWhere(new Brackets((w) => {
    w.where(`${alias}.status = :published`, { published: ReportStatus.PUBLISHED });
    if (v.role === 'COORDINATOR' && v.municipalityId) w.orWhere(`${alias}.municipality_id = :ownMunicipality`, { ownMunicipality: v.municipalityId });
    if (v.role === 'ORG_ADMIN' && v.organizationId) {
      w.orWhere(`(${alias}.recipient_id = :ownOrg AND ${alias}.status IN (:...received))`, {
        ownOrg: v.organizationId, received: [ReportStatus.SUBMITTED, ReportStatus.RETURNED],
      });
    }
  }));
}

export function canSeeReport(v: Viewer, r: Pick<Report, 'status' | 'municipalityId' | 'recipientId'>): boolean {
  return isAdmin(v) || r.status === ReportStatus.PUBLISHED
    || (v.role === 'COORDINATOR' && v.municipalityId === r.municipalityId)
    || (v.role === 'ORG_ADMIN' && v.organizationId === r.recipientId && r.status !== ReportStatus.DRAFT);
}

/** Writing and submitting: the municipality's COORDINATOR (and ADMIN). */
export function canWriteReport(v: Viewer, r: Pick<Report, 'municipalityId'>): boolean {
  return isAdmin(v) || (v.role === 'COORDINATOR' && v.municipalityId === r.municipalityId);
}

/** Returning and publishing: the receiving organization's ORG_ADMIN (and ADMIN). */
export function canReviewReport(v: Viewer, r: Pick<Report, 'recipientId'>): boolean {
  return isAdmin(v) || (v.role === 'ORG_ADMIN' && v.organizationId === r.recipientId);
}

/** The error for a viewer without the right: sign in first when anonymous, else FORBIDDEN. */
export function refused(v: Viewer, message: string) {
  return v.kind === 'anonymous' ? unauthenticated() : forbidden(message);
}
