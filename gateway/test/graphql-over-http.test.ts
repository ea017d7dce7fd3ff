import { auditServer, type AuditResult } from 'graphql-http';
import { startTestStack, type TestStack } from '@kommunenett/stack/testing';

/**
 * The GraphQL-over-HTTP audit suite of `graphql-http` against the gateway. The audits query
 * `__type(name: …)`, which is introspection: the stack runs with introspection on, as in
 * development (with it off, as in production, exactly those audits are refused as introspection).
 */
let stack: TestStack;
let results: AuditResult[];
beforeAll(async () => {
  stack = await startTestStack();
  results = await auditServer({ url: stack.gatewayUrl });
}, 240_000);
afterAll(async () => { await stack?.stop(); });

/** Recommendations (SHOULD) the gateway does not follow, on purpose. */
const SHOULD_REFUSED: Record<string, string> = {
  '572B': 'A document that does not parse is answered 400 GRAPHQL_PARSE_FAILED whatever the Accept header: '
    + 'clients, proxies and monitoring see a request that cannot run as failed (Apollo Server; docs/security.md).',
  FDE2: 'A document that fails validation (including the query limits) is answered 400 with its code, for the same reason.',
  '7B9B': 'Variables that cannot be coerced are answered 400 BAD_USER_INPUT, for the same reason.',
};

/** Permissions (MAY) the gateway does not take, on purpose. */
const MAY_REFUSED: Record<string, string> = {
  '5A70': 'A GET without a JSON Accept and without a CSRF preflight header is refused by CSRF prevention.',
  D6D5: 'A GET without a CSRF preflight header (`apollo-require-preflight` or `x-apollo-operation-name`) is refused by CSRF prevention.',
  '6A70': 'A GET without a CSRF preflight header is refused by CSRF prevention.',
};

const failing = (level: 'MUST' | 'SHOULD' | 'MAY') => results.filter((r) => r.name.startsWith(`${level} `) && r.status !== 'ok');
const describeResult = (r: AuditResult) => `${r.id} ${r.name}${'reason' in r ? `: ${r.reason}` : ''}`;

describe('GraphQL over HTTP (graphql-http audit)', () => {
  it('ran the audits', () => {
    expect(results.filter((r) => r.name.startsWith('MUST ')).length).toBeGreaterThan(10);
  });

  it('passes every MUST', () => {
    expect(failing('MUST').map(describeResult)).toEqual([]);
  });

  it('passes every SHOULD except the ones refused on purpose', () => {
    expect(failing('SHOULD').map((r) => r.id).sort()).toEqual(Object.keys(SHOULD_REFUSED).sort());
  });

  it('refuses only the MAYs named, for CSRF prevention', () => {
    expect(failing('MAY').map((r) => r.id).sort()).toEqual(Object.keys(MAY_REFUSED).sort());
  });
});
