import { highlightToHtml, markdownToText, renderMarkdown, unsafeMarkup } from './markdown';

/** Known XSS payloads (OWASP cheat sheet style), as Markdown and as inline HTML. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<body onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">klikk</a>',
  '<a href="JaVaScRiPt:alert(1)">klikk</a>',
  '<a href="java\tscript:alert(1)">klikk</a>',
  '<a href="&#106;avascript:alert(1)">klikk</a>',
  '[klikk](javascript:alert(1))',
  '[klikk](JAVASCRIPT:alert(1))',
  '[klikk](vbscript:msgbox(1))',
  '[klikk](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![bilde](javascript:alert(1))',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<p onmouseover="alert(1)">hold over</p>',
  '<object data="javascript:alert(1)"></object>',
  '<form action="javascript:alert(1)"><button>send</button></form>',
  '<a href="  javascript:alert(1)">klikk</a>',
];

describe('renderMarkdown', () => {
  it('renders Markdown to HTML', () => {
    const html = renderMarkdown('## Verdier\n\nEn **tydelig** kultur, se [KS](https://www.ks.no).');
    expect(html).toContain('<h2>Verdier</h2>');
    expect(html).toContain('<strong>tydelig</strong>');
    expect(html).toContain('<a href="https://www.ks.no" rel="noopener noreferrer nofollow">KS</a>');
    expect(renderMarkdown('<b>fet</b>')).toBe('<p>&lt;b&gt;fet&lt;/b&gt;</p>\n');
  });

  it.each(PAYLOADS)('renders %s harmless', (payload) => {
    const html = renderMarkdown(`Tekst før.\n\n${payload}\n\nTekst etter.`);
    // Every element in the output is one Markdown makes, without handlers or script URLs;
    // the payload may remain only as escaped, inert text.
    const tags = html.match(/<[^>]*>/g) ?? [];
    for (const tag of tags) {
      expect(tag).toMatch(/^<\/?(p|a|em|strong|code|pre|br)\b/);
      expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
      expect(tag).not.toMatch(/(java|vb)\s*script\s*:|data:/i);
    }
    expect(html).toContain('Tekst etter.');
  });
});

describe('unsafeMarkup', () => {
  it('finds nothing in plain Markdown', () => {
    expect(unsafeMarkup('# Tittel\n\n- punkt\n- [lenke](https://example.org), [epost](mailto:post@example.org) og [intern](#verdier)\n\n`<script>` i kode er bare tekst.')).toEqual([]);
  });

  it.each(PAYLOADS)('finds the unsafe markup in %s', (payload) => {
    expect(unsafeMarkup(payload).length).toBeGreaterThan(0);
  });
});

describe('markdownToText and highlightToHtml', () => {
  it('strips markup and escapes snippets, keeping only the highlight marks', () => {
    expect(markdownToText('## Hva er *korrupsjon*?\n\nMisbruk av **makt** og `tillit`, se [KS](https://www.ks.no).')).toBe('Hva er korrupsjon? Misbruk av makt og tillit, se KS.');
    expect(highlightToHtml('<b>\uE000korrupsjon\uE001</b> & mer')).toBe('&lt;b&gt;<mark>korrupsjon</mark>&lt;/b&gt; &amp; mer');
  });
});
