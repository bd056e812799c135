/**
 * What the Functions app registers when the Azure Functions host loads it (package.json "main"):
 * the API, health, the bot endpoint, the tab and the timers. Local-only routes (the on-demand timer
 * runs under /admin, the development identity provider's discovery) belong to the local host and
 * its stand-ins, and are never part of the app itself.
 */
import { registrations } from '../../../functions/src/local/functions-core-shim';

describe('the Functions app as Azure loads it', () => {
  it('registers no /admin route and no local-only route', () => {
    jest.isolateModules(() => {
      jest.requireActual('../../../functions/src/index');
    });
    const routes = registrations().flatMap((r) =>
      Object.values(r.metadata.bindings)
        .filter((b) => b.type === 'httpTrigger')
        .map((b) => (b.route ?? r.name).replace(/^\/+/, '')),
    );
    expect(routes).toEqual(expect.arrayContaining(['health', 'messages', 'v1/programmes']));
    expect(routes.filter((route) => /^(admin|dev)(\/|$)/i.test(route))).toEqual([]);
  });
});
