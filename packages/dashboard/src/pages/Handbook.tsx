import { usePageQuery } from '../client';
import { QueryState, Section } from '../components';
import { ChapterDocument, HandbookSearchDocument } from '../generated/graphql';
import { formatDay, locale, t } from '../i18n';
import { href, navigate, route } from '../router';
import { useSignal } from '../signal';

export function HandbookSearch() {
  const lang = useSignal(locale);
  const { params } = useSignal(route);
  const query = params.get('q') ?? '';
  // Handbooks are written in Norwegian and Swedish: an English interface searches the Norwegian texts.
  const language = lang === 'sv' ? 'sv' : 'nb';
  const result = usePageQuery(HandbookSearchDocument, { query, language }, query.trim().length === 0);
  return (
    <>
      <h1>{t('navHandbook')}</h1>
      <form role="search" class="filters" onSubmit={(e) => {
        e.preventDefault();
        const q = new FormData(e.currentTarget).get('q');
        navigate(href('/handbook', { q: String(q ?? '') }));
      }}>
        <label>{t('search')} <input type="search" name="q" defaultValue={query} /></label>
        <button type="submit">{t('searchButton')}</button>
      </form>
      {query && (
        <QueryState result={result}>
          {(data) => (
            <>
              <p role="status">{data.searchHandbook.totalCount === 0 ? t('noResults') : t('results', { n: data.searchHandbook.totalCount })}</p>
              <ol class="hits">{data.searchHandbook.edges.map(({ node }) => (
                <li key={`${node.edition.id}-${node.chapter.id}`}>
                  <a href={href(`/handbook/chapters/${encodeURIComponent(node.chapter.id)}`)}>{node.chapter.title}</a>
                  <span class="muted"> · {node.edition.handbook.title}, {t('edition').toLowerCase()} {node.edition.number}</span>
                  {/* The API escapes everything but <mark> in snippets. */}
                  <p class="snippet" dangerouslySetInnerHTML={{ __html: node.snippet }} />
                </li>
              ))}</ol>
            </>
          )}
        </QueryState>
      )}
    </>
  );
}

export function Chapter({ id }: { id: string }) {
  const result = usePageQuery(ChapterDocument, { id });
  return (
    <QueryState result={result}>
      {(data) => {
        const chapter = data.chapter;
        if (!chapter) return <p class="notice" data-problem="notFound">{t('notFoundPage')}</p>;
        const editions = [...chapter.edition.handbook.editions].sort((a, b) => b.number - a.number);
        return (
          <>
            <h1>{chapter.title}</h1>
            <p class="muted">{t('chapterIn', { handbook: chapter.edition.handbook.title, n: chapter.edition.number })}</p>
            {/* bodyHtml is rendered by the API with raw HTML shown as text. */}
            <div class="chapter-body" dangerouslySetInnerHTML={{ __html: chapter.bodyHtml }} />
            <Section title={t('revisionHistory')} id="history">
              <ol class="editions">{editions.map((edition) => (
                <li key={edition.id} data-edition={edition.number}>
                  <strong>{t('edition')} {edition.number}: {edition.title}</strong>
                  {' '}<span class="muted">{edition.publishedOn ? t('publishedOn', { date: formatDay(`${edition.publishedOn}T12:00:00Z`, 'UTC') }) : t('draft')}</span>
                  <h3>{t('changedByNetworks')}</h3>
                  {edition.changesFromNetworks.length === 0 ? <p class="muted">{t('noNetworkChanges')}</p> : (
                    <ul>{edition.changesFromNetworks.map((c) => (
                      <li key={c.network.id}><a href={href(`/networks/${encodeURIComponent(c.network.id)}`)}>{c.network.name}</a>:{' '}
                        {c.changes.map((change) => (change.anchor === chapter.anchor ? <strong key={change.anchor}>{change.title}</strong> : change.title)).reduce<unknown[]>((all, x, i) => (i ? [...all, ', ', x] : [x]), [])}
                      </li>
                    ))}</ul>
                  )}
                </li>
              ))}</ol>
            </Section>
          </>
        );
      }}
    </QueryState>
  );
}
