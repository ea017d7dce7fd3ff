import type { ChapterSeed } from './content';

/**
 * «Saman om ein betre kommune» (004) in nynorsk, the programme's language: how its networks
 * worked, summarised for the demo from the programme of the first gathering (Gardermoen, March
 * 2013). Not quotations; `contentNote` says so.
 */
export const SAMAN_NOTE = 'Samandrag skrive for demoen etter programmet for den første samlinga i mars 2013 – ikkje sitat.';

export const SAMAN_CHAPTERS: ChapterSeed[] = [
  {
    slug: 'om-programmet',
    title: 'Om Saman om ein betre kommune',
    summary: 'Eit samarbeids-, ramme- og utviklingsprogram for kommunane.',
    tags: ['program', 'partssamarbeid'],
    body: 'Saman om ein betre kommune er eit samarbeids-, ramme- og utviklingsprogram mellom departementet, KS og arbeidstakarorganisasjonane.\n\nÅtte nettverk arbeider med tema som omdøme, innovasjon, kompetanse og rekruttering, heiltidskultur og sjukefråvær. Kvar kommune har ein prosjektleiar, og kvart nettverk har ein nettverksleiar.',
  },
  {
    slug: 'arbeidsforma',
    title: 'Arbeidsforma i nettverka',
    summary: 'Løysingsorientert, deltakarstyrt og oppgåveorientert.',
    tags: ['arbeidsform'],
    body: 'Nettverka er **løysingsorienterte**: positivt fokus, handlingsrommet og gode døme.\n\nDei er **deltakarstyrte**: kunnskapen i nettverket blir nytta, med likeverd og forplikting.\n\nDei er **oppgåveorienterte**: konkrete på mål og føremål, med refleksjon om praksis og dugleik.',
  },
  {
    slug: 'samlingane',
    title: 'Samlingane',
    summary: 'Tre fagsamlingar og ein temadag.',
    tags: ['samling'],
    body: 'Kvart nettverk har tre fagsamlingar: den første i mars 2013, den andre i august eller september 2013 og den tredje i februar eller mars 2014. I tillegg kjem ein temadag i mai eller juni 2013.\n\nMellom samlingane arbeider kommunane med prosjekta sine og tek røynslene med tilbake til nettverket.',
  },
  {
    slug: 'forankring',
    title: 'Forankring',
    summary: 'Tre fasar fram til endeleg forankring: medvit, aksept og eigarskap.',
    tags: ['forankring', 'leiing'],
    body: '- **Medvit**: nyfikne og interesse – eg veit at noko nytt er på gang.\n- **Aksept**: engasjement, læring, forståing og endra haldningar – dette kan røre ved meg.\n- **Eigarskap**: ny praksis, forplikting og ansvar – dette gjeld meg.\n\nLeiarane og dei tillitsvalde må vere med frå starten, så dei tilsette ser at arbeidet er forankra.',
  },
  {
    slug: 'prosjekta-i-kommunane',
    title: 'Prosjekta i kommunane',
    summary: 'Problemstilling, mål, tiltak, organisering, milepælar og forankring.',
    tags: ['prosjekt', 'mandat'],
    body: 'Kvar kommune legg fram prosjektet sitt: problemstilling, målsetjingar, tiltak og aktivitetar, organisering, milepælar med framdriftsplan og forankring.\n\nHar prosjektleiaren eit tydeleg mandat? Føremålet med prosjektet kjem fram når kommunen svarar på kvifor prosjektet blir gjennomført og kva verknad det skal ha for innbyggjarane og verksemda.',
  },
];
