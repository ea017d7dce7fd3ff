/** SMTP_URL's shape, checked when the configuration is parsed (config.ts) and when a mailer opens. */

const SMTP_URL_SHAPE = 'smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465 (TLS)';

/** Checks SMTP_URL and returns it parsed; a malformed value is refused with what is wrong (never the password). */
export function parseSmtpUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`SMTP_URL is not a URL. Expected ${SMTP_URL_SHAPE}.`);
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error(`SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}//. Expected ${SMTP_URL_SHAPE}.`);
  if (!url.hostname) throw new Error(`SMTP_URL names no host. Expected ${SMTP_URL_SHAPE}.`);
  if (url.password && !url.username) throw new Error(`SMTP_URL has a password but no user name. Expected ${SMTP_URL_SHAPE}.`);
  return url;
}
