/*
 * The participants service's own settings: the variables it reads besides the kit's common ones,
 * parsed once at start (`SubgraphDefinition.settings`) into `config.settings`. Code reads them with
 * `settingsOf(ctx)` (or a job's or route's deps), never from `process.env`.
 */
import { z } from 'zod';
import { setting, type SubgraphConfig } from '@kommunenett/subgraph-kit';
import { parseSmtpUrl } from './services/mail/smtp-url';

export const participantsSettingsSchema = z.object({
  /** How long a waitlisted registration has to accept an offered seat. */
  PARTICIPANTS_OFFER_TTL_HOURS: setting.int(72, { min: 1 }),
  /** Participants of networks that ended this many years ago are anonymized. */
  PARTICIPANTS_RETENTION_YEARS: setting.int(5, { min: 1 }),
  /** How long an idempotency key returns its first result. */
  PARTICIPANTS_IDEMPOTENCY_HOURS: setting.int(24, { min: 1 }),
  PARTICIPANTS_WEBHOOK_MAX_ATTEMPTS: setting.int(8, { min: 1 }),
  PARTICIPANTS_WEBHOOK_TIMEOUT_MS: setting.int(5000, { min: 1 }),
  /** First retry delay; doubled on each attempt, capped at six hours. */
  PARTICIPANTS_WEBHOOK_BACKOFF_MS: setting.int(30_000),
  /** http:// webhook URLs (local development and tests); production requires https://. */
  PARTICIPANTS_WEBHOOK_ALLOW_HTTP: setting.flag(false),
  /** Webhook URLs on loopback and private addresses (local development and tests); refused otherwise, against SSRF. */
  PARTICIPANTS_WEBHOOK_ALLOW_PRIVATE: setting.flag(false),
  /** The mail server (smtp:// or smtps://, with credentials); unset: the development mailbox under DATA_DIR/mail. */
  SMTP_URL: setting.optionalText().superRefine((url, ctx) => {
    // Refused at start, so a typo never surfaces as mail that silently waits.
    if (url === undefined) return;
    try {
      parseSmtpUrl(url);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
    }
  }),
  /** The address every message is sent from; the hosting organization's name is its display name. */
  MAIL_FROM: setting.text('noreply@kommunenett.dev'),
  DATA_DIR: setting.text('.data'),
  PARTICIPANTS_MAIL_MAX_ATTEMPTS: setting.int(8, { min: 1 }),
  /** First retry delay of a message the mail server did not take; doubled on each attempt, capped at six hours. */
  PARTICIPANTS_MAIL_BACKOFF_MS: setting.int(60_000),
  /** How long before an unanswered offer lapses its reminder goes out. */
  PARTICIPANTS_OFFER_REMINDER_HOURS: setting.int(24, { min: 1 }),
  /** How long before a gathering its reminder goes out. */
  PARTICIPANTS_GATHERING_REMINDER_HOURS: setting.int(48, { min: 1 }),
  /** How long before a gathering the work due before it is recalled. */
  PARTICIPANTS_ASSIGNMENT_REMINDER_HOURS: setting.int(168, { min: 1 }),
  /** The hour (0–23, in the time zone of their networks) from which organisers' daily digests of new registrations go out. */
  PARTICIPANTS_DIGEST_HOUR: setting.int(7, { min: 0, max: 23 }),
  /** Where people open links from messages: the gateway's public address. */
  PUBLIC_BASE_URL: setting.optionalText(),
  GATEWAY_PORT: setting.int(4000, { max: 65_535 }),
  /**
   * How long a registration may decide on a network's rules (window, capacity, limits) as read
   * before, instead of asking the networks service again; a refusal is always checked against
   * fresh rules. 0 reads them on every registration.
   */
  PARTICIPANTS_NETWORK_RULES_CACHE_MS: setting.int(5000),
}).transform((env) => ({
  offerTtlHours: env.PARTICIPANTS_OFFER_TTL_HOURS,
  retentionYears: env.PARTICIPANTS_RETENTION_YEARS,
  idempotencyHours: env.PARTICIPANTS_IDEMPOTENCY_HOURS,
  webhookMaxAttempts: env.PARTICIPANTS_WEBHOOK_MAX_ATTEMPTS,
  webhookTimeoutMs: env.PARTICIPANTS_WEBHOOK_TIMEOUT_MS,
  webhookBackoffMs: env.PARTICIPANTS_WEBHOOK_BACKOFF_MS,
  webhookAllowHttp: env.PARTICIPANTS_WEBHOOK_ALLOW_HTTP,
  webhookAllowPrivate: env.PARTICIPANTS_WEBHOOK_ALLOW_PRIVATE,
  importMaxRows: 1000,
  networkRulesCacheMs: env.PARTICIPANTS_NETWORK_RULES_CACHE_MS,
  smtpUrl: env.SMTP_URL ?? null,
  mailFrom: env.MAIL_FROM,
  /** Folder of the development mailbox (one .eml file per message). */
  mailDir: `${env.DATA_DIR}/mail`,
  mailMaxAttempts: env.PARTICIPANTS_MAIL_MAX_ATTEMPTS,
  gatheringReminderHours: env.PARTICIPANTS_GATHERING_REMINDER_HOURS,
  assignmentReminderHours: env.PARTICIPANTS_ASSIGNMENT_REMINDER_HOURS,
  mailBackoffMs: env.PARTICIPANTS_MAIL_BACKOFF_MS,
  offerReminderHours: env.PARTICIPANTS_OFFER_REMINDER_HOURS,
  digestHour: env.PARTICIPANTS_DIGEST_HOUR,
  publicBaseUrl: (env.PUBLIC_BASE_URL ?? `http://127.0.0.1:${env.GATEWAY_PORT}`).replace(/\/+$/, ''),
}));

export type ParticipantsSettings = z.output<typeof participantsSettingsSchema>;

/** The service's settings from a request context, a job's or a route's deps, or the running subgraph. */
export function settingsOf(deps: { config: SubgraphConfig }): ParticipantsSettings {
  return deps.config.settings as ParticipantsSettings;
}
