import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { placeholderNames } from '../../../scripts/package/placeholders';
import { read, ROOT } from './bicep-text';

const yml = read('m365agents.yml');

describe('m365agents.yml (Microsoft 365 Agents Toolkit)', () => {
  it('has the provision, deploy and publish stages', () => {
    expect(yml).toMatch(/^provision:$/m);
    expect(yml).toMatch(/^deploy:$/m);
    expect(yml).toMatch(/^publish:$/m);
  });

  it('provisions with infra/main.bicep and its parameter file, and configures the Entra app with the script', () => {
    expect(yml).toContain('path: ./infra/main.bicep');
    expect(yml).toContain('parameters: ./infra/main.parameters.json');
    expect(yml).toContain('./infra/scripts/entra-app.sh');
    expect(yml).toContain('generateClientSecret: false');
  });

  it('packages appPackage/manifest.json, deploys build/functions.zip, publishes to the org catalog', () => {
    expect(yml).toContain('manifestPath: ./appPackage/manifest.json');
    expect(yml).toContain('az functionapp deployment source config-zip');
    expect(yml).toContain('uses: teamsApp/publishAppPackage');
  });

  it('gets every variable the manifest needs from the dev environment file or a provision step', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'appPackage/manifest.json'), 'utf8')) as unknown;
    const env = parseEnv(read('infra/env/.env.dev'));
    for (const name of placeholderNames(manifest)) expect(Object.keys(env)).toContain(name);
    expect(yml).toContain('environmentFolderPath: ./infra/env');
  });
});
