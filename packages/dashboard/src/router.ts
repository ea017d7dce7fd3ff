import { signal } from './signal';

/** The path inside the dashboard ("/", "/networks/<id>", …) and its query, kept in the history API. */
export interface Location { path: string; params: URLSearchParams }

const BASE = import.meta.env.BASE_URL.replace(/\/$/, '');

function current(): Location {
  const path = location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length) || '/' : location.pathname;
  return { path, params: new URLSearchParams(location.search) };
}

export const route = signal<Location>(current());
addEventListener('popstate', () => { route.value = current(); });

export const href = (path: string, params?: Record<string, string>) =>
  `${BASE}${path}${params && Object.keys(params).length ? `?${new URLSearchParams(params)}` : ''}`;

export function navigate(to: string, replace = false): void {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  route.value = current();
  if (!replace) document.getElementById('main')?.focus();
}

/** Links inside the dashboard change the page without a reload (the token lives in memory). */
export function interceptLinks(root: HTMLElement): void {
  root.addEventListener('click', (event) => {
    const anchor = (event.target as HTMLElement).closest('a');
    if (!anchor || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    const url = new URL(anchor.href, location.href);
    if (url.origin !== location.origin || !url.pathname.startsWith(BASE) || anchor.hasAttribute('download')) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
}
