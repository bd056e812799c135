import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv, promisify } from 'node:util';
import { buildAppPackage, PackageError } from '../../../scripts/package/package-app';
import { schemaErrors } from '../../../scripts/package/manifest-schema';
import { readZip } from './read-zip';

const ROOT = join(__dirname, '../../..');
const EXAMPLE = join(ROOT, 'appPackage/.env.local.example');
const exampleEnv = parseEnv(readFileSync(EXAMPLE, 'utf8'));
const run = promisify(execFile);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tandem-package-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run package', () => {
  it('writes a zip with manifest.json, the German strings and both icons at its root, and nothing else', () => {
    const out = join(dir, 'appPackage.zip');
    buildAppPackage({ env: exampleEnv, outFile: out });
    const files = readZip(readFileSync(out));
    expect(files.map((f) => f.name).sort()).toEqual(['color.png', 'de.json', 'manifest.json', 'outline.png']);
    const byName = new Map(files.map((f) => [f.name, f.data]));
    expect(byName.get('color.png')?.equals(readFileSync(join(ROOT, 'appPackage/color.png')))).toBe(true);
    expect(byName.get('outline.png')?.equals(readFileSync(join(ROOT, 'appPackage/outline.png')))).toBe(true);
  });

  it('fills every placeholder from the environment, and the packaged manifest and strings validate', () => {
    const out = join(dir, 'appPackage.zip');
    const env = { ...exampleEnv, TANDEM_DOMAIN: 'func-tandem-abc.azurewebsites.net', ORG_NAME: 'Contoso "Ltd"' };
    buildAppPackage({ env, outFile: out });
    const files = new Map(readZip(readFileSync(out)).map((f) => [f.name, f.data.toString('utf8')]));
    const manifestText = files.get('manifest.json') as string;
    expect(manifestText).not.toContain('${{');
    const manifest = JSON.parse(manifestText) as {
      manifestVersion: string;
      developer: { name: string };
      webApplicationInfo: { resource: string };
    };
    expect(manifest.developer.name).toBe('Contoso "Ltd"');
    expect(manifest.webApplicationInfo.resource).toBe(
      `api://func-tandem-abc.azurewebsites.net/${exampleEnv.AAD_APP_CLIENT_ID}`,
    );
    expect(schemaErrors('manifest', manifest.manifestVersion, manifest)).toEqual([]);
    expect(schemaErrors('localization', manifest.manifestVersion, JSON.parse(files.get('de.json') as string))).toEqual(
      [],
    );
  });

  it('names every missing variable in one error and writes nothing', () => {
    const out = join(dir, 'appPackage.zip');
    const env = { ...exampleEnv, BOT_ID: undefined, TANDEM_DOMAIN: ' ' };
    expect(() => buildAppPackage({ env, outFile: out })).toThrow(PackageError);
    expect(() => buildAppPackage({ env, outFile: out })).toThrow(
      /Missing environment variables for appPackage\/manifest\.json: BOT_ID, TANDEM_DOMAIN\./,
    );
    expect(() => readFileSync(out)).toThrow();
  });

  it('refuses a value that breaks the schema, saying which field', () => {
    const env = { ...exampleEnv, BOT_ID: 'not-a-guid' };
    expect(() => buildAppPackage({ env, outFile: join(dir, 'x.zip') })).toThrow(/\/bots\/0\/botId must match pattern/);
  });

  it('refuses a TANDEM_DOMAIN with a scheme or path', () => {
    const env = { ...exampleEnv, TANDEM_DOMAIN: 'https://tandem.example.com/' };
    expect(() => buildAppPackage({ env, outFile: join(dir, 'x.zip') })).toThrow(/TANDEM_DOMAIN is a host name/);
  });

  it('as a command: exits 1 and lists the missing variables without an env file, exits 0 with one', async () => {
    const tsx = join(ROOT, 'node_modules/.bin/tsx');
    const script = join(ROOT, 'scripts/package/package-app.ts');
    const bare = Object.fromEntries(Object.entries(process.env).filter(([k]) => !(k in exampleEnv)));
    const failed = await run(tsx, [script, '--out', join(dir, 'a.zip')], { env: bare }).catch((e: unknown) => e);
    expect((failed as { code: number }).code).toBe(1);
    expect((failed as { stderr: string }).stderr).toContain('AAD_APP_CLIENT_ID, BOT_ID, ORG_NAME');
    const ok = await run(tsx, [script, '--env-file', EXAMPLE, '--out', join(dir, 'b.zip')], { env: bare });
    expect(ok.stdout).toMatch(/Wrote .*b\.zip \(manifest\.json, de\.json, color\.png, outline\.png\)/);
  });
});
