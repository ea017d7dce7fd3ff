import type { AuthChecker } from 'type-graphql';
import type { Role, Viewer } from '@kommunenett/auth';
import { forbidden, unauthenticated } from './errors';
import type { RequestContext } from './context';

/**
 * type-graphql's `@Authorized(...roles)`: ADMIN and internal service calls pass every check;
 * an anonymous caller gets UNAUTHENTICATED, a signed-in caller without the role FORBIDDEN.
 * Row rules (which network, which municipality) live in the services.
 */
export const authChecker: AuthChecker<RequestContext, Role> = ({ context }, roles) => {
  const { viewer } = context;
  if (viewer.kind === 'service' || viewer.role === 'ADMIN') return true;
  if (viewer.kind === 'anonymous') throw unauthenticated();
  if (roles.length === 0 || (viewer.role && roles.includes(viewer.role))) return true;
  throw forbidden();
};

export function isAdmin(viewer: Viewer): boolean {
  return viewer.role === 'ADMIN' || viewer.kind === 'service';
}

export function hasRole(viewer: Viewer, ...roles: Role[]): boolean {
  return isAdmin(viewer) || (viewer.role !== null && roles.includes(viewer.role));
}

/** Throws UNAUTHENTICATED/FORBIDDEN unless the viewer has one of the roles (ADMIN always does). */
export function requireRole(viewer: Viewer, ...roles: Role[]): void {
  if (isAdmin(viewer)) return;
  if (viewer.kind === 'anonymous') throw unauthenticated();
  if (!viewer.role || !roles.includes(viewer.role)) throw forbidden();
}

export function hasScope(viewer: Viewer, scope: string): boolean {
  return isAdmin(viewer) || viewer.scopes.includes(scope);
}
