import type { DataSource, QueryResult } from 'typeorm';
import type { VolumeSeedOptions, VolumeSeedResult } from '@kommunenett/subgraph-kit';

/**
 * Generated volume for the benchmark: at scale 1, 50 programmes of 40 networks (2,000), five
 * gatherings each (10,000 sessions) with a six-item agenda that points into the programme's
 * handbook. Set-based: one INSERT … SELECT over generate_series per table.
 *
 * The volume convention every service derives its rows from (participants, reports and handbook
 * repeat the facts they need from the same numbers, never by reading these tables):
 * - network n = 1..round(2000 × scale), id md5('kommunenett:volume:network:' || n)::uuid;
 * - programme p = (n - 1) / 40 + 1, id md5('kommunenett:volume:program:' || p)::uuid; its country
 *   is SE when p % 3 = 0, else NO; its hosts {skr} (SE), {ks, ti-norge} (NO, p even), {ks} (NO, p odd);
 * - network status by n % 10: 0 DRAFT, 1–3 PUBLISHED, 4 REGISTRATION_CLOSED, 5–6 RUNNING, 7–9 COMPLETED;
 *   capacity 30 + (n % 5) × 10, at most 3 per municipality;
 * - session s = 1..5 of network n, id md5('kommunenett:volume:session:' || n || ':' || s)::uuid;
 * - programme p's handbook has slug handbok-p, with chapters del-a and del-a-kapittel-b (a, b = 1..4).
 */
export const VOLUME_NETWORKS = 2000;
const NETWORKS_PER_PROGRAM = 40;
const SESSIONS_PER_NETWORK = 5;

/** One row per volume network with the facts the other statements derive from. */
const NETWORK_FACTS = `
  generate_series(1, $1::int) AS n
  CROSS JOIN LATERAL (SELECT (n - 1) / ${NETWORKS_PER_PROGRAM} + 1 AS p) prog
  CROSS JOIN LATERAL (SELECT
    md5('kommunenett:volume:network:' || n)::uuid AS network_id,
    CASE WHEN p % 3 = 0 THEN 'SE' ELSE 'NO' END AS country,
    CASE WHEN p % 3 = 0 THEN 'Europe/Stockholm' ELSE 'Europe/Oslo' END AS tz,
    CASE n % 10 WHEN 0 THEN 'DRAFT' WHEN 1 THEN 'PUBLISHED' WHEN 2 THEN 'PUBLISHED' WHEN 3 THEN 'PUBLISHED'
      WHEN 4 THEN 'REGISTRATION_CLOSED' WHEN 5 THEN 'RUNNING' WHEN 6 THEN 'RUNNING' ELSE 'COMPLETED' END AS status,
    -- Month of the first gathering, counted from this month: completed networks met 1–2.5 years
    -- ago, running ones started a few months ago, published ones start in 3–11 months.
    CASE n % 10 WHEN 0 THEN 6 + n % 6 WHEN 4 THEN 1 + n % 2 WHEN 5 THEN -4 + n % 3 WHEN 6 THEN -4 + n % 3
      WHEN 1 THEN 3 + n % 9 WHEN 2 THEN 3 + n % 9 WHEN 3 THEN 3 + n % 9 ELSE -30 + n % 12 END AS first_month,
    (ARRAY['antikorrupsjon','omdømme','innovasjon','heltidskultur','sykefravær','kompetanse og rekruttering','internkontroll','digitalisering','klimatilpasning','beredskap'])[p % 10 + 1] AS theme_nb,
    (ARRAY['korruptionsbekämpning','förtroende','innovation','heltid','sjukfrånvaro','kompetensförsörjning','intern kontroll','digitalisering','klimatanpassning','krisberedskap'])[p % 10 + 1] AS theme_sv
  ) f
  CROSS JOIN LATERAL (SELECT
    CASE WHEN country = 'SE' THEN theme_sv ELSE theme_nb END AS theme,
    -- The first gathering's day: 2nd to 25th of its month.
    (date_trunc('month', now())::date + make_interval(months => first_month))::date + (n * 7) % 24 + 1 AS first_day
  ) d`;

