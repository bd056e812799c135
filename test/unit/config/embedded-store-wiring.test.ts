/** The embedded store is wired by the local stack and the CLI only; production code cannot fall back to it. */
import { createServices } from '../../../functions/src/composition';
import { ConfigError, loadConfig } from '../../../functions/src/config';

describe('the store without COSMOS_ENDPOINT', () => {
  it('is a configuration error naming the local stack when nobody supplies the embedded store', async () => {
    const failure = createServices(loadConfig({}));
    await expect(failure).rejects.toThrow(ConfigError);
    await expect(failure).rejects.toThrow(/local stack only/);
  });

  it('is opened by the embedded store the caller supplies', async () => {
    const opened: string[] = [];
    const services = createServices(loadConfig({ TANDEM_DATA_DIR: '/nowhere' }), {
      embeddedStore: async (config) => {
        opened.push(config.dataDir);
        throw new Error('stop here');
      },
    });
    await expect(services).rejects.toThrow('stop here');
    expect(opened).toEqual(['/nowhere']);
  });
});
