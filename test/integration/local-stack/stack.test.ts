import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalStack, type LocalStack } from '../../../functions/src/local/stack';
import { toArray } from '../../../functions/src/ports/store';
import { aProgramme } from '../../support/builders';

/** Signs in through the stack's development identity provider as a demo account of that kind. */
async function signIn(stack: LocalStack, kind: string): Promise<string> {
  // As the standalone tab does: find the provider through the app, pick a demo account, get a token.
  const idp = (await (await fetch(`${stack.baseUrl}/api/dev/identity`)).json()) as {
    accountsUrl: string;
    tokenUrl: string;
  };
  const { accounts } = (await (await fetch(idp.accountsUrl)).json()) as {
    accounts: { kind: string; userId: string }[];
  };
  const userId = accounts.find((a) => a.kind === kind)?.userId;
  const res = await fetch(idp.tokenUrl, { method: 'POST', body: JSON.stringify({ userId }) });
  return ((await res.json()) as { access_token: string }).access_token;
}

describe('the local stack (npm start)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-stack-'));

  it('starts on embedded defaults with every component healthy and a seeded demo, and keeps data across a restart', async () => {
    let madeThroughApi: string | undefined;
    const operatorEnv = { ...process.env };
    const first = await startLocalStack({ port: 0, dataDir });
    expect(process.env.AUTH_ISSUER).toBeTruthy();
    expect(process.env.GRAPH_BASE_URL).toBeTruthy();
    try {
      const res = await fetch(`${first.baseUrl}/api/health`);
      const body = (await res.json()) as { checks: Record<string, { status: string }> };
      expect(res.status).toBe(200);
      expect(Object.values(body.checks).every((c) => c.status === 'ok')).toBe(true);
      expect(first.seeded?.users).toBeGreaterThanOrEqual(300);
      const programmes = await toArray(first.services.store.programmes.all(undefined));
      expect(new Set(programmes.map((p) => p.phase))).toEqual(
        new Set(['draft', 'preparation', 'matching', 'execution', 'steering']),
      );
      await first.services.store.programmes.create(aProgramme({ id: 'made-locally', name: 'Made locally' }));
      const made = await fetch(`${first.baseUrl}/api/v1/programmes`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await signIn(first, 'manager')}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Made through the API', topics: [{ id: 'ai', name: 'AI assistants' }] }),
      });
      expect(made.status).toBe(201);
      madeThroughApi = ((await made.json()) as { id: string }).id;
    } finally {
      await first.close();
    }
    expect(existsSync(join(dataDir, 'cosmos.json'))).toBe(true);
    // The stand-ins' settings are gone again, so the next start sees only what the operator set.
    expect(process.env).toEqual(operatorEnv);

    const second = await startLocalStack({ port: 0, dataDir });
    try {
      expect(second.seeded).toBeUndefined();
      expect((await second.services.store.programmes.get('made-locally', 'made-locally')).name).toBe('Made locally');
      expect((await fetch(`${second.baseUrl}/api/health`)).status).toBe(200);
      const again = await fetch(`${second.baseUrl}/api/v1/programmes/${madeThroughApi}`, {
        headers: { authorization: `Bearer ${await signIn(second, 'manager')}` },
      });
      expect(again.status).toBe(200);
      expect(((await again.json()) as { name: string }).name).toBe('Made through the API');
    } finally {
      await second.close();
    }
  });
});