export async function seedNetworksVolume(ds: DataSource, options: VolumeSeedOptions): Promise<VolumeSeedResult> {
  const networks = Math.max(1, Math.round(VOLUME_NETWORKS * options.scale));
  const [{ present }] = (await ds.query(`SELECT EXISTS (SELECT 1 FROM networks.network WHERE id = md5('kommunenett:volume:network:' || $1::int)::uuid) AS present`, [networks])) as { present: boolean }[];
  if (present) return { skipped: true, counts: {} };

  const counts: Record<string, number> = {};
  await ds.transaction(async (m) => {
    const insert = async (table: string, sql: string) => {
      const result = (await m.queryRunner!.query(sql, [networks], true)) as QueryResult;
      counts[table] = result.affected ?? 0;
    };
    await insert('program', `
      INSERT INTO networks.program (id, name, description, language, status, owner_ids, partner_ids, funder_id, themes, period_start, period_end)
      SELECT md5('kommunenett:volume:program:' || p)::uuid,
        CASE WHEN country = 'SE' THEN 'Nätverksprogram för ' || theme || ' ' || p ELSE 'Læringsprogram for ' || theme || ' ' || p END,
        CASE WHEN country = 'SE' THEN 'Kommuner och regioner lär av varandra om ' || theme || ' i nätverk med gemensamma träffar.'
          ELSE 'Kommuner og fylkeskommuner lærer av hverandre om ' || theme || ' i nettverk med felles samlinger.' END,
        CASE WHEN country = 'SE' THEN 'sv' ELSE 'nb' END, 'ACTIVE',
        CASE WHEN country = 'SE' THEN ARRAY['skr'] WHEN p % 2 = 0 THEN ARRAY['ks', 'ti-norge'] ELSE ARRAY['ks'] END,
        '{}', CASE WHEN country = 'NO' AND p % 4 = 1 THEN 'kdd' END, ARRAY[theme],
        to_char(min(first_day), 'YYYY-MM'), to_char(max(first_day) + interval '8 months', 'YYYY-MM')
      FROM ${NETWORK_FACTS}
      GROUP BY p, country, theme
      ON CONFLICT (id) DO NOTHING`);
    await insert('network', `
      INSERT INTO networks.network (id, program_id, name, description, theme, country, language, status, host_ids, target_roles, eligible_kinds,
        capacity, capacity_min, per_municipality_limit, per_municipality_min, registration_opens_at, registration_deadline,
        requires_approval, requires_leadership_anchoring, cost_note, time_zone)
      SELECT network_id, md5('kommunenett:volume:program:' || p)::uuid,
        CASE WHEN country = 'SE' THEN 'Nätverk för ' || theme || ' ' || p || '-' || ((n - 1) % ${NETWORKS_PER_PROGRAM} + 1)
          ELSE 'Nettverk for ' || theme || ' ' || p || '-' || ((n - 1) % ${NETWORKS_PER_PROGRAM} + 1) END,
        CASE WHEN country = 'SE' THEN 'Deltagarna delar erfarenheter om ' || theme || ', arbetar med egna fall mellan träffarna och tar med sig metoder hem till den egna kommunen.'
          ELSE 'Deltakerne deler erfaringer om ' || theme || ', arbeider med et case fra egen kommune mellom samlingene og tar med seg metoder hjem.' END,
        theme, country, CASE WHEN country = 'SE' THEN 'sv' ELSE 'nb' END, status,
        CASE WHEN country = 'SE' THEN ARRAY['skr'] WHEN p % 2 = 0 THEN ARRAY['ks', 'ti-norge'] ELSE ARRAY['ks'] END,
        CASE WHEN country = 'SE' THEN ARRAY['ekonomer', 'jurister', 'controllers'] ELSE ARRAY['administrativ ledelse', 'fagansvarlige ledere'] END,
        ARRAY['MUNICIPALITY', 'COUNTY'], 30 + (n % 5) * 10, 10, 3, 1,
        ((first_day - interval '4 months')::date + time '08:00') AT TIME ZONE tz,
        ((first_day - 21) + time '23:59:59') AT TIME ZONE tz,
        false, country = 'NO',
        CASE WHEN country = 'SE' THEN 'Kommunerna står själva för resor och logi.' ELSE 'Kommunene dekker selv reise og opphold på samlingene.' END,
        tz
      FROM ${NETWORK_FACTS}
      ON CONFLICT (id) DO NOTHING`);
    // Gatherings every other month from the first, 09:00–15:30 local time; the third is a theme day.
    await insert('session', `
      INSERT INTO networks.session (id, network_id, sequence, kind, title, theme, description, starts_at, ends_at, location_place, sort_date)
      SELECT md5('kommunenett:volume:session:' || n || ':' || s)::uuid, network_id, s,
        CASE WHEN s = 3 THEN 'THEME_DAY' ELSE 'GATHERING' END,
        CASE WHEN s = 3 THEN (CASE WHEN country = 'SE' THEN 'Temadag' ELSE 'Temadag' END)
          WHEN country = 'SE' THEN 'Träff ' || s ELSE s || '. samling' END,
        (CASE WHEN country = 'SE'
          THEN ARRAY['Uppstart och nulägesanalys', 'Risker i den egna organisationen', 'Fördjupning: ' || theme, 'Erfarenhetsutbyte och goda exempel', 'Resultat och vägen vidare']
          ELSE ARRAY['Oppstart og kartlegging', 'Risiko i egen organisasjon', 'Fordypning: ' || theme, 'Erfaringsdeling og gode eksempler', 'Resultater og veien videre'] END)[s],
        CASE WHEN country = 'SE' THEN 'Deltagarna redovisar arbetet sedan förra träffen och planerar nästa steg.'
          ELSE 'Deltakerne legger fram arbeidet siden forrige samling og planlegger neste steg.' END,
        starts_at, starts_at + interval '6 hours 30 minutes',
        (CASE WHEN country = 'SE' THEN ARRAY['Stockholm', 'Göteborg', 'Malmö', 'Uppsala', 'Umeå', 'Örebro', 'Linköping', 'Sundsvall']
          ELSE ARRAY['Gardermoen', 'Bergen', 'Trondheim', 'Tromsø', 'Kristiansand', 'Bodø', 'Lillehammer', 'Stavanger'] END)[(n + s) % 8 + 1],
        starts_at
      FROM ${NETWORK_FACTS}
      CROSS JOIN generate_series(1, ${SESSIONS_PER_NETWORK}) AS s
      CROSS JOIN LATERAL (SELECT ((first_day + make_interval(months => 2 * (s - 1)))::date + time '09:00') AT TIME ZONE tz AS starts_at) t
      ON CONFLICT (id) DO NOTHING`);
    // A timed agenda inside each gathering (minutes after 09:00); the talk and the group work
    // point into the programme's handbook.
    await insert('agenda_item', `
      INSERT INTO networks.agenda_item (id, session_id, position, starts_at, ends_at, title, kind, leaders, handbook_anchors)
      SELECT md5('kommunenett:volume:agenda:' || n || ':' || s || ':' || a.position)::uuid, md5('kommunenett:volume:session:' || n || ':' || s)::uuid,
        a.position, starts_at + make_interval(mins => a.start_minute), starts_at + make_interval(mins => a.end_minute),
        CASE WHEN country = 'SE' THEN a.title_sv ELSE a.title_nb END, a.kind,
        CASE WHEN a.kind IN ('PRESENTATION', 'PLENARY') THEN (CASE WHEN country = 'SE' THEN 'SKR' ELSE 'KS' END) END,
        CASE a.position
          WHEN 2 THEN ARRAY['handbok-' || p || '/del-' || ((s - 1) % 4 + 1)]
          WHEN 4 THEN ARRAY['handbok-' || p || '/del-' || ((s - 1) % 4 + 1) || '-kapittel-' || (n % 4 + 1)]
          ELSE '{}'::text[] END
      FROM ${NETWORK_FACTS}
      CROSS JOIN generate_series(1, ${SESSIONS_PER_NETWORK}) AS s
      CROSS JOIN LATERAL (SELECT ((first_day + make_interval(months => 2 * (s - 1)))::date + time '09:00') AT TIME ZONE tz AS starts_at) t
      CROSS JOIN (VALUES
        (1, 0, 15, 'PLENARY', 'Velkommen og runde rundt bordet', 'Välkomna och laget runt'),
        (2, 15, 75, 'PRESENTATION', 'Innledning om dagens tema', 'Inledning om dagens tema'),
        (3, 75, 90, 'BREAK', 'Pause', 'Paus'),
        (4, 90, 180, 'GROUP_WORK', 'Gruppearbeid med egne case', 'Grupparbete med egna fall'),
        (5, 180, 225, 'MEAL', 'Lunsj', 'Lunch'),
        (6, 225, 390, 'DISCUSSION', 'Erfaringsdeling og oppsummering', 'Erfarenhetsutbyte och sammanfattning')
      ) AS a(position, start_minute, end_minute, kind, title_nb, title_sv)
      ON CONFLICT (id) DO NOTHING`);
  });
  return { skipped: false, counts };
}
