import { bicepFiles, blocks, read } from './bicep-text';
import { describeFiles, settingsReadByCode } from './settings-read-by-code';
import { SETTING_EXCEPTIONS } from './setting-exceptions';

const readByCode = settingsReadByCode();
const templateSettings = new Map<string, string>();
for (const file of bicepFiles()) {
  for (const block of blocks(read(file), 'appSettings')) {
    for (const m of block.matchAll(/\bname:\s*'([^']+)'/g)) templateSettings.set(m[1] as string, file);
  }
}

describe('app settings in infra/', () => {
  it('the scan of the code finds the settings functions/src/config.ts reads (it is not vacuous)', () => {
    for (const name of ['COSMOS_ENDPOINT', 'COSMOS_DATABASE', 'MicrosoftAppId', 'WEBSITE_INSTANCE_ID'])
      expect(readByCode.has(name)).toBe(true);
    expect(templateSettings.size).toBeGreaterThan(10);
  });

  it('sets every setting the deployed code reads, apart from the listed exceptions', () => {
    const missing = [...readByCode]
      .filter(([name]) => !templateSettings.has(name) && !SETTING_EXCEPTIONS[name])
      .map(([name, files]) => `${name} (read in ${describeFiles(files)})`);
    expect(missing).toEqual([]);
  });

  it('never sets a setting that must stay unset in Azure (keys, passwords, secrets, static tokens)', () => {
    const unset = Object.entries(SETTING_EXCEPTIONS).filter(([, e]) => e.kind !== 'platform');
    expect(unset.map(([name]) => name).filter((name) => templateSettings.has(name))).toEqual([]);
  });

  it('leaves out what Flex Consumption rejects or replaces (runtime is set in functionAppConfig)', () => {
    for (const name of [
      'FUNCTIONS_WORKER_RUNTIME',
      'FUNCTIONS_EXTENSION_VERSION',
      'WEBSITE_RUN_FROM_PACKAGE',
      'WEBSITE_NODE_DEFAULT_VERSION',
      'WEBSITE_CONTENTAZUREFILECONNECTIONSTRING',
      'AzureWebJobsStorage',
    ])
      expect(templateSettings.has(name)).toBe(false);
  });
});
