import { useEffect, useRef } from 'preact/hooks';
import { usePageQuery } from '../client';
import { drawBars, drawInterval } from '../chart';
import { Figure, problemText, QueryState } from '../components';
import { OutcomeChoicesDocument, OutcomeDocument, type OutcomeQuery } from '../generated/graphql';
import { bcp47, formatNumber, locale, t } from '../i18n';
import { href, navigate, route } from '../router';
import { useSignal } from '../signal';

type Comparison = NonNullable<OutcomeQuery['program']>['indicatorComparison'];

function EstimateView({ estimate }: { estimate: NonNullable<Comparison['estimate']> }) {
  const chart = useRef<HTMLDivElement>(null);
  const caption = t('estimateCaption', { from: estimate.fromPeriod, to: estimate.toPeriod });
  const level = formatNumber(estimate.confidenceLevel * 100);
  useEffect(() => {
    if (chart.current && !estimate.suppressed && estimate.value !== null && estimate.lower !== null && estimate.upper !== null) {
      void drawInterval(chart.current, { label: t('estimate'), value: estimate.value, lower: estimate.lower, upper: estimate.upper }, { locale: bcp47() });
    }
  });
  return (
    <div class="two-columns">
      <table data-table="estimate">
        <caption>{caption}</caption>
        <tbody>
          <tr data-row="estimate"><th scope="row">{t('estimate')}</th><td class="num"><Figure value={estimate.value} suppressed={estimate.suppressed} digits={2} /></td></tr>
          <tr data-row="interval"><th scope="row">{t('confidenceInterval', { level })}</th>
            <td class="num">{estimate.suppressed || estimate.lower === null || estimate.upper === null ? <Figure value={null} suppressed={estimate.suppressed} />
              : t('intervalRange', { lower: formatNumber(estimate.lower, 2), upper: formatNumber(estimate.upper, 2) })}</td></tr>
          <tr data-row="participants"><th scope="row">{t('measuredInBoth')} · {t('tookPart')}</th><td class="num">{formatNumber(estimate.participants)}</td></tr>
          <tr data-row="others"><th scope="row">{t('measuredInBoth')} · {t('didNotTakePart')}</th><td class="num">{formatNumber(estimate.others)}</td></tr>
        </tbody>
      </table>
      <figure>
        {estimate.suppressed ? <p data-estimate="suppressed">{t('estimateSuppressed', { n: 3 })}</p>
          : <div ref={chart} class="chart" data-chart="interval" role="img" aria-label={`${caption}: ${t('confidenceInterval', { level })}`} />}
        <figcaption>{t('bootstrapNote', { n: formatNumber(estimate.resamples) })}</figcaption>
      </figure>
    </div>
  );
}

function ComparisonView({ comparison, title }: { comparison: Comparison; title: string }) {
  const chart = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const bars = comparison.periods.flatMap((p) => [
      { label: `${p.period} · ${t('tookPart')}`, value: p.participants.mean, suppressed: p.participants.suppressed },
      { label: `${p.period} · ${t('didNotTakePart')}`, value: p.others.mean, suppressed: p.others.suppressed },
    ]);
    if (chart.current) void drawBars(chart.current, bars, { title, locale: bcp47(), suppressedLabel: t('fewerThan', { n: 3 }) });
  });
  const generated = comparison.sources.filter((s) => s.provenance === 'GENERATED').reduce((n, s) => n + s.valueCount, 0);
  return (
    <>
      {generated > 0 && <p class="banner" role="note" data-provenance="GENERATED">{t('generatedValues', { n: formatNumber(generated) })}</p>}
      {comparison.sources.filter((s) => s.provenance === 'IMPORTED').map((s) => (
        <p key={s.sourceName} data-provenance="IMPORTED">{t('importedValues', { source: s.sourceName ?? '', n: formatNumber(s.valueCount) })}</p>
      ))}
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
        </figure>
      </div>
      {comparison.estimate ? <EstimateView estimate={comparison.estimate} /> : <p>{t('noDiffInDiff')}</p>}
    </>
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
          {(data) => (data.program ? <ComparisonView comparison={data.program.indicatorComparison} title={`${indicator.name} · ${program.name}`} />
            // Too few took part: the API refuses the comparison, and says why.
            : outcome.problem?.kind === 'tooFewToCompare' && <p class="notice" role="status" data-problem="tooFewToCompare">{problemText(outcome.problem)}</p>)}
        </QueryState>
      )}
    </>
  );
}
