import { useEffect, useRef } from 'preact/hooks';
import { usePageQuery } from '../client';
import { drawBars } from '../chart';
import { Figure, QueryState } from '../components';
import { OutcomeChoicesDocument, OutcomeDocument, type OutcomeQuery } from '../generated/graphql';
import { bcp47, formatNumber, locale, t } from '../i18n';
import { href, navigate, route } from '../router';
import { useSignal } from '../signal';

type Comparison = NonNullable<OutcomeQuery['program']>['indicatorComparison'];

function ComparisonView({ comparison, title }: { comparison: Comparison; title: string }) {
  const chart = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const bars = comparison.periods.flatMap((p) => [
      { label: `${p.period} · ${t('tookPart')}`, value: p.participants.mean, suppressed: p.participants.suppressed },
      { label: `${p.period} · ${t('didNotTakePart')}`, value: p.others.mean, suppressed: p.others.suppressed },
    ]);
    if (chart.current) void drawBars(chart.current, bars, { title, locale: bcp47(), suppressedLabel: t('fewerThan', { n: 3 }) });
  });
  return (
    <div class="two-columns">
      <table data-table="outcomes">
        <caption>{title}</caption>
        <thead><tr><th scope="col">{t('period')}</th><th scope="col" class="num">{t('tookPart')}</th><th scope="col" class="num">{t('municipalities')}</th>
          <th scope="col" class="num">{t('didNotTakePart')}</th><th scope="col" class="num">{t('municipalities')}</th><th scope="col" class="num">{t('difference')}</th></tr></thead>
        <tbody>{comparison.periods.map((p) => (
          <tr key={p.period} data-period={p.period}>
            <th scope="row">{p.period}</th>
            <td class="num"><Figure value={p.participants.mean} suppressed={p.participants.suppressed} digits={2} /></td>
            <td class="num">{formatNumber(p.participants.municipalityCount)}</td>
            <td class="num"><Figure value={p.others.mean} suppressed={p.others.suppressed} digits={2} /></td>
            <td class="num">{formatNumber(p.others.municipalityCount)}</td>
            <td class="num"><Figure value={p.difference} digits={2} /></td>
          </tr>
        ))}</tbody>
      </table>
      <figure>
        <div ref={chart} class="chart" role="img" aria-label={title} />
        <figcaption>{comparison.differenceInDifferences === null ? t('noDiffInDiff') : t('diffInDiff', { value: formatNumber(comparison.differenceInDifferences, 2) })}</figcaption>
      </figure>
    </div>
  );
}

export function Outcomes() {
  const lang = useSignal(locale);
  const { params } = useSignal(route);
  const choices = usePageQuery(OutcomeChoicesDocument, { language: lang });
  const programs = choices.data?.programs.edges.map((e) => e.node) ?? [];
  const indicators = choices.data?.indicators ?? [];
  const program = programs.find((p) => p.id === params.get('program')) ?? programs[0];
  const indicator = indicators.find((i) => i.id === params.get('indicator')) ?? indicators[0];
  const outcome = usePageQuery(OutcomeDocument, { program: program?.id ?? '', indicator: indicator?.id ?? '', periods: indicator?.periods ?? [] }, !program || !indicator);
  const choose = (change: Record<string, string>) => navigate(href('/outcomes', { program: program?.id ?? '', indicator: indicator?.id ?? '', ...change }), true);
  return (
    <>
      <h1>{t('navOutcomes')}</h1>
      <p>{t('outcomesIntro')}</p>
      <QueryState result={choices}>
        {() => (
          <form class="filters" onSubmit={(e) => e.preventDefault()}>
            <label>{t('programme')}
              <select value={program?.id} onChange={(e) => choose({ program: e.currentTarget.value })}>
                {programs.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
              </select>
            </label>
            <label>{t('indicator')}
              <select value={indicator?.id} onChange={(e) => choose({ indicator: e.currentTarget.value })}>
                {indicators.map((i) => <option key={i.id} value={i.id}>{i.name}</option>)}
              </select>
            </label>
          </form>
        )}
      </QueryState>
      {program && indicator && (
        <QueryState result={outcome}>
          {(data) => data.program && <ComparisonView comparison={data.program.indicatorComparison} title={`${indicator.name} · ${program.name}`} />}
        </QueryState>
      )}
    </>
  );
}
