import type { DataSource, EntityManager, QueryResult } from 'typeorm';
import type { VolumeSeedOptions, VolumeSeedResult } from '@kommunenett/subgraph-kit';
import { markdownToText } from '../services/markdown';

/**
 * Generated volume for the benchmark: one published handbook per volume programme (50 at scale 1)
 * with 20 chapters each (1,000), in the programme's language, and the programme's networks linked
 * to it. Follows the volume convention of services/networks/src/seed/volume.ts from the same
 * numbers: network n = 1..round(2000 × scale) belongs to programme p = (n - 1) / 40 + 1, which is
 * Swedish when p % 3 = 0; network ids md5('kommunenett:volume:network:' || n)::uuid; the networks'
 * agendas point at handbok-p/del-a and handbok-p/del-a-kapittel-b (a, b = 1..4).
 */
const VOLUME_NETWORKS = 2000;
const NETWORKS_PER_PROGRAM = 40;
const BATCH = 2000;

type Lang = 'nb' | 'sv';
const PARTS: Record<Lang, string[]> = {
  nb: ['Risiko og sårbarhet', 'Verdier, holdninger og kultur', 'Rutiner og internkontroll', 'Åpenhet og varsling'],
  sv: ['Risker och sårbarhet', 'Värderingar, attityder och kultur', 'Rutiner och intern kontroll', 'Öppenhet och visselblåsning'],
};
const SECTIONS: Record<Lang, string[]> = {
  nb: ['Kartlegging', 'Tiltak', 'Oppfølging', 'Erfaringer fra nettverkene'],
  sv: ['Kartläggning', 'Åtgärder', 'Uppföljning', 'Erfarenheter från nätverken'],
};
const WORDS: Record<Lang, { subjects: string[]; verbs: string[]; objects: string[]; tags: string[] }> = {
  nb: {
    subjects: ['Kommunen', 'Ledergruppen', 'Kontrollutvalget', 'Hver enhet', 'Innkjøpsavdelingen', 'Rådmannen', 'Nettverket', 'Revisjonen'],
    verbs: ['kartlegger', 'vurderer', 'dokumenterer', 'følger opp', 'forankrer', 'drøfter', 'beskriver', 'reviderer'],
    objects: ['risikoen for korrupsjon', 'rutinene for innkjøp', 'de etiske retningslinjene', 'varslingskanalene', 'habilitetsreglene', 'tiltakene i handlingsplanen', 'internkontrollen', 'åpenheten i saksbehandlingen'],
    tags: ['risiko', 'etikk', 'innkjøp', 'varsling', 'internkontroll', 'habilitet', 'åpenhet', 'ledelse'],
  },
  sv: {
    subjects: ['Kommunen', 'Ledningsgruppen', 'Revisionen', 'Varje förvaltning', 'Upphandlingsenheten', 'Kommundirektören', 'Nätverket', 'Internrevisionen'],
    verbs: ['kartlägger', 'bedömer', 'dokumenterar', 'följer upp', 'förankrar', 'diskuterar', 'beskriver', 'granskar'],
    objects: ['risken för korruption', 'rutinerna för upphandling', 'uppförandekoden', 'visselblåsarfunktionen', 'jävsreglerna', 'åtgärderna i handlingsplanen', 'den interna kontrollen', 'öppenheten i ärendehanteringen'],
    tags: ['risk', 'etik', 'upphandling', 'visselblåsning', 'intern kontroll', 'jäv', 'öppenhet', 'ledarskap'],
  },
};

/** A deterministic pseudo-random sequence (the same seed gives the same text). */
function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface ChapterRow { program: number; slug: string; parentSlug: string | null; position: number; title: string; summary: string; body: string; tags: string; language: Lang }

function chaptersOf(program: number, language: Lang, random: () => number): ChapterRow[] {
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const sentence = () => { const w = WORDS[language]; return `${pick(w.subjects)} ${pick(w.verbs)} ${pick(w.objects)}.`; };
  const paragraph = () => Array.from({ length: 4 + Math.floor(random() * 4) }, sentence).join(' ');
  const tags = () => [...new Set([pick(WORDS[language].tags), pick(WORDS[language].tags)])].join(',');
  const body = () => `${paragraph()}\n\n${paragraph()}\n\n- ${sentence()}\n- ${sentence()}\n- ${sentence()}\n\n${paragraph()}`;
  return PARTS[language].flatMap((part, a) => [
    { program, slug: `del-${a + 1}`, parentSlug: null, position: a + 1, title: part, summary: sentence(), body: body(), tags: tags(), language },
    ...SECTIONS[language].map((section, b) => ({
      program, slug: `del-${a + 1}-kapittel-${b + 1}`, parentSlug: `del-${a + 1}`, position: b + 1, title: `${part}: ${section.toLowerCase()}`,
      summary: sentence(), body: body(), tags: tags(), language,
    })),
  ]);
}

