import type { TestStack } from '@kommunenett/stack/testing';

/* The participants service's own test helpers; networks and people come from the test stack's fixtures. */

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
