import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import { createNetwork, newPerson, startTestStack, type TestStack } from '@kommunenett/stack/testing';
import { DEMO } from '@kommunenett/reference-data';
import { deliverWebhooks, signWebhook } from '../src/services/webhooks';
import { isPublicAddress, privateTargetOf } from '../src/services/outbound';
import { register } from './fixtures';
import { settingsOf } from '../src/config';

let stack: TestStack;
let partner: string;
let otherPartner: string;
let networkId: string;
beforeAll(async () => {
  // The test's endpoint listens on loopback; one test below turns this off to see it refused.
  stack = await startTestStack({ env: { PARTICIPANTS_WEBHOOK_ALLOW_HTTP: 'true', PARTICIPANTS_WEBHOOK_ALLOW_PRIVATE: 'true' } });
  partner = await stack.token('PARTNER', { org: 'ks', client_id: 'ks-medlemsregister', scope: 'registrations:read registrations:write webhooks:manage' });
  otherPartner = await stack.token('PARTNER', { org: 'ks', client_id: 'kommune-hr', scope: 'registrations:read registrations:write' });
  networkId = await createNetwork(stack, { hostIds: ['ks'], capacity: 40, perMunicipalityLimit: 5 });
}, 180_000);
afterAll(async () => { await stack?.stop(); });

const participants = () => stack.subgraphs.participants;
const db = () => participants().ds;
/** The running service's settings: a test that changes one changes it here, for this stack only. */
const settings = () => settingsOf(participants());
const countRegistrations = async (where = 'true', params: unknown[] = []) =>
  ((await db().query(`SELECT count(*)::int AS n FROM participants.registration WHERE ${where}`, params)) as { n: number }[])[0].n;

describe('idempotent retries', () => {
  it('returns the first result for the same key and input, refuses the key with another input, and creates one registration under concurrent retries', async () => {
    const input = { networkId, municipalityId: 'NO-1103', person: newPerson(), idempotencyKey: 'reg-2013-0001', externalRef: 'M-0001' };
    const first = await register(stack, partner, input);
    expect(first.payload!.registration).toMatchObject({ status: 'CONFIRMED', clientId: 'ks-medlemsregister', externalRef: 'M-0001', registeredByRole: 'PARTNER' });
    const retry = await register(stack, partner, input);
    expect(retry.payload!.registration!.id).toBe(first.payload!.registration!.id);
    const changed = await register(stack, partner, { ...input, municipalityId: 'NO-1106' });
    expect(changed.payload).toEqual({ registration: null, userErrors: [expect.objectContaining({ field: ['input', 'idempotencyKey'], code: 'IDEMPOTENCY_KEY_REUSED' })] });
    // The key belongs to the client: another client's same key is a new request.
    const elsewhere = await register(stack, otherPartner, { ...input, person: newPerson() });
    expect(elsewhere.payload!.registration!.id).not.toBe(first.payload!.registration!.id);

    const burst = { networkId, municipalityId: 'NO-1106', person: newPerson(), idempotencyKey: 'reg-2013-0002' };
    const results = await Promise.all(Array.from({ length: 8 }, () => register(stack, partner, burst)));
    expect(new Set(results.map((r) => r.payload!.registration!.id)).size).toBe(1);
    expect(await countRegistrations('network_id = $1 AND municipality_id = $2', [networkId, 'NO-1106'])).toBe(1);
  });
});

