import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { settings } from '../config';

/**
 * Where messages go: the mail server of SMTP_URL (nodemailer over SMTP), or without it the
 * development mailbox, a folder of .eml files under DATA_DIR/mail that `/dev/mail` lists.
 */

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

/** Refuses a malformed SMTP_URL at start, so a typo never surfaces as mail that silently waits. */
export function checkMailSettings(): void {
  const url = settings.smtpUrl();
  if (url) parseSmtpUrl(url);
}

export interface Mailer {
  /** Sends one message; resolves with the Message-ID, rejects with nodemailer's error (`responseCode` for SMTP answers). */
  send(message: Mail.Options): Promise<string>;
  close(): void;
}

/** A mailer for one delivery round: pooled SMTP connections to SMTP_URL, or the development mailbox. */
export function openMailer(): Mailer {
  const smtpUrl = settings.smtpUrl();
  if (smtpUrl) {
    const url = parseSmtpUrl(smtpUrl);
    const transport = nodemailer.createTransport({
      host: url.hostname, port: url.port ? Number(url.port) : (url.protocol === 'smtps:' ? 465 : 587), secure: url.protocol === 'smtps:',
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      pool: true, maxConnections: 2, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000,
    });
    return {
      send: async (message) => (await transport.sendMail(message)).messageId,
      close: () => transport.close(),
    };
  }
  const dir = resolve(settings.mailDir());
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(message) {
      const info = await transport.sendMail(message);
      await mkdir(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      await writeFile(join(dir, `${stamp}-${info.messageId.replace(/[^A-Za-z0-9.-]/g, '')}.eml`), info.message as Buffer);
      return info.messageId;
    },
    close: () => undefined,
  };
}

/** Whether a send error is the server refusing for good (5xx: unknown address, mailbox gone), not a pause. */
export function isPermanentRefusal(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
