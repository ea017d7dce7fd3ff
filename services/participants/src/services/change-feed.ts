import { badInput, loaderByGroup, MAX_PAGE_SIZE, type RequestContext } from '@kommunenett/subgraph-kit';
import { RegistrationChange } from '../entities/registration-change.entity';
import { Registration } from '../entities/registration.entity';
import { whereRegistrationVisible } from './access';
import { MARKER_CLASS } from './changes';

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
 * The highest change number the feed may serve now: below every number a transaction still in
 * flight may commit. Changes are numbered from a sequence, so numbers are not committed in order;
 * a reader that moved its cursor past a number still in flight would never see it. Each writer
 * holds a marker (changes.ts) with the sequence's last value, read before it draws a number,
 * until it ends. Read here in this order, each in its own statement: (1) the sequence's last
 * value `hi`; (2) the lowest marker `m`; then (3) the page, in a snapshot taken after both.
 * A number n ≤ hi was drawn before (1), so its writer took a marker L ≤ n before (1): either it
 * still holds it at (2), and then m ≤ L ≤ n keeps n (and all after it) back, or it ended before
 * (2), and then (3) sees n committed (or it was rolled back). A number drawn after (1) is > hi.
 * So serving numbers ≤ hi and < m never skips one that commits later.
 */
async function servableLimit(ctx: RequestContext): Promise<{ hi: string; inFlight: string | null }> {
  const [{ hi }] = (await ctx.ds.query(
    'SELECT (CASE WHEN is_called THEN last_value ELSE 0 END)::text AS hi FROM participants.registration_change_seq')) as { hi: string }[];
  const [{ inFlight }] = (await ctx.ds.query(
    `SELECT min((classid::bigint - $1) * 2147483648 + objid::bigint)::text AS "inFlight" FROM pg_locks
     WHERE locktype = 'advisory' AND objsubid = 2 AND classid::bigint BETWEEN $1 AND $1 + 9999
       AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`, [MARKER_CLASS])) as { inFlight: string | null }[];
  return { hi, inFlight };
}

/**
 * The changes after `since` of the registrations the viewer may see, in the order of their
 * numbers. A change numbered while others are still in flight is served once they have ended
 * (`servableLimit`), so a reader that resumes from its last cursor never misses a change. The
 * returned cursor is where to resume (unchanged when empty).
 */
export async function readChanges(ctx: RequestContext, since: string | null | undefined, first: number | null | undefined): Promise<FeedPage> {
  const limit = first ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}.`, 'first');
  const after = decodeFeedCursor(since);
  const { hi, inFlight } = await servableLimit(ctx);
  const qb = ctx.ds.getRepository(RegistrationChange).createQueryBuilder('c')
    .innerJoin(Registration, 'r', 'r.id = c.registration_id')
    .where('c.seq > :after AND c.seq <= :hi', { after, hi })
    .orderBy('c.seq', 'ASC').limit(limit + 1);
  if (inFlight !== null) qb.andWhere('c.seq < :inFlight', { inFlight });
  whereRegistrationVisible(qb, ctx.viewer, 'r');
  const rows = await qb.getMany();
  const changes = rows.slice(0, limit);
  return { changes, cursor: changes.length ? encodeFeedCursor(changes[changes.length - 1].seq) : (since ?? encodeFeedCursor('0')), hasMore: rows.length > limit };
}
