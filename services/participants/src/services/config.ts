/** Settings of the participants service, read from the environment when used (tests change them). */
const number = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) ? n : fallback;
};

export const settings = {
  /** How long a waitlisted registration has to accept an offered seat. */
  offerTtlHours: () => number(process.env.PARTICIPANTS_OFFER_TTL_HOURS, 72),
  /** Participants of networks that ended this many years ago are anonymized. */
  retentionYears: () => number(process.env.PARTICIPANTS_RETENTION_YEARS, 5),
  /** How long an idempotency key returns its first result. */
  idempotencyHours: () => number(process.env.PARTICIPANTS_IDEMPOTENCY_HOURS, 24),
  webhookMaxAttempts: () => number(process.env.PARTICIPANTS_WEBHOOK_MAX_ATTEMPTS, 8),
  webhookTimeoutMs: () => number(process.env.PARTICIPANTS_WEBHOOK_TIMEOUT_MS, 5000),
  /** First retry delay; doubled on each attempt, capped at six hours. */
  webhookBackoffMs: () => number(process.env.PARTICIPANTS_WEBHOOK_BACKOFF_MS, 30_000),
  /** http:// webhook URLs (local development and tests); production requires https://. */
  webhookAllowHttp: () => process.env.PARTICIPANTS_WEBHOOK_ALLOW_HTTP === 'true',
  /** Webhook URLs on loopback and private addresses (local development and tests); refused otherwise, against SSRF. */
  webhookAllowPrivate: () => process.env.PARTICIPANTS_WEBHOOK_ALLOW_PRIVATE === 'true',
  importMaxRows: () => 1000,
  /**
   * How long a registration may decide on a network's rules (window, capacity, limits) as read
   * before, instead of asking the networks service again; a refusal is always checked against
   * fresh rules. 0 reads them on every registration.
   */
  networkRulesCacheMs: () => number(process.env.PARTICIPANTS_NETWORK_RULES_CACHE_MS, 5000),
  /** The mail server (smtp:// or smtps://, with credentials); unset: the development mailbox under DATA_DIR/mail. */
  smtpUrl: () => process.env.SMTP_URL || null,
  /** The address every message is sent from; the hosting organization's name is its display name. */
  mailFrom: () => process.env.MAIL_FROM || 'noreply@kommunenett.dev',
  /** Folder of the development mailbox (one .eml file per message). */
  mailDir: () => `${process.env.DATA_DIR || '.data'}/mail`,
  mailMaxAttempts: () => number(process.env.PARTICIPANTS_MAIL_MAX_ATTEMPTS, 8),
  /** First retry delay of a message the mail server did not take; doubled on each attempt, capped at six hours. */
  mailBackoffMs: () => number(process.env.PARTICIPANTS_MAIL_BACKOFF_MS, 60_000),
  /** How long before an unanswered offer lapses its reminder goes out. */
  offerReminderHours: () => number(process.env.PARTICIPANTS_OFFER_REMINDER_HOURS, 24),
  /** Where people open links from messages: the gateway's public address. */
  publicBaseUrl: () => (process.env.PUBLIC_BASE_URL || `http://127.0.0.1:${process.env.GATEWAY_PORT || 4000}`).replace(/\/+$/, ''),
};