describe('externalRef and the partner’s registrations', () => {
  it('finds, updates, moves and cancels a registration by the partner’s own reference', async () => {
    const input = { networkId, municipalityId: 'NO-4204', person: newPerson(), externalRef: 'HR-77', leadershipAnchoring: 'Rådmannens ledergruppe 3. mai' };
    const created = (await register(stack, partner, input)).payload!.registration!;
    expect((await register(stack, partner, { ...input, person: newPerson() })).payload!.userErrors.map((e) => e.code)).toEqual(['EXTERNAL_REF_TAKEN']);
    const FIND = 'query($ref: String!) { registrations(filter: { externalRef: $ref }) { totalCount edges { node { id status externalRef } } } }';
    const mine = await stack.graphql<{ registrations: { totalCount: number; edges: { node: { id: string } }[] } }>(FIND, { token: partner, variables: { ref: 'HR-77' } });
    expect(mine.body.data!.registrations.edges.map((e) => e.node.id)).toEqual([created.id]);
    const theirs = await stack.graphql<{ registrations: { totalCount: number } }>(FIND, { token: otherPartner, variables: { ref: 'HR-77' } });
    expect(theirs.body.data!.registrations.totalCount).toBe(0);

    const UPDATE = 'mutation($input: UpdateRegistrationInput!) { updateRegistration(input: $input) { registration { note version } userErrors { code } } }';
    const updated = await stack.graphql<{ updateRegistration: { registration: { note: string; version: number }; userErrors: unknown[] } }>(UPDATE, { token: partner, variables: { input: { registrationId: created.id, expectedVersion: created.version, note: 'Vegetar' } } });
    expect(updated.body.data!.updateRegistration).toEqual({ registration: { note: 'Vegetar', version: created.version + 1 }, userErrors: [] });
    const stale = await stack.graphql<{ updateRegistration: { userErrors: { code: string }[] } }>(UPDATE, { token: partner, variables: { input: { registrationId: created.id, expectedVersion: created.version, note: 'Glutenfri' } } });
    expect(stale.body.data!.updateRegistration.userErrors).toEqual([{ code: 'STALE_VERSION' }]);

    const MOVE = 'mutation($input: MoveRegistrationInput!) { moveRegistration(input: $input) { registration { status network { id } } userErrors { code } } }';
    const sibling = await createNetwork(stack, { hostIds: ['ks'] });
    const moved = await stack.graphql<{ moveRegistration: { registration: { status: string; network: { id: string } }; userErrors: unknown[] } }>(MOVE, { token: partner, variables: { input: { registrationId: created.id, toNetworkId: sibling } } });
    expect(moved.body.data!.moveRegistration).toEqual({ registration: { status: 'CONFIRMED', network: { id: sibling } }, userErrors: [] });
    const otherProgram = await createNetwork(stack, { hostIds: ['ks'], programId: DEMO.programs.saman2013 });
    const refused = await stack.graphql<{ moveRegistration: { userErrors: { code: string }[] } }>(MOVE, { token: partner, variables: { input: { registrationId: created.id, toNetworkId: otherProgram } } });
    expect(refused.body.data!.moveRegistration.userErrors).toEqual([{ code: 'DIFFERENT_PROGRAM' }]);

    const CANCEL = 'mutation($input: CancelRegistrationInput!) { cancelRegistration(input: $input) { registration { status statusReason } userErrors { code } } }';
    const cancelled = await stack.graphql<{ cancelRegistration: { registration: { status: string }; userErrors: unknown[] } }>(CANCEL, { token: partner, variables: { input: { externalRef: 'HR-77', reason: 'Sluttet', idempotencyKey: 'cancel-HR-77' } } });
    expect(cancelled.body.data!.cancelRegistration).toEqual({ registration: { status: 'CANCELLED', statusReason: 'Sluttet' }, userErrors: [] });
    const retried = await stack.graphql<{ cancelRegistration: { registration: { status: string }; userErrors: unknown[] } }>(CANCEL, { token: partner, variables: { input: { externalRef: 'HR-77', reason: 'Sluttet', idempotencyKey: 'cancel-HR-77' } } });
    expect(retried.body.data!.cancelRegistration.userErrors).toEqual([]);
    const twice = await stack.graphql<{ cancelRegistration: { userErrors: { code: string }[] } }>(CANCEL, { token: partner, variables: { input: { externalRef: 'HR-77' } } });
    expect(twice.body.data!.cancelRegistration.userErrors).toEqual([{ code: 'ALREADY_CANCELLED' }]);
  });
});

describe('the same externalRef sent concurrently into different networks', () => {
  it('registers it once and answers every other request EXTERNAL_REF_TAKEN, never an internal error', async () => {
    // Each network has its own lock, so only the unique index can decide the race (on PostgreSQL
    // the requests run at the same time; the embedded database runs them one after another).
    const networks = await Promise.all(Array.from({ length: 6 }, () => createNetwork(stack, { hostIds: ['ks'], capacity: 40 })));
    for (const round of [1, 2, 3]) {
      const ref = `RACE-${round}`;
      const results = await Promise.all(networks.map((id) => register(stack, partner, { networkId: id, municipalityId: 'NO-3201', person: newPerson(), externalRef: ref })));
      expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
      expect(results.filter((r) => r.payload!.registration).length).toBe(1);
      const refused = results.filter((r) => !r.payload!.registration).map((r) => r.payload!.userErrors);
      expect(refused).toEqual(Array.from({ length: 5 }, () => [expect.objectContaining({ field: ['input', 'externalRef'], code: 'EXTERNAL_REF_TAKEN' })]));
      expect(await countRegistrations('client_id = $1 AND external_ref = $2', ['ks-medlemsregister', ref])).toBe(1);
    }
  });
});

