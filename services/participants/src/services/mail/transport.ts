import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import type { ParticipantsSettings } from '../../config';
import { parseSmtpUrl } from './smtp-url';

/**
 * Where messages go: the mail server of SMTP_URL (nodemailer over SMTP), or without it the
 * development mailbox, a folder of .eml files under DATA_DIR/mail that `/dev/mail` lists.
 */

export interface Mailer {
  /** Sends one message; resolves with the Message-ID, rejects with nodemailer's error (`responseCode` for SMTP answers). */
  send(message: Mail.Options): Promise<string>;
  close(): void;
}

/** A mailer for one delivery round: pooled SMTP connections to SMTP_URL, or the development mailbox. */
export function openMailer(settings: Pick<ParticipantsSettings, 'smtpUrl' | 'mailDir'>): Mailer {
  const { smtpUrl } = settings;
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
  const dir = resolve(settings.mailDir);
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
