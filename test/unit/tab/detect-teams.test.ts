import { detectTeams, type TeamsModule } from '../../../tab/src/host/detect-teams';

function aWindow(framed: boolean): Window {
  const win = {} as { parent: unknown; top: unknown };
  win.parent = framed ? {} : win;
  win.top = win.parent;
  return win as unknown as Window;
}

function teams(initialize: () => Promise<void>): TeamsModule {
  return {
    app: {
      initialize,
      getContext: async () => ({ app: { locale: 'de-de', theme: 'dark' }, page: { id: 'reports' } }),
    },
    authentication: { getAuthToken: async () => 'token' },
  } as unknown as TeamsModule;
}

describe('finding out whether the tab runs inside Teams', () => {
  it('decides standalone at once in a top-level window, without loading teams-js', async () => {
    const load = jest.fn();
    await expect(detectTeams({ win: aWindow(false), load })).resolves.toEqual({ inTeams: false, reason: 'top-level' });
    expect(load).not.toHaveBeenCalled();
  });

  it('decides standalone when a foreign frame never answers teams-js, after the timeout instead of a minute', async () => {
    const started = Date.now();
    const result = await detectTeams({
      win: aWindow(true),
      timeoutMs: 50,
      load: async () => teams(() => new Promise(() => {})),
    });
    expect(result).toEqual({ inTeams: false, reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reports Teams with its context when the host answers', async () => {
    const result = await detectTeams({
      win: aWindow(true),
      timeoutMs: 1000,
      load: async () => teams(async () => undefined),
    });
    expect(result.inTeams).toBe(true);
    expect(result.inTeams && result.context.page.id).toBe('reports');
  });

  it('decides standalone when teams-js rejects', async () => {
    const result = await detectTeams({
      win: aWindow(true),
      load: async () => teams(() => Promise.reject(new Error('no host'))),
    });
    expect(result).toEqual({ inTeams: false, reason: 'failed' });
  });
});
