import type { ServerResponse } from 'node:http';

/** The small pages that links in messages open: plain HTML forms, no JavaScript, nothing loaded from elsewhere. */

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function page(lang: string, title: string, paragraphs: string[], form = ''): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 34rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
form { display: flex; gap: 1rem; margin-top: 1.5rem; }
button { font: inherit; padding: .6rem 1.2rem; border-radius: .3rem; border: 1px solid #0b5394; cursor: pointer; }
button[value=accept] { background: #0b5394; color: #fff; }
button[value=decline] { background: #fff; color: #0b5394; }
</style></head>
<body><main><h1>${escapeHtml(title)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${form}</main></body></html>
`;
}

/** A link that was not made by this service: neither the network nor its language is known, so Norwegian and English. */
export const invalidLinkPage = () => page('nb', 'Ugyldig lenke / Invalid link', [
  'Lenken er ikke gyldig. Kontroller at du har kopiert hele lenken fra e-posten.',
  'The link is not valid. Check that you copied the whole link from the email.',
]);

export function sendPage(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  });
  res.end(html);
}
