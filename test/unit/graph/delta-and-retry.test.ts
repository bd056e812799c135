import { parseDeltaItem } from '../../../functions/src/adapters/graph/directory-source';
import { ResilienceHandler, backoffMs, retryAfterMs } from '../../../functions/src/adapters/graph/resilience';
import { toIanaZone } from '../../../functions/src/adapters/graph/windows-zones';
import { applyChange } from '../../../functions/src/app/directory-sync';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

describe('reading users/delta items', () => {
  it('takes the manager from manager@delta and treats a removed link as no manager', () => {
    expect(
      parseDeltaItem({ id: 'a', 'manager@delta': [{ '@odata.type': '#microsoft.graph.user', id: 'm' }] }).manager,
    ).toBe('m');
    expect(
      parseDeltaItem({ id: 'a', 'manager@delta': [{ id: 'm', '@removed': { reason: 'deleted' } }] }).manager,
    ).toBeNull();
    expect(parseDeltaItem({ id: 'a', displayName: 'A' }).manager).toBeUndefined();
  });

  it('reports removed users with their reason and refuses items without an id or with wrongly typed fields', () => {
    expect(parseDeltaItem({ id: 'a', '@removed': { reason: 'deleted' } })).toMatchObject({
      id: 'a',
      removed: 'deleted',
    });
    expect(parseDeltaItem({ id: 'a', '@removed': { reason: 'changed' } })).toMatchObject({ removed: 'changed' });
    expect(() => parseDeltaItem({ displayName: 'x' })).toThrow(/no id/);
    expect(() => parseDeltaItem({ id: 'a', accountEnabled: 'yes' })).toThrow(/accountEnabled/);
  });

  it('keeps unchanged fields and the manager when a later item does not mention them', () => {
    const first = applyChange(
      undefined,
      { id: 'a', fields: { displayName: 'A', department: 'IT' }, manager: 'm' },
      't',
      'now',
    );
    const next = applyChange(first, { id: 'a', fields: { jobTitle: 'Lead', department: null } }, 't', 'later');
    expect(next).toMatchObject({ displayName: 'A', jobTitle: 'Lead', managerId: 'm', syncedAt: 'later' });
    expect(next.department).toBeUndefined();
  });
});

describe('retries', () => {
  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('7')).toBe(7000);
    expect(retryAfterMs(new Date(Date.now() + 5000).toUTCString())).toBeGreaterThan(3000);
    expect(retryAfterMs(undefined)).toBeUndefined();
  });

  it('backs off exponentially with jitter, capped at 30 s', () => {
    expect(backoffMs(0, 500, () => 0)).toBe(250);
    expect(backoffMs(3, 500, () => 1)).toBe(4000);
    expect(backoffMs(20, 500, () => 1)).toBe(30_000);
  });

  it('retries 429 after the Retry-After the server asked for, sends fresh headers each time, and counts throttling', async () => {
    const statuses = [429, 503, 200];
    const seen: unknown[] = [];
    const waits: number[] = [];
    const next: Middleware = {
      async execute(ctx: Context) {
        (ctx.options!.headers as Record<string, string>).Authorization =
          `${(ctx.options!.headers as Record<string, string>).Authorization ?? ''}Bearer t`;
        seen.push((ctx.options!.headers as Record<string, string>).Authorization);
        ctx.response = new Response('{}', { status: statuses.shift() ?? 200, headers: { 'retry-after': '2' } });
      },
    };
    const stats = { requests: 0, throttled: 0, retries: 0 };
    const handler = new ResilienceHandler(stats, { sleep: async (ms) => void waits.push(ms) });
    handler.setNext(next);
    const ctx: Context = { request: 'https://graph.microsoft.com/v1.0/users', options: { headers: {} } };
    await handler.execute(ctx);
    expect(ctx.response?.status).toBe(200);
    expect(waits).toEqual([2000, 2000]);
    expect(seen).toEqual(['Bearer t', 'Bearer t', 'Bearer t']);
    expect(stats).toEqual({ requests: 3, throttled: 1, retries: 2 });
  });
});

describe('time zone names from Exchange', () => {
  it('maps Windows names to IANA and passes IANA names through', () => {
    expect(toIanaZone('W. Europe Standard Time')).toBe('Europe/Berlin');
    expect(toIanaZone('Eastern Standard Time')).toBe('America/New_York');
    expect(toIanaZone('Europe/Vienna')).toBe('Europe/Vienna');
    expect(toIanaZone('Customized Time Zone')).toBeUndefined();
  });
});
