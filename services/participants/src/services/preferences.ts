import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { forbidden, refuseAll, runMutation, userError, type RequestContext, type UserError } from '@kommunenett/subgraph-kit';
import { NotificationKind, OPTIONAL_NOTIFICATIONS } from '../entities/enums';
import { mayManageNotificationsOf } from './access';
import { idSchema } from './registrations';

/**
 * Which messages a person receives. Messages a person needs (a decision on their registration, an
 * offer, its expiry) cannot be switched off; reminders can.
 */

export interface PreferenceView {
  kind: NotificationKind;
  enabled: boolean;
  optional: boolean;
}

/** Every message kind with whether the person receives it. */
export async function preferencesOf(ds: DataSource, personId: string): Promise<PreferenceView[]> {
  const off = new Set(((await ds.query(
    'SELECT kind FROM participants.notification_preference WHERE person_id = $1 AND NOT enabled', [personId])) as { kind: string }[]).map((r) => r.kind));
  return Object.values(NotificationKind).map((kind) => ({ kind, enabled: !off.has(kind), optional: OPTIONAL_NOTIFICATIONS.includes(kind) }));
}

/** The person whose settings are meant: the viewer's own unless ADMIN names one; FORBIDDEN for anyone else's. */
export function preferenceSubject(ctx: RequestContext, personId?: string | null): string {
  const subject = personId ?? ctx.viewer.personId;
  if (!subject || !mayManageNotificationsOf(ctx.viewer, subject)) throw forbidden('You may read and change your own message settings only.');
  return subject;
}

const updateSchema = z.object({
  personId: idSchema.nullish(),
  preferences: z.array(z.object({ kind: z.enum(NotificationKind), enabled: z.boolean() })).min(1).max(50),
});

export async function setPreferences(ds: DataSource | EntityManager, personId: string, changes: { kind: NotificationKind; enabled: boolean }[]): Promise<void> {
  await ds.query(
    `INSERT INTO participants.notification_preference (person_id, kind, enabled, updated_at)
     SELECT $1, p.kind, p.enabled, now() FROM unnest($2::text[], $3::boolean[]) AS p(kind, enabled)
     ON CONFLICT (person_id, kind) DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = now()`,
    [personId, changes.map((c) => c.kind), changes.map((c) => c.enabled)]);
}

export async function updateNotificationPreferences(ctx: RequestContext, raw: unknown): Promise<{ personId: string | null; userErrors: UserError[] }> {
  const prepare = async (input: z.infer<typeof updateSchema>) => {
    const personId = preferenceSubject(ctx, input.personId);
    refuseAll(input.preferences
      .map((p, i) => ({ ...p, i }))
      .filter((p) => !p.enabled && !OPTIONAL_NOTIFICATIONS.includes(p.kind))
      .map((p) => userError(`preferences.${p.i}.enabled`, `${p.kind} tells you of a decision you need; it cannot be switched off.`, 'NOTIFICATION_REQUIRED')));
    return personId;
  };
  const outcome = await runMutation(ctx, { input: raw, schema: updateSchema, prepare }, async ({ preferences }, m, personId) => {
    await setPreferences(m, personId, preferences);
    return personId;
  });
  return { personId: outcome.value, userErrors: outcome.userErrors };
}
