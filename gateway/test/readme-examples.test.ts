import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO } from '@kommunenett/reference-data';
import type { Role } from '@kommunenett/auth';
import { startTestStack, type TestStack } from '@kommunenett/stack/testing';

/** The README's examples: each fenced GraphQL block, with the role named in the paragraph above it. */
function readmeExamples(): { role: Role | null; query: string }[] {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Example queries'), readme.indexOf('## Data and credits'));
  const examples: { role: Role | null; query: string }[] = [];
  let role: Role | null = null;
  const blocks = [...section.matchAll(/\*\*([A-Z_]+|Anonymous)\*\*|```graphql\n([\s\S]*?)```|`(\{ [^`]+\})`/g)];
  for (const m of blocks) {
    if (m[1]) role = m[1] === 'Anonymous' ? null : (m[1] as Role);
    else examples.push({ role, query: (m[2] ?? m[3]).trim() });
  }
  return examples;
}

let stack: TestStack;
beforeAll(async () => { stack = await startTestStack(); });
afterAll(async () => { await stack?.stop(); });

describe('README examples', () => {
  const examples = readmeExamples();

  it('finds an example for anonymous callers and every role', () => {
    expect(new Set(examples.map((e) => e.role))).toEqual(new Set([null, 'ORG_ADMIN', 'FACILITATOR', 'COORDINATOR', 'ANALYST', 'PARTICIPANT', 'ADMIN']));
  });

  it.each(examples.map((e, i) => [i + 1, e.role ?? 'anonymous', e] as const))('example %i (%s) runs without errors', async (_n, _role, example) => {
    const claims = {
      FACILITATOR: { networks: [DEMO.networks.antikorrupsjonA], person: DEMO.people.tiFacilitator },
      COORDINATOR: { municipality: 'NO-3201', person: DEMO.people.baerumCoordinator },
      PARTICIPANT: { person: DEMO.people.baerumCoordinator },
      ORG_ADMIN: { org: 'ks' }, ANALYST: { org: 'ks' },
    } as Record<string, object>;
    const token = example.role ? await stack.token(example.role, claims[example.role] ?? {}) : undefined;
    const variables = { id: DEMO.networks.antikorrupsjonA, networkId: DEMO.networks.antikorrupsjonA, sessionId: DEMO.sessions.antikorrupsjonA1 };
    const used = Object.fromEntries(Object.entries(variables).filter(([k]) => example.query.includes(`$${k}`)));
    const res = await stack.graphql(example.query, { token, variables: used });
    expect(res.body.errors).toBeUndefined();
    expect(res.status).toBe(200);
  });
});
