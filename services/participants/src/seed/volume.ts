import type { DataSource, EntityManager, QueryResult } from 'typeorm';
import type { GeneratedName, VolumeSeedOptions, VolumeSeedResult } from '@kommunenett/subgraph-kit';
import { emailFor, fakeName, seededRandom } from './demo-people';

/**
 * Generated volume for the benchmark: at scale 1, 80 people in each of the 647 municipalities,
 * about 100,000 registrations in the 1,800 published networks and 30,000 attendance rows.
 *
 * The networks follow the volume convention of services/networks/src/seed/volume.ts, repeated
 * here from the same numbers (this service never reads the networks' tables): network n, its
 * programme p = (n - 1) / 40 + 1, country SE when p % 3 = 0, status by n % 10 (0 DRAFT, 1–3
 * PUBLISHED, 4 REGISTRATION_CLOSED, 5–6 RUNNING, 7–9 COMPLETED), capacity 30 + (n % 5) × 10,
 * at most 3 per municipality, sessions s = 1..5.
 */
const VOLUME_NETWORKS = 2000;
const PEOPLE_PER_MUNICIPALITY = 80;
/** Attendance is recorded for the first ten registrants of each completed network, at all five sessions. */
const ATTENDEES_PER_NETWORK = 10;
const SESSIONS_PER_NETWORK = 5;
const BATCH = 5000;

const NETWORK_FACTS = `
  generate_series(1, $1::int) AS n
  CROSS JOIN LATERAL (SELECT (n - 1) / 40 + 1 AS p) prog
  CROSS JOIN LATERAL (SELECT
    md5('kommunenett:volume:network:' || n)::uuid AS network_id,
    md5('kommunenett:volume:program:' || p)::uuid AS program_id,
    CASE WHEN p % 3 = 0 THEN 'SE' ELSE 'NO' END AS country,
    CASE WHEN p % 3 = 0 THEN ARRAY['skr'] WHEN p % 2 = 0 THEN ARRAY['ks', 'ti-norge'] ELSE ARRAY['ks'] END AS host_ids,
    CASE n % 10 WHEN 0 THEN 'DRAFT' WHEN 1 THEN 'PUBLISHED' WHEN 2 THEN 'PUBLISHED' WHEN 3 THEN 'PUBLISHED'
      WHEN 4 THEN 'REGISTRATION_CLOSED' WHEN 5 THEN 'RUNNING' WHEN 6 THEN 'RUNNING' ELSE 'COMPLETED' END AS status,
    30 + (n % 5) * 10 AS capacity
  ) f`;

const TITLES: Record<'NO' | 'SE', string[]> = {
  NO: ['økonomisjef', 'controller', 'HR-rådgiver', 'kommunalsjef', 'internrevisor', 'jurist', 'innkjøpsleder', 'kvalitetsrådgiver', 'kommunedirektør', 'personalsjef'],
  SE: ['ekonomichef', 'controller', 'HR-specialist', 'förvaltningschef', 'internrevisor', 'jurist', 'upphandlingschef', 'kvalitetsstrateg', 'kommundirektör', 'säkerhetschef'],
};

/** Names for people when the caller gives none: the demo's own generator. */
function fallbackNames(seed: number): (country: 'NO' | 'SE', count: number) => GeneratedName[] {
  const random = seededRandom(seed);
  return (country, count) => Array.from({ length: count }, () => {
    const female = random() < 0.5;
    const [givenName, ...family] = fakeName(random, country, female).split(' ');
    return { givenName, familyName: family.join(' '), sex: female ? 'female' : 'male' };
  });
}

async function run(m: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const result = (await m.queryRunner!.query(sql, params, true)) as QueryResult;
  return result.affected ?? 0;
}

