import { randomUUID } from 'node:crypto';
import type { TestStack } from '@kommunenett/stack/testing';
import { DEMO } from '@kommunenett/reference-data';

/**
 * Test networks, written straight into the networks service's table: the networks subgraph has
 * no mutation for them in this branch. Columns not given take the values of an open network of
 * the anti-corruption programme hosted by TI Norge and KS.
 */
export interface NetworkFixture {
  id?: string;
  status?: 'DRAFT' | 'PUBLISHED' | 'REGISTRATION_CLOSED' | 'RUNNING' | 'COMPLETED' | 'CANCELLED';
  capacity?: number | null;
  perMunicipalityLimit?: number | null;
  perMunicipalityMin?: number | null;
  registrationOpensAt?: Date | null;
  registrationDeadline?: Date | null;
  requiresApproval?: boolean;
  requiresLeadershipAnchoring?: boolean;
  eligibleKinds?: ('MUNICIPALITY' | 'COUNTY')[];
  hostIds?: string[];
  programId?: string | null;
  country?: 'NO' | 'SE';
}

export async function createNetwork(stack: TestStack, f: NetworkFixture = {}): Promise<string> {
  const id = f.id ?? randomUUID();
  await stack.subgraphs.networks.ds.getRepository('Network').insert({
    id, programId: f.programId === undefined ? DEMO.programs.antikorrupsjon2013 : f.programId, name: `Testnettverk ${id.slice(0, 8)}`,
    description: null, theme: 'antikorrupsjon', country: f.country ?? 'NO', language: f.country === 'SE' ? 'sv' : 'nb', status: f.status ?? 'PUBLISHED',
    hostIds: f.hostIds ?? ['ti-norge', 'ks'], contactPersonIds: [], targetRoles: [], eligibleKinds: f.eligibleKinds ?? ['MUNICIPALITY', 'COUNTY'],
    capacity: f.capacity === undefined ? 30 : f.capacity, capacityMin: null,
    perMunicipalityLimit: f.perMunicipalityLimit === undefined ? 3 : f.perMunicipalityLimit,
    perMunicipalityMin: f.perMunicipalityMin === undefined ? null : f.perMunicipalityMin,
    registrationOpensAt: f.registrationOpensAt ?? null,
    registrationDeadline: f.registrationDeadline === undefined ? new Date(Date.now() + 30 * 86_400_000) : f.registrationDeadline,
    requiresApproval: f.requiresApproval ?? false, requiresLeadershipAnchoring: f.requiresLeadershipAnchoring ?? false,
    costNote: null, timeZone: f.country === 'SE' ? 'Europe/Stockholm' : 'Europe/Oslo', cancellationReason: null,
  });
  return id;
}

export async function updateNetwork(stack: TestStack, id: string, set: NetworkFixture): Promise<void> {
  await stack.subgraphs.networks.ds.getRepository('Network').update({ id }, set);
}

let counter = 0;
/** A new generated person (never a real one). */
export function newPerson(prefix = 'deltaker') {
  counter += 1;
  const n = `${Date.now().toString(36)}${counter}`;
  return { name: `Test Deltaker ${n}`, email: `${prefix}.${n}@example.org`, title: 'kommunalsjef' };
}

export const REGISTER = `mutation($input: RegisterParticipantInput!) {
  registerParticipant(input: $input) {
    registration { id status waitlistPosition offerExpiresAt registeredByRole clientId externalRef version person { id name } municipality { id } }
    userErrors { field message code }
  }
}`;

export interface RegisterResult {
  registerParticipant: {
    registration: { id: string; status: string; waitlistPosition: number | null; offerExpiresAt: string | null; registeredByRole: string | null; clientId: string | null; externalRef: string | null; version: number; person: { id: string; name: string } | null; municipality: { id: string } } | null;
    userErrors: { field: string[] | null; message: string; code: string }[];
  };
}

export async function register(stack: TestStack, token: string, input: Record<string, unknown>) {
  const res = await stack.graphql<RegisterResult>(REGISTER, { token, variables: { input } });
  if (res.body.errors) return { errors: res.body.errors, payload: null };
  return { errors: null, payload: res.body.data!.registerParticipant };
}
