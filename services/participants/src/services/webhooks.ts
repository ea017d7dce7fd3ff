import { createHmac, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { forbidden, inputSchemas, isAdmin, refuse, runMutation, type RequestContext, type ServiceDeps, type UserError } from '@kommunenett/subgraph-kit';
import { WebhookDelivery, WebhookSubscription } from '../entities/webhook.entity';
import { settingsOf, type ParticipantsSettings } from '../config';
import { postToPartner, privateTargetOf } from './outbound';

/**
 * Webhooks: a partner registers a URL and a secret and receives a thin signed event for each
 * change it may see. Events come from the outbox (`webhook_delivery`) written in the transaction
 * of the change, so none is lost and none is sent for a rolled-back change; this module delivers
 * them with retries and backoff and records each outcome.
 */

export const SIGNATURE_HEADER = 'x-kommunenett-signature';
export const TIMESTAMP_HEADER = 'x-kommunenett-timestamp';
export const EVENT_ID_HEADER = 'x-kommunenett-event-id';

/** `v1=` + hex HMAC-SHA256 over `<timestamp>.<body>` with the subscription's secret. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Who may manage webhooks: partners with `webhooks:manage` for their own client (and ADMIN). */
function requireWebhookManager(ctx: RequestContext): { organizationId: string; clientId: string } {
  const v = ctx.viewer;
  if (v.role === 'PARTNER' && v.scopes.includes('webhooks:manage') && v.organizationId && v.clientId) return { organizationId: v.organizationId, clientId: v.clientId };
  throw forbidden('Webhooks are managed by partner clients with the scope webhooks:manage.');
}

const secretSchema = z.string().min(32, 'At least 32 characters.').max(200);

/** A new subscription; which URLs are allowed is the service's configuration. */
const subscriptionSchema = (settings: ParticipantsSettings) => z.object({
  url: z.url({ protocol: /^https?$/ }).max(2000)
    .refine((u) => u.startsWith('https://') || settings.webhookAllowHttp, { message: 'The URL must use https.', params: { code: 'INSECURE_URL' } })
    // Only a URL that parses is judged here; one that does not already has its format error.
    .refine((u) => !URL.canParse(u) || privateTargetOf(u, settings.webhookAllowPrivate) === null, { message: 'The URL must reach a public address.', params: { code: 'PRIVATE_ADDRESS' } }),
  secret: secretSchema,
});

export async function createWebhookSubscription(ctx: RequestContext, raw: unknown): Promise<{ subscription: WebhookSubscription | null; userErrors: UserError[] }> {
  const owner = requireWebhookManager(ctx);
  const outcome = await runMutation(ctx, { input: raw, schema: subscriptionSchema(settingsOf(ctx)) }, async ({ url, secret }, m) => {
    const repo = m.getRepository(WebhookSubscription);
    if ((await repo.countBy({ clientId: owner.clientId, active: true })) >= 10) {
      refuse('url', 'A client has at most 10 active webhook subscriptions.', 'LIMIT_REACHED');
    }
    const subscription = repo.create({ id: randomUUID(), ...owner, url, secret, active: true, createdBy: ctx.viewer.subject, createdAt: new Date() });
    await repo.insert(subscription);
    return subscription;
  });
  return { subscription: outcome.value, userErrors: outcome.userErrors };
}

const deleteSchema = z.object({ id: inputSchemas.id });

export async function deleteWebhookSubscription(ctx: RequestContext, raw: unknown): Promise<{ subscription: WebhookSubscription | null; userErrors: UserError[] }> {
  const owner = requireWebhookManager(ctx);
  const outcome = await runMutation(ctx, { input: raw, schema: deleteSchema }, async ({ id }, m) => {
    const repo = m.getRepository(WebhookSubscription);
    const subscription = await repo.findOneBy({ id, clientId: owner.clientId });
    if (!subscription) refuse('id', 'No such webhook subscription of your client.', 'NOT_FOUND');
    await repo.update({ id }, { active: false });
    return repo.findOneByOrFail({ id });
  });
  return { subscription: outcome.value, userErrors: outcome.userErrors };
}

export function subscriptionsOf(ctx: RequestContext): Promise<WebhookSubscription[]> {
  const v = ctx.viewer;
  const repo = ctx.ds.getRepository(WebhookSubscription);
  if (isAdmin(v)) return repo.find({ order: { createdAt: 'ASC' } });
  if (v.role !== 'PARTNER' || !v.clientId) return Promise.resolve([]);
  return repo.find({ where: { clientId: v.clientId }, order: { createdAt: 'ASC' } });
}

const redeliverSchema = z.object({ id: inputSchemas.id });

/** A delivery of the partner's own client sent again from the start (attempts counted anew). */
export async function redeliverWebhookDelivery(ctx: RequestContext, raw: unknown): Promise<{ delivery: WebhookDelivery | null; userErrors: UserError[] }> {
  const owner = requireWebhookManager(ctx);
  const outcome = await runMutation(ctx, { input: raw, schema: redeliverSchema }, async ({ id }, m) => {
    const [rows] = (await m.query(
      `UPDATE participants.webhook_delivery d SET status = 'PENDING', attempts = 0, next_attempt_at = now(), locked_until = NULL
       FROM participants.webhook_subscription s WHERE d.id = $1 AND s.id = d.subscription_id AND s.client_id = $2 AND d.status <> 'PENDING'
       RETURNING d.id`, [id, owner.clientId])) as [{ id: string }[], number];
    if (rows.length === 0) {
      const [pending] = (await m.query(`SELECT d.id FROM participants.webhook_delivery d JOIN participants.webhook_subscription s ON s.id = d.subscription_id
        WHERE d.id = $1 AND s.client_id = $2`, [id, owner.clientId])) as { id: string }[];
      if (pending) refuse('id', 'The delivery is waiting to be sent already.', 'ALREADY_PENDING');
      refuse('id', 'No such delivery of your client.', 'NOT_FOUND');
    }
    return m.getRepository(WebhookDelivery).findOneByOrFail({ id });
  });
  return { delivery: outcome.value, userErrors: outcome.userErrors };
}

const redeliverFailedSchema = z.object({ subscriptionId: inputSchemas.id, since: z.date() });

/** Every FAILED delivery of one of the partner's subscriptions created since `since`, sent again; returns how many. */
export async function redeliverFailedWebhookDeliveries(ctx: RequestContext, raw: unknown): Promise<{ count: number; userErrors: UserError[] }> {
  const owner = requireWebhookManager(ctx);
  const outcome = await runMutation(ctx, { input: raw, schema: redeliverFailedSchema }, async ({ subscriptionId, since }, m) => {
    const [subscription] = (await m.query('SELECT id FROM participants.webhook_subscription WHERE id = $1 AND client_id = $2', [subscriptionId, owner.clientId])) as { id: string }[];
    if (!subscription) refuse('subscriptionId', 'No such webhook subscription of your client.', 'NOT_FOUND');
    const [rows] = (await m.query(
      `UPDATE participants.webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = now(), locked_until = NULL
       WHERE subscription_id = $1 AND status = 'FAILED' AND created_at >= $2 RETURNING id`, [subscriptionId, since])) as [unknown[], number];
    return rows.length;
  });
  return { count: outcome.value ?? 0, userErrors: outcome.userErrors };
}

const rotationSchema = z.object({
  id: inputSchemas.id,
  secret: secretSchema,
  overlapHours: z.number().int().min(0).max(168),
});

/** A new secret for a subscription; the old one keeps signing beside it for `overlapHours`. */
export async function rotateWebhookSecret(ctx: RequestContext, raw: unknown): Promise<{ subscription: WebhookSubscription | null; userErrors: UserError[] }> {
  const owner = requireWebhookManager(ctx);
  const outcome = await runMutation(ctx, { input: raw, schema: rotationSchema }, async ({ id, secret, overlapHours }, m) => {
    const repo = m.getRepository(WebhookSubscription);
    const subscription = await repo.findOneBy({ id, clientId: owner.clientId });
    if (!subscription) refuse('id', 'No such webhook subscription of your client.', 'NOT_FOUND');
    const previousSecretExpiresAt = new Date(Date.now() + overlapHours * 3_600_000);
    await repo.update({ id }, { secret, previousSecret: subscription.secret, previousSecretExpiresAt });
    return { ...subscription, secret, previousSecret: subscription.secret, previousSecretExpiresAt };
  });
  return { subscription: outcome.value, userErrors: outcome.userErrors };
}

interface DueDelivery {
  id: string;
  attempts: number;
  url: string;
  secret: string;
  previousSecret: string | null;
  seq: string;
  kind: string;
  status: string;
  previousStatus: string | null;
  registrationId: string;
  networkId: string;
  municipalityId: string;
  occurredAt: Date;
}

/** Delay before attempt n+1: doubling from the base, capped at six hours, with a little jitter. */
export function backoffMs(attempts: number, firstDelayMs: number): number {
  const base = firstDelayMs * 2 ** Math.max(0, attempts - 1);
  return Math.min(base, 6 * 3_600_000) * (0.9 + Math.random() * 0.2);
}

/**
 * Sends due events. Each batch is leased first (`locked_until`, rows taken with SKIP LOCKED), so two
 * instances never send the same event at once, and no transaction stays open during the HTTP calls.
 * An event is delivered when the endpoint answers 2xx; otherwise it is retried with backoff and
 * given up (FAILED) after the maximum attempts.
 */
export async function deliverWebhooks(deps: ServiceDeps, limit = 50): Promise<{ delivered: number; failed: number }> {
  const { ds, log } = deps;
  const settings = settingsOf(deps);
  const leaseSeconds = Math.ceil(settings.webhookTimeoutMs / 1000) * 2 + 10;
  const due = (await ds.query(
    `WITH leased AS (
       UPDATE participants.webhook_delivery d SET locked_until = now() + make_interval(secs => $2)
       WHERE d.id IN (SELECT id FROM participants.webhook_delivery
                      WHERE status = 'PENDING' AND next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())
                      ORDER BY change_seq LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING d.id, d.attempts, d.subscription_id, d.change_seq)
     SELECT l.id, l.attempts, s.url, s.secret, CASE WHEN s.previous_secret_expires_at > now() THEN s.previous_secret END AS "previousSecret", c.seq::text AS seq, c.kind, c.status, c.previous_status AS "previousStatus",
       c.registration_id AS "registrationId", c.network_id AS "networkId", c.municipality_id AS "municipalityId", c.occurred_at AS "occurredAt"
     FROM leased l JOIN participants.webhook_subscription s ON s.id = l.subscription_id
     JOIN participants.registration_change c ON c.seq = l.change_seq
     ORDER BY c.seq`,
    [limit, leaseSeconds],
  )) as DueDelivery[];
  let delivered = 0;
  let failed = 0;
  for (const d of due) {
    const body = JSON.stringify({
      id: d.id, type: `registration.${d.kind.toLowerCase()}`, sequence: d.seq, occurredAt: new Date(d.occurredAt).toISOString(),
      data: { registrationId: d.registrationId, networkId: d.networkId, municipalityId: d.municipalityId, status: d.status, previousStatus: d.previousStatus },
    });
    const timestamp = Math.floor(Date.now() / 1000).toString();
    let statusCode: number | null = null;
    let excerpt: string | null = null;
    let error: string | null = null;
    // During a rotation both secrets sign: the endpoint accepts either while it switches.
    const signature = [d.secret, d.previousSecret].filter((s): s is string => !!s).map((s) => signWebhook(s, timestamp, body)).join(',');
    try {
      ({ statusCode, excerpt } = await postToPartner(d.url, {
        'content-type': 'application/json', 'user-agent': 'kommunenett-webhooks/1', [EVENT_ID_HEADER]: d.id, [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: signature,
      }, body, { timeoutMs: settings.webhookTimeoutMs, allowPrivate: settings.webhookAllowPrivate }));
      if (statusCode < 200 || statusCode >= 300) error = `HTTP ${statusCode}`;
    } catch (e) {
      error = e instanceof Error ? e.message.slice(0, 500) : 'request failed';
    }
    const attempts = d.attempts + 1;
    if (!error) {
      delivered += 1;
      await ds.query(`UPDATE participants.webhook_delivery SET status = 'DELIVERED', attempts = $2, last_status_code = $3, last_error = NULL,
        last_response_excerpt = $4, delivered_at = now(), locked_until = NULL WHERE id = $1`, [d.id, attempts, statusCode, excerpt]);
    } else {
      const giveUp = attempts >= settings.webhookMaxAttempts;
      if (giveUp) failed += 1;
      await ds.query(`UPDATE participants.webhook_delivery SET status = $2, attempts = $3, last_status_code = $4, last_error = $5,
        next_attempt_at = now() + make_interval(secs => $6), locked_until = NULL, last_response_excerpt = $7 WHERE id = $1`,
      [d.id, giveUp ? 'FAILED' : 'PENDING', attempts, statusCode, error, backoffMs(attempts, settings.webhookBackoffMs) / 1000, excerpt]);
      log.warn({ delivery: d.id, attempts, error }, 'webhook delivery failed');
    }
  }
  return { delivered, failed };
}
