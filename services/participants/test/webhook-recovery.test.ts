import { createServer, type Server } from 'node:http';
import { createNetwork, newPerson, startTestStack, type TestStack } from '@kommunenett/stack/testing';
import { deliverWebhooks, signWebhook } from '../src/services/webhooks';
import { register } from './fixtures';

/** The partner's endpoint: answers with `answer` and keeps every event it was sent. */
const received: { body: string; signature: string; timestamp: string }[] = [];
let answer = { status: 500, body: 'database down' };
let server: Server;
let stack: TestStack;
let partner: string;
let networkId: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString(); });
    req.on('end', () => {
      received.push({ body, signature: String(req.headers['x-kommunenett-signature']), timestamp: String(req.headers['x-kommunenett-timestamp']) });
      res.writeHead(answer.status).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stack = await startTestStack({ env: { PARTICIPANTS_WEBHOOK_ALLOW_HTTP: 'true', PARTICIPANTS_WEBHOOK_ALLOW_PRIVATE: 'true', PARTICIPANTS_WEBHOOK_MAX_ATTEMPTS: '1' } });
  partner = await stack.token('PARTNER', { org: 'ks', client_id: 'ks-gjenoppretting', scope: 'registrations:read registrations:write webhooks:manage' });
  networkId = await createNetwork(stack, { hostIds: ['ks'] });
});
afterAll(async () => {
  await stack?.stop();
  await new Promise((resolve) => server.close(resolve));
});

const db = () => stack.subgraphs.participants.ds;
const SECRET_A = 'a'.repeat(40);
const SECRET_B = 'b'.repeat(40);
const DELIVERIES = '{ webhookSubscriptions { id deliveries(first: 50) { edges { node { id status attempts lastStatusCode lastResponseExcerpt } } } } }';
type Deliveries = { webhookSubscriptions: { id: string; deliveries: { edges: { node: { id: string; status: string; attempts: number; lastStatusCode: number | null; lastResponseExcerpt: string | null } }[] } }[] };
const deliveries = async () => (await stack.graphql<Deliveries>(DELIVERIES, { token: partner })).body.data!.webhookSubscriptions[0].deliveries.edges.map((e) => e.node);
const MUNICIPALITIES = ['NO-3201', 'NO-0301', 'NO-3203', 'NO-3205', 'NO-3301', 'NO-4601'];
let registered = 0;
async function registerOne(): Promise<void> {
  const result = await register(stack, partner, { networkId, municipalityId: MUNICIPALITIES[registered++], person: newPerson('webhook') });
  expect(result.payload!.registration!.status).toBe('CONFIRMED');
}
const signedWith = (secret: string, e: { body: string; signature: string; timestamp: string }) => e.signature.split(',').includes(signWebhook(secret, e.timestamp, e.body));

