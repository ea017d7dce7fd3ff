import { z } from 'zod';

export const ROLES = ['ADMIN', 'ORG_ADMIN', 'FACILITATOR', 'COORDINATOR', 'ANALYST', 'PARTNER', 'PARTICIPANT'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who is asking, as the subgraphs see it: the verified claims of the caller's token, or an
 * anonymous viewer, or another service acting with the internal credentials.
 */
export interface Viewer {
  kind: 'anonymous' | 'user' | 'service';
  /** Token subject: a person id, a partner client id or `service:<name>`. */
  subject: string | null;
  role: Role | null;
  organizationId: string | null;
  municipalityId: string | null;
  networkIds: string[];
  personId: string | null;
  scopes: string[];
  clientId: string | null;
}

export const ANONYMOUS: Viewer = Object.freeze({
  kind: 'anonymous', subject: null, role: null, organizationId: null, municipalityId: null,
  networkIds: [], personId: null, scopes: [], clientId: null,
}) as Viewer;

export function serviceViewer(service: string): Viewer {
  return { ...ANONYMOUS, kind: 'service', subject: `service:${service}`, networkIds: [], scopes: [] };
}

/** The claims a bearer token carries, checked before they become a Viewer. */
export const tokenClaimsSchema = z.object({
  sub: z.string().min(1).max(200),
  role: z.enum(ROLES),
  org: z.string().max(100).optional(),
  municipality: z.string().regex(/^(NO|SE)-(\d{4}|\d{2})$/).optional(),
  networks: z.array(z.string().max(100)).max(200).optional(),
  person: z.string().max(100).optional(),
  scope: z.string().max(2000).optional(),
  client_id: z.string().max(200).optional(),
});
export type TokenClaims = z.infer<typeof tokenClaimsSchema>;

export function viewerFromClaims(claims: TokenClaims): Viewer {
  return {
    kind: 'user',
    subject: claims.sub,
    role: claims.role,
    organizationId: claims.org ?? null,
    municipalityId: claims.municipality ?? null,
    networkIds: claims.networks ?? [],
    personId: claims.person ?? (claims.role === 'PARTICIPANT' ? claims.sub : null),
    scopes: claims.scope ? claims.scope.split(' ').filter(Boolean) : [],
    clientId: claims.client_id ?? (claims.role === 'PARTNER' ? claims.sub : null),
  };
}

/** Scopes a PARTNER client may be given. */
export const PARTNER_SCOPES = ['registrations:read', 'registrations:write', 'webhooks:manage'] as const;
