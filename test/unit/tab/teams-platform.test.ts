/** @jest-environment jsdom */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient, claimsChallenge } from '../../../tab/src/api/client';
import { ConsentRequiredError, consentUrl, needsInteraction, teamsTokens } from '../../../tab/src/auth/teams-tokens';
import { isLocalPage, OutsideTeamsError, standaloneHost } from '../../../tab/src/host/standalone-host';
import { openDownload, openLink, setLinkOpener } from '../../../tab/src/host/links';
import { download } from '../../../tab/src/components/download';
import type { TeamsModule } from '../../../tab/src/host/detect-teams';

function respond(status: number, body: unknown, headers: Record<string, string> = {}) {
  return {
    ok: status < 400,
    status,
    statusText: '',
    headers: new Headers({ 'content-type': 'application/json', ...headers }),
    json: async () => body,
    text: async () => JSON.stringify(body),
  } as unknown as Response;
}

function fakeTeams(getAuthToken: (p?: { claims?: string[] }) => Promise<string>) {
  const authenticate = jest.fn(async (_p: { url: string }) => 'done');
  const teams = { authentication: { getAuthToken, authenticate } } as unknown as Pick<TeamsModule, 'authentication'>;
  return { teams, authenticate };
}

describe('signing in inside Teams', () => {
  it('turns a getAuthToken rejection that needs consent into ConsentRequiredError, others stay errors', async () => {
    for (const reason of ['resourceRequiresConsent', 'consent_required', 'interaction_required'])
      expect(needsInteraction(new Error(reason))).toBe(true);
    expect(needsInteraction('CancelledByUser')).toBe(false);
    const { teams } = fakeTeams(() => Promise.reject(new Error('resourceRequiresConsent')));
    await expect(teamsTokens(teams, {}, 'https://tandem.example').getToken()).rejects.toBeInstanceOf(
      ConsentRequiredError,
    );
    const other = fakeTeams(() => Promise.reject(new Error('FailedToOpenWindow')));
    const err = await teamsTokens(other.teams, {}, 'https://tandem.example')
      .getToken()
      .catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(ConsentRequiredError);
  });

  it('opens the consent page Tandem serves in Teams’ authentication popup, for the person’s tenant', async () => {
    const { teams, authenticate } = fakeTeams(async () => 'tok');
    await teamsTokens(teams, { tenantId: 't-1', loginHint: 'a@contoso.com' }, 'https://tandem.example').consent();
    const url = new URL(authenticate.mock.calls[0]![0].url);
    expect(url.origin + url.pathname).toBe('https://tandem.example/api/auth/consent');
    expect(url.searchParams.get('tenant')).toBe('t-1');
    expect(url.searchParams.get('loginHint')).toBe('a@contoso.com');
    expect(consentUrl('https://x.example', {})).toBe('https://x.example/api/auth/consent');
  });

  it('asks Teams again with the API’s claims challenge after a 401', async () => {
    const getAuthToken = jest.fn(async (p?: { claims?: string[] }) => (p?.claims ? 'fresh' : 'cached'));
    const { teams } = fakeTeams(getAuthToken);
    const challenge = btoa('{"access_token":{"nbf":{"essential":true,"value":"1"}}}');
    const fetchImpl = jest
      .fn()
      .mockResolvedValueOnce(
        respond(
          401,
          { status: 401 },
          { 'www-authenticate': `Bearer error="insufficient_claims", claims="${challenge}"` },
        ),
      )
      .mockResolvedValueOnce(respond(200, { ok: 1 }));
    const client = new ApiClient(teamsTokens(teams, {}, 'https://t.example'), fetchImpl as unknown as typeof fetch);
    await expect(client.get('/me')).resolves.toEqual({ ok: 1 });
    expect(getAuthToken).toHaveBeenLastCalledWith({ claims: [atob(challenge)] });
    expect((fetchImpl.mock.calls[1] as [string, RequestInit])[1].headers).toMatchObject({
      authorization: 'Bearer fresh',
    });
  });

  it('never resends the token the API refused (Teams answered from its cache)', async () => {
    const fetchImpl = jest.fn(async () => respond(401, { status: 401, code: 'unauthenticated' }));
    const client = new ApiClient({ getToken: async () => 'same' }, fetchImpl as unknown as typeof fetch);
    await expect(client.get('/me')).rejects.toMatchObject({ status: 401 });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    expect(claimsChallenge('Bearer error="invalid_token"')).toBeUndefined();
  });
});

