import { startTestStack, type TestStack } from '@kommunenett/stack/testing';
import { DEMO } from '@kommunenett/reference-data';

let stack: TestStack;
beforeAll(async () => { stack = await startTestStack(); });
afterAll(async () => { await stack?.stop(); });

it('serves the demo networks through the gateway', async () => {
  const res = await stack.graphql<{ networks: { totalCount: number } }>('{ networks(first: 3) { totalCount edges { node { name } } } }');
  expect(res.status).toBe(200);
  expect(res.body.errors).toBeUndefined();
  // The 14 historical networks of the source documents and the open round's 3.
  expect(res.body.data!.networks.totalCount).toBe(17);
});

it('joins networks, hosts and registrations across subgraphs', async () => {
  const res = await stack.graphql<{ network: { name: string; hosts: { shortName: string }[]; participantCount: number; municipalityCount: number } }>(
    'query($id: ID!) { network(id: $id) { name hosts { shortName } participantCount municipalityCount } }',
    { variables: { id: DEMO.networks.antikorrupsjonA } });
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data!.network).toEqual({ name: 'Antikorrupsjonsnettverk A', hosts: [{ shortName: 'TI Norge' }, { shortName: 'KS' }], participantCount: 24, municipalityCount: 10 });
});

it('finds municipalities without regard to case and diacritics', async () => {
  const res = await stack.graphql<{ municipalities: { edges: { node: { id: string; name: string } }[] } }>(
    '{ b: municipalities(search: "baerum") { edges { node { id name } } } }'.replace('b: ', ''));
  expect(res.body.data!.municipalities.edges.map((e) => e.node)).toEqual([{ id: 'NO-3201', name: 'Bærum' }]);
  const malmo = await stack.graphql<{ municipalities: { edges: { node: { id: string } }[] } }>('{ municipalities(search: "MALMO") { edges { node { id } } } }');
  expect(malmo.body.data!.municipalities.edges.map((e) => e.node.id)).toEqual(['SE-1280']);
});
