import { DEMO } from '@kommunenett/reference-data';
import type { TestStack } from './testing';

/*
 * Fixtures every service's tests share, made through the graph as a client would (no test writes
 * into another service's tables).
 */

let counter = 0;
/** A new generated person (never a real one). */
export function newPerson(prefix = 'deltaker') {
  counter += 1;
  const n = `${Date.now().toString(36)}${counter}`;
  return { name: `Test Deltaker ${n}`, email: `${prefix}.${n}@example.org`, title: 'kommunalsjef' };
}

/**
 * A test network; what is not given is an open network of the anti-corruption programme hosted by TI
 * Norge and KS, for 30, at most 3 per municipality (never more than the capacity).
 */
export interface NetworkFixture {
  status?: 'DRAFT' | 'PUBLISHED' | 'REGISTRATION_CLOSED' | 'RUNNING' | 'COMPLETED' | 'CANCELLED';
  capacity?: number | null;
  perMunicipalityLimit?: number | null;
  perMunicipalityMin?: number | null;
  /** Registration opens on this instant's day in the network's time zone. */
  registrationOpensAt?: Date | null;
  /** Registration closes at the end of this instant's day in the network's time zone (a day past: the deadline has passed). */
  registrationDeadline?: Date | null;
  requiresApproval?: boolean;
  requiresLeadershipAnchoring?: boolean;
  eligibleKinds?: ('MUNICIPALITY' | 'COUNTY')[];
  hostIds?: string[];
  programId?: string | null;
  country?: 'NO' | 'SE';
}

const TRANSITIONS_TO: Record<NonNullable<NetworkFixture['status']>, string[]> = {
  DRAFT: [],
  PUBLISHED: ['publishNetwork'],
  REGISTRATION_CLOSED: ['publishNetwork', 'closeRegistration'],
  RUNNING: ['publishNetwork', 'closeRegistration', 'startNetwork'],
  COMPLETED: ['publishNetwork', 'closeRegistration', 'startNetwork', 'completeNetwork'],
  CANCELLED: ['cancelNetwork'],
};

const NETWORK = 'network { id version } userErrors { field message code }';
type NetworkPayload = { network: { id: string; version: number } | null; userErrors: { field: string[] | null; message: string; code: string }[] };