export async function seedParticipantsVolume(ds: DataSource, options: VolumeSeedOptions): Promise<VolumeSeedResult> {
  const networks = Math.max(1, Math.round(VOLUME_NETWORKS * options.scale));
  const perMunicipality = Math.max(4, Math.round(PEOPLE_PER_MUNICIPALITY * options.scale));
  // The last network that takes registrations (drafts take none) marks that this scale is loaded.
  let last = networks;
  while (last > 1 && last % 10 === 0) last--;
  const [{ present }] = (await ds.query(
    `SELECT EXISTS (SELECT 1 FROM participants.registration WHERE id = md5('kommunenett:volume:registration:' || $1::int || ':1')::uuid) AS present`, [last],
  )) as { present: boolean }[];
  if (present) return { skipped: true, counts: {} };

  const municipalities = (await ds.query(
    `SELECT id, country FROM participants.municipality WHERE kind = 'MUNICIPALITY' ORDER BY id`,
  )) as { id: string; country: 'NO' | 'SE' }[];
  if (municipalities.length === 0) throw new Error('The municipality directory is empty: load the demo data (pnpm seed) first.');
  const names = options.names ?? fallbackNames(options.seed);
  const random = seededRandom(options.seed);

  const counts: Record<string, number> = { person: 0 };
  await ds.transaction(async (m) => {
    // People: names are made in bulk per country, then inserted thousands per statement.
    for (const country of ['NO', 'SE'] as const) {
      const here = municipalities.filter((x) => x.country === country);
      const generated = names(country, here.length * perMunicipality);
      for (let start = 0; start < generated.length; start += BATCH) {
        const batch = generated.slice(start, start + BATCH).map((name, j) => {
          const index = start + j;
          const municipality = here[Math.floor(index / perMunicipality)];
          const number = (index % perMunicipality) + 1;
          const full = `${name.givenName} ${name.familyName}`;
          return {
            municipalityId: municipality.id, number, name: full,
            email: emailFor(full.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\p{L}\s-]/gu, ''), `${municipality.id.toLowerCase()}.kommune.example`, number),
            title: TITLES[country][Math.floor(random() * TITLES[country].length)],
            gender: name.sex === 'female' ? 'FEMALE' : 'MALE',
          };
        });
        counts.person += await run(m, `
          INSERT INTO participants.person (id, name, email, title, employer_municipality_id, gender)
          SELECT md5('kommunenett:volume:person:' || t.municipality_id || ':' || t.number)::uuid, t.name, t.email, t.title, t.municipality_id, t.gender
          FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t(municipality_id, number, name, email, title, gender)
          ON CONFLICT (id) DO NOTHING`,
        [batch.map((b) => b.municipalityId), batch.map((b) => b.number), batch.map((b) => b.name), batch.map((b) => b.email),
          batch.map((b) => b.title), batch.map((b) => b.gender)]);
      }
    }

    // What the networks service says of its volume networks (hosts for row access, capacity).
    counts.network_snapshot = await run(m, `
      INSERT INTO participants.network_snapshot (network_id, program_id, host_ids, country, status, capacity)
      SELECT network_id, program_id, host_ids, country, status, capacity FROM ${NETWORK_FACTS}
      WHERE status <> 'DRAFT'
      ON CONFLICT (network_id) DO NOTHING`, [networks]);

    // Registrations k = 1..46–66 per network, two people from each municipality (pairs of k), the
    // municipalities spread over the country's list. Every 25th is cancelled; the rest are
    // confirmed in order up to the capacity and waitlisted after it, so a network is never over-full.
    // Each gets its CREATED entry in the change feed, numbered from the feed's counter.
    counts.registration = await run(m, `
      WITH muni AS (
        SELECT id, country, row_number() OVER (PARTITION BY country ORDER BY id) AS idx, count(*) OVER (PARTITION BY country) AS total
        FROM participants.municipality WHERE kind = 'MUNICIPALITY'
      ),
      reg AS (
        SELECT n, network_id, country, status AS network_status, capacity, k, k - k / 25 AS live_rank, k % 25 = 0 AS cancelled
        FROM ${NETWORK_FACTS}
        CROSS JOIN LATERAL generate_series(1, 46 + n % 21) AS k
        WHERE status <> 'DRAFT'
      ),
      inserted AS (
        INSERT INTO participants.registration (id, network_id, person_id, municipality_id, status, waitlist_position, registered_at,
          leadership_anchoring, registered_by_role, status_reason, updated_at)
        SELECT md5('kommunenett:volume:registration:' || reg.n || ':' || reg.k)::uuid, reg.network_id,
          md5('kommunenett:volume:person:' || muni.id || ':' || ((reg.n * 2 + (reg.k - 1) % 2) % $2::int + 1))::uuid, muni.id,
          CASE WHEN cancelled THEN 'CANCELLED' WHEN live_rank <= capacity THEN 'CONFIRMED' ELSE 'WAITLISTED' END,
          CASE WHEN NOT cancelled AND live_rank > capacity THEN live_rank - capacity END,
          now() - CASE network_status WHEN 'COMPLETED' THEN interval '32 months' WHEN 'RUNNING' THEN interval '6 months' ELSE interval '1 month' END
            + make_interval(mins => 30 * reg.k),
          CASE WHEN reg.country = 'SE' THEN 'Deltagandet är förankrat i kommunledningen.' ELSE 'Deltakelsen er forankret i kommunedirektørens ledergruppe.' END,
          'COORDINATOR', CASE WHEN cancelled THEN 'Trukket av kommunen' END, now()
        FROM reg
        JOIN muni ON muni.country = reg.country AND muni.idx = (reg.n::bigint * 7919 + (reg.k - 1) / 2) % muni.total + 1
        ON CONFLICT (id) DO NOTHING
        RETURNING id, network_id, municipality_id, status, registered_at
      ),
      numbered AS (SELECT * FROM inserted ORDER BY registered_at, id)
      INSERT INTO participants.registration_change (seq, registration_id, network_id, municipality_id, kind, status, actor, occurred_at)
      SELECT nextval('participants.registration_change_seq'), i.id, i.network_id, i.municipality_id, 'CREATED', i.status, 'seed:volume', i.registered_at
      FROM numbered i`, [networks, perMunicipality]);

    // Attendance at the sessions of completed networks, mostly present.
    counts.attendance = await run(m, `
      INSERT INTO participants.attendance (session_id, person_id, network_id, municipality_id, status, recorded_by, recorded_at)
      SELECT md5('kommunenett:volume:session:' || n || ':' || s)::uuid, r.person_id, r.network_id, r.municipality_id,
        CASE WHEN (n * 31 + k * 7 + s * 13) % 20 = 0 THEN 'ABSENT' WHEN (n * 31 + k * 7 + s * 13) % 20 < 3 THEN 'EXCUSED' ELSE 'PRESENT' END,
        'seed:volume', r.registered_at
      FROM ${NETWORK_FACTS}
      CROSS JOIN generate_series(1, ${ATTENDEES_PER_NETWORK}) AS k
      CROSS JOIN generate_series(1, ${SESSIONS_PER_NETWORK}) AS s
      JOIN participants.registration r ON r.id = md5('kommunenett:volume:registration:' || n || ':' || k)::uuid AND r.status = 'CONFIRMED'
      WHERE f.status = 'COMPLETED'
      ON CONFLICT DO NOTHING`, [networks]);
  });
  return { skipped: false, counts };
}
