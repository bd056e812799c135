import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalStack, type LocalStack } from '../../../functions/src/local/stack';
import { toArray } from '../../../functions/src/ports/store';
import { aProgramme } from '../../support/builders';
import { startEmbeddedCosmos } from '../../../functions/src/local/embedded-cosmos';
import { isEmptyStore } from '../../../functions/src/local/demo/seed';
import { ConfigError } from '../../../functions/src/config';
import { reconcilePairs } from '../../../functions/src/app/reconcile';

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
    // The app is pointed at the stand-ins through its configuration; process.env is never written.
    expect(first.services.config.auth.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(first.services.config.graph.baseUrl).toMatch(/^https:\/\/(localhost|127\.0\.0\.1):\d+$/);
    expect(first.services.config.dataDir).toBe(dataDir);
    expect(process.env).toEqual(operatorEnv);
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
      // The demo's pairs and the enrollments' claims agree: the reconciler finds nothing to fix.
      expect(await reconcilePairs(first.services.app)).toMatchObject({
        releasedClaims: 0,
        restoredClaims: 0,
        endedPairs: 0,
        conflicts: 0,
      });
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
    // Nothing of the stand-ins' settings is left, so the next start sees only what the operator set.
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

describe('what the local stack seeds, and what it refuses', () => {
  /** Runs `body` with some operator settings in process.env, then puts the old values back. */
  async function withEnv<T>(vars: Record<string, string>, body: () => Promise<T>): Promise<T> {
    const before = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
    Object.assign(process.env, vars);
    try {
      return await body();
    } finally {
      for (const [k, v] of Object.entries(before)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  }

  it('never seeds the demo into a Cosmos DB the operator named, unless asked with --demo', async () => {
    const external = await startEmbeddedCosmos();
    try {
      const env = { COSMOS_ENDPOINT: external.endpoint, COSMOS_KEY: external.key, COSMOS_DATABASE: 'operator-db' };
      await withEnv(env, async () => {
        const plain = await startLocalStack({ port: 0, dataDir: mkdtempSync(join(tmpdir(), 'tandem-ext-')) });
        try {
          expect(plain.seeded).toBeUndefined();
          expect(await isEmptyStore(plain.services.store, plain.services.config.tenantId)).toBe(true);
          // Nobody can sign in locally, and the start says why and what to do.
          expect(plain.warnings.join('\n')).toMatch(/no demo sign-in accounts.*--demo/);
        } finally {
          await plain.close();
        }
        const asked = await startLocalStack({
          port: 0,
          dataDir: mkdtempSync(join(tmpdir(), 'tandem-ext-')),
          seed: true,
        });
        try {
          expect(asked.seeded?.programmes).toBeGreaterThan(0);
          expect(asked.warnings).toEqual([]);
        } finally {
          await asked.close();
        }
      });
    } finally {
      await external.close();
    }
  }, 120_000);

  it('says how to reset a data dir that lacks the demo sign-in accounts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-bare-'));
    const lines: string[] = [];
    const stack = await startLocalStack({ port: 0, dataDir: dir, seed: false, log: (l) => lines.push(l) });
    try {
      expect(stack.warnings).toHaveLength(1);
      expect(stack.warnings[0]).toContain(`delete ${dir}`);
      expect(lines.join('\n')).toContain('Warning: this store has no demo sign-in accounts');
    } finally {
      await stack.close();
    }
  }, 60_000);

  it('refuses to start with a bot app id but no credential, naming the setting', async () => {
    await withEnv({ MicrosoftAppId: '00000000-0000-4000-8000-00000000b07' }, async () => {
      const start = startLocalStack({ port: 0, dataDir: mkdtempSync(join(tmpdir(), 'tandem-bot-')) });
      await expect(start).rejects.toThrow(ConfigError);
      await expect(start).rejects.toThrow(/MicrosoftAppPassword/);
    });
  });
});
