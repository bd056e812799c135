import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { schemaErrors, shippedManifestVersions } from '../../../scripts/package/manifest-schema';
import { fillPlaceholders, placeholderNames } from '../../../scripts/package/placeholders';

const ROOT = join(__dirname, '../../..');
const readJson = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, unknown>;
const manifest = readJson('appPackage/manifest.json');
const german = readJson('appPackage/de.json');
const exampleEnv = parseEnv(readFileSync(join(ROOT, 'appPackage/.env.local.example'), 'utf8'));
const version = manifest.manifestVersion as string;

interface Tab {
  entityId: string;
  name?: string;
  contentUrl?: string;
}
interface Command {
  title: string;
  description?: string;
}
interface Bot {
  botId: string;
  scopes: string[];
  commandLists: { scopes: string[]; commands: Command[] }[];
}

describe('Teams app manifest', () => {
  it('uses the newest numbered schema @microsoft/app-manifest ships (1.30 is generally available; 1.18 never existed)', () => {
    const shipped = shippedManifestVersions();
    expect(shipped).not.toContain('1.18');
    expect(version).toBe(shipped[shipped.length - 1]);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`,
    );
  });

  it('validates against the shipped schema once the example environment fills its placeholders', () => {
    expect(schemaErrors('manifest', version, fillPlaceholders(manifest, exampleEnv, 'manifest.json'))).toEqual([]);
  });

  it('takes tenant-specific values only from placeholders, each documented in .env.local.example', () => {
    const names = placeholderNames(manifest);
    expect(names).toEqual(expect.arrayContaining(['TEAMS_APP_ID', 'AAD_APP_CLIENT_ID', 'BOT_ID', 'TANDEM_DOMAIN']));
    for (const name of names) expect(exampleEnv[name]).toBeTruthy();
  });

  it('has the bot in personal and team scope with a command list for each', () => {
    const bots = manifest.bots as Bot[];
    expect(bots).toHaveLength(1);
    expect(bots[0]?.botId).toBe('${{BOT_ID}}');
    expect(bots[0]?.scopes.sort()).toEqual(['personal', 'team']);
    expect(bots[0]?.commandLists.flatMap((l) => l.scopes).sort()).toEqual(['personal', 'team']);
    for (const list of bots[0]?.commandLists ?? []) expect(list.commands.length).toBeGreaterThan(0);
  });

  it('has the static tabs My tandem, Programmes and Reports, served by the Functions app over https', () => {
    const tabs = manifest.staticTabs as Tab[];
    const named = tabs.filter((t) => t.name);
    expect(named.map((t) => t.name)).toEqual(['My tandem', 'Programmes', 'Reports']);
    for (const tab of named) expect(tab.contentUrl).toMatch(/^https:\/\/\$\{\{TANDEM_DOMAIN\}\}\/api\/tab\//);
  });

  it('asks for tab SSO with the resource api://<tab domain>/<client id> and lists the tab domain as valid', () => {
    expect(manifest.webApplicationInfo).toEqual({
      id: '${{AAD_APP_CLIENT_ID}}',
      resource: 'api://${{TANDEM_DOMAIN}}/${{AAD_APP_CLIENT_ID}}',
    });
    expect(manifest.validDomains).toEqual(['${{TANDEM_DOMAIN}}']);
  });

  it('has the same version as package.json, so every release gets a new app version', () => {
    expect(manifest.version).toBe(readJson('package.json').version);
  });
});

describe('German localization file', () => {
  it('is declared in the manifest and validates against the shipped localization schema', () => {
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'en',
      additionalLanguages: [{ languageTag: 'de', file: 'de.json' }],
    });
    expect(german.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.Localization.schema.json`,
    );
    expect(schemaErrors('localization', version, german)).toEqual([]);
  });

  it('translates the name, descriptions, every tab name and every command description, and nothing that does not exist', () => {
    const expected = new Set(['name.short', 'name.full', 'description.short', 'description.full']);
    (manifest.staticTabs as Tab[]).forEach((t, i) => t.name && expected.add(`staticTabs[${i}].name`));
    (manifest.bots as Bot[])[0]?.commandLists.forEach((list, l) =>
      list.commands.forEach(
        (c, i) => c.description && expected.add(`bots[0].commandLists[${l}].commands[${i}].description`),
      ),
    );
    const keys = Object.keys(german).filter((k) => k !== '$schema');
    expect(keys.sort()).toEqual([...expected].sort());
    for (const key of keys) expect(german[key]).not.toBe('');
  });

  it('keeps the command titles in English, the words the bot understands', () => {
    expect(Object.keys(german).filter((k) => k.endsWith('.title'))).toEqual([]);
  });
});
