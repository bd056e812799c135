import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseEnv } from 'node:util';
import { assertBalanced, bicepFiles, clean, modules, params, read, resourceTypes, ROOT } from './bicep-text';

const main = read('infra/main.bicep');
const functionApp = read('infra/modules/function-app.bicep');

describe('Bicep templates (checked as text: the Bicep CLI cannot be installed offline)', () => {
  it('have balanced brackets in every file', () => {
    for (const file of bicepFiles()) expect(() => assertBalanced(read(file))).not.toThrow();
  });

  it('pass every module exactly the parameters it declares, including all required ones', () => {
    for (const file of bicepFiles()) {
      for (const use of modules(read(file))) {
        const path = join(dirname(file), use.path);
        expect(existsSync(join(ROOT, path))).toBe(true);
        const declared = params(read(path));
        expect({ module: use.symbol, unknown: use.params.filter((p) => !declared.some((d) => d.name === p)) }).toEqual({
          module: use.symbol,
          unknown: [],
        });
        const missing = declared.filter((d) => d.required && !use.params.includes(d.name)).map((d) => d.name);
        expect({ module: use.symbol, missing }).toEqual({ module: use.symbol, missing: [] });
      }
    }
  });

  it('declare the resources the app needs', () => {
    const types = new Set(bicepFiles().flatMap((f) => resourceTypes(read(f)).map(([t]) => t)));
    for (const type of [
      'Microsoft.ManagedIdentity/userAssignedIdentities',
      'Microsoft.Web/serverfarms',
      'Microsoft.Web/sites',
      'Microsoft.Storage/storageAccounts',
      'Microsoft.DocumentDB/databaseAccounts',
      'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments',
      'Microsoft.BotService/botServices',
      'Microsoft.BotService/botServices/channels',
      'Microsoft.Insights/components',
      'Microsoft.OperationalInsights/workspaces',
    ])
      expect(types).toContain(type);
    expect(types).not.toContain('Microsoft.KeyVault/vaults'); // no secret exists that would need one
  });

  it('run the Functions app on Flex Consumption, Node.js 22, with the user-assigned identity', () => {
    const code = clean(functionApp);
    expect(code).toContain("sku: { tier: 'FlexConsumption', name: 'FC1' }");
    expect(code).toContain("runtime: { name: 'node', version: '22' }");
    expect(code).toMatch(/type: 'UserAssigned'/);
    expect(code).toMatch(/authentication: \{\s*type: 'UserAssignedIdentity'/);
  });

  it('register the bot with the managed identity (no app password) and the Teams channel', () => {
    const bot = clean(read('infra/modules/bot.bicep'));
    expect(bot).toContain("msaAppType: 'UserAssignedMSI'");
    expect(bot).toContain("channelName: 'MsTeamsChannel'");
  });

  it('turn off shared keys and local auth wherever Azure allows it', () => {
    expect(clean(read('infra/modules/storage.bicep'))).toContain('allowSharedKeyAccess: false');
    expect(clean(read('infra/modules/monitoring.bicep'))).toContain('DisableLocalAuth: true');
    expect(clean(functionApp)).toMatch(/basicPublishingCredentialsPolicies[\s\S]*allow: false/);
  });

  it('have parameter files that set only parameters main.bicep declares, and every required one', () => {
    const declared = params(main);
    const json = JSON.parse(read('infra/main.parameters.json')) as { parameters: Record<string, unknown> };
    const bicepparam = [...clean(read('infra/main.bicepparam')).matchAll(/^param\s+(\w+)\s*=/gm)].map((m) => m[1]);
    expect(clean(read('infra/main.bicepparam'))).toMatch(/^using '\.\/main\.bicep'/m);
    for (const given of [Object.keys(json.parameters), bicepparam]) {
      expect(given.filter((p) => !declared.some((d) => d.name === p))).toEqual([]);
      expect(declared.filter((d) => d.required && !given.includes(d.name))).toEqual([]);
    }
  });

  it('build every resource name from the lowercase baseName (storage and Cosmos DB names allow no capitals)', () => {
    const code = clean(main);
    expect(code).toMatch(/^var base = toLower\(baseName\)$/m);
    // baseName is read in that one place only; the suffix and every name use the lowercase form.
    expect([...code.matchAll(/\bbaseName\b(?!:)/g)].length).toBe(2); // the param and toLower(baseName)
    expect(code).not.toMatch(/baseName: baseName/); // modules get the lowercase form
    expect(code).toContain('var suffix = uniqueString(resourceGroup().id, base)');
    expect(code).toContain("storage: take('st${base}${suffix}', 24)");
    expect(code).toContain("cosmos: 'cosmos-${base}-${suffix}'");
  });

  it('output what the next steps read, under the names the app package and the Agents Toolkit use', () => {
    const outputs = [...clean(main).matchAll(/^output\s+(\w+)\s/gm)].map((m) => m[1]);
    expect(outputs).toEqual(
      expect.arrayContaining(['TANDEM_DOMAIN', 'BOT_ID', 'FUNCTION_APP_RESOURCE_ID', 'IDENTITY_PRINCIPAL_ID']),
    );
    const example = parseEnv(readFileSync(join(ROOT, 'appPackage/.env.local.example'), 'utf8'));
    expect(Object.keys(example)).toEqual(expect.arrayContaining(['TANDEM_DOMAIN', 'BOT_ID']));
  });
});