describe('outside Teams', () => {
  it('never asks for the local sign-in off this machine, and says to open Tandem in Teams', async () => {
    const identity = { accounts: jest.fn(), token: jest.fn() };
    const result = await standaloneHost(identity, false);
    expect(result.signInError).toBeInstanceOf(OutsideTeamsError);
    expect(identity.accounts).not.toHaveBeenCalled();
    await expect(result.host.tokens.getToken()).rejects.toBeInstanceOf(OutsideTeamsError);
  });

  it('treats only loopback as the local stack of npm start', () => {
    expect(['localhost', '127.0.0.1', 'tandem.localhost', '[::1]'].map((h) => isLocalPage(h))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['tandem.azurewebsites.net', 'localhost.evil.example', '10.0.0.1'].map((h) => isLocalPage(h))).toEqual([
      false,
      false,
      false,
    ]);
  });
});

describe('links and files', () => {
  afterEach(() => setLinkOpener(undefined));

  it('open through app.openLink inside Teams, as absolute URLs', async () => {
    const opened: string[] = [];
    setLinkOpener(async (url) => void opened.push(url));
    await openLink('https://teams.microsoft.com/l/meetup-join/x');
    await openDownload('/api/v1/downloads/abc');
    expect(opened).toEqual(['https://teams.microsoft.com/l/meetup-join/x', `${location.origin}/api/v1/downloads/abc`]);
  });

  it('download a file from a one-time API link, never from a blob', async () => {
    const opened: string[] = [];
    setLinkOpener(async (url) => void opened.push(url));
    const createObjectURL = jest.fn();
    (URL as unknown as { createObjectURL: unknown }).createObjectURL = createObjectURL;
    const api = { createDownload: jest.fn(async () => ({ url: '/api/v1/downloads/tok', expiresAt: 'x' })) };
    await download(api, { kind: 'report', programmeId: 'p-1' });
    expect(api.createDownload).toHaveBeenCalledWith({ kind: 'report', programmeId: 'p-1' });
    expect(opened).toEqual([`${location.origin}/api/v1/downloads/tok`]);
    expect(createObjectURL).not.toHaveBeenCalled();
  });

  it('standalone, follow the link in the page (the attachment downloads, the page stays)', async () => {
    const clicked: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this.href);
    });
    await openDownload('/api/v1/downloads/abc');
    expect(clicked).toEqual([`${location.origin}/api/v1/downloads/abc`]);
    click.mockRestore();
  });
});

describe('the tab’s sources', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
    );
  const sources = files(join(__dirname, '../../../tab/src')).map((f) => ({ f, text: readFileSync(f, 'utf8') }));

  it('open links to other sites only through ExternalLink (app.openLink inside Teams)', () => {
    const code = (text: string) =>
      text
        .split('\n')
        .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
        .join('\n');
    const own = sources.filter(
      ({ f, text }) => /target=["{]'?_blank/.test(code(text)) && !f.endsWith('external-link.tsx'),
    );
    expect(own.map(({ f }) => f)).toEqual([]);
  });

  it('never build a file as a blob (Teams blocks all but the first blob download, mobile all)', () => {
    expect(sources.filter(({ text }) => /createObjectURL|new Blob\(/.test(text)).map(({ f }) => f)).toEqual([]);
  });
});
