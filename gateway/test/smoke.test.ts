import { startTestStack, type TestStack } from '@kommunenett/stack/testing';

let stack: TestStack;
beforeAll(async () => { stack = await startTestStack(); });
afterAll(async () => { await stack?.stop(); });

it('serves the demo networks through the gateway', async () => {
  const res = await stack.graphql<{ networks: { totalCount: number; edges: { node: { name: string; sessions: { plannedMonth: string | null }[] } }[] } }>(
    '{ networks(first: 3) { totalCount edges { node { name sessions { plannedMonth startsAt } } } } }');
  expect(res.status).toBe(200);
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data!.networks.totalCount).toBe(14);
});