describe('webhooks a partner can recover', () => {
  it('shows the last answer, sends one delivery or all failed since again, and signs with both secrets while one rotates', async () => {
    const created = await stack.graphql<{ createWebhookSubscription: { subscription: { id: string } } }>(
      'mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { subscription { id } } }',
      { token: partner, variables: { input: { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`, secret: SECRET_A } } });
    const subscriptionId = created.body.data!.createWebhookSubscription.subscription.id;

    await registerOne();
    await deliverWebhooks(stack.subgraphs.participants);
    const [failed] = await deliveries();
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 1, lastStatusCode: 500, lastResponseExcerpt: 'database down' });

    const REDELIVER = 'mutation($input: RedeliverWebhookDeliveryInput!) { redeliverWebhookDelivery(input: $input) { delivery { id status } userErrors { code } } }';
    answer = { status: 200, body: 'ok' };
    const again = await stack.graphql<{ redeliverWebhookDelivery: unknown }>(REDELIVER, { token: partner, variables: { input: { id: failed.id } } });
    expect(again.body.data!.redeliverWebhookDelivery).toEqual({ delivery: { id: failed.id, status: 'PENDING' }, userErrors: [] });
    expect((await stack.graphql<{ redeliverWebhookDelivery: { userErrors: unknown } }>(REDELIVER, { token: partner, variables: { input: { id: failed.id } } }))
      .body.data!.redeliverWebhookDelivery.userErrors).toEqual([{ code: 'ALREADY_PENDING' }]);
    await deliverWebhooks(stack.subgraphs.participants);
    expect((await deliveries())[0]).toMatchObject({ status: 'DELIVERED', attempts: 1, lastStatusCode: 200, lastResponseExcerpt: 'ok' });
    expect(received).toHaveLength(2);
    expect(received[1].body).toBe(received[0].body);
    expect(signedWith(SECRET_A, received[1])).toBe(true);

    // Two more fail while the endpoint is down; one call sends both again.
    const since = new Date().toISOString();
    answer = { status: 503, body: 'maintenance' };
    await registerOne();
    await registerOne();
    await deliverWebhooks(stack.subgraphs.participants);
    expect((await deliveries()).filter((d) => d.status === 'FAILED')).toHaveLength(2);
    answer = { status: 200, body: 'ok' };
    const ALL = 'mutation($input: RedeliverFailedWebhookDeliveriesInput!) { redeliverFailedWebhookDeliveries(input: $input) { count userErrors { code } } }';
    expect((await stack.graphql(ALL, { token: partner, variables: { input: { subscriptionId, since } } })).body.data)
      .toEqual({ redeliverFailedWebhookDeliveries: { count: 2, userErrors: [] } });
    await deliverWebhooks(stack.subgraphs.participants);
    expect((await deliveries()).map((d) => d.status)).toEqual(['DELIVERED', 'DELIVERED', 'DELIVERED']);

    // Rotation: both secrets sign during the overlap, then only the new one.
    const ROTATE = 'mutation($input: RotateWebhookSecretInput!) { rotateWebhookSecret(input: $input) { subscription { id previousSecretExpiresAt } userErrors { field code } } }';
    const rotated = await stack.graphql<{ rotateWebhookSecret: { subscription: { previousSecretExpiresAt: string } } }>(ROTATE, { token: partner, variables: { input: { id: subscriptionId, secret: SECRET_B, overlapHours: 24 } } });
    expect(new Date(rotated.body.data!.rotateWebhookSecret.subscription.previousSecretExpiresAt).getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    await registerOne();
    await deliverWebhooks(stack.subgraphs.participants);
    const during = received[received.length - 1];
    expect([signedWith(SECRET_B, during), signedWith(SECRET_A, during)]).toEqual([true, true]);
    await db().query(`UPDATE participants.webhook_subscription SET previous_secret_expires_at = now() - interval '1 second' WHERE id = $1`, [subscriptionId]);
    await registerOne();
    await deliverWebhooks(stack.subgraphs.participants);
    const after = received[received.length - 1];
    expect([signedWith(SECRET_B, after), signedWith(SECRET_A, after)]).toEqual([true, false]);
  });

  it('refuses another client’s deliveries, malformed ids and short secrets, changing nothing', async () => {
    const other = await stack.token('PARTNER', { org: 'ks', client_id: 'ks-annen', scope: 'webhooks:manage' });
    const [delivery] = await deliveries();
    const subscriptionId = (await stack.graphql<Deliveries>(DELIVERIES, { token: partner })).body.data!.webhookSubscriptions[0].id;
    const REDELIVER = 'mutation($input: RedeliverWebhookDeliveryInput!) { redeliverWebhookDelivery(input: $input) { delivery { id } userErrors { code } } }';
    expect((await stack.graphql(REDELIVER, { token: other, variables: { input: { id: delivery.id } } })).body.data)
      .toEqual({ redeliverWebhookDelivery: { delivery: null, userErrors: [{ code: 'NOT_FOUND' }] } });
    expect((await stack.graphql(REDELIVER, { token: partner, variables: { input: { id: 'nope' } } })).body.data)
      .toEqual({ redeliverWebhookDelivery: { delivery: null, userErrors: [{ code: 'INVALID_ID' }] } });
    const ROTATE = 'mutation($input: RotateWebhookSecretInput!) { rotateWebhookSecret(input: $input) { subscription { id } userErrors { field code } } }';
    const short = await stack.graphql<{ rotateWebhookSecret: { subscription: null; userErrors: { field: string[] }[] } }>(ROTATE, { token: partner, variables: { input: { id: subscriptionId, secret: 'short', overlapHours: 1 } } });
    expect(short.body.data!.rotateWebhookSecret.subscription).toBeNull();
    expect(short.body.data!.rotateWebhookSecret.userErrors[0].field).toEqual(['input', 'secret']);
    expect((await stack.graphql(ROTATE, { token: other, variables: { input: { id: subscriptionId, secret: 'c'.repeat(40), overlapHours: 1 } } })).body.data)
      .toEqual({ rotateWebhookSecret: { subscription: null, userErrors: [{ field: ['input', 'id'], code: 'NOT_FOUND' }] } });
    const [{ secret }] = await db().query('SELECT secret FROM participants.webhook_subscription WHERE id = $1', [subscriptionId]);
    expect(secret).toBe(SECRET_B);
    expect((await deliveries()).map((d) => d.status)).toEqual(['DELIVERED', 'DELIVERED', 'DELIVERED', 'DELIVERED', 'DELIVERED']);
  });
});
