import type { ServiceDeps } from '@kommunenett/subgraph-kit';
import { settingsOf } from '../config';
import { Registration } from '../entities/registration.entity';
import { RegistrationStatus } from '../entities/enums';
import { ChangeLog } from './changes';
import { fetchNetworkRules, networksClient } from './network-rules';
import { readOfferToken } from './signed-links';
import { setStatus, settleNetwork } from './locked-writes';
import { lockNetworks } from './locks';

/**
 * Answering a seat offer through the link in the offer message, without an account: the signed
 * token is the authority, valid for one offer until its deadline.
 */

export type OfferState = 'OPEN' | 'ACCEPTED' | 'PENDING_APPROVAL' | 'DECLINED' | 'EXPIRED' | 'ANSWERED' | 'INVALID';

export interface OfferView {
  state: OfferState;
  networkName?: string;
  language?: string;
  timeZone?: string;
  offerExpiresAt?: Date;
}

interface OfferNetwork {
  id: string;
  name: string;
  language: string;
  timeZone: string;
}

/** The person acting through the link: logged like a participant acting for themselves. */
const LINK_ACTOR = 'offer-link';

/** What the link leads to now, and the network facts the page shows. */
export async function viewOffer(deps: ServiceDeps, token: string): Promise<OfferView> {
  const { ds } = deps;
  const offer = readOfferToken(deps, token);
  if (!offer) return { state: 'INVALID' };
  const reg = await ds.getRepository(Registration).findOneBy({ id: offer.registrationId });
  if (!reg) return { state: 'INVALID' };
  const [network] = await networksClient(deps).entities<OfferNetwork>('Network', [reg.networkId], 'id name language timeZone');
  if (!network) return { state: 'INVALID' };
  const facts = { networkName: network.name, language: network.language, timeZone: network.timeZone, offerExpiresAt: offer.offerExpiresAt };
  return { ...facts, state: stateOf(reg, offer.offerExpiresAt) };
}

function stateOf(reg: Registration, offerExpiresAt: Date): OfferState {
  const thisOffer = reg.status === RegistrationStatus.OFFERED && reg.offerExpiresAt?.getTime() === offerExpiresAt.getTime();
  const past = offerExpiresAt.getTime() <= Date.now();
  if (thisOffer) return past ? 'EXPIRED' : 'OPEN';
  // Lapsed unanswered (cancelled by the waitlist job), or answered: accepted or declined.
  return past && reg.status === RegistrationStatus.CANCELLED && reg.decidedBy !== LINK_ACTOR ? 'EXPIRED' : 'ANSWERED';
}

/**
 * Accepts (CONFIRMED, or PENDING where the network approves registrations) or declines (CANCELLED,
 * the seat offered to the next in line) under the network's lock; a second answer, or one after
 * the deadline, changes nothing and says why.
 */
export async function answerOffer(deps: ServiceDeps, token: string, accept: boolean): Promise<OfferView> {
  const { ds } = deps;
  const view = await viewOffer(deps, token);
  if (view.state !== 'OPEN') return view;
  const offer = readOfferToken(deps, token)!;
  const reg = await ds.getRepository(Registration).findOneByOrFail({ id: offer.registrationId });
  const [rules] = await fetchNetworkRules(deps, [reg.networkId]);
  const state = await ds.transaction(async (m): Promise<OfferState> => {
    await lockNetworks(m, [reg.networkId]);
    const current = await m.getRepository(Registration).findOneByOrFail({ id: reg.id });
    const now = stateOf(current, offer.offerExpiresAt);
    if (now !== 'OPEN') return now;
    const changes = new ChangeLog(LINK_ACTOR, 'PARTICIPANT', { client: LINK_ACTOR });
    let answered: OfferState;
    if (accept) {
      const approval = rules?.requiresApproval ?? false;
      await setStatus(m, changes, current, approval ? RegistrationStatus.PENDING : RegistrationStatus.CONFIRMED, { decidedBy: LINK_ACTOR });
      answered = approval ? 'PENDING_APPROVAL' : 'ACCEPTED';
    } else {
      await setStatus(m, changes, current, RegistrationStatus.CANCELLED, { reason: 'Takket nei til tilbudet / declined the offer', decidedBy: LINK_ACTOR });
      if (rules) await settleNetwork(m, rules, changes, settingsOf(deps).offerTtlHours);
      answered = 'DECLINED';
    }
    await changes.flush(m);
    return answered;
  });
  return { ...view, state };
}