async function run(m: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const result = (await m.queryRunner!.query(sql, params, true)) as QueryResult;
  return result.affected ?? 0;
}

export async function seedHandbookVolume(ds: DataSource, options: VolumeSeedOptions): Promise<VolumeSeedResult> {
  const networks = Math.max(1, Math.round(VOLUME_NETWORKS * options.scale));
  const programs = Math.floor((networks - 1) / NETWORKS_PER_PROGRAM) + 1;
  const [{ present }] = (await ds.query(
    `SELECT EXISTS (SELECT 1 FROM handbook.network_handbook WHERE network_id = md5('kommunenett:volume:network:' || $1::int)::uuid) AS present`, [networks],
  )) as { present: boolean }[];
  if (present) return { skipped: true, counts: {} };

  const random = seededRandom(options.seed);
  const chapters = Array.from({ length: programs }, (_, i) => chaptersOf(i + 1, (i + 1) % 3 === 0 ? 'sv' : 'nb', random)).flat();
  const counts: Record<string, number> = { chapter: 0 };
  await ds.transaction(async (m) => {
    counts.handbook = await run(m, `
      INSERT INTO handbook.handbook (id, slug, title, subtitle, description, language, publisher_ids)
      SELECT md5('kommunenett:volume:handbook:' || p)::uuid, 'handbok-' || p,
        CASE WHEN p % 3 = 0 THEN 'Arbetshandbok för nätverksprogram ' || p ELSE 'Arbeidshåndbok for læringsprogram ' || p END,
        CASE WHEN p % 3 = 0 THEN 'Metoder och verktyg för nätverkens träffar' ELSE 'Metoder og verktøy for nettverkenes samlinger' END,
        CASE WHEN p % 3 = 0 THEN 'Genererat material för nätverken i programmet.' ELSE 'Generert materiell for nettverkene i programmet.' END,
        CASE WHEN p % 3 = 0 THEN 'sv' ELSE 'nb' END,
        CASE WHEN p % 3 = 0 THEN ARRAY['skr'] ELSE ARRAY['ks'] END
      FROM generate_series(1, $1::int) AS p
      ON CONFLICT DO NOTHING`, [programs]);
    counts.edition = await run(m, `
      INSERT INTO handbook.edition (id, handbook_id, number, title, status, published_on, notes)
      SELECT md5('kommunenett:volume:edition:' || p)::uuid, md5('kommunenett:volume:handbook:' || p)::uuid, 1,
        CASE WHEN p % 3 = 0 THEN 'Utgåva 1' ELSE '1. utgave' END, 'PUBLISHED', DATE '2022-01-03' + p,
        CASE WHEN p % 3 = 0 THEN 'Genererad utgåva.' ELSE 'Generert utgave.' END
      FROM generate_series(1, $1::int) AS p
      ON CONFLICT DO NOTHING`, [programs]);
    // Parts before their sections, so a section's parent is there (each batch is whole programmes).
    for (let start = 0; start < chapters.length; start += BATCH) {
      const batch = chapters.slice(start, start + BATCH);
      counts.chapter += await run(m, `
        INSERT INTO handbook.chapter (id, edition_id, slug, parent_id, position, title, summary, body_markdown, body_text, tags, language)
        SELECT md5('kommunenett:volume:chapter:' || t.program || ':' || t.slug)::uuid, md5('kommunenett:volume:edition:' || t.program)::uuid, t.slug,
          CASE WHEN t.parent_slug IS NOT NULL THEN md5('kommunenett:volume:chapter:' || t.program || ':' || t.parent_slug)::uuid END,
          t.position, t.title, t.summary, t.body_markdown, t.body_text, string_to_array(t.tags, ','), t.language
        FROM unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
          AS t(program, slug, parent_slug, position, title, summary, body_markdown, body_text, tags, language)
        ON CONFLICT DO NOTHING`,
      [batch.map((c) => c.program), batch.map((c) => c.slug), batch.map((c) => c.parentSlug), batch.map((c) => c.position), batch.map((c) => c.title),
        batch.map((c) => c.summary), batch.map((c) => c.body), batch.map((c) => markdownToText(c.body)), batch.map((c) => c.tags), batch.map((c) => c.language)]);
    }
    counts.network_handbook = await run(m, `
      INSERT INTO handbook.network_handbook (network_id, handbook_id)
      SELECT md5('kommunenett:volume:network:' || n)::uuid, md5('kommunenett:volume:handbook:' || ((n - 1) / ${NETWORKS_PER_PROGRAM} + 1))::uuid
      FROM generate_series(1, $1::int) AS n
      ON CONFLICT DO NOTHING`, [networks]);
  });
  return { skipped: false, counts };
}
