import { CONTAINERS } from '../../../functions/src/ports/containers';
import { clean, read } from './bicep-text';

const docs = read('docs/deployment.md');
const outputs = [...clean(read('infra/main.bicep')).matchAll(/^output\s+(\w+)\s/gm)].map((m) => m[1]);

describe('docs/deployment.md says what the templates and scripts do', () => {
  it('counts the Cosmos DB containers the code defines', () => {
    const counted = [...docs.matchAll(/(\d+) containers/g)].map((m) => Number(m[1]));
    expect(counted.length).toBeGreaterThan(0);
    for (const n of counted) expect(n).toBe(Object.keys(CONTAINERS).length);
  });

  it('reads only deployment outputs infra/main.bicep has, under their names', () => {
    const read = [...docs.matchAll(/\$\(out (\w+)\)|outputs\.(\w+)\.value/g)].map((m) => m[1] ?? m[2]);
    expect(read.length).toBeGreaterThanOrEqual(4);
    for (const name of read) expect(outputs).toContain(name);
    expect(docs).not.toMatch(/\b(tandemDomain|identityPrincipalId|botId)\b/);
  });

  it('refers to no section that does not exist', () => {
    expect(docs).not.toContain('open point above');
    for (const [, title] of docs.matchAll(/\(\*([^*]+)\*, (?:above|below)\)/g))
      expect(docs).toMatch(new RegExp(`^(#+ .*|\\*\\*)${(title ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
  });

  it('retries the first Functions deployment a bounded number of times, in the docs and the Agents Toolkit', () => {
    expect(docs).toMatch(
      /for attempt in 1 2 3 4 5 6; do\n\s+az functionapp deployment source config-zip[\s\S]*?&& break/,
    );
    expect(read('m365agents.yml')).toMatch(
      /for attempt in 1 2 3 4 5 6; do az functionapp deployment source config-zip [^\n]*&& exit 0; sleep 30; done; exit 1/,
    );
  });
});
