import { detectTeams, frameHost, isMicrosoftHost, type TeamsModule } from '../../../tab/src/host/detect-teams';

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

function framedBy(origins: string[], referrer = ''): Window {
  const win = aWindow(true) as unknown as Record<string, unknown>;
  win.location = { ancestorOrigins: Object.assign([...origins], { contains: () => false, item: () => null }) };
  win.document = { referrer };
  return win as unknown as Window;
}

describe('waiting for Teams inside a Microsoft 365 frame', () => {
  it('is not cut short: a slow app.initialize() (a cold mobile start) still ends in Teams', async () => {
    const slow = () => new Promise<void>((resolve) => setTimeout(resolve, 150));
    const result = await detectTeams({
      win: framedBy(['https://teams.microsoft.com']),
      timeoutMs: 20,
      load: async () => teams(slow),
    });
    expect(result.inTeams).toBe(true);
  });

  it('waits in the Teams mobile bridge too, framed or not', async () => {
    const win = aWindow(false) as unknown as Record<string, unknown>;
    win.nativeInterface = {};
    const result = await detectTeams({
      win: win as unknown as Window,
      timeoutMs: 20,
      load: async () => teams(() => new Promise<void>((resolve) => setTimeout(resolve, 150))),
    });
    expect(result.inTeams).toBe(true);
  });

  it('tells Teams, Outlook and the Microsoft 365 app from other parents by origin or referrer', () => {
    expect(frameHost(framedBy(['https://teams.cloud.microsoft']))).toBe('microsoft');
    expect(frameHost(framedBy(['https://outlook.office.com', 'https://example.com']))).toBe('microsoft');
    expect(frameHost(framedBy([], 'https://www.microsoft365.com/launch'))).toBe('microsoft');
    expect(frameHost(framedBy(['null']))).toBe('foreign');
    expect(frameHost(framedBy(['https://teams.microsoft.com.evil.example']))).toBe('foreign');
    expect(frameHost(framedBy([]))).toBe('unknown');
    expect(isMicrosoftHost('http://teams.microsoft.com')).toBe(false);
  });
});
