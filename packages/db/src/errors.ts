/** What PostgreSQL says about a statement that broke a unique index (SQLSTATE 23505). */
export interface UniqueViolation {
  /** The index or constraint, e.g. `registration_external_ref_idx`. */
  constraint: string | null;
  /** e.g. `Key (client_id, external_ref)=(crm, A-1) already exists.` */
  detail: string | null;
}

/**
 * The unique violation behind an error (typeorm's QueryFailedError or the driver's own error), or
 * null for any other error: a race two requests ran into, to be answered with a user error.
 */
export function uniqueViolationOf(error: unknown): UniqueViolation | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as { code?: string; constraint?: string; detail?: string; driverError?: { code?: string; constraint?: string; detail?: string } };
  const source = e.driverError?.code === '23505' ? e.driverError : e.code === '23505' ? e : null;
  return source ? { constraint: source.constraint ?? null, detail: source.detail ?? null } : null;
}
