import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Nynorsk in search. PostgreSQL has no nynorsk configuration; its Norwegian Snowball stemmer
 * already reduces nynorsk inflections to the stems of their base forms (kommunane, kommunar →
 * kommun; samlingane, samlinga → samling). What it cannot know is where nynorsk and bokmål use
 * different words or spellings for the same thing (tilsett/ansatt, leiar/leder). This table holds
 * those pairs as stemmed queries, both ways, for ts_rewrite on the query side: a search in nynorsk
 * finds the bokmål text too, and the other way round. It needs no dictionary files, so it works
 * alike on the embedded PGlite and on any PostgreSQL. A later migration adds pairs.
 */
const PAIRS: [nynorsk: string, bokmal: string][] = [
  ['tilsett', 'ansatt'], ['tilsette', 'ansatte'], ['leiar', 'leder'], ['leiarar', 'ledere'], ['leiing', 'ledelse'],
  ['verksemd', 'virksomhet'], ['medvit', 'bevissthet'], ['eigarskap', 'eierskap'], ['løysing', 'løsning'], ['teneste', 'tjeneste'],
  ['arbeidsgjevar', 'arbeidsgiver'], ['arbeidstakar', 'arbeidstaker'], ['sjukefråvær', 'sykefravær'], ['fråvær', 'fravær'],
  ['heiltid', 'heltid'], ['heiltidskultur', 'heltidskultur'], ['deltakar', 'deltaker'], ['oppgåve', 'oppgave'], ['betre', 'bedre'],
  ['røynsle', 'erfaring'], ['forventing', 'forventning'], ['innbyggjar', 'innbygger'], ['omdøme', 'omdømme'], ['skule', 'skole'],
  ['avgjerd', 'beslutning'], ['kvardag', 'hverdag'], ['medarbeidar', 'medarbeider'], ['tillitsvald', 'tillitsvalgt'],
  ['målsetjing', 'målsetting'], ['føremål', 'formål'], ['verknad', 'virkning'], ['dugleik', 'ferdighet'], ['haldning', 'holdning'],
  ['forståing', 'forståelse'], ['likeverd', 'likeverdighet'], ['forplikting', 'forpliktelse'], ['døme', 'eksempel'], ['samansett', 'sammensatt'],
  ['prosjektleiar', 'prosjektleder'], ['nettverksleiar', 'nettverksleder'], ['utval', 'utvalg'], ['tilsetjing', 'ansettelse'], ['sjølvstendig', 'selvstendig'],
];

export class NynorskSearch1734000000000 implements MigrationInterface {
  name = 'NynorskSearch1734000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE handbook.search_equivalent (
        target tsquery NOT NULL,
        substitute tsquery NOT NULL
      )`);
    // Each word stands for itself or its counterpart, stemmed by the same Norwegian stemmer as the documents.
    await q.query(`
      INSERT INTO handbook.search_equivalent (target, substitute)
      SELECT DISTINCT ON (t.target::text) t.target, t.target || t.other
      FROM jsonb_array_elements($1::jsonb) AS p(pair)
      CROSS JOIN LATERAL (VALUES
        (plainto_tsquery('pg_catalog.norwegian', p.pair->>0), plainto_tsquery('pg_catalog.norwegian', p.pair->>1)),
        (plainto_tsquery('pg_catalog.norwegian', p.pair->>1), plainto_tsquery('pg_catalog.norwegian', p.pair->>0))) AS t(target, other)
      WHERE t.target::text <> t.other::text AND t.target::text <> ''`, [JSON.stringify(PAIRS)]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE handbook.search_equivalent');
  }
}
