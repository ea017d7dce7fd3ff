import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ParsedMail } from 'mailparser';
import { HttpError, type HttpRoute, type RouteDeps } from '@kommunenett/subgraph-kit';
import { settingsOf } from '../../config';
import { escapeHtml } from '../pages';

/**
 * The development mailbox's pages (the gateway serves them at /dev/mail): the messages the service
 * wrote to DATA_DIR/mail, newest first, each with its text, its HTML and its attachments. Only
 * while no SMTP_URL is set: with a mail server there is no mailbox here to show.
 */

const FILE = /^[A-Za-z0-9.-]{1,200}\.eml$/;

function mailbox(deps: RouteDeps): string {
  const settings = settingsOf(deps);
  if (settings.smtpUrl) throw new HttpError(404, 'NOT_FOUND', 'Messages go to the mail server of SMTP_URL; there is no development mailbox.');
  return resolve(settings.mailDir);
}

async function files(deps: RouteDeps): Promise<string[]> {
  const names = await readdir(mailbox(deps)).catch(() => [] as string[]);
  return names.filter((n) => FILE.test(n)).sort().reverse().slice(0, 200);
}

async function message(deps: RouteDeps, name: string): Promise<ParsedMail> {
  if (!FILE.test(name)) throw new HttpError(404, 'NOT_FOUND', 'No such message.');
  const raw = await readFile(join(mailbox(deps), name)).catch(() => null);
  if (!raw) throw new HttpError(404, 'NOT_FOUND', 'No such message.');
  // Loaded when the mailbox is first opened (development only), not in every participants process.
  const { simpleParser } = await import('mailparser');
  return simpleParser(raw);
}

const addresses = (a: ParsedMail['to']) => (Array.isArray(a) ? a.map((x) => x.text).join(', ') : a?.text ?? '');

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1b1b1b}table{border-collapse:collapse}td,th{padding:.3rem .8rem;border-bottom:1px solid #ddd;text-align:left}
pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem}iframe{width:100%;height:32rem;border:1px solid #ddd}</style></head>
<body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

function sendHtml(res: import('node:http').ServerResponse, html: string): void {
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store',
    // The message's own HTML is shown in a sandboxed frame and may load nothing.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; base-uri 'none'",
  });
  res.end(html);
}

export const devMailboxRoutes: HttpRoute[] = [
  {
    method: 'GET', path: /^\/dev\/mail\/?$/,
    async handle(_req, res, _match, deps) {
      const rows: string[] = [];
      for (const name of await files(deps)) {
        const m = await message(deps, name);
        rows.push(`<tr><td>${escapeHtml(m.date?.toISOString() ?? '')}</td><td>${escapeHtml(addresses(m.to))}</td>
<td><a href="/dev/mail/${encodeURIComponent(name)}">${escapeHtml(m.subject ?? '(no subject)')}</a></td><td>${m.attachments.length || ''}</td></tr>`);
      }
      sendHtml(res, page('Development mailbox', rows.length
        ? `<table><thead><tr><th>date</th><th>to</th><th>subject</th><th>attachments</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`
        : '<p>No messages yet.</p>'));
    },
  },
  {
    method: 'GET', path: /^\/dev\/mail\/([^/]+)$/,
    async handle(_req, res, match, deps) {
      const m = await message(deps, match[1]);
      const attachments = m.attachments.map((a, i) =>
        `<li><a href="/dev/mail/${encodeURIComponent(match[1])}/attachments/${i}">${escapeHtml(a.filename ?? `attachment-${i}`)}</a> (${escapeHtml(a.contentType)})</li>`).join('');
      sendHtml(res, page(m.subject ?? '(no subject)', `<p><a href="/dev/mail">← all messages</a></p>
<table><tr><th>from</th><td>${escapeHtml(addresses(m.from))}</td></tr><tr><th>to</th><td>${escapeHtml(addresses(m.to))}</td></tr>
<tr><th>reply-to</th><td>${escapeHtml(addresses(m.replyTo))}</td></tr><tr><th>date</th><td>${escapeHtml(m.date?.toISOString() ?? '')}</td></tr></table>
<h2>Text</h2><pre>${escapeHtml(m.text ?? '')}</pre>
<h2>HTML</h2><iframe sandbox title="HTML part" srcdoc="${escapeHtml(typeof m.html === 'string' ? m.html : '')}"></iframe>
<h2>Attachments</h2>${attachments ? `<ul>${attachments}</ul>` : '<p>None.</p>'}`));
    },
  },
  {
    method: 'GET', path: /^\/dev\/mail\/([^/]+)\/attachments\/(\d{1,3})$/,
    async handle(_req, res, match, deps) {
      const attachment = (await message(deps, match[1])).attachments[Number(match[2])];
      if (!attachment) throw new HttpError(404, 'NOT_FOUND', 'No such attachment.');
      res.writeHead(200, {
        'content-type': attachment.contentType, 'content-length': String(attachment.content.length), 'x-content-type-options': 'nosniff',
        'content-disposition': `attachment; filename="${(attachment.filename ?? 'attachment').replace(/[^A-Za-z0-9._-]/g, '_')}"`,
      });
      res.end(attachment.content);
    },
  },
];
