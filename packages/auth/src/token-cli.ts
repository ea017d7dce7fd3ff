/**
 * Prints a development token: `npm run token -- --role ORG_ADMIN --org ks` (or `pnpm run token …`).
 * Signed with the development key under `.data/dev-keys/` (created on first use).
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { DEMO } from '@kommunenett/reference-data';
import { loadOrCreateDevKeys } from './keys';
import { DEV_TOKEN_SETTINGS, signToken } from './tokens';
import { ROLES, tokenClaimsSchema, type Role, type TokenClaims } from './viewer';

const USAGE = `Usage: npm run token -- --role ROLE [--org ID] [--municipality NO-0301] [--network ID ...]
                                [--person ID] [--scope "registrations:write ..."] [--sub SUBJECT] [--expires 8h]
Roles: ${ROLES.join(', ')}
Defaults fill in the demo data: ORG_ADMIN/ANALYST/PARTNER of ks, COORDINATOR of Bærum (NO-3201),
FACILITATOR of anti-corruption network A, PARTICIPANT as a demo person.`;

/** Claims a development token gets when the command line leaves them out. */
export function defaultClaims(role: Role): Partial<TokenClaims> {
  switch (role) {
    case 'ADMIN': return { sub: 'dev-admin' };
    case 'ORG_ADMIN': return { sub: 'dev-org-admin', org: 'ks' };
    case 'ANALYST': return { sub: 'dev-analyst', org: 'ks' };
    case 'FACILITATOR': return { sub: DEMO.people.tiFacilitator, person: DEMO.people.tiFacilitator, networks: [DEMO.networks.antikorrupsjonA], org: 'ti-norge' };
    case 'COORDINATOR': return { sub: DEMO.people.baerumCoordinator, person: DEMO.people.baerumCoordinator, municipality: 'NO-3201' };
    case 'PARTNER': return { sub: 'partner-ks-medlemsregister', org: 'ks', scope: 'registrations:read registrations:write webhooks:manage' };
    case 'PARTICIPANT': return { sub: DEMO.people.baerumCoordinator, person: DEMO.people.baerumCoordinator };
  }
}

/**
 * The claims a command line asks for (`--role ORG_ADMIN --org ks`), defaults filled in; an error
 * message for a missing or unknown role or invalid claims. Documentation examples name their
 * role with the same arguments.
 */
export function claimsFromArgs(args: string[]): { claims: TokenClaims; expires: string } | { error: string; help: boolean } {
  const { values } = parseArgs({
    args,
    options: {
      role: { type: 'string' }, org: { type: 'string' }, municipality: { type: 'string' },
      network: { type: 'string', multiple: true }, person: { type: 'string' }, scope: { type: 'string' },
      sub: { type: 'string' }, expires: { type: 'string', default: '8h' }, help: { type: 'boolean' },
    },
  });
  const role = values.role?.toUpperCase() as Role | undefined;
  if (values.help || !role || !ROLES.includes(role)) return { error: USAGE, help: !!values.help };
  const claims = tokenClaimsSchema.safeParse({
    ...defaultClaims(role),
    role,
    ...(values.sub && { sub: values.sub }),
    ...(values.org && { org: values.org }),
    ...(values.municipality && { municipality: values.municipality }),
    ...(values.network && { networks: values.network }),
    ...(values.person && { person: values.person }),
    ...(values.scope && { scope: values.scope }),
  });
  if (!claims.success) return { error: `Invalid claims: ${claims.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, help: false };
  return { claims: claims.data, expires: values.expires ?? '8h' };
}

async function main(): Promise<void> {
  // `pnpm run token -- --role …` hands the `--` on to the script; npm does not.
  const args = process.argv.slice(2);
  const parsed = claimsFromArgs(args[0] === '--' ? args.slice(1) : args);
  if ('error' in parsed) {
    console.error(parsed.error);
    process.exit(parsed.help ? 0 : 2);
  }
  const keys = await loadOrCreateDevKeys(resolve(process.env.DATA_DIR ?? '.data'));
  console.log(await signToken(parsed.claims, keys, DEV_TOKEN_SETTINGS, parsed.expires));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
