/** Generated names for demo people: common Norwegian and Swedish names, combined at random. */
const NO_GIVEN = ['Kari', 'Ola', 'Ingrid', 'Lars', 'Sigrid', 'Jon', 'Marte', 'Erik', 'Silje', 'Knut', 'Hilde', 'Per', 'Tone', 'Bjørn', 'Anne', 'Trond', 'Ragnhild', 'Geir', 'Liv', 'Arne'];
const NO_FAMILY = ['Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen', 'Johnsen', 'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Dahl', 'Lund', 'Moen', 'Strand'];
const SE_GIVEN = ['Anna', 'Erik', 'Maria', 'Lars', 'Karin', 'Anders', 'Eva', 'Johan', 'Kristina', 'Per', 'Lena', 'Mikael', 'Sara', 'Fredrik', 'Emma'];
const SE_FAMILY = ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Pettersson', 'Jonsson'];

/** A deterministic pseudo-random sequence, so the demo data is the same on every start. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function fakeName(random: () => number, country: 'NO' | 'SE'): string {
  const given = country === 'SE' ? SE_GIVEN : NO_GIVEN;
  const family = country === 'SE' ? SE_FAMILY : NO_FAMILY;
  return `${given[Math.floor(random() * given.length)]} ${family[Math.floor(random() * family.length)]}`;
}

export function emailFor(name: string, domain: string, n: number): string {
  const local = name.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a').replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/\s+/g, '.');
  return `${local}.${n}@${domain}`;
}
