import { z } from 'zod';
import { forbidden, isAdmin, lockRow, runMutation, inputSchemas, type RequestContext } from '@kommunenett/subgraph-kit';
import { Organization } from '../entities/organization.entity';

/*
 * How an organization's messages are signed: the sender's display name (the address stays
 * MAIL_FROM, so the platform's mail server can send for every organization) and the reply-to
 * address answers go to. A network's messages use its first host's settings.
 */

const mailSettingsSchema = z.object({
  organizationId: z.string().max(64),
  /** Null or empty: the organization's name. Line breaks and angle brackets would break the header. */
  senderName: inputSchemas.text(inputSchemas.LIMITS.name).regex(/^[^\r\n<>"]*$/, 'No line breaks, quotes or angle brackets.').nullish(),
  replyTo: z.email().max(254).transform((e) => e.toLowerCase()).nullish(),
});

/** ADMIN, or ORG_ADMIN of that organization; another organization's settings are FORBIDDEN. */
export function updateOrganizationMailSettings(ctx: RequestContext, input: unknown) {
  return runMutation(ctx, { input, schema: mailSettingsSchema }, async ({ organizationId, senderName, replyTo }, m) => {
    const v = ctx.viewer;
    if (!isAdmin(v) && !(v.role === 'ORG_ADMIN' && v.organizationId === organizationId)) throw forbidden('Only the organization’s own ORG_ADMIN sets how its messages are signed.');
    const org = await lockRow(m, Organization, organizationId, 'organizationId', 'Organization');
    if (senderName !== undefined) org.mailSenderName = senderName || null;
    if (replyTo !== undefined) org.mailReplyTo = replyTo || null;
    return m.getRepository(Organization).save(org);
  });
}
