import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { forbidden, refuseAll, runMutation, userError, type RequestContext, type UserError } from '@kommunenett/subgraph-kit';
import { NotificationKind, OPTIONAL_NOTIFICATIONS } from '../entities/enums';
import { mayManageNotificationsOf } from './access';
import { idSchema } from './registrations';

/**
 * Which messages a person receives. Messages a person needs (a decision on their registration, an
 * offer, its expiry) cannot be switched off; reminders, copies and organisers' messages can, and
 * an organiser takes new registrations one message each or as a daily digest.
 */

export interface PreferenceView {
  kind: NotificationKind;
  enabled: boolean;
  optional: boolean;
  dailyDigest: boolean;
}

/** The kinds a person sets: the digest is not one of them (it is NEW_REGISTRATION's dailyDigest). */
const SETTABLE = Object.values(NotificationKind).filter((k) => k !== NotificationKind.REGISTRATION_DIGEST);
/** The kinds that may come as a daily digest instead of one message each. */
const DIGESTIBLE: readonly NotificationKind[] = [NotificationKind.NEW_REGISTRATION];

/** Every message kind with whether the person receives it. */
export async function preferencesOf(ds: DataSource, personId: string): Promise<PreferenceView[]> {
  const rows = new Map(((await ds.query(
    'SELECT kind, enabled, digest FROM participants.notification_preference WHERE person_id = $1', [personId])) as { kind: string; enabled: boolean; digest: boolean }[])
    .map((r) => [r.kind, r]));
  return SETTABLE.map((kind) => ({
    kind, enabled: rows.get(kind)?.enabled ?? true, optional: OPTIONAL_NOTIFICATIONS.includes(kind), dailyDigest: rows.get(kind)?.digest ?? false,
  }));
}

/** The person whose settings are meant: the viewer's own unless ADMIN names one; FORBIDDEN for anyone else's. */
export function preferenceSubject(ctx: RequestContext, personId?: string | null): string {
  const subject = personId ?? ctx.viewer.personId;
  if (!subject || !mayManageNotificationsOf(ctx.viewer, subject)) throw forbidden('You may read and change your own message settings only.');
  return subject;
}

const updateSchema = z.object({
  personId: idSchema.nullish(),
  preferences: z.array(z.object({ kind: z.enum(SETTABLE as [NotificationKind, ...NotificationKind[]]), enabled: z.boolean(), dailyDigest: z.boolean().nullish() })).min(1).max(50),
});

/** Stores the settings; a change that leaves `dailyDigest` out keeps it as it was. */
export async function setPreferences(ds: DataSource | EntityManager, personId: string, changes: { kind: NotificationKind; enabled: boolean; dailyDigest?: boolean | null }[]): Promise<void> {
  await ds.query(
    `INSERT INTO participants.notification_preference (person_id, kind, enabled, digest, updated_at)
     SELECT $1, p.kind, p.enabled,
            COALESCE(p.digest, (SELECT np.digest FROM participants.notification_preference np WHERE np.person_id = $1 AND np.kind = p.kind), false), now()
     FROM unnest($2::text[], $3::boolean[], $4::boolean[]) AS p(kind, enabled, digest)
     ON CONFLICT (person_id, kind) DO UPDATE SET enabled = EXCLUDED.enabled, digest = EXCLUDED.digest, updated_at = now()`,
    [personId, changes.map((c) => c.kind), changes.map((c) => c.enabled), changes.map((c) => c.dailyDigest ?? null)]);
}

export async function updateNotificationPreferences(ctx: RequestContext, raw: unknown): Promise<{ personId: string | null; userErrors: UserError[] }> {
  const prepare = async (input: z.infer<typeof updateSchema>) => {
    const personId = preferenceSubject(ctx, input.personId);
    refuseAll(input.preferences
      .map((p, i) => ({ ...p, i }))
      .filter((p) => !p.enabled && !OPTIONAL_NOTIFICATIONS.includes(p.kind))
      .map((p) => userError(`preferences.${p.i}.enabled`, `${p.kind} tells you of a decision you need; it cannot be switched off.`, 'NOTIFICATION_REQUIRED')));
    refuseAll(input.preferences
      .map((p, i) => ({ ...p, i }))
      .filter((p) => p.dailyDigest && !DIGESTIBLE.includes(p.kind))
      .map((p) => userError(`preferences.${p.i}.dailyDigest`, `${p.kind} comes one message each; only NEW_REGISTRATION has a daily digest.`, 'DIGEST_NOT_OFFERED')));
    return personId;
  };
  const outcome = await runMutation(ctx, { input: raw, schema: updateSchema, prepare }, async ({ preferences }, m, personId) => {
    await setPreferences(m, personId, preferences);
    return personId;
  });
  return { personId: outcome.value, userErrors: outcome.userErrors };
}
