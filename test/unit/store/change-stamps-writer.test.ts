/** The change stamps' writer: each write is covered by a stamp that started after it; concurrent writes share one. */
import type { Container } from '@azure/cosmos';
import { ChangeStamps } from '../../../functions/src/adapters/cosmos/change-stamps';

function fakeState(options: { failures?: number } = {}) {
  const started: number[] = [];
  let failures = options.failures ?? 0;
  let release: (() => void)[] = [];
  const container = {
    items: {
      upsert: (doc: { id: string }) => {
        started.push(Date.now());
        return new Promise<{ resource: { id: string } }>((resolve, reject) => {
          release.push(() => (failures-- > 0 ? reject(new Error('unavailable')) : resolve({ resource: doc })));
        });
      },
    },
  } as unknown as Container;
  const flush = async () => {
    await new Promise((r) => setImmediate(r));
    const pending = release;
    release = [];
    pending.forEach((f) => f());
    await new Promise((r) => setImmediate(r));
  };
  return { container, started, flush, pending: () => release.length };
}

describe('change stamps (writer)', () => {
  it('lets writes that finish while a stamp is in flight share the next stamp, which starts after them', async () => {
    const state = fakeState();
    const stamps = new ChangeStamps(state.container);
    let firstDone = false;
    const first = stamps.stamp('p1').then(() => (firstDone = true));
    await new Promise((r) => setImmediate(r));
    expect(state.started).toHaveLength(1);
    // Three more writes finish while the first stamp is in flight: none is covered by it.
    const later = [stamps.stamp('p1'), stamps.stamp('p1'), stamps.stamp('p1')];
    let laterDone = 0;
    later.forEach((p) => void p.then(() => laterDone++));
    await state.flush();
    expect(firstDone).toBe(true);
    expect(laterDone).toBe(0);
    expect(state.started).toHaveLength(2);
    await state.flush();
    await Promise.all([first, ...later]);
    expect(laterDone).toBe(3);
    expect(state.started).toHaveLength(2);
  });

  it('keeps programmes apart: a stamp of one never covers another', async () => {
    const state = fakeState();
    const stamps = new ChangeStamps(state.container);
    const both = Promise.all([stamps.stamp('p1'), stamps.stamp('p2')]);
    await new Promise((r) => setImmediate(r));
    expect(state.pending()).toBe(2);
    await state.flush();
    await both;
  });

  it('retries a failed stamp, and never fails the write it follows (the snapshot then ages out)', async () => {
    const state = fakeState({ failures: 5 });
    const stamps = new ChangeStamps(state.container);
    const done = stamps.stamp('p1');
    for (let i = 0; i < 3; i++) await state.flush();
    await expect(done).resolves.toBeUndefined();
    expect(state.started).toHaveLength(3);
  });
});
