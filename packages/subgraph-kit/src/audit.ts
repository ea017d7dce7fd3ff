import type { EntityManager } from 'typeorm';
import type { Viewer } from '@kommunenett/auth';
import { badInput } from './errors';

/*
 * The organiser's trail (docs/audit.md). Each service keeps the entries of its own changes in its
 * own schema, written in the transaction of the change; `Network.auditTrail` (networks service)
 * merges them newest first. The pieces both services share are here: who the client was, the
 * cursor, and the trigger that keeps the entries from being edited.
 */

/**
 * Through which client a change came: the token's `client_id` (a partner system, or a signed-in
 * application that names itself, such as the dashboard's OpenID client), `service:<name>` for a
 * service's own call, otherwise `gateway` (a person's token used directly against the API).
 */
export function clientOf(viewer: Viewer): string {
  if (viewer.kind === 'service') return viewer.subject ?? 'service';
  return viewer.clientId ?? 'gateway';
}

/** The transaction-local setting that lets erasure (and nothing else) rewrite audit entries. */
const ERASURE_SETTING = 'kommunenett.erasing_person';

/**
 * Opens the audit tables of this transaction to erasure: `eraseTraces` replaces a person's name
 * and subject in every text column, which the trail's immutability trigger otherwise refuses.
 */
export async function allowAuditErasure(m: EntityManager): Promise<void> {
  await m.query(`SELECT set_config('${ERASURE_SETTING}', 'on', true)`);
}

/**
 * SQL that makes `schema.table` append-only: a trigger refuses every UPDATE and DELETE, except
 * inside a transaction that erases a person (`allowAuditErasure`). The services connect as the
 * tables' owner, on which REVOKE has no effect, so the rule is a trigger, on both databases.
 */
export function appendOnlySql(schema: string, table: string): string[] {
  const fn = `${schema}.${table}_append_only`;
  return [
    `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP = 'UPDATE' AND coalesce(current_setting('${ERASURE_SETTING}', true), '') = 'on' THEN RETURN NEW; END IF;
       RAISE EXCEPTION '${schema}.${table} is an audit record: its rows are never changed or removed' USING ERRCODE = 'insufficient_privilege';
     END $$`,
    `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${schema}.${table} FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
  ];
}

/** Position of an entry in the trail: when (microseconds since 1970, as text) and its id; newest first. */
export interface AuditPosition {
  micros: string;
  id: string;
}

/** SQL for an entry's microseconds, to select and to compare with a position. */
export const auditMicrosSql = (column: string) => `(extract(epoch from ${column}) * 1000000)::bigint`;

export function encodeAuditCursor(p: AuditPosition): string {
  return Buffer.from(JSON.stringify([p.micros, p.id])).toString('base64url');
}

export function decodeAuditCursor(cursor: string | null | undefined): AuditPosition | null {
  if (!cursor) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && /^\d{1,20}$/.test(String(value[0])) && typeof value[1] === 'string' && value[1].length <= 100) {
      return { micros: String(value[0]), id: value[1] };
    }
  } catch {
    // fall through
  }
  throw badInput('The cursor is not valid for this list.', 'after');
}

/** Newest first: later time first, then the greater id (compared as bytes, as SQL's COLLATE "C"). */
export function compareAuditPositions(a: AuditPosition, b: AuditPosition): number {
  const ta = BigInt(a.micros);
  const tb = BigInt(b.micros);
  if (ta !== tb) return ta > tb ? -1 : 1;
  return a.id === b.id ? 0 : a.id > b.id ? -1 : 1;
}

/**
 * The keyset condition "older than `before`" for one table, with its parameters numbered from
 * `firstParam`: `(micros, id COLLATE "C") < (…)`.
 */
export function olderThanSql(timeColumn: string, idSql: string, firstParam: number): string {
  return `(${auditMicrosSql(timeColumn)}, (${idSql}) COLLATE "C") < ($${firstParam}::bigint, $${firstParam + 1}::text COLLATE "C")`;
}