const localDate = (instant: Date, country: 'NO' | 'SE') =>
  new Intl.DateTimeFormat('en-CA', { timeZone: country === 'SE' ? 'Europe/Stockholm' : 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);

async function changeNetwork(stack: TestStack, mutation: string, inputType: string, input: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const data = await stack.ok<Record<string, NetworkPayload>>(
    `mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${NETWORK} } }`, { input }, await stack.token('ADMIN'));
  const payload = data[mutation];
  if (!payload.network) throw new Error(`${mutation} refused: ${JSON.stringify(payload.userErrors)}`);
  return payload.network;
}

async function versionOf(stack: TestStack, id: string): Promise<number> {
  const data = await stack.ok<{ network: { version: number } }>('query($id: ID!) { network(id: $id) { version } }', { id }, await stack.token('ADMIN'));
  return data.network.version;
}

/** Moves a network along its status machine, as its hosts would. */
async function moveTo(stack: TestStack, id: string, version: number, status: NonNullable<NetworkFixture['status']>): Promise<number> {
  for (const step of TRANSITIONS_TO[status]) {
    const input = { networkId: id, expectedVersion: version, ...(step === 'cancelNetwork' && { reason: 'Avlyst i testen.' }) };
    ({ version } = await changeNetwork(stack, step, step === 'cancelNetwork' ? 'CancelNetworkInput' : 'NetworkTransitionInput', input));
  }
  return version;
}

/** Creates a network through the networks service's mutations (as ADMIN) and returns its id. */
export async function createNetwork(stack: TestStack, f: NetworkFixture = {}): Promise<string> {
  const country = f.country ?? 'NO';
  const capacity = f.capacity === undefined ? 30 : f.capacity;
  // The networks service refuses a per-municipality limit above the capacity.
  const perMunicipalityLimit = f.perMunicipalityLimit === undefined ? Math.min(3, capacity ?? 3) : f.perMunicipalityLimit;
  const deadline = f.registrationDeadline === undefined ? new Date(Date.now() + 30 * 86_400_000) : f.registrationDeadline;
  const deadlinePassed = deadline !== null && deadline.getTime() < Date.now();
  const created = await changeNetwork(stack, 'createNetwork', 'CreateNetworkInput', {
    programId: f.programId === undefined ? DEMO.programs.antikorrupsjon2013 : f.programId, name: 'Testnettverk',
    theme: 'antikorrupsjon', country, language: country === 'SE' ? 'sv' : 'nb',
    hostIds: f.hostIds ?? ['ti-norge', 'ks'], eligibleKinds: f.eligibleKinds ?? ['MUNICIPALITY', 'COUNTY'],
    capacity, perMunicipalityLimit,
    perMunicipalityMin: f.perMunicipalityMin ?? null,
    registrationOpensOn: f.registrationOpensAt ? localDate(f.registrationOpensAt, country) : null,
    // A network is published before its deadline; a passed one is set afterwards.
    registrationDeadlineOn: deadline && !deadlinePassed ? localDate(deadline, country) : null,
    requiresApproval: f.requiresApproval ?? false, requiresLeadershipAnchoring: f.requiresLeadershipAnchoring ?? false,
  });
  const { id } = created;
  // Named after its id, as messages and pages show it (`Testnettverk 1a2b3c4d`).
  const named = await changeNetwork(stack, 'updateNetwork', 'UpdateNetworkInput', { id, expectedVersion: created.version, name: `Testnettverk ${id.slice(0, 8)}` });
  const version = await moveTo(stack, id, named.version, f.status ?? 'PUBLISHED');
  if (deadlinePassed) await changeNetwork(stack, 'updateNetwork', 'UpdateNetworkInput', { id, expectedVersion: version, registrationDeadlineOn: localDate(deadline, country) });
  return id;
}

/** Changes a test network through the networks service: its status along the status machine, its other fields with `updateNetwork`. */
export async function updateNetwork(stack: TestStack, id: string, { status, ...set }: Pick<NetworkFixture, 'status' | 'capacity' | 'perMunicipalityLimit' | 'requiresApproval'>): Promise<void> {
  let version = await versionOf(stack, id);
  if (Object.keys(set).length) ({ version } = await changeNetwork(stack, 'updateNetwork', 'UpdateNetworkInput', { id, expectedVersion: version, ...set }));
  if (status === 'CANCELLED') await moveTo(stack, id, version, 'CANCELLED');
  else if (status) throw new Error(`updateNetwork moves a test network to CANCELLED only, not ${status}.`);
}

/**
 * Runs `work` while every insert or update of `table` (e.g. `handbook.edition`) for which the SQL
 * condition `when` holds (over `NEW`) fails as a unique violation would: how a test makes a real
 * mutation fail after its first writes, to show that the runner's rollback leaves nothing behind.
 */
export async function withFailingWrite<T>(stack: TestStack, table: string, when: string, work: () => Promise<T>): Promise<T> {
  const [schema] = table.split('.');
  const ds = stack.subgraphs[schema].ds;
  await ds.query(`CREATE OR REPLACE FUNCTION ${schema}.failing_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF ${when} THEN RAISE unique_violation USING MESSAGE = 'failing write (test)'; END IF;
      RETURN NEW;
    END $$`);
  await ds.query(`CREATE TRIGGER failing_write BEFORE INSERT OR UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${schema}.failing_write()`);
  try {
    return await work();
  } finally {
    await ds.query(`DROP TRIGGER failing_write ON ${table}`);
    await ds.query(`DROP FUNCTION ${schema}.failing_write()`);
  }
}
