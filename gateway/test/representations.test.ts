import { deduplicateRepresentations, expandEntities } from '../src/representations';

const m = (id: string) => ({ __typename: 'Municipality', id });

describe('representations of an entity fetch', () => {
  it('go out once each, in the order they first appear, and leave a fetch of distinct ones alone', () => {
    const distinct = deduplicateRepresentations([m('NO-3201'), m('NO-0301'), m('NO-3201'), m('NO-3201'), m('SE-0180')]);
    expect(distinct).toEqual({ representations: [m('NO-3201'), m('NO-0301'), m('SE-0180')], positions: [0, 1, 0, 0, 2] });
    expect(deduplicateRepresentations([m('NO-3201'), m('NO-0301')])).toBeNull();
    expect(deduplicateRepresentations([m('NO-3201')])).toBeNull();
  });

  it('get the answer spread back over every position, each repeat with objects of its own', () => {
    const distinct = deduplicateRepresentations([m('A'), m('B'), m('A')])!;
    const reportsOf = (id: string) => ({ reports: { edges: [{ node: { kind: 'RISK_ASSESSMENT', period: '2022', municipality: id } }] } });
    const answer = expandEntities({ data: { _entities: [reportsOf('A'), reportsOf('B')] } }, distinct);
    expect(answer.data!._entities).toEqual([reportsOf('A'), reportsOf('B'), reportsOf('A')]);
    const [first, , third] = answer.data!._entities as ReturnType<typeof reportsOf>[];
    expect(third).not.toBe(first);
    expect(third.reports.edges[0]).not.toBe(first.reports.edges[0]);
  });

  it('repeat an error of a representation at every position that asked for it, and keep other errors', () => {
    const distinct = deduplicateRepresentations([m('A'), m('B'), m('A'), m('B')])!;
    const answer = expandEntities({
      data: { _entities: [null, { name: 'B' }] },
      errors: [
        { message: 'Forbidden.', path: ['_entities', 0, 'reports'], extensions: { code: 'FORBIDDEN' } },
        { message: 'Other.', extensions: { code: 'BAD_USER_INPUT' } },
      ],
    }, distinct);
    expect(answer.data!._entities).toEqual([null, { name: 'B' }, null, { name: 'B' }]);
    expect(answer.errors).toEqual([
      { message: 'Forbidden.', path: ['_entities', 0, 'reports'], extensions: { code: 'FORBIDDEN' } },
      { message: 'Forbidden.', path: ['_entities', 2, 'reports'], extensions: { code: 'FORBIDDEN' } },
      { message: 'Other.', extensions: { code: 'BAD_USER_INPUT' } },
    ]);
  });

  it('leave an answer of another length as it is, for the gateway to refuse as before', () => {
    const distinct = deduplicateRepresentations([m('A'), m('A')])!;
    const odd = { data: { _entities: [{}, {}, {}] } };
    expect(expandEntities(odd, distinct)).toBe(odd);
  });
});
