import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './bicep-text';

/** Every file an operator deploys from: templates, parameter files, scripts, toolkit config. */
function deployableFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? walk(`${dir}/${d.name}`) : [`${dir}/${d.name}`],
    );
  return [...walk('infra'), 'm365agents.yml', 'appPackage/.env.local.example', 'appPackage/manifest.json'];
}

const SECRET_PATTERNS: [string, RegExp][] = [
  ['storage or Cosmos DB connection string', /AccountKey=|DefaultEndpointsProtocol=|SharedAccessSignature=/i],
  ['Application Insights instrumentation key', /InstrumentationKey=/],
  ['key listing in a template', /\blist(Keys|ConnectionStrings|Secrets|AccountSas|ServiceSas)\s*\(/],
  ['Cosmos DB master key', /primaryMasterKey|secondaryMasterKey|primaryReadonlyMasterKey/],
  ['client secret creation', /generateClientSecret:\s*true|az ad app credential reset|passwordCredentials/i],
  ['private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ['value that looks like a key (long base64)', /[A-Za-z0-9+/]{60,}={0,2}/],
];

describe('no secret in infra/, m365agents.yml or the package env files', () => {
  const files = deployableFiles();

  it('covers the templates, parameter files and scripts', () => {
    expect(files).toEqual(
      expect.arrayContaining(['infra/main.bicep', 'infra/main.parameters.json', 'infra/scripts/entra-app.sh']),
    );
  });

  it.each(SECRET_PATTERNS)('contains no %s', (_what, pattern) => {
    const hits = files.filter((f) => pattern.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(hits).toEqual([]);
  });

  it('declares no @secure() parameter with a default value', () => {
    for (const file of files.filter((f) => f.endsWith('.bicep'))) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      expect(text).not.toMatch(/@secure\(\)\s*\n\s*param\s+\w+\s+\w+\s*=/);
    }
  });

  it('sets no app setting to a password, key or secret value', () => {
    for (const file of files.filter((f) => f.endsWith('.bicep'))) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      expect(text).not.toMatch(/name:\s*'[^']*(PASSWORD|Password|SECRET|_KEY)[^']*'/);
    }
  });

  it('keeps the git-ignored local env files out of git', () => {
    const ignored = execFileSync('git', ['check-ignore', 'appPackage/.env.local', 'infra/env/.env.dev.user'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(ignored.trim().split('\n')).toEqual(['appPackage/.env.local', 'infra/env/.env.dev.user']);
  });
});
