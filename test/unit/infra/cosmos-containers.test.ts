import { CONTAINERS } from '../../../functions/src/ports/containers';
import { bicepFiles, clean, read, resourceTypes } from './bicep-text';

interface DeclaredContainer {
  name: string;
  partitionKey: string;
  excludedPaths: string[];
}
const declared = (JSON.parse(read('infra/cosmos-containers.json')) as { containers: DeclaredContainer[] }).containers;
const cosmos = read('infra/modules/cosmos.bicep');

describe('Cosmos DB containers in infra/', () => {
  it('are exactly the containers of functions/src/ports/containers.ts, with the same partition keys', () => {
    const expected = Object.values(CONTAINERS)
      .map((c) => [c.name, c.partitionKey])
      .sort();
    expect(declared.map((c) => [c.name, c.partitionKey]).sort()).toEqual(expected);
  });

  it('leave out of the index exactly the paths ports/containers.ts names, the directory users among them', () => {
    const expected = Object.values(CONTAINERS)
      .map((c) => [c.name, [...((c as { excludedPaths?: readonly string[] }).excludedPaths ?? [])]])
      .sort();
    expect(declared.map((c) => [c.name, c.excludedPaths]).sort()).toEqual(expected);
    // Directory chunks (500 users each) are only read by id: indexing them costs write RUs for nothing.
    expect(declared.find((c) => c.name === 'directory')?.excludedPaths).toEqual(['/users/*']);
  });

  it('are created by cosmos.bicep from that file, one container resource per entry', () => {
    const code = clean(cosmos);
    expect(code).toContain("loadJsonContent('../cosmos-containers.json').containers");
    expect(code).toMatch(/for c in containers:/);
    expect(code).toMatch(/partitionKey:\s*\{\s*paths:\s*\[c\.partitionKey\]/);
    const containerResources = bicepFiles().flatMap((f) =>
      resourceTypes(read(f)).filter(
        ([type]) => type === 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers',
      ),
    );
    expect(containerResources).toHaveLength(1);
  });

  it('index every path except payloads never filtered or sorted on, and never the keys', () => {
    expect(clean(cosmos)).toContain("includedPaths: [{ path: '/*' }]");
    for (const c of declared) {
      for (const path of c.excludedPaths) {
        expect(path).toMatch(/^\/[A-Za-z_][A-Za-z0-9_]*\/(\?|\*)$/);
        expect([c.partitionKey, '/id', '/schemaVersion']).not.toContain(path.replace(/\/(\?|\*)$/, ''));
      }
    }
  });

  it('live in a serverless account with continuous backup, keys disabled and the data-plane role for the app', () => {
    const code = clean(cosmos);
    expect(code).toContain("capabilities: [{ name: 'EnableServerless' }]");
    expect(code).toMatch(/backupPolicy:\s*\{\s*type: 'Continuous'/);
    expect(code).toContain('disableLocalAuth: true');
    expect(resourceTypes(cosmos).map(([t]) => t)).toContain('Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments');
    // Cosmos DB Built-in Data Contributor: items only, no control plane.
    expect(code).toContain("var dataContributor = '00000000-0000-0000-0000-000000000002'");
  });
});
