import { generateOrg } from '../../../functions/src/local/demo/org';
import { buildDemo, toOrgUser } from '../../../functions/src/local/demo/seed';
import { memoryDirectory } from '../../support/memory-directory';

const NOW = new Date('2026-03-02T08:00:00.000Z');

describe('the demo programmes', () => {
  it('were all created before now, so a programme a manager creates now comes first in the list (newest first)', async () => {
    const org = generateOrg({ size: 300, seed: 42 });
    const users = org.filter((u) => u.userType === 'Member').map((u) => toOrgUser(u, 'local', NOW.toISOString()));
    const { programmes } = await buildDemo(org, NOW, memoryDirectory(users));
    const created = programmes.map((p) => p.programme.createdAt);
    expect(created.length).toBeGreaterThan(0);
    for (const at of created) expect(at < NOW.toISOString()).toBe(true);
  });
});
