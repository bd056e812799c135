/** The opt-in form's time-zone default comes from the person's mailbox settings (Graph), not the browser. */
import { myMailboxTimeZone } from '../../../functions/src/app/my-time-zone';
import { GRANTED_ROLES } from '../../../functions/src/local/graph-stand-in/permissions';
import { openHarness, type Harness } from './graph-harness';

let h: Harness;
beforeAll(async () => {
  h = await openHarness({ size: 80, seed: 7 });
});
afterAll(async () => h.close());

const caller = (userId: string) => ({ userId, tenantId: 'tenant-graph', roles: [] });

describe('the time zone of my mailbox', () => {
  it('is read from Graph mailboxSettings and converted from the Windows zone to IANA', async () => {
    const members = [...h.standIn.directory.users.values()].filter((u) => u.userType === 'Member');
    const abroad = members.find((u) => u.timeZone !== 'Europe/Berlin');
    expect(abroad).toBeDefined();
    for (const user of [members[0], abroad]) {
      if (!user) continue;
      const answer = await myMailboxTimeZone({ mailboxes: h.deps().calendar }, caller(user.id));
      expect(answer.source).toBe('mailbox');
      expect(answer.timeZone).toMatch(/^[A-Z][A-Za-z_]+\/[A-Za-z_]+/);
      // The stand-in answers with the Windows name of the person's zone, as Exchange does.
      expect(new Date('2026-07-01T12:00:00Z').toLocaleString('en', { timeZone: answer.timeZone })).toBe(
        new Date('2026-07-01T12:00:00Z').toLocaleString('en', { timeZone: user.timeZone }),
      );
    }
  });

  it('is unknown (and the form keeps its own default) without MailboxSettings.Read or without Graph', async () => {
    const user = [...h.standIn.directory.users.values()].find((u) => u.userType === 'Member');
    const refused = h.connectAs(GRANTED_ROLES.filter((r) => r !== 'MailboxSettings.Read'));
    expect(await myMailboxTimeZone({ mailboxes: refused.calendar }, caller(user?.id ?? ''))).toEqual({
      source: 'unknown',
    });
    expect(await myMailboxTimeZone({}, caller(user?.id ?? ''))).toEqual({ source: 'unknown' });
  });
});
