import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { NotificationKind } from '../../entities/enums';

/**
 * Messages from the template files under `templates/` (see its README): one file per kind and
 * language with a subject, a text part and an HTML part, compiled once per process.
 */

export const LANGUAGES = ['nb', 'nn', 'sv', 'en'] as const;
export type MailLanguage = (typeof LANGUAGES)[number];

const TEMPLATE_DIR = join(__dirname, '..', '..', '..', 'templates');

const handlebars = Handlebars.create();
handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);

interface Compiled {
  subject: HandlebarsTemplateDelegate;
  text: HandlebarsTemplateDelegate;
  html: HandlebarsTemplateDelegate;
}

const compiled = new Map<string, Compiled>();
let layout: HandlebarsTemplateDelegate | null = null;

export const templateName = (kind: NotificationKind) => kind.toLowerCase().replace(/_/g, '-');

/** Splits a template file into its three parts; says which file and what is missing when one is. */
export function parseTemplateFile(source: string, file: string): { subject: string; text: string; html: string } {
  const match = /^Subject: (.+)\r?\n\s*--- text\r?\n([\s\S]*?)\r?\n--- html\r?\n([\s\S]*)$/.exec(source);
  if (!match) throw new Error(`${file}: expected "Subject: …", then "--- text" and "--- html" parts.`);
  return { subject: match[1].trim(), text: match[2].trim(), html: match[3].trim() };
}

function templateOf(kind: NotificationKind, language: MailLanguage): Compiled {
  const key = `${language}/${templateName(kind)}`;
  let template = compiled.get(key);
  if (!template) {
    const file = join(TEMPLATE_DIR, `${key}.hbs`);
    const parts = parseTemplateFile(readFileSync(file, 'utf8'), file);
    template = {
      subject: handlebars.compile(parts.subject, { noEscape: true, strict: false }),
      text: handlebars.compile(parts.text, { noEscape: true }),
      html: handlebars.compile(parts.html),
    };
    compiled.set(key, template);
  }
  return template;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

/** A message of `kind` in `language` with `values` filled in. */
export function renderMessage(kind: NotificationKind, language: MailLanguage, values: Record<string, unknown>): RenderedMessage {
  const template = templateOf(kind, language);
  layout ??= handlebars.compile(readFileSync(join(TEMPLATE_DIR, 'layout.html'), 'utf8'));
  const all = { ...values, language };
  const subject = template.subject(all).replace(/\s+/g, ' ').trim();
  const text = `${template.text(all).replace(/\n{3,}/g, '\n\n').trim()}\n`;
  const html = layout({ ...all, subject, body: template.html(all) });
  return { subject, text, html };
}

const LOCALES: Record<MailLanguage, string> = { nb: 'nb-NO', nn: 'nn-NO', sv: 'sv-SE', en: 'en-GB' };

/** A moment as people of the network read it: in its time zone, with the zone's abbreviation. */
export function formatDateTime(at: Date, language: MailLanguage, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short',
  }).format(at);
}

/** A month known only as a month ("2013-10") written as one ("oktober 2013"), never with an invented day. */
export function formatMonth(month: string, language: MailLanguage): string {
  const [year, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(LOCALES[language], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, m - 1, 15)));
}

export const asLanguage = (value: string | null | undefined): MailLanguage => (LANGUAGES as readonly string[]).includes(value ?? '') ? value as MailLanguage : 'nb';
