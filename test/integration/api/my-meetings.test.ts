/**
 * A participant's meetings (My tandem): the programme's events and their own pair's series, read by
 * key — never every series of the programme (the cost of My tandem at company scale, bench:api).
 */
import { call, startHarness, type Harness, type Json } from './support/harness';
import { confirmAll, matchAndPublish, programmeInMatching } from './support/flow';
import { listMeetings } from '../../../functions/src/app/meetings';
import type { MeetingSeries } from '../../../functions/src/core/model';
import type { Store } from '../../../functions/src/ports/store';

let h: Harness;
let id: string;
let pairs: Json[];

beforeAll(async () => {
  h = await startHarness();
  id = await programmeInMatching(h);
  pairs = await matchAndPublish(h, id);
  await confirmAll(h, id, pairs);
  await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: await h.manager(), body: { to: 'execution' } });
  await h.host.trigger('bookSeries');
  const [series] = (await call(h, 'GET', `/v1/programmes/${id}/meetings`, { token: await h.manager() })).body.items;
  const { etag: _etag, pairId: _pairId, ...event } = series as MeetingSeries & { etag: string };
  await h.t.store.meetings.create({ ...event, id: `${id}-kickoff`, kind: 'kickoff', attendees: [] });
});
afterAll(async () => h.close());

describe('my meetings', () => {
  it('are the programme’s events and my own pair’s series, in order of creation', async () => {
    const pair = pairs[0];
    const mine = await call(h, 'GET', `/v1/programmes/${id}/meetings`, { token: await h.token(pair.menteeId) });
    expect(mine.status).toBe(200);
    const items = mine.body.items as Json[];
    expect(items.map((s) => s.kind).sort()).toEqual(['kickoff', 'pair-series']);
    expect(items.find((s) => s.kind === 'pair-series').pairId).toBe(pair.id);
    const all = (await call(h, 'GET', `/v1/programmes/${id}/meetings`, { token: await h.manager() })).body.items;
    expect(all.length).toBe(pairs.length + 1);
    const order = all.map((s: Json) => s.id).filter((s: string) => items.some((i) => i.id === s));
    expect(items.map((s) => s.id)).toEqual(order);
  });

  it('are read by key: never a query over every series of the programme', async () => {
    const queries: unknown[] = [];
    const store = new Proxy(h.deps.store, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver) as unknown;
        if (name !== 'meetings') return value;
        const meetings = value as Store['meetings'];
        return new Proxy(meetings, {
          get(c, method, r) {
            const fn = Reflect.get(c, method, r) as unknown;
            if (method !== 'all' && method !== 'list') return fn;
            return (...args: unknown[]) => {
              queries.push(args[1]);
              return (fn as (...a: unknown[]) => unknown).apply(c, args);
            };
          },
        });
      },
    });
    const pair = pairs[1];
    const caller = { userId: pair.mentorId as string, tenantId: 'test', roles: [] };
    const items = await listMeetings({ ...h.deps, store }, caller, id);
    expect(items.map((s) => s.pairId ?? s.kind).sort()).toEqual([pair.id, 'kickoff'].sort());
    expect(queries.length).toBeGreaterThan(0);
    for (const options of queries) expect(options).toEqual(expect.objectContaining({ where: expect.anything() }));
  });
});
