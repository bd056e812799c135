import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalStack } from '../../../functions/src/local/stack';
import { toArray } from '../../../functions/src/ports/store';
import { aProgramme } from '../../support/builders';

describe('the local stack (npm start)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-stack-'));

  it('starts on embedded defaults with every component healthy and a seeded demo, and keeps data across a restart', async () => {
    const first = await startLocalStack({ port: 0, dataDir });
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
    } finally {
      await first.close();
    }
    expect(existsSync(join(dataDir, 'cosmos.json'))).toBe(true);

    const second = await startLocalStack({ port: 0, dataDir });
    try {
      expect(second.seeded).toBeUndefined();
      expect((await second.services.store.programmes.get('made-locally', 'made-locally')).name).toBe('Made locally');
      expect((await fetch(`${second.baseUrl}/api/health`)).status).toBe(200);
    } finally {
      await second.close();
    }
  });
});
