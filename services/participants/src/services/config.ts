/** Settings of the participants service, read from the environment when used (tests change them). */
const number = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && process.env[name] !== '' && process.env[name] !== undefined ? value : fallback;
};

export const settings = {
  /** How long a waitlisted registration has to accept an offered seat. */
  offerTtlHours: () => number('PARTICIPANTS_OFFER_TTL_HOURS', 72),
  /** Participants of networks completed this many years ago are anonymized. */
  retentionYears: () => number('PARTICIPANTS_RETENTION_YEARS', 5),
  /** How long an idempotency key returns its first result. */
  idempotencyHours: () => number('PARTICIPANTS_IDEMPOTENCY_HOURS', 24),
  webhookMaxAttempts: () => number('PARTICIPANTS_WEBHOOK_MAX_ATTEMPTS', 8),
  webhookTimeoutMs: () => number('PARTICIPANTS_WEBHOOK_TIMEOUT_MS', 5000),
  /** First retry delay; doubled on each attempt, capped at six hours. */
  webhookBackoffMs: () => number('PARTICIPANTS_WEBHOOK_BACKOFF_MS', 30_000),
  /** http:// webhook URLs (local development and tests); production requires https://. */
  webhookAllowHttp: () => process.env.PARTICIPANTS_WEBHOOK_ALLOW_HTTP === 'true',
  importMaxRows: () => 1000,
};
