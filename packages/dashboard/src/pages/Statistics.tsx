import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { usePageQuery } from '../client';
import { drawBars, toCsv } from '../chart';
import { Figure, QueryState } from '../components';
import { IndicatorsDocument, IndicatorStatisticsDocument, type IndicatorStatisticsQuery, type IndicatorStatisticsQueryVariables } from '../generated/graphql';
import { bcp47, locale, t } from '../i18n';
import { href, navigate, route } from '../router';
import { useSignal } from '../signal';

type Cell = IndicatorStatisticsQuery['statistics']['cells']['edges'][number]['node'];
type Level = 'county' | 'municipality';

function Table({ cells, level, threshold, indicatorName, period }: { cells: Cell[]; level: Level; threshold: number; indicatorName: string; period: string }) {
  const chart = useRef<HTMLDivElement>(null);
  const label = (c: Cell) => (level === 'county' ? c.county?.name ?? c.countyCode ?? '' : c.municipality?.name ?? '');
  const title = t('chartOf', { indicator: indicatorName, period, level: t(level) });
  useEffect(() => {
    if (chart.current) void drawBars(chart.current, cells.map((c) => ({ label: label(c), value: c.perThousandInhabitants ?? c.value, suppressed: c.suppressed })),
      { title, locale: bcp47(), suppressedLabel: t('fewerThan', { n: threshold }) });
  });
  // The CSV holds exactly what the table shows: the same rounding, suppressed cells as words.
  const csvHref = useMemo(() => {
    const shown = (v: number | null | undefined, digits: number) => (v === null || v === undefined ? null : Number(v.toFixed(digits)));
    const rows = [[t(level), t('period'), t('value'), t('perThousand'), t('units')],
      ...cells.map((c) => [label(c), c.period ?? period, c.suppressed ? t('fewerThan', { n: threshold }) : shown(c.value, 1),
        c.suppressed ? t('fewerThan', { n: threshold }) : shown(c.perThousandInhabitants, 2), c.unitCount ?? null])];
    return `data:text/csv;charset=utf-8,${encodeURIComponent(toCsv(rows))}`;
  }, [cells, level, threshold, period]);
  return (
    <div class="two-columns">
      <table data-table="statistics">
        <caption>{title}</caption>
        <thead><tr><th scope="col">{t(level)}</th><th scope="col" class="num">{t('value')}</th><th scope="col" class="num">{t('perThousand')}</th><th scope="col" class="num">{t('units')}</th></tr></thead>
        <tbody>{cells.map((c) => (
          <tr key={label(c)} data-row={c.municipality?.id ?? c.county?.id ?? c.countyCode}>
            <th scope="row">{label(c)}</th>
            <td class="num"><Figure value={c.value} suppressed={c.suppressed} threshold={threshold} digits={1} /></td>
            <td class="num"><Figure value={c.perThousandInhabitants} suppressed={c.suppressed} threshold={threshold} digits={2} /></td>
            <td class="num">{c.unitCount ?? ''}</td>
          </tr>
        ))}</tbody>
      </table>
      <figure>
        <div ref={chart} class="chart" role="img" aria-label={title} />
        <figcaption>{t('suppressedNote', { n: threshold })} <a href={csvHref} download={`statistics-${period}.csv`}>{t('downloadCsv')}</a></figcaption>
      </figure>
    </div>
  );
}

/**
 * Every cell of the table: the first page, then each next page after the last one's end cursor
 * (a page holds up to 1,000 cells, so Norway by municipality is one page), shown once all have arrived.
 */
function AllPages({ first, variables, before = [], children }: {
  first: IndicatorStatisticsQuery; variables: IndicatorStatisticsQueryVariables; before?: Cell[]; children: (cells: Cell[]) => ComponentChildren;
}) {
  const cells = [...before, ...first.statistics.cells.edges.map((e) => e.node)];
  const { hasNextPage, endCursor } = first.statistics.cells.pageInfo;
  return hasNextPage && endCursor ? <NextPage variables={{ ...variables, after: endCursor }} before={cells}>{children}</NextPage> : <>{children(cells)}</>;
}

function NextPage({ variables, before, children }: { variables: IndicatorStatisticsQueryVariables; before: Cell[]; children: (cells: Cell[]) => ComponentChildren }) {
  const page = usePageQuery(IndicatorStatisticsDocument, variables);
  return <QueryState result={page}>{(data) => <AllPages first={data} variables={variables} before={before}>{children}</AllPages>}</QueryState>;
}

export function Statistics() {
  const lang = useSignal(locale);
  const { params } = useSignal(route);
  const catalogue = usePageQuery(IndicatorsDocument, { language: lang });
  const indicators = catalogue.data?.indicators ?? [];
  const indicator = indicators.find((i) => i.id === params.get('indicator')) ?? indicators[0];
  const period = params.get('period') ?? indicator?.periods.at(-1) ?? '';
  const level: Level = params.get('level') === 'municipality' ? 'municipality' : 'county';
  const country = params.get('country') === 'SE' ? 'SE' : 'NO';
  const variables: IndicatorStatisticsQueryVariables = { indicator: indicator?.id ?? '', country, period, groupBy: [level === 'county' ? 'COUNTY' : 'MUNICIPALITY'] };
  const statistics = usePageQuery(IndicatorStatisticsDocument, variables, !indicator);
  const choose = (change: Record<string, string>) => {
    const next = { indicator: indicator?.id ?? '', period, level, country, ...change };
    navigate(href('/statistics', next), true);
  };
  return (
    <>
      <h1>{t('navStatistics')}</h1>
      <QueryState result={catalogue}>
        {() => (
          <form class="filters" onSubmit={(e) => e.preventDefault()}>
            <label>{t('indicator')}
              <select value={indicator?.id} onChange={(e) => choose({ indicator: e.currentTarget.value, period: '' })}>
                {indicators.map((i) => <option key={i.id} value={i.id}>{i.name}</option>)}
              </select>
            </label>
            <label>{t('period')}
              <select value={period} onChange={(e) => choose({ period: e.currentTarget.value })}>
                {[...new Set([...(indicator?.periods ?? []), period])].filter(Boolean).map((p) => <option key={p} value={p}>{p}</option>)}
              </select>
            </label>
            <label>{t('level')}
              <select value={level} onChange={(e) => choose({ level: e.currentTarget.value })}>
                <option value="county">{t('county')}</option><option value="municipality">{t('municipality')}</option>
              </select>
            </label>
            <label>{t('country')}
              <select value={country} onChange={(e) => choose({ country: e.currentTarget.value })}>
                <option value="NO">{t('norway')}</option><option value="SE">{t('sweden')}</option>
              </select>
            </label>
          </form>
        )}
      </QueryState>
      {indicator && (
        <>
          {statistics.problem?.kind === 'cost' && level === 'municipality' && (
            <p><button type="button" data-narrow="county" onClick={() => choose({ level: 'county' })}>{t('narrowToCounty')}</button></p>
          )}
          <QueryState result={statistics}>
          {(data) => data.statistics.cells.totalCount === 0
            ? <p class="notice" data-problem="noData">{t('noData', { indicator: indicator.name, period })}</p>
            : <AllPages first={data} variables={variables}>
              {(cells) => <Table cells={cells} level={level} threshold={data.statistics.suppressionThreshold} indicatorName={indicator.name} period={period} />}
            </AllPages>}
          </QueryState>
        </>
      )}
    </>
  );
}
