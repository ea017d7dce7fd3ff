import { criticalPathOf } from '../src/query-plan';
import { cpuSecondsOf, proportionalMb, residentMb } from '../src/metrics';
import { SCENARIOS } from '../src/scenarios';

const queryOf = (name: string) => {
  const scenario = SCENARIOS.find((s) => s.name === name)!;
  const body = scenario.body({ tokens: { anonymous: null, orgAdmin: null, analyst: null, partner: null }, networkIds: ['n'], municipalityIds: ['NO-0301'], burstNetworkId: 'n', spreadNetworkIds: ['n'] })();
  return (JSON.parse(body) as { query: string }).query;
};

describe('the query plan the benchmark reports', () => {
  it('reads the four-hop query as levels of fetches and finds the chain that waits: networks, then registrations, then reports', () => {
    const plan = criticalPathOf(queryOf('across-four'));
    expect(plan.levels[0]).toEqual([{ subgraph: 'networks', path: '' }]);
    expect(plan.critical.map((f) => f.subgraph)).toEqual(['networks', 'participants', 'reports']);
    expect(plan.critical[2].path).toBe('network.registrations.edges.@.node.municipality');
    // Every fetch sits on exactly one level, and the handbook's fetch runs beside the registrations'.
    expect(plan.fetches).toBe(plan.levels.flat().length);
    expect(plan.levels.length).toBe(plan.critical.length);
    expect(plan.levels[1].map((f) => f.subgraph)).toContain('handbook');
  });

  it('plans the floor of the four-hop query exactly as the four-hop query: the same fetches in the same levels', () => {
    const full = criticalPathOf(queryOf('across-four'));
    const floor = criticalPathOf(queryOf('across-four-floor'));
    expect(floor.fetches).toBe(5);
    expect(floor.levels).toEqual(full.levels);
    expect(floor.critical).toEqual(full.critical);
  });

  it('gives a query one subgraph answers a single fetch', () => {
    const plan = criticalPathOf(queryOf('catalogue'));
    expect(plan.fetches).toBe(1);
    expect(plan.critical).toEqual([{ subgraph: 'networks', path: '' }]);
  });
});

describe('process figures from /proc', () => {
  it('counts the CPU a process has used, and its shared pages once in PSS', () => {
    const before = cpuSecondsOf(process.pid);
    const until = process.cpuUsage().user + 200_000;
    while (process.cpuUsage().user < until) Math.sqrt(Math.random());
    expect(cpuSecondsOf(process.pid)).toBeGreaterThan(before);
    const pss = proportionalMb(process.pid);
    expect(pss).toBeGreaterThan(0);
    expect(pss).toBeLessThanOrEqual(residentMb(process.pid));
  });
});
