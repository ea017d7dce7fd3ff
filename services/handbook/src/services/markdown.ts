import { Marked, type Token } from 'marked';

/**
 * Safe by construction rather than by cleaning up afterwards: raw HTML in the Markdown is shown
 * as text, never passed through, and links and images keep only http(s)/mailto/relative URLs.
 * Everything else marked emits (headings, lists, tables, code, emphasis) carries no script.
 */
const markdown = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html({ text }) {
      return escapeHtml(text);
    },
    link({ href, title, tokens }) {
      const label = this.parser.parseInline(tokens);
      if (!isAllowedUrl(href)) return label;
      return `<a href="${escapeHtml(encodeUrl(href))}"${title ? ` title="${escapeHtml(title)}"` : ''} rel="noopener noreferrer nofollow">${label}</a>`;
    },
    image({ href, title, text }) {
      if (!isAllowedUrl(href) || schemeOf(href) === 'mailto:') return escapeHtml(text);
      return `<img src="${escapeHtml(encodeUrl(href))}" alt="${escapeHtml(text)}"${title ? ` title="${escapeHtml(title)}"` : ''}>`;
    },
  },
});

/** Markdown to HTML that is safe to insert into a page: no script, event handler or script URL survives. */
export function renderMarkdown(source: string): string {
  return markdown.parse(source) as string;
}

/**
 * What in a Markdown text the renderer would neutralise: raw HTML (script, iframe, elements with
 * event handlers) and links or images with other schemes (javascript:, data:, vbscript:).
 * Empty for plain Markdown; editors get these back as a user error.
 */
export function unsafeMarkup(source: string): string[] {
  const found = new Set<string>();
  const visit = (token: Token) => {
    if (token.type === 'html') {
      const tags = [...token.raw.matchAll(/<\s*\/?\s*([a-z][a-z0-9-]*)/gi)].map((m) => `<${m[1].toLowerCase()}>`);
      (tags.length ? tags : ['HTML']).forEach((t) => found.add(t));
    } else if ((token.type === 'link' || token.type === 'image') && !isAllowedUrl(token.href)) {
      found.add(`${schemeOf(token.href)} ${token.type}`);
    }
  };
  markdown.walkTokens(markdown.lexer(source), visit);
  return [...found];
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&(amp|lt|gt|quot|apos|nbsp|colon|tab|newline);/gi, (_, name: string) =>
      ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', colon: ':', tab: '\t', newline: '\n' })[name.toLowerCase()] ?? '');
}

function schemeOf(url: string): string {
  // Browsers decode entities and ignore control characters and spaces inside a scheme ("java\tscript:").
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const compact = decodeEntities(url).replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const match = /^([a-z][a-z0-9+.-]*):/.exec(compact);
  if (match) return `${match[1]}:`;
  return compact.startsWith('//') || compact.startsWith('\\') ? 'protocol-relative' : 'relative';
}

function isAllowedUrl(url: string): boolean {
  return ['http:', 'https:', 'mailto:', 'relative'].includes(schemeOf(url));
}

function encodeUrl(url: string): string {
  try {
    return encodeURI(decodeURI(url));
  } catch {
    return encodeURI(url);
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Private-use characters that mark highlights in search snippets; never part of stored text. */
export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_END = '\uE001';

/** The text of a Markdown document without markup: what search indexes and snippets quote. */
export function markdownToText(source: string): string {
  const parts: string[] = [];
  const visit = (token: Token) => {
    // Leaves only: text, code and raw HTML (kept as the text a reader sees).
    if ('tokens' in token && token.tokens?.length) return;
    if (token.type === 'text' || token.type === 'codespan' || token.type === 'code' || token.type === 'escape') parts.push(decodeEntities(token.text));
    else if (token.type === 'html') parts.push(token.raw.replace(/<[^>]*>/g, ' '));
    else if (token.type === 'image') parts.push(token.text);
  };
  markdown.walkTokens(markdown.lexer(source), visit);
  return parts.join(' ').replace(/[\uE000\uE001]/g, '').replace(/\s+/g, ' ').replace(/\s+([.,;:!?])/g, '$1').trim();
}

/** A search snippet as HTML: the text escaped, the highlighted words in `<mark>`. */
export function highlightToHtml(snippet: string): string {
  return escapeHtml(snippet).replaceAll(HIGHLIGHT_START, '<mark>').replaceAll(HIGHLIGHT_END, '</mark>');
}
