import { badInput, notFound, requireUuid, suppressedCells, type RequestContext } from '@kommunenett/subgraph-kit';
import { PositionRole } from '../entities/enums';
import { lastDayOf, NETWORK_END_SELECTION, type NetworkEnd } from './network-end';
import { networksClient } from './network-rules';

export const MAX_OUTCOME_YEARS = 30;

export interface NetworkOutcomes {
  networkId: string;
  role: PositionRole;
  withinYears: number;
  endedOn: string;
  endedFrom: 'LAST_SESSION' | 'PROGRAM_PERIOD';
  windowEnd: string;
  participants: number;
  became: number | null;
  share: number | null;
  suppressed: boolean;
  suppressionThreshold: number;
}

/** The day `years` years after a day (29 February goes to 28 February in a common year). */
function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y + years, m - 1, d));
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

/**
 * How many of a network's participants entered a role (chief executive by default) after they
 * registered and at the latest `withinYears` years after the network ended (docs/participants.md,
 * "Outcomes"). A participant is a person with a confirmed registration; one who already held the
 * role when registering does not count as having entered it. The count and the rest of the
 * participants (whose total is shown) are protected together by the shared rule: a figure below
 * the threshold, and then the other, is suppressed.
 */
export async function networkOutcomes(ctx: RequestContext, networkId: string, withinYears: number, role: PositionRole): Promise<NetworkOutcomes> {
  requireUuid(networkId, 'networkId');
  if (!Number.isInteger(withinYears) || withinYears < 0 || withinYears > MAX_OUTCOME_YEARS) {
    throw badInput(`withinYears is a whole number of years from 0 to ${MAX_OUTCOME_YEARS}.`, 'withinYears');
  }
  const [network] = await networksClient(ctx).entities<NetworkEnd>('Network', [networkId], NETWORK_END_SELECTION, ctx.requestId);
  if (!network) throw notFound('Network', networkId);
  const end = lastDayOf(network);
  if (!end) throw badInput('The network has not ended (it is not COMPLETED, or neither its sessions nor its programme say when it ended).', 'networkId');
  const windowEnd = addYears(end.day, withinYears);
  const [row] = (await ctx.ds.query(
    `WITH reg AS (
       SELECT person_id, min((registered_at AT TIME ZONE 'UTC')::date) AS registered_on
         FROM participants.registration WHERE network_id = $1 AND status = 'CONFIRMED' GROUP BY person_id
     )
     SELECT count(*)::int AS participants,
            count(*) FILTER (WHERE
              EXISTS (SELECT 1 FROM participants.position p WHERE p.person_id = reg.person_id AND p.role = $2
                         AND p.valid_from > reg.registered_on AND p.valid_from <= $3::date)
              AND NOT EXISTS (SELECT 1 FROM participants.position p WHERE p.person_id = reg.person_id AND p.role = $2
                         AND p.valid_from <= reg.registered_on AND (p.valid_to IS NULL OR p.valid_to >= reg.registered_on)))::int AS became
       FROM reg`,
    [networkId, role, windowEnd],
  )) as { participants: number; became: number }[];
  const threshold = ctx.config.suppressionThreshold;
  const [hidden] = suppressedCells([
    { units: row.became, groups: ['participants'] }, { units: row.participants - row.became, groups: ['participants'] },
  ], threshold);
  return {
    networkId, role, withinYears, endedOn: end.day, endedFrom: end.from, windowEnd, participants: row.participants,
    became: hidden ? null : row.became, share: hidden || row.participants === 0 ? null : row.became / row.participants,
    suppressed: hidden, suppressionThreshold: threshold,
  };
}
