import { session } from '../auth';
import { usePageQuery } from '../client';
import { Figure, QueryState, Section, sessionWhen } from '../components';
import { NetworkDocument, NetworkOrganiserDocument, type NetworkQuery } from '../generated/graphql';
import { formatDay, formatNumber, formatPercent, t, type MessageKey } from '../i18n';
import { href } from '../router';
import { useSignal } from '../signal';
import { NotFound } from './NotFound';

const ORGANISER_ROLES = new Set(['ADMIN', 'ORG_ADMIN', 'FACILITATOR']);
const STATUSES = ['CONFIRMED', 'PENDING', 'OFFERED', 'WAITLISTED', 'CANCELLED', 'REJECTED'] as const;
const PRECISION: Record<string, MessageKey> = { EXACT: 'precisionExact', MONTH: 'precisionMonth', MONTH_SPAN: 'precisionSpan', UNDECIDED: 'precisionUndecided' };

type NetworkData = NonNullable<NetworkQuery['network']>;

/** Sessions in order along a line; exact days are dots, months and month spans are bands. */
function Timeline({ network }: { network: NetworkData }) {
  return (
    <ol class="timeline" aria-label={t('timeline')}>
      {network.sessions.map((s) => (
        <li key={s.id} class={`precision-${s.datePrecision.toLowerCase()}`} data-session={s.id}>
          <span class="marker" aria-hidden="true" />
          <span class="when">{sessionWhen(s, network.timeZone)}</span>
          <span class="precision">({t(PRECISION[s.datePrecision])})</span>
          <strong>{s.sequence}. {s.title}</strong>
          {s.location && <span class="muted"> · {[s.location.venue, s.location.place].filter(Boolean).join(', ')}</span>}
          {s.agenda.length > 0 && (
            <details>
              <summary>{t('agenda')} ({s.agenda.length})</summary>
              <table class="agenda">
                <thead><tr><th scope="col">{t('date')}</th><th scope="col">{t('time')}</th><th scope="col">{t('title')}</th><th scope="col">{t('leaders')}</th></tr></thead>
                <tbody>{s.agenda.map((item) => (
                  <tr key={item.id}><td>{formatDay(`${item.date}T12:00:00Z`, 'UTC')}</td><td>{item.startTime}{item.endTime ? `–${item.endTime}` : ''}</td><td>{item.title}</td><td>{item.leaders ?? ''}</td></tr>
                ))}</tbody>
              </table>
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}

function Organiser({ id, network }: { id: string; network: NetworkData }) {
  const organiser = usePageQuery(NetworkOrganiserDocument, { id });
  return (
    <QueryState result={organiser}>
      {(data) => {
        const registrations = data.network?.registrations.edges.map((e) => e.node) ?? [];
        const waiting = registrations.filter((r) => r.status === 'WAITLISTED' || r.status === 'OFFERED')
          .sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
        const attendance = new Map(data.network?.sessions.map((s) => [s.id, s.attendance.edges.map((e) => e.node)]) ?? []);
        return (
          <>
            <Section title={t('registrationsByStatus')} id="by-status">
              <table>
                <thead><tr><th scope="col">{t('status')}</th><th scope="col" class="num">{t('participants')}</th></tr></thead>
                <tbody>{STATUSES.map((status) => (
                  <tr key={status} data-status={status}><th scope="row">{status}</th><td class="num">{formatNumber(registrations.filter((r) => r.status === status).length)}</td></tr>
                ))}</tbody>
              </table>
            </Section>
            <Section title={t('registrantsByCounty')} id="by-county">
              <table>
                <thead><tr><th scope="col">{t('county')}</th><th scope="col" class="num">{t('participants')}</th><th scope="col" class="num">{t('municipalities')}</th></tr></thead>
                <tbody>{data.network?.registrantsByCounty.map((c) => (
                  <tr key={c.countyCode} data-county={c.countyCode}><th scope="row">{c.countyName}</th><td class="num"><Figure value={c.participantCount} suppressed={c.suppressed} /></td><td class="num"><Figure value={c.municipalityCount} suppressed={c.suppressed} /></td></tr>
                ))}</tbody>
              </table>
            </Section>
            <Section title={t('waitlistAndOffers')} id="waitlist">
              {waiting.length === 0 ? <p>{t('noWaitlist')}</p> : (
                <table>
                  <thead><tr><th scope="col">{t('position')}</th><th scope="col">{t('municipality')}</th><th scope="col">{t('status')}</th><th scope="col">{t('offerExpires')}</th></tr></thead>
                  <tbody>{waiting.map((r) => (
                    <tr key={r.id}><td>{r.waitlistPosition ?? ''}</td><td>{r.municipality.name}</td><td>{r.status}</td><td>{r.offerExpiresAt ? formatDay(r.offerExpiresAt, network.timeZone) : ''}</td></tr>
                  ))}</tbody>
                </table>
              )}
            </Section>
            <Section title={t('attendancePerSession')} id="attendance">
              <table>
                <thead><tr><th scope="col">{t('sessions')}</th><th scope="col" class="num">{t('present')}</th><th scope="col" class="num">{t('absent')}</th><th scope="col" class="num">{t('excused')}</th></tr></thead>
                <tbody>{network.sessions.map((s) => {
                  const rows = attendance.get(s.id) ?? [];
                  const count = (status: string) => formatNumber(rows.filter((a) => a.status === status).length);
                  return <tr key={s.id} data-session={s.id}><th scope="row">{s.sequence}. {s.title}</th><td class="num">{count('PRESENT')}</td><td class="num">{count('ABSENT')}</td><td class="num">{count('EXCUSED')}</td></tr>;
                })}</tbody>
              </table>
            </Section>
          </>
        );
      }}
    </QueryState>
  );
}

export function Network({ id }: { id: string }) {
  const viewer = useSignal(session);
  const result = usePageQuery(NetworkDocument, { id });
  if (!result.fetching && result.data && !result.data.network) return <NotFound message={t('notFoundNetwork', { id })} />;
  // A malformed id names no network either.
  if (result.problem?.kind === 'notFound' || result.problem?.kind === 'badInput') {
    return <NotFound message={t('notFoundNetwork', { id })} />;
  }
  return (
    <QueryState result={result}>
      {(data) => {
        const network = data.network;
        if (!network) return <NotFound message={t('notFoundNetwork', { id })} />;
        return (
          <>
            <p><a href={href('/')}>← {t('backToOverview')}</a></p>
            <h1>{network.name}</h1>
            {network.description && <p>{network.description}</p>}
            <dl class="facts">
              {network.program && <><dt>{t('programme')}</dt><dd>{network.program.name}</dd></>}
              <dt>{t('hosts')}</dt><dd>{network.hosts.map((h) => h.name).join(', ')}</dd>
              <dt>{t('status')}</dt><dd>{network.status}</dd>
              <dt>{t('participants')}</dt><dd data-fact="participants">{formatNumber(network.participantCount)}</dd>
              <dt>{t('municipalities')}</dt><dd data-fact="municipalities">{formatNumber(network.municipalityCount)}</dd>
              {network.capacity !== null && <><dt>{t('capacity')}</dt><dd>{formatNumber(network.capacity)}</dd></>}
              {network.seatsLeft !== null && <><dt>{t('seatsLeft')}</dt><dd>{formatNumber(network.seatsLeft)}</dd></>}
              <dt>{t('waitlist')}</dt><dd data-fact="waitlist">{formatNumber(network.waitlistCount)}</dd>
              {network.attendanceRate !== null && <><dt>{t('attendanceRate')}</dt><dd>{formatPercent(network.attendanceRate)}</dd></>}
              {network.registrationDeadline && <><dt>{t('registrationDeadline')}</dt><dd>{formatDay(network.registrationDeadline, network.timeZone)}</dd></>}
            </dl>
            <Section title={t('sessions')} id="sessions"><Timeline network={network} /></Section>
            {viewer && ORGANISER_ROLES.has(viewer.role) ? <Organiser id={id} network={network} /> : <p class="notice">{t('organiserOnly')}</p>}
          </>
        );
      }}
    </QueryState>
  );
}
