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
};
