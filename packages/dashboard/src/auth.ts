import { signal } from './signal';

/** What the gateway tells the dashboard about sign-in (GET /dashboard/config.json). */
export interface SignInConfig {
  /** The gateway signs development tokens (POST /dev/token): show the role picker. */
  devTokens: boolean;
  /** OpenID Connect provider for production sign-in (authorization code with PKCE). */
  oidc: { authority: string; clientId: string; scope: string } | null;
}

export interface Session {
  token: string;
  role: string;
  /** Where the token came from: the development role picker or the identity provider. */
  source: 'dev' | 'oidc';
}

/**
 * The signed-in session lives only in this module's memory: never in localStorage or a cookie,
 * so a reload signs out and no other script on the origin can read a stored token.
 */
export const session = signal<Session | null>(null);
/** Set when the API refused the token as expired: the page asks to sign in again. */
export const sessionExpired = signal(false);

export const DEV_ROLES = ['ADMIN', 'ORG_ADMIN', 'FACILITATOR', 'COORDINATOR', 'ANALYST', 'PARTICIPANT'] as const;

export async function loadSignInConfig(): Promise<SignInConfig> {
  try {
    const res = await fetch(`${import.meta.env.BASE_URL}config.json`, { cache: 'no-store' });
    if (res.ok) return (await res.json()) as SignInConfig;
  } catch {
    // The gateway is unreachable: the pages say so when they query.
  }
  return { devTokens: false, oidc: null };
}

/** Development sign-in: the gateway signs a token for the role (only while its development key is in use). */
export async function signInAsRole(role: string): Promise<void> {
  const res = await fetch('/dev/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role }) });
  if (!res.ok) throw new Error(`The gateway did not sign a development token (${res.status}).`);
  const body = (await res.json()) as { token: string; claims: { role: string } };
  sessionExpired.value = false;
  session.value = { token: body.token, role: body.claims.role, source: 'dev' };
}

export function signOut(): void {
  session.value = null;
}

/** The API said the token is no longer valid. */
export function expireSession(): void {
  if (!session.value) return;
  session.value = null;
  sessionExpired.value = true;
}

const CALLBACK_PATH = `${import.meta.env.BASE_URL}callback`;

/** oidc-client-ts, loaded only when someone signs in with the identity provider. */
async function userManager(oidc: NonNullable<SignInConfig['oidc']>) {
  const { UserManager, WebStorageStateStore, InMemoryWebStorage } = await import('oidc-client-ts');
  return new UserManager({
    authority: oidc.authority,
    client_id: oidc.clientId,
    scope: oidc.scope,
    redirect_uri: `${location.origin}${CALLBACK_PATH}`,
    response_type: 'code', // authorization code; oidc-client-ts adds PKCE (S256)
    // The user (with its tokens) in memory only; the PKCE verifier survives the redirect in sessionStorage.
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: sessionStorage }),
    automaticSilentRenew: false,
  });
}

export async function signInWithOidc(oidc: NonNullable<SignInConfig['oidc']>): Promise<void> {
  const manager = await userManager(oidc);
  await manager.signinRedirect({ state: location.pathname + location.search });
}

/** On the redirect back from the identity provider: exchange the code, keep the token in memory. */
export async function completeOidcSignIn(oidc: NonNullable<SignInConfig['oidc']>): Promise<string | null> {
  if (location.pathname !== CALLBACK_PATH) return null;
  const manager = await userManager(oidc);
  const user = await manager.signinRedirectCallback();
  const claims = user.profile as { role?: string };
  sessionExpired.value = false;
  session.value = { token: user.access_token, role: claims.role ?? '', source: 'oidc' };
  return typeof user.state === 'string' ? user.state : import.meta.env.BASE_URL;
}
