import { z } from 'zod';
import { inputSchemas, userError, type UserError } from '@kommunenett/subgraph-kit';
import { unsafeMarkup } from './markdown';

export const idSchema = inputSchemas.id;
export const slugSchema = z.string().min(1).max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'Use lowercase letters, digits and single hyphens, e.g. "verdier-holdninger-og-kultur".' });
export const titleSchema = z.string().trim().min(1).max(200);
export const markdownSchema = z.string().max(100_000);
export const summarySchema = z.string().trim().max(1000).nullable().optional();
export const tagsSchema = z.array(z.string().trim().min(1).max(50)).max(20);
export const expectedVersionSchema = z.number().int().min(1);

/** A full anchor: handbook slug and section slug, e.g. "beskytt-kommunen/verdier-holdninger-og-kultur". */
export const ANCHOR = /^([a-z0-9]+(?:-[a-z0-9]+)*)\/([a-z0-9]+(?:-[a-z0-9]+)*)$/;

export function parseAnchor(anchor: string): { handbookSlug: string; slug: string } | null {
  const match = anchor.length <= 200 ? ANCHOR.exec(anchor) : null;
  return match ? { handbookSlug: match[1], slug: match[2] } : null;
}

export function anchorOf(handbookSlug: string, slug: string): string {
  return `${handbookSlug}/${slug}`;
}

/** A user error when a Markdown field holds markup the renderer would have to neutralise. */
export function checkMarkup(field: string, markdown: string | null | undefined): UserError[] {
  const unsafe = markdown ? unsafeMarkup(markdown) : [];
  return unsafe.length
    ? [userError(field, `The text contains markup that is not allowed: ${unsafe.join(', ')}. Write Markdown without HTML; links must be http(s), mailto or relative.`, 'UNSAFE_MARKUP')]
    : [];
}

/** Today's date in Norway, as YYYY-MM-DD. */
export function todayInOslo(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
