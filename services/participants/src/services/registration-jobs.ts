import type { DataSource, EntityManager } from 'typeorm';
import type { ServiceDeps } from '@kommunenett/subgraph-kit';
import { settingsOf } from '../config';
import { LIVE } from '../entities/enums';
import { ChangeLog } from './changes';
import { lockNetworks } from './locks';
import { cancelAsService, settleNetwork } from './locked-writes';
import { fetchNetworkRules, saveNetworkSnapshots, type NetworkRules } from './network-rules';
import { NetworkLedger, type LiveRegistration } from './placement';

/**
 * Lets offers lapse and passes their seats on, and gives seats freed by grown capacity to the
 * waitlist: for every network with offers or a waitlist. Runs in one instance at a time (the
 * job lock), and each network under its own lock, so it is safe beside live requests. A first
 * pass reads the live registrations of up to 100 networks in one statement and asks the ledger in
 * memory; only networks where an offer lapsed or a seat can be offered take the lock, so a
 * thousand full waitlists cost a few statements a minute, not thousands.
 */
export async function processWaitlists(deps: ServiceDeps, onlyNetworkIds?: string[]): Promise<{ expired: number; networks: number; settled: number }> {
  const { ds, log } = deps;
  const ids = onlyNetworkIds ?? ((await ds.query(
    `SELECT DISTINCT network_id::text AS id FROM participants.registration
     WHERE status = 'WAITLISTED' OR (status = 'OFFERED' AND offer_expires_at < now())`)) as { id: string }[]).map((r) => r.id);
  let expired = 0;
  let settled = 0;
  for await (const rules of networkRulesInBatches(deps, ids)) {
    for (const r of await networksWithWaitlistWork(ds, rules)) {
      settled += 1;
      await asServiceUnderLock(ds, r.id, async (m, changes) => {
        expired += await cancelAsService(m, changes, r.id, "status = 'OFFERED' AND offer_expires_at < now()", [], 'Tilbudet gikk ut / offer expired', 'OFFER_EXPIRED');
        await settleNetwork(m, r, changes, settingsOf(deps).offerTtlHours);
      });
    }
  }
  if (settled) log.info({ networks: ids.length, settled, expired }, 'waitlists processed');
  return { expired, networks: ids.length, settled };
}

/**
 * Keeps this service in step with the networks it holds registrations for, in batches of 100:
 * refreshes their snapshots (hosts, programme, status, capacity) and cancels the live
 * registrations of a network that was cancelled, each with a change event (and so a webhook) like
 * any cancellation. Networks already finished here (cancelled, completed) are not asked again.
 */
export async function syncNetworks(deps: ServiceDeps, onlyNetworkIds?: string[]): Promise<{ networks: number; cancelled: number }> {
  const { ds, log } = deps;
  const ids = onlyNetworkIds ?? ((await ds.query(
    `SELECT network_id::text AS id FROM participants.network_snapshot WHERE status NOT IN ('CANCELLED', 'COMPLETED')`)) as { id: string }[]).map((r) => r.id);
  let cancelled = 0;
  for await (const rules of networkRulesInBatches(deps, ids)) {
    for (const r of rules.filter((n) => n.status === 'CANCELLED')) {
      await asServiceUnderLock(ds, r.id, async (m, changes) => {
        cancelled += await cancelAsService(m, changes, r.id, 'status = ANY($2)', [LIVE], 'Nettverket er avlyst / the network was cancelled', 'NETWORK_CANCELLED');
      });
    }
  }
  if (cancelled) log.info({ networks: ids.length, cancelled }, 'registrations of cancelled networks cancelled');
  return { networks: ids.length, cancelled };
}

/** The rules of networks from the networks service, a hundred per call, with this service's snapshots refreshed. */
async function* networkRulesInBatches(deps: ServiceDeps, ids: string[]): AsyncGenerator<NetworkRules[]> {
  for (let i = 0; i < ids.length; i += 100) {
    const rules = (await fetchNetworkRules(deps, ids.slice(i, i + 100))).filter((r): r is NetworkRules => r !== null);
    await saveNetworkSnapshots(deps.ds.manager, rules);
    yield rules;
  }
}

/** A job's change to one network: in a transaction under the network's lock, its changes logged as the service's. */
function asServiceUnderLock(ds: DataSource, networkId: string, work: (m: EntityManager, changes: ChangeLog) => Promise<void>): Promise<void> {
  return ds.transaction(async (m) => {
    await lockNetworks(m, [networkId]);
    const changes = new ChangeLog('service:participants');
    await work(m, changes);
    await changes.flush(m);
  });
}

/**
 * The networks of a batch where the job has work: an offer has lapsed, or the ledger, read
 * without the lock, would offer a seat. Under the lock the transaction reads again and decides.
 */
async function networksWithWaitlistWork(ds: DataSource, rules: NetworkRules[]): Promise<NetworkRules[]> {
  if (rules.length === 0) return [];
  const rows = (await ds.query(
    `SELECT id, network_id AS "networkId", person_id AS "personId", municipality_id AS "municipalityId", status,
            waitlist_position AS "waitlistPosition", (status = 'OFFERED' AND offer_expires_at < now()) AS lapsed
       FROM participants.registration WHERE network_id = ANY($1) AND status = ANY($2)`,
    [rules.map((r) => r.id), LIVE],
  )) as (LiveRegistration & { networkId: string; lapsed: boolean })[];
  const byNetwork = new Map<string, typeof rows>();
  for (const row of rows) byNetwork.set(row.networkId, [...(byNetwork.get(row.networkId) ?? []), row]);
  return rules.filter((r) => {
    const live = byNetwork.get(r.id) ?? [];
    return live.some((row) => row.lapsed) || new NetworkLedger(r, live).offerFreeSeats().length > 0;
  });
}