describe('the change feed', () => {
  const FEED = 'query($since: String, $first: Int) { registrationChanges(since: $since, first: $first) { cursor hasMore changes { cursor kind status previousStatus network { id } registration { id } } } }';
  type Feed = { registrationChanges: { cursor: string; hasMore: boolean; changes: { cursor: string; kind: string; status: string; previousStatus: string | null; registration: { id: string } | null }[] } };

  it('gives every change the partner may see, in order, from a cursor, page by page', async () => {
    const start = await stack.graphql<Feed>(FEED, { token: partner, variables: { first: 100 } });
    let cursor = start.body.data!.registrationChanges.cursor;
    // Drain what came before this test.
    for (let page = start.body.data!.registrationChanges; page.hasMore;) {
      page = (await stack.graphql<Feed>(FEED, { token: partner, variables: { since: cursor, first: 100 } })).body.data!.registrationChanges;
      cursor = page.cursor;
    }
    const a = (await register(stack, partner, { networkId, municipalityId: 'NO-4203', person: newPerson() })).payload!.registration!;
    const b = (await register(stack, partner, { networkId, municipalityId: 'NO-4203', person: newPerson() })).payload!.registration!;
    await stack.graphql('mutation($id: ID!) { cancelRegistration(input: { registrationId: $id }) { userErrors { code } } }', { token: partner, variables: { id: a.id } });
    const first = (await stack.graphql<Feed>(FEED, { token: partner, variables: { since: cursor, first: 2 } })).body.data!.registrationChanges;
    expect(first.changes.map((c) => [c.registration!.id, c.kind, c.status])).toEqual([[a.id, 'CREATED', 'CONFIRMED'], [b.id, 'CREATED', 'CONFIRMED']]);
    expect(first.hasMore).toBe(true);
    const second = (await stack.graphql<Feed>(FEED, { token: partner, variables: { since: first.cursor } })).body.data!.registrationChanges;
    expect(second.changes.map((c) => [c.registration!.id, c.kind, c.status, c.previousStatus])).toEqual([[a.id, 'STATUS_CHANGED', 'CANCELLED', 'CONFIRMED']]);
    expect(second.hasMore).toBe(false);
    const idle = (await stack.graphql<Feed>(FEED, { token: partner, variables: { since: second.cursor } })).body.data!.registrationChanges;
    expect(idle).toEqual({ cursor: second.cursor, hasMore: false, changes: [] });
    // A coordinator elsewhere sees none of these; a bad cursor is a clear error.
    const oslo = await stack.token('COORDINATOR', { municipality: 'NO-0301' });
    const theirs = (await stack.graphql<Feed>(FEED, { token: oslo, variables: { since: cursor } })).body.data!.registrationChanges;
    expect(theirs.changes).toEqual([]);
    const bad = await stack.graphql(FEED, { token: partner, variables: { since: 'not-a-cursor' } });
    expect(bad.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('signed webhooks from the outbox', () => {
  let server: Server;
  let url: string;
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];
  let failNext = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        if (failNext > 0) {
          failNext -= 1;
          res.writeHead(503).end();
          return;
        }
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/kommunenett`;
  });
  afterAll(async () => { await new Promise((resolve) => server.close(resolve)); });

  const SUBSCRIBE = 'mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { subscription { id url active } userErrors { field code } } }';
  const secret = 'hemmelig-nøkkel-som-er-lang-nok-1234567890';

  it('signs one thin event per change, retries a failing endpoint with backoff and records each attempt', async () => {
    const bad = await stack.graphql<{ createWebhookSubscription: { userErrors: { code: string }[] } }>(SUBSCRIBE, { token: partner, variables: { input: { url, secret: 'kort' } } });
    expect(bad.body.data!.createWebhookSubscription.userErrors.map((e) => e.code)).toEqual(['TOO_SHORT']);
    const noScope = await stack.graphql(SUBSCRIBE, { token: otherPartner, variables: { input: { url, secret } } });
    expect(noScope.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    const created = await stack.graphql<{ createWebhookSubscription: { subscription: { id: string; active: boolean } } }>(SUBSCRIBE, { token: partner, variables: { input: { url, secret } } });
    const subscriptionId = created.body.data!.createWebhookSubscription.subscription.id;

    const reg = (await register(stack, partner, { networkId, municipalityId: 'NO-4601', person: newPerson() })).payload!.registration!;
    // A registration that breaks a rule changes nothing and announces nothing.
    const outboxBefore = ((await db().query('SELECT count(*)::int AS n FROM participants.webhook_delivery')) as { n: number }[])[0].n;
    expect((await register(stack, partner, { networkId, municipalityId: 'NO-9999', person: newPerson() })).payload!.userErrors[0].code).toBe('UNKNOWN_MUNICIPALITY');
    expect((await register(stack, partner, { networkId, municipalityId: 'NO-4601', personId: reg.person!.id })).payload!.userErrors[0].code).toBe('ALREADY_REGISTERED');
    expect(((await db().query('SELECT count(*)::int AS n FROM participants.webhook_delivery')) as { n: number }[])[0].n).toBe(outboxBefore);

    failNext = 1;
    settings().webhookBackoffMs = 0;
    expect(await deliverWebhooks(participants())).toEqual({ delivered: 0, failed: 0 });
    let [delivery] = (await db().query('SELECT status, attempts, last_status_code AS code FROM participants.webhook_delivery WHERE subscription_id = $1', [subscriptionId])) as { status: string; attempts: number; code: number }[];
    expect(delivery).toEqual({ status: 'PENDING', attempts: 1, code: 503 });
    expect(await deliverWebhooks(participants())).toEqual({ delivered: 1, failed: 0 });
    [delivery] = (await db().query('SELECT status, attempts, last_status_code AS code FROM participants.webhook_delivery WHERE subscription_id = $1', [subscriptionId])) as { status: string; attempts: number; code: number }[];
    expect(delivery).toEqual({ status: 'DELIVERED', attempts: 2, code: 204 });
    settings().webhookBackoffMs = 30_000;

    expect(received).toHaveLength(1);
    const [{ headers, body }] = received;
    expect(headers['x-kommunenett-signature']).toBe(signWebhook(secret, headers['x-kommunenett-timestamp'] as string, body));
    const event = JSON.parse(body);
    expect(event).toMatchObject({ type: 'registration.created', data: { registrationId: reg.id, networkId, municipalityId: 'NO-4601', status: 'CONFIRMED', previousStatus: null } });
    expect(Object.keys(event.data).sort()).toEqual(['municipalityId', 'networkId', 'previousStatus', 'registrationId', 'status']);
    expect(await deliverWebhooks(participants())).toEqual({ delivered: 0, failed: 0 });

    const history = await stack.graphql<{ webhookSubscriptions: { deliveries: { edges: { node: { status: string; attempts: number; change: { kind: string } } }[] } }[] }>(
      '{ webhookSubscriptions { deliveries(first: 10) { edges { node { status attempts change { kind } } } } } }', { token: partner });
    expect(history.body.data!.webhookSubscriptions[0].deliveries.edges.map((e) => e.node)).toEqual([{ status: 'DELIVERED', attempts: 2, change: { kind: 'CREATED' } }]);
  });

  it('refuses every other spelling of a refused address at subscription', async () => {
    settings().webhookAllowPrivate = false;
    try {
      const spellings = [
        'https://localhost./hook', 'https://LOCALHOST/hook', 'https://api.localhost./hook', 'https://ip6-localhost/hook',
        'https://127.0.0.1./hook', 'https://2130706433/hook', 'https://0x7f000001/hook', 'https://0x7f.1/hook', 'https://0177.0.0.1/hook', 'https://127.1/hook',
        'https://0/hook', 'https://10.0.0.1.:8443/hook', 'https://167772161/hook', 'https://0xa9.0xfe.0xa9.0xfe/hook',
        'https://[0:0:0:0:0:0:0:1]/hook', 'https://[::127.0.0.1]/hook', 'https://[::ffff:127.0.0.1]/hook', 'https://[0:0:0:0:0:ffff:7f00:1]/hook',
        'https://[::ffff:a9fe:a9fe]/hook', 'https://[::ffff:0:10.0.0.1]/hook', 'https://[2002:7f00:1::]/hook', 'https://[fe80::1]/hook', 'https://[fd00::1]/hook',
      ];
      for (const target of spellings) {
        const res = await stack.graphql<{ createWebhookSubscription: { subscription: unknown; userErrors: { field: string[]; code: string }[] } }>(
          SUBSCRIBE, { token: partner, variables: { input: { url: target, secret } } });
        expect([target, res.body.data!.createWebhookSubscription]).toEqual([target, { subscription: null, userErrors: [{ field: ['input', 'url'], code: 'PRIVATE_ADDRESS' }] }]);
      }
      // Public addresses in the same spellings are still accepted by the URL check.
      for (const target of ['https://example.org./hook', 'https://[::ffff:5db8:d70e]/hook', 'https://1572395790/hook']) {
        expect(privateTargetOf(target, false)).toBeNull();
      }
    } finally {
      settings().webhookAllowPrivate = true;
    }
  });

  it('refuses endpoints on loopback, private and metadata addresses, by URL and by what a host name resolves to', async () => {
    settings().webhookAllowPrivate = false;
    try {
      const codes = async (target: string) => (await stack.graphql<{ createWebhookSubscription: { subscription: unknown; userErrors: { field: string[]; code: string }[] } }>(
        SUBSCRIBE, { token: partner, variables: { input: { url: target, secret } } })).body.data!.createWebhookSubscription;
      for (const target of [url, 'https://10.1.2.3/hook', 'https://169.254.169.254/latest/meta-data', 'https://[::1]/hook', 'https://[::ffff:192.168.0.1]/hook', 'https://localhost/hook']) {
        expect(await codes(target)).toEqual({ subscription: null, userErrors: [{ field: ['input', 'url'], code: 'PRIVATE_ADDRESS' }] });
      }

      // The machine's own name resolves through /etc/hosts to loopback or a private address: it
      // passes the URL check, and is refused when the delivery connects.
      const ownName = hostname();
      const resolved = await lookup(ownName, { all: true });
      expect(resolved.length).toBeGreaterThan(0);
      expect(resolved.filter((a) => isPublicAddress(a.address))).toEqual([]);
      const byName = url.replace('127.0.0.1', ownName);
      const subscriptionId = (await db().query(
        `INSERT INTO participants.webhook_subscription (id, organization_id, client_id, url, secret, active, created_by, created_at)
         VALUES (gen_random_uuid(), 'ks', 'ks-medlemsregister', $1, $2, true, 'test', now()) RETURNING id`, [byName, secret]) as { id: string }[])[0].id;
      const seq = ((await db().query('SELECT max(seq)::text AS seq FROM participants.registration_change')) as { seq: string }[])[0].seq;
      await db().query(`INSERT INTO participants.webhook_delivery (id, subscription_id, change_seq, status, attempts, next_attempt_at)
        VALUES (gen_random_uuid(), $1, $2, 'PENDING', 0, now())`, [subscriptionId, seq]);
      const receivedBefore = received.length;
      expect(await deliverWebhooks(participants())).toEqual({ delivered: 0, failed: 0 });
      const [delivery] = (await db().query('SELECT status, last_error AS error FROM participants.webhook_delivery WHERE subscription_id = $1', [subscriptionId])) as { status: string; error: string }[];
      expect(delivery.status).toBe('PENDING');
      expect(delivery.error).toBe(`${ownName} resolves to no public address`);
      expect(received.length).toBe(receivedBefore);
      await db().query('UPDATE participants.webhook_subscription SET active = false WHERE id = $1', [subscriptionId]);
    } finally {
      settings().webhookAllowPrivate = true;
    }
  });
});

describe('importRegistrations', () => {
  const IMPORT = `mutation($input: ImportRegistrationsInput!) { importRegistrations(input: $input) {
    applied userErrors { field code } rows { row status errors { field code } registration { id status } } } }`;
  type Result = { importRegistrations: { applied: boolean; userErrors: { field: string[]; code: string }[]; rows: { row: number; status: string | null; errors: { field: string[]; code: string }[]; registration: { id: string; status: string } | null }[] } };
  const run = (input: Record<string, unknown>, token = partner) => stack.graphql<Result>(IMPORT, { token, variables: { input } });

  it('validates every row, reports errors per row, and applies all rows or none', async () => {
    const target = await createNetwork(stack, { hostIds: ['ks'], capacity: 3, perMunicipalityLimit: 2 });
    const good = [1, 2, 3, 4].map((i) => ({ municipalityId: i <= 2 ? 'NO-5001' : 'NO-5501', ...newPerson('import') }));
    const dry = await run({ networkId: target, rows: good });
    expect(dry.body.data!.importRegistrations).toMatchObject({ applied: false, userErrors: [] });
    expect(dry.body.data!.importRegistrations.rows.map((r) => r.status)).toEqual(['CONFIRMED', 'CONFIRMED', 'CONFIRMED', 'WAITLISTED']);
    expect(await countRegistrations('network_id = $1', [target])).toBe(0);

    const broken = [...good, { municipalityId: 'NO-5001', ...newPerson('import') }, { ...good[0], municipalityId: 'NO-5501' }, { municipalityId: 'SE-0180x', name: 'Test', email: 'nei' }];
    const refused = await run({ networkId: target, rows: broken, dryRun: false });
    const rows = refused.body.data!.importRegistrations.rows;
    expect(refused.body.data!.importRegistrations.applied).toBe(false);
    expect(rows.slice(4).map((r) => r.errors.map((e) => e.code))).toEqual([['MUNICIPALITY_LIMIT_REACHED'], ['DUPLICATE_ROW'], ['INVALID_FORMAT', 'INVALID_FORMAT']]);
    // Paths count rows as `row` does: the seventh row is rows.7.
    expect(rows[6].row).toBe(7);
    expect(rows[6].errors.map((e) => e.field)).toEqual([['input', 'rows', '7', 'municipalityId'], ['input', 'rows', '7', 'email']]);
    expect(rows.slice(0, 4).every((r) => r.errors.length === 0 && r.registration === null)).toBe(true);
    expect(await countRegistrations('network_id = $1', [target])).toBe(0);

    const applied = await run({ networkId: target, rows: good, dryRun: false, idempotencyKey: 'import-1' });
    expect(applied.body.data!.importRegistrations.applied).toBe(true);
    expect(applied.body.data!.importRegistrations.rows.map((r) => r.registration!.status)).toEqual(['CONFIRMED', 'CONFIRMED', 'CONFIRMED', 'WAITLISTED']);
    const replay = await run({ networkId: target, rows: good, dryRun: false, idempotencyKey: 'import-1' });
    expect(replay.body.data!.importRegistrations.rows.map((r) => r.registration!.id)).toEqual(applied.body.data!.importRegistrations.rows.map((r) => r.registration!.id));
    expect(await countRegistrations('network_id = $1', [target])).toBe(4);
  });

  it('reads CSV, and refuses a missing column, a wrong encoding and 1,001 rows', async () => {
    const target = await createNetwork(stack, { hostIds: ['ks'] });
    const csv = 'municipalityId;name;email;title\nNO-1804;Kari Nordmann Test;kari.csv@example.org;rådgiver\nNO-1804;"Per Hansen, jr.";per.csv@example.org;\n';
    const ok = await run({ networkId: target, csv, dryRun: false });
    expect(ok.body.data!.importRegistrations.applied).toBe(true);
    expect(ok.body.data!.importRegistrations.rows.map((r) => r.status)).toEqual(['CONFIRMED', 'CONFIRMED']);
    const codes = async (input: Record<string, unknown>) => (await run({ networkId: target, dryRun: false, ...input })).body.data!.importRegistrations.userErrors.map((e) => e.code);
    expect(await codes({ csv: 'municipalityId,name\nNO-1804,Ola\n' })).toEqual(['MISSING_COLUMN']);
    expect(await codes({ csv: 'municipalityId,name,email\nNO-1804,BjÃ¸rn Test,bjorn@example.org\n' })).toEqual(['INVALID_ENCODING']);
    const big = `municipalityId,name,email\n${Array.from({ length: 1001 }, (_, i) => `NO-1804,Person ${i},p${i}@example.org`).join('\n')}`;
    expect(await codes({ csv: big })).toEqual(['TOO_MANY_ROWS']);
    expect(await codes({ rows: [], csv })).toEqual(['INVALID']);
    expect(await countRegistrations('network_id = $1', [target])).toBe(2);
    const coordinator = await stack.token('COORDINATOR', { municipality: 'NO-1804' });
    const foreign = await run({ networkId: target, rows: [{ municipalityId: 'NO-0301', ...newPerson() }] }, coordinator);
    expect(foreign.body.data!.importRegistrations.rows[0].errors.map((e) => e.code)).toEqual(['FORBIDDEN_MUNICIPALITY']);
  });
});
