/** @jest-environment jsdom */
import { localDevIdentity } from '../../../tab/src/auth/local-dev-identity';

/** jsdom has no fetch Response; the client reads only these three members. */
const json = (body: unknown, status = 200) => ({ ok: status < 400, status, json: async () => body });

describe('standalone sign-in through the local development identity provider', () => {
  beforeEach(() => {
    sessionStorage.clear();
    history.replaceState(null, '', '/');
  });

  it('finds the provider through the local stack, lists the demo accounts and gets a token for one', async () => {
    const fetchImpl = jest.fn(async (url: string, _init?: RequestInit) => {
      if (url === '/api/dev/identity')
        return json({
          issuer: 'x',
          accountsUrl: 'http://127.0.0.1:4100/accounts',
          tokenUrl: 'http://127.0.0.1:4100/token',
        });
      if (url.endsWith('/accounts'))
        return json({ accounts: [{ kind: 'hr', userId: 'u-hr', displayName: 'Marie', roles: ['Reports.Read'] }] });
      return json({ access_token: 'tok', token_type: 'Bearer', expires_in: 3600 });
    });
    const idp = localDevIdentity(fetchImpl as unknown as typeof fetch);
    const [account] = await idp.accounts();
    const token = await idp.token(account!);
    expect(token.token).toBe('tok');
    expect(fetchImpl.mock.calls.map((c) => c[0])).toEqual([
      '/api/dev/identity',
      'http://127.0.0.1:4100/accounts',
      'http://127.0.0.1:4100/token',
    ]);
    expect(JSON.parse(String(fetchImpl.mock.calls[2]?.[1]?.body))).toEqual({ userId: 'u-hr' });
  });

  it('takes the provider from ?idp= on loopback, and refuses one that is not on loopback', async () => {
    history.replaceState(null, '', '/?idp=http://127.0.0.1:4200');
    const fetchImpl = jest.fn(async () => json({ accounts: [] }));
    await localDevIdentity(fetchImpl as unknown as typeof fetch).accounts();
    expect(fetchImpl).toHaveBeenCalledWith('http://127.0.0.1:4200/accounts');

    sessionStorage.clear();
    history.replaceState(null, '', '/');
    const remote = jest.fn(async () =>
      json({ accountsUrl: 'https://evil.example/accounts', tokenUrl: 'https://evil.example/token' }),
    );
    await expect(localDevIdentity(remote as unknown as typeof fetch).accounts()).rejects.toThrow('must be on loopback');
  });
});
