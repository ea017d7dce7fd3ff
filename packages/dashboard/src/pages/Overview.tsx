import { session } from '../auth';
import { usePageQuery } from '../client';
import { Figure, NetworkLink, QueryState, Section, sessionWhen } from '../components';
import { OverviewDocument, OverviewParticipationDocument, type NetworkSummaryFragment, type ParticipationByCountyFragment } from '../generated/graphql';
import { t, type MessageKey } from '../i18n';
import { useSignal } from '../signal';

type Group = 'openNow' | 'running' | 'completed' | 'other';
const GROUPS: Group[] = ['openNow', 'running', 'completed', 'other'];

function groupOf(network: NetworkSummaryFragment): Group {
  if (network.isOpenForRegistration) return 'openNow';
  if (network.status === 'RUNNING' || network.status === 'REGISTRATION_CLOSED') return 'running';
  if (network.status === 'COMPLETED') return 'completed';
  return 'other';
}

/** Sessions from today on (a session known to a month counts from the current month), soonest first. */
function nextGatherings(networks: NetworkSummaryFragment[], now = new Date()) {
  const today = now.toISOString().slice(0, 10);
  const thisMonth = today.slice(0, 7);
  const upcoming = networks.flatMap((network) => network.sessions.map((s) => ({ network, session: s, key: s.startsAt ?? (s.plannedMonth ? `${s.plannedMonth}-01` : null) })))
    .filter(({ session: s, key }) => key !== null && (s.startsAt ? (s.endsAt ?? s.startsAt).slice(0, 10) >= today : (s.plannedTo ?? s.plannedMonth)! >= thisMonth));
  return upcoming.sort((a, b) => a.key!.localeCompare(b.key!)).slice(0, 10);
}

function ParticipationTable({ caption, stats, country }: { caption: string; stats: ParticipationByCountyFragment; country: string }) {
  return (
    <table data-country={country}>
      <caption>{caption}</caption>
      <thead><tr><th scope="col">{t('county')}</th><th scope="col" class="num">{t('participants')}</th><th scope="col" class="num">{t('municipalities')}</th></tr></thead>
      <tbody>
        {stats.cells.edges.map(({ node: cell }) => (
          <tr key={cell.keys[0]?.value} data-county={cell.keys[0]?.value}>
            <th scope="row">{cell.keys[0]?.label ?? cell.keys[0]?.value}</th>
            <td class="num"><Figure value={cell.participants} suppressed={cell.suppressed} /></td>
            <td class="num"><Figure value={cell.municipalities} suppressed={cell.suppressed} /></td>
          </tr>
        ))}
      </tbody>
      <tfoot><tr data-county="total"><th scope="row">{t('total')}</th>
        <td class="num"><Figure value={stats.total.participants} suppressed={stats.total.suppressed} /></td>
        <td class="num"><Figure value={stats.total.municipalities} suppressed={stats.total.suppressed} /></td></tr></tfoot>
    </table>
  );
}

export function Overview() {
  const viewer = useSignal(session);
  const overview = usePageQuery(OverviewDocument, {});
  const participation = usePageQuery(OverviewParticipationDocument, {}, !viewer);
  return (
    <>
      <h1>{t('navOverview')}</h1>
      <QueryState result={overview}>
        {(data) => {
          const programs = data.programs.edges.map((e) => e.node);
          const networks = data.networks.edges.map((e) => e.node);
          const next = nextGatherings(networks);
          return (
            <>
              <Section title={t('nextGatherings')} id="next">
                {next.length === 0 ? <p>{t('noNextGatherings')}</p> : (
                  <table>
                    <thead><tr><th scope="col">{t('date')}</th><th scope="col">{t('title')}</th><th scope="col">{t('network')}</th></tr></thead>
                    <tbody>{next.map(({ network, session: s }) => (
                      <tr key={s.id} data-session={s.id}>
                        <td class="when">{sessionWhen(s, network.timeZone)}</td><td>{s.title}</td>
                        <td><NetworkLink id={network.id} name={network.name} /></td>
                      </tr>))}
                    </tbody>
                  </table>
                )}
              </Section>
              <Section title={t('programmes')} id="programmes">
                {programs.map((program) => {
                  const list = networks.filter((n) => n.program?.id === program.id);
                  return (
                    <article key={program.id} class="program" data-program={program.id}>
                      <h3>{program.name}</h3>
                      <p class="muted">{program.owners.map((o) => o.name).join(', ')}{program.periodStart ? ` · ${program.periodStart}–${program.periodEnd ?? ''}` : ''}</p>
                      {GROUPS.map((group) => {
                        const inGroup = list.filter((n) => groupOf(n) === group);
                        return inGroup.length > 0 && (
                          <div key={group} class="network-group" data-group={group}>
                            <h4>{t(group as MessageKey)} ({inGroup.length})</h4>
                            <ul>{inGroup.map((n) => <li key={n.id}><NetworkLink id={n.id} name={n.name} /></li>)}</ul>
                          </div>
                        );
                      })}
                    </article>
                  );
                })}
              </Section>
            </>
          );
        }}
      </QueryState>
      <Section title={t('participationByCounty')} id="participation">
        {!viewer ? <p class="notice" data-problem="signInToSee">{t('errSignInToSee')}</p> : (
          <QueryState result={participation}>
            {(data) => (
              <div class="two-columns">
                <ParticipationTable caption={t('norway')} stats={data.norway} country="NO" />
                <ParticipationTable caption={t('sweden')} stats={data.sweden} country="SE" />
              </div>
            )}
          </QueryState>
        )}
      </Section>
    </>
  );
}
