import { GraphError } from '@microsoft/microsoft-graph-client';
import { syncDirectory } from '../../../functions/src/app/directory-sync';
import { runBatch } from '../../../functions/src/adapters/graph/batch';
import { GRANTED_ROLES } from '../../../functions/src/local/graph-stand-in/permissions';
import { openHarness, type Harness } from './graph-harness';

let h: Harness;
beforeAll(async () => {
  h = await openHarness({ size: 80, seed: 5 });
});
afterAll(async () => h.close());

const without = (role: string) => GRANTED_ROLES.filter((r) => r !== role);

/** The Graph error a request ends with (status and OData code), or 'ok'. */
async function outcome(request: Promise<unknown>): Promise<string> {
  try {
    await request;
    return 'ok';
  } catch (err) {
    return err instanceof GraphError ? `${err.statusCode} ${err.code}` : String(err);
  }
}

function someone() {
  const user = [...h.standIn.directory.users.values()].find((u) => u.userType === 'Member');
  if (!user) throw new Error('no member');
  return user;
}

function aDepartmentGroup() {
  const user = someone();
  const id = `group-${user.department.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const members = [...h.standIn.directory.users.values()].filter((u) => u.department === user.department);
  return { id, members: members.map((u) => u.id).sort() };
}

describe('the Graph stand-in checks the application permissions in the token, as Graph does', () => {
  it("the app's own token carries exactly the permissions infra grants, in a JWT-shaped token's roles claim", () => {
    const payload = JSON.parse(Buffer.from(h.standIn.token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      roles: string[];
    };
    expect([...payload.roles].sort()).toEqual([...GRANTED_ROLES].sort());
  });

  it('refuses a token it did not mint, even with the same claims', async () => {
    const [header, payload] = h.standIn.token.split('.');
    const usersWith = (token: string) =>
      fetch(`${h.standIn.baseUrl}/v1.0/users?$top=1`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await usersWith(h.standIn.token)).status).toBe(200);
    const forged = await usersWith(`${header}.${payload}.forged`);
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ error: { code: 'InvalidAuthenticationToken' } });
  });

  it('without MailboxSettings.Read the mailbox settings are refused with ErrorAccessDenied (Calendars.ReadWrite does not cover them)', async () => {
    const user = someone();
    const url = `/users/${user.id}/mailboxSettings?$select=timeZone,workingHours`;
    const granted = await runBatch(h.conn, [{ id: '0', method: 'GET', url }]);
    expect(granted.get('0')?.status).toBe(200);

    const refused = h.connectAs(without('MailboxSettings.Read'));
    const answer = (await runBatch(refused.conn, [{ id: '0', method: 'GET', url }])).get('0');
    expect(answer?.status).toBe(403);
    expect(answer?.body).toMatchObject({
      error: { code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' },
    });
    expect(await outcome(refused.conn.client.api(url).get())).toBe('403 ErrorAccessDenied');
    // The calendar port reports the refusal instead of a zone or working hours.
    const info = (await refused.calendar.mailboxSettings([user.id])).get(user.id);
    expect(info).toMatchObject({ refused: { status: 403, code: 'ErrorAccessDenied' } });
    expect(info?.workingHours).toBeUndefined();
    expect((await h.deps().calendar.mailboxSettings([user.id])).get(user.id)?.workingHours).toBeDefined();
  });

  it('without GroupMember.Read.All inviting by group is refused with Authorization_RequestDenied', async () => {
    const group = aDepartmentGroup();
    const refused = h.connectAs(without('GroupMember.Read.All'));
    await expect(refused.source.groupMembers(group.id)).rejects.toThrow(/denied .*Authorization_RequestDenied/);
    expect(await outcome(refused.conn.client.api(`/groups/${group.id}/transitiveMembers`).get())).toBe(
      '403 Authorization_RequestDenied',
    );
  });

  it('without User.Read.All users/delta is refused and the sync stops without touching the directory', async () => {
    const refused = h.connectAs(without('User.Read.All'));
    await expect(syncDirectory({ ...h.deps(), source: refused.source })).rejects.toThrow(
      /denied users\/delta \(Authorization_RequestDenied\)/,
    );
    expect(await outcome(refused.conn.client.api('/users/delta').get())).toBe('403 Authorization_RequestDenied');
    expect(await h.deps().directory.listUsers({ includeAll: true })).toMatchObject({ items: [] });
  });

  it('without Calendars.ReadWrite free/busy and events are refused with ErrorAccessDenied', async () => {
    const user = someone();
    const refused = h.connectAs(without('Calendars.ReadWrite'));
    await expect(
      refused.calendar.getSchedule(
        user.id,
        [{ id: user.id, mail: user.mail }],
        '2026-03-02T00:00:00.000Z',
        '2026-03-09T00:00:00.000Z',
        15,
      ),
    ).rejects.toThrow(/denied free\/busy \(getSchedule\) \(ErrorAccessDenied\)/);
    expect(await outcome(refused.conn.client.api(`/users/${user.id}/events`).post({ subject: 'x' }))).toBe(
      '403 ErrorAccessDenied',
    );
  });

  it('a stand-in started without a permission refuses what needs it from the first call', async () => {
    const other = await openHarness({ size: 20, seed: 3, roles: without('User.Read.All') });
    try {
      await expect(syncDirectory(other.deps())).rejects.toThrow(/Authorization_RequestDenied/);
    } finally {
      await other.close();
    }
  });
});

describe('advanced queries: casting transitiveMembers to users', () => {
  it('the stand-in refuses the cast without ConsistencyLevel: eventual and $count=true, as Graph does', async () => {
    const group = aDepartmentGroup();
    const cast = `/groups/${group.id}/transitiveMembers/microsoft.graph.user`;
    expect(await outcome(h.conn.client.api(cast).get())).toBe('400 Request_UnsupportedQuery');
    expect(await outcome(h.conn.client.api(cast).count(true).get())).toBe('400 Request_UnsupportedQuery');
    expect(await outcome(h.conn.client.api(cast).header('ConsistencyLevel', 'eventual').get())).toBe(
      '400 Request_UnsupportedQuery',
    );
    const body = (await h.conn.client.api(cast).header('ConsistencyLevel', 'eventual').count(true).get()) as {
      '@odata.count': number;
    };
    expect(body['@odata.count']).toBe(group.members.length);
  });

  it("the app sends them, so inviting by group reads every member of the group's tree", async () => {
    const group = aDepartmentGroup();
    expect([...(await h.deps().source.groupMembers(group.id))].sort()).toEqual(group.members);
  });
});
