import { foldForSearch, escapeLike, isUuid } from './text';

describe('foldForSearch', () => {
  it.each([
    ['Bærum', 'baerum'],
    ['Malmö', 'malmo'],
    ['Kárášjohka - Karasjok', 'karasjohka - karasjok'],
    ['Ørland', 'orland'],
    ['Åre', 'are'],
    ['Porsáŋgu', 'porsangu'],
  ])('%s folds to %s', (input, expected) => {
    expect(foldForSearch(input)).toBe(expected);
  });
});

describe('escapeLike', () => {
  it('escapes wildcards so user text matches literally', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});

describe('isUuid', () => {
  it('accepts UUIDs and refuses anything else', () => {
    expect(isUuid('3f1c2a9e-8d4b-5c1a-9e2f-1a2b3c4d5e6f')).toBe(true);
    expect(isUuid('NO-0301')).toBe(false);
    expect(isUuid("1' OR '1'='1")).toBe(false);
  });
});
