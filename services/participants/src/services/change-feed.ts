import { badInput, loaderByGroup, MAX_PAGE_SIZE, type RequestContext } from '@kommunenett/subgraph-kit';
import { RegistrationChange } from '../entities/registration-change.entity';
import { Registration } from '../entities/registration.entity';
import { whereRegistrationVisible } from './access';

export const changesByRegistration = (ctx: RequestContext) =>
  loaderByGroup(ctx, 'changesByRegistration', (ids) =>
    ctx.ds.getRepository(RegistrationChange).createQueryBuilder('c').where('c.registration_id IN (:...ids)', { ids }).orderBy('c.seq', 'ASC').getMany(), (c) => c.registrationId);

/** A feed cursor is the sequence number of the last change read, as an opaque string. */
export function encodeFeedCursor(seq: string): string {
  return Buffer.from(`seq:${seq}`).toString('base64url');
}

function decodeFeedCursor(cursor: string | null | undefined): string {
  if (!cursor) return '0';
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^seq:(\d{1,18})$/.exec(text);
  if (!match) throw badInput('since is not a cursor of this feed.', 'since');
  return match[1];
}

export interface FeedPage {
  changes: RegistrationChange[];
  cursor: string;
  hasMore: boolean;
}

/**
 * The changes after `since` of the registrations the viewer may see, in commit order. Sequence
 * numbers are handed out at commit time under one counter row, so a reader that resumes from its
 * last cursor never misses a change. The returned cursor is where to resume (unchanged when empty).
 */
export async function readChanges(ctx: RequestContext, since: string | null | undefined, first: number | null | undefined): Promise<FeedPage> {
  const limit = first ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}.`, 'first');
  const after = decodeFeedCursor(since);
  const qb = ctx.ds.getRepository(RegistrationChange).createQueryBuilder('c')
    .innerJoin(Registration, 'r', 'r.id = c.registration_id')
    .where('c.seq > :after', { after })
    .orderBy('c.seq', 'ASC').limit(limit + 1);
  whereRegistrationVisible(qb, ctx.viewer, 'r');
  const rows = await qb.getMany();
  const changes = rows.slice(0, limit);
  return { changes, cursor: changes.length ? encodeFeedCursor(changes[changes.length - 1].seq) : (since ?? encodeFeedCursor('0')), hasMore: rows.length > limit };
}
