import type { ComponentChildren } from 'preact';
import type { PageData, Problem } from './client';
import { formatDay, formatMonth, formatMonthSpan, formatNumber, t } from './i18n';
import { href } from './router';
import type { NetworkSummaryFragment } from './generated/graphql';

type SessionDate = NetworkSummaryFragment['sessions'][number];

/** The message of a problem; expired tokens and unreachable gateways have their own banners. */
export function problemText(problem: Problem): string {
  switch (problem.kind) {
    case 'unreachable': return t('errUnreachable');
    case 'expired': return t('errExpired');
    case 'signInToSee': return t('errSignInToSee');
    case 'forbidden': return t('errForbidden');
    case 'notFound': return t('notFoundPage');
    case 'cost': return t('errCost');
    case 'tooFewToCompare': return t('tooFewToCompare', { n: problem.participants, threshold: problem.threshold });
    case 'badInput':
    case 'other': return t('errOther', { message: problem.message });
  }
}

/** Loading, problems and the stale marker of one page query, around what it draws. */
export function QueryState<T>({ result, children }: { result: PageData<T>; children: (data: T) => ComponentChildren }) {
  const { data, problem, stale, fetching } = result;
  return (
    <>
      {problem?.kind === 'unreachable' && (
        <div class="banner banner-error" role="alert" data-problem="unreachable">
          <span>{t('errUnreachable')} {stale && t('errStale')}</span>
          <button type="button" onClick={result.retry}>{t('retry')}</button>
        </div>
      )}
      {problem && problem.kind !== 'unreachable' && problem.kind !== 'expired' && !data && (
        <p class="notice" role="status" data-problem={problem.kind}>{problemText(problem)}</p>
      )}
      {data ? <div class={stale ? 'stale' : undefined} aria-busy={fetching}>{children(data)}</div>
        : !problem && fetching && <p role="status">{t('loading')}</p>}
    </>
  );
}

/** A cell value; a suppressed one reads "fewer than 3", never 0. */
export function Figure({ value, suppressed, threshold = 3, digits = 0 }: { value: number | null | undefined; suppressed?: boolean; threshold?: number; digits?: number }) {
  if (suppressed) return <span class="suppressed" data-suppressed="true">{t('fewerThan', { n: threshold })}</span>;
  if (value === null || value === undefined) return <span class="missing">–</span>;
  return <span>{formatNumber(value, digits)}</span>;
}

/** When a session is, as precisely as it is known: a day, a month, a span of months, or not yet. */
export function sessionWhen(session: SessionDate, timeZone: string): string {
  if (session.startsAt) {
    const start = formatDay(session.startsAt, timeZone);
    const end = session.endsAt ? formatDay(session.endsAt, timeZone) : start;
    return end === start ? start : `${start} – ${end}`;
  }
  if (session.plannedMonth && session.plannedTo && session.plannedTo !== session.plannedMonth) return formatMonthSpan(session.plannedMonth, session.plannedTo);
  if (session.plannedMonth) return formatMonth(session.plannedMonth);
  return t('precisionUndecided');
}

export function NetworkLink({ id, name }: { id: string; name: string }) {
  return <a href={href(`/networks/${encodeURIComponent(id)}`)}>{name}</a>;
}

export function Section({ title, children, id }: { title: string; children: ComponentChildren; id?: string }) {
  return (
    <section aria-labelledby={id ? `${id}-h` : undefined} id={id}>
      <h2 id={id ? `${id}-h` : undefined}>{title}</h2>
      {children}
    </section>
  );
}
