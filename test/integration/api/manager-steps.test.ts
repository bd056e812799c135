/**
 * A programme manager after publishing and between cohorts, through the API: the participants view
 * (what a manager must act on, never who ended a pair, no ratings or feedback) and its CSV, ending a
 * pair without blame (both re-matched, never with each other), re-matching one person, message
 * cards, co-managers (pair-health notices to all of them), and the next cohort cloned from this one.
 */
import { call, startHarness, type Harness, type Json } from './support/harness';
import { confirmAll, matchAndPublish, programmeInMatching, MENTEES, MENTORS } from './support/flow';
import { toArray } from '../../../functions/src/ports/store';

let h: Harness;
const DAY = 24 * 3600 * 1000;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const outboxOf = async (type: string) =>
  (await toArray(h.t.store.outbox.all(undefined))).filter((m) => (m.payload as Json).type === type);

async function overview(id: string, query = '', token?: string) {
  return call(h, 'GET', `/v1/programmes/${id}/participants/overview${query}`, { token: token ?? (await h.manager()) });
}

async function allRows(id: string, query = ''): Promise<Json[]> {
  const rows: Json[] = [];
  let token: string | undefined;
  do {
    const sep = query ? '&' : '?';
    const res = await overview(id, `${query}${token ? `${sep}continuationToken=${encodeURIComponent(token)}` : ''}`);
    expect(res.status).toBe(200);
    rows.push(...res.body.items);
    token = res.body.continuationToken;
  } while (token);
  return rows;
}

describe('stepping in after publishing', () => {
  let id: string;
  let pairs: Json[];
  beforeAll(async () => {
    id = await programmeInMatching(h);
    pairs = await matchAndPublish(h, id);
    expect(pairs).toHaveLength(4);
  });

  it('ends a pair without blame as the manager: both are told it ended, neither is told why or by whom', async () => {
    const [a] = pairs as [Json];
    const res = await call(h, 'POST', `/v1/programmes/${id}/pairs/${a.id}/end`, { token: await h.manager() });
    expect(res.status).toBe(200);
    expect(res.body.pair).toMatchObject({ status: 'ended', endReason: 'ended-without-blame' });
    const ended = (await outboxOf('pair-ended')).filter((m) => (m.payload as Json).params.pairId === a.id);
    expect(ended.map((m) => m.recipient).sort()).toEqual([a.mentorId, a.menteeId].sort());
    const audit = (await toArray(h.t.store.audit.all(id))).filter((e) => e.action === 'pair.ended');
    expect(audit).toEqual([expect.objectContaining({ actor: 'manager-1', target: a.id })]);
  });

  it('refuses anyone but the two people or a manager, an unknown pair, and a manager’s end before publishing', async () => {
    const b = pairs[1] as Json;
    const stranger = await call(h, 'POST', `/v1/programmes/${id}/pairs/${b.id}/end`, {
      token: await h.token((pairs[2] as Json).menteeId),
    });
    expect(stranger.status).toBe(403);
    const hr = await call(h, 'POST', `/v1/programmes/${id}/pairs/${b.id}/end`, { token: await h.hr() });
    expect(hr.status).toBe(403);
    const missing = await call(h, 'POST', `/v1/programmes/${id}/pairs/no-such-pair/end`, { token: await h.manager() });
    expect(missing.status).toBe(404);
    // Before publishing the review decides (lock, swap, exclude, re-run); a manager cannot end a proposal yet.
    const review = await programmeInMatching(h);
    expect((await call(h, 'POST', `/v1/programmes/${review}/matching-runs`, { token: await h.manager() })).status).toBe(
      202,
    );
    const proposed = (await call(h, 'GET', `/v1/programmes/${review}/pairs`, { token: await h.manager() })).body
      .items[0];
    const early = await call(h, 'POST', `/v1/programmes/${review}/pairs/${proposed.id}/end`, {
      token: await h.manager(),
    });
    expect(early.status).toBe(409);
  });

  it('shows both people of the ended pair as needing a new partner, and who is paired with whom', async () => {
    const [a] = pairs as [Json];
    const rows = await allRows(id);
    expect(rows).toHaveLength(8);
    const byId = new Map(rows.map((r) => [r.userId, r]));
    for (const userId of [a.mentorId, a.menteeId])
      expect(byId.get(userId)).toMatchObject({
        status: expect.stringMatching(/opted-in|trained/),
        needsNewPartner: true,
        pairs: [],
      });
    const b = pairs[1] as Json;
    expect(byId.get(b.menteeId)).toMatchObject({
      role: 'mentee',
      status: 'matched',
      needsNewPartner: false,
      department: expect.any(String),
      appInstall: 'not-installed',
      pairs: [
        { pairId: b.id, partnerId: b.mentorId, status: 'proposed', partnerName: expect.stringMatching(/Junior/) },
      ],
    });
    const needs = await allRows(id, '?needsNewPartner=true');
    expect(needs.map((r) => r.userId).sort()).toEqual([a.mentorId, a.menteeId].sort());
  });

  it('ending a second pair re-matches all four people, never with their former partner', async () => {
    const [a, b] = pairs as [Json, Json];
    const res = await call(h, 'POST', `/v1/programmes/${id}/pairs/${b.id}/end`, { token: await h.manager() });
    expect(res.status).toBe(200);
    expect(res.body.rematched).toHaveLength(2);
    const live = (await call(h, 'GET', `/v1/programmes/${id}/pairs?status=proposed`, { token: await h.manager() })).body
      .items as Json[];
    const former = new Set([`${a.mentorId}|${a.menteeId}`, `${b.mentorId}|${b.menteeId}`]);
    for (const userId of [a.mentorId, a.menteeId, b.mentorId, b.menteeId]) {
      const mine = live.filter((p) => p.mentorId === userId || p.menteeId === userId);
      expect(mine).toHaveLength(1);
      expect(former.has(`${mine[0].mentorId}|${mine[0].menteeId}`)).toBe(false);
      expect(mine[0].publishedAt).toBeDefined();
      const proposals = (await outboxOf('proposal')).filter(
        (m) => m.recipient === userId && (m.payload as Json).params.pairId === mine[0].id,
      );
      expect(proposals).toHaveLength(1);
    }
  });

  it('re-matches one person on request only when they need a partner, and says when nobody fits', async () => {
    const manager = await h.manager();
    const c = pairs[2] as Json;
    const busy = await call(h, 'POST', `/v1/programmes/${id}/rematch`, {
      token: manager,
      body: { userId: c.menteeId },
    });
    expect(busy.status).toBe(409);
    // The pair ends: its two people may not be proposed to each other again, and nobody else is free.
    await call(h, 'POST', `/v1/programmes/${id}/pairs/${c.id}/end`, { token: manager });
    const res = await call(h, 'POST', `/v1/programmes/${id}/rematch`, { token: manager, body: { userId: c.menteeId } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ proposals: [] });
    expect(
      (
        await call(h, 'POST', `/v1/programmes/${id}/rematch`, {
          token: await h.token(c.menteeId),
          body: { userId: c.menteeId },
        })
      ).status,
    ).toBe(403);
    expect(
      (await call(h, 'POST', `/v1/programmes/${id}/rematch`, { token: manager, body: { userId: 'nobody' } })).status,
    ).toBe(404);
    expect((await call(h, 'POST', `/v1/programmes/${id}/rematch`, { token: manager, body: {} })).status).toBe(400);
    const audit = (await toArray(h.t.store.audit.all(id))).filter((e) => e.action === 'rematch.requested');
    expect(audit).toEqual([expect.objectContaining({ actor: 'manager-1', target: c.menteeId })]);
  });

  it('sends a message card to a pair or to one person, audited without its words', async () => {
    const manager = await h.manager();
    const d = pairs[3] as Json;
    const toPair = await call(h, 'POST', `/v1/programmes/${id}/messages`, {
      token: manager,
      body: { pairId: d.id, title: 'How is it going?', text: 'Reply if you need help with dates.' },
    });
    expect(toPair.status).toBe(202);
    expect(toPair.body.recipients).toBe(2);
    const toOne = await call(h, 'POST', `/v1/programmes/${id}/messages`, {
      token: manager,
      body: { userId: d.menteeId, title: 'Hello', text: 'Just checking in.' },
    });
    expect(toOne.body.recipients).toBe(1);
    const sent = await outboxOf('manager-message');
    expect(sent.map((m) => m.recipient).sort()).toEqual([d.mentorId, d.menteeId, d.menteeId].sort());
    for (const bad of [
      { title: 'x', text: 'y' },
      { pairId: d.id, userId: d.menteeId, title: 'x', text: 'y' },
      { pairId: d.id, title: '', text: 'y' },
    ])
      expect((await call(h, 'POST', `/v1/programmes/${id}/messages`, { token: manager, body: bad })).status).toBe(400);
    expect(
      (
        await call(h, 'POST', `/v1/programmes/${id}/messages`, {
          token: await h.token(d.menteeId),
          body: { pairId: d.id, title: 'x', text: 'y' },
        })
      ).status,
    ).toBe(403);
    const audit = (await toArray(h.t.store.audit.all(id))).filter((e) => e.action === 'message.sent');
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain('Just checking in.');
  });
});

describe('the participants view', () => {
  let id: string;
  let pairs: Json[];
  beforeAll(async () => {
    id = await programmeInMatching(h);
    pairs = await matchAndPublish(h, id);
    await confirmAll(h, id, [pairs[0], pairs[1], pairs[3]]);
    await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: await h.manager(), body: { to: 'execution' } });
    await h.host.trigger('bookSeries');
    h.clock.advance(8 * DAY);
    const pair = pairs[0] as Json;
    expect(
      (
        await call(h, 'POST', `/v1/programmes/${id}/feedback`, {
          token: await h.token(pair.mentorId),
          body: { pairId: pair.id, occurrenceIndex: 0, rating: 1, learnt: 'Private words of the mentor' },
        })
      ).status,
    ).toBe(201);
    // A declined proposal, with a reason: the view never says who declined or why.
    const declined = pairs[2] as Json;
    expect(
      (
        await call(h, 'POST', `/v1/programmes/${id}/pairs/${declined.id}/decline`, {
          token: await h.token(declined.menteeId),
          body: { reason: 'Secret decline reason' },
        })
      ).status,
    ).toBe(200);
    await call(h, 'POST', `/v1/programmes/${id}/pairs/${(pairs[3] as Json).id}/end`, {
      token: await h.token((pairs[3] as Json).mentorId),
    });
  });

  it('lists everyone invited with status, pair and role, and nothing of ratings, feedback or who ended a pair', async () => {
    const rows = await allRows(id);
    expect(rows).toHaveLength(8);
    const text = JSON.stringify(rows);
    for (const secret of [
      'Private words',
      'Secret decline reason',
      'rating',
      'feedback',
      'declined',
      'endReason',
      'pastPartners',
      'claims',
      'ended',
      'consent',
      'timeZone',
    ])
      expect(text).not.toContain(secret);
    const statuses = new Set(rows.map((r) => r.status));
    expect([...statuses].every((s) => ['opted-in', 'trained', 'matched', 'confirmed', 'active'].includes(s))).toBe(
      true,
    );
    const [first] = pairs as [Json];
    const mentee = rows.find((r) => r.userId === first.menteeId);
    expect(mentee).toMatchObject({ status: 'active', pairs: [{ pairId: first.id, status: 'active' }] });
    for (const r of rows)
      expect(Object.keys(r).sort()).toEqual(expect.arrayContaining(['userId', 'displayName', 'status']));
  });

  it('filters by status, role and search, and pages with continuation tokens', async () => {
    const manager = await h.manager();
    const mentors = await allRows(id, '?role=mentor');
    expect(mentors.map((r) => r.userId).sort()).toEqual([...MENTORS].sort());
    const active = await allRows(id, '?status=active');
    expect(active.length).toBeGreaterThanOrEqual(2);
    expect(active.every((r) => r.status === 'active')).toBe(true);
    const sales = await allRows(id, '?search=sales');
    expect(sales.map((r) => r.userId).sort()).toEqual(
      [...MENTEES, ...MENTORS].filter((u) => u.startsWith('sales')).sort(),
    );
    const first = await overview(id, '?pageSize=3', manager);
    expect(first.body.items).toHaveLength(3);
    expect(first.body.continuationToken).toEqual(expect.any(String));
    expect((await overview(id, '?status=sleeping', manager)).status).toBe(400);
    expect((await overview(id, '?pageSize=0', manager)).status).toBe(400);
  });

  it('serves the view to the programme’s managers only', async () => {
    expect((await overview(id, '', await h.token(MENTEES[0] as string))).status).toBe(403);
    expect((await overview(id, '', await h.hr())).status).toBe(403);
    expect((await call(h, 'GET', `/v1/programmes/${id}/participants/overview`)).status).toBe(401);
    expect((await overview('no-such-programme')).status).toBe(404);
  });

  it('exports the view as a CSV file download, through a one-time link only managers get', async () => {
    const link = await call(h, 'POST', '/v1/downloads', {
      token: await h.manager(),
      body: { kind: 'participants', programmeId: id, role: 'mentee' },
    });
    expect(link.status).toBe(201);
    const res = await call(h, 'GET', link.body.url.replace(/^\/api/, ''));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="Digital Leadership - participants\.csv"/,
    );
    const lines = (res.body as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'name,department,role,status,partners,pair status,app in Teams,training,needs a new partner,invited',
    );
    expect(lines).toHaveLength(1 + MENTEES.length);
    expect(lines.slice(1).every((l) => l.includes(',mentee,'))).toBe(true);
    expect(res.body).not.toContain('Secret decline reason');
    expect(res.body).not.toContain('Private words');
    for (const token of [await h.token(MENTEES[0] as string), await h.hr()]) {
      const denied = await call(h, 'POST', '/v1/downloads', {
        token,
        body: { kind: 'participants', programmeId: id },
      });
      expect(denied.status).toBe(403);
    }
    const bad = await call(h, 'POST', '/v1/downloads', {
      token: await h.manager(),
      body: { kind: 'participants', programmeId: id, status: 'sleeping' },
    });
    expect(bad.status).toBe(400);
  });
});

describe('co-managers', () => {
  let id: string;
  beforeAll(async () => {
    id = await programmeInMatching(h);
    const pairs = await matchAndPublish(h, id);
    await confirmAll(h, id, pairs.slice(0, 3));
    await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: await h.manager(), body: { to: 'execution' } });
    await h.host.trigger('bookSeries');
  });

  it('adds and removes co-managers, audited with who and whom; only enabled members, never the creator removed', async () => {
    const manager = await h.manager();
    const added = await call(h, 'POST', `/v1/programmes/${id}/co-managers`, {
      token: manager,
      body: { userId: 'it-head' },
    });
    expect(added.status).toBe(200);
    expect(added.body.coManagers).toEqual(['it-head']);
    const again = await call(h, 'POST', `/v1/programmes/${id}/co-managers`, {
      token: manager,
      body: { userId: 'it-head' },
    });
    expect(again.body.coManagers).toEqual(['it-head']);
    for (const userId of ['guest-1', 'disabled-1', 'nobody'])
      expect(
        (await call(h, 'POST', `/v1/programmes/${id}/co-managers`, { token: manager, body: { userId } })).status,
      ).toBe(400);
    expect(
      (await call(h, 'POST', `/v1/programmes/${id}/co-managers`, { token: await h.hr(), body: { userId: 'hr-1' } }))
        .status,
    ).toBe(403);
    expect((await call(h, 'DELETE', `/v1/programmes/${id}/co-managers/manager-1`, { token: manager })).status).toBe(
      409,
    );
    await call(h, 'POST', `/v1/programmes/${id}/co-managers`, { token: manager, body: { userId: 'sales-head' } });
    const removed = await call(h, 'DELETE', `/v1/programmes/${id}/co-managers/sales-head`, { token: manager });
    expect(removed.status).toBe(200);
    expect(removed.body.coManagers).toEqual(['it-head']);
    const stale = await call(h, 'POST', `/v1/programmes/${id}/co-managers`, {
      token: manager,
      body: { userId: 'sales-head' },
      headers: { 'if-match': '"stale"' },
    });
    expect(stale.status).toBe(412);
    const audit = (await toArray(h.t.store.audit.all(id))).filter((e) => e.action.startsWith('programme.co-manager'));
    expect(audit.map((e) => [e.action, e.actor, e.target])).toEqual([
      ['programme.co-manager-added', 'manager-1', 'it-head'],
      ['programme.co-manager-added', 'manager-1', 'sales-head'],
      ['programme.co-manager-removed', 'manager-1', 'sales-head'],
    ]);
    const log = await call(h, 'GET', `/v1/programmes/${id}/audit?pageSize=200`, { token: manager });
    expect(log.body.items.map((e: Json) => e.action)).toContain('programme.co-manager-added');
  });

  it('shows a co-manager the programme’s stuck bookings, as its creator sees them', async () => {
    const [series] = await toArray(h.t.store.meetings.all(id, { where: { kind: 'pair-series' } }));
    expect(series).toBeDefined();
    const { etag, ...doc } = series!;
    await h.t.store.meetings.replace({ ...doc, status: 'no-slot', problem: 'no common free slot' }, etag);
    const stuckFor = async (userId: string) =>
      (
        await call(h, 'GET', '/v1/operations/stuck', { token: await h.token(userId, ['Programme.Manage']) })
      ).body.bookings.map((b: Json) => b.seriesId);
    expect(await stuckFor('manager-1')).toContain(series!.id);
    expect(await stuckFor('it-head')).toContain(series!.id);
    expect(await stuckFor('sales-head')).not.toContain(series!.id);
    await h.t.store.meetings.upsert(doc);
  });

  it('sends pair-health notices to the creator and every co-manager', async () => {
    h.clock.advance(40 * DAY);
    await h.host.trigger('pairHealth');
    const notices = (await outboxOf('pair-health')).filter((m) => (m.payload as Json).programmeId === id);
    const recipients = new Set(notices.map((m) => m.recipient));
    expect(recipients).toEqual(new Set(['manager-1', 'it-head']));
    expect(notices.filter((m) => m.recipient === 'it-head').length).toBe(
      notices.filter((m) => m.recipient === 'manager-1').length,
    );
  });
});

describe('next cohort from this one', () => {
  it('clones every setting into a new draft, and invites the interest list in one step', async () => {
    const manager = await h.manager();
    const id = await programmeInMatching(h, {
      description: 'Second edition',
      topics: [
        {
          id: 'ai',
          name: 'AI assistants',
          guide: { en: 'Try a prompt together.', de: 'Gemeinsam einen Prompt ausprobieren.' },
        },
        { id: 'teams', name: 'Teams & Loop' },
      ],
      cadence: {
        intervalWeeks: 3,
        weekday: 'thu',
        window: { start: '10:00', end: '15:00' },
        sessionMinutes: 60,
        sessions: 5,
      },
      mentorCapacity: 2,
      timeZone: 'Europe/Berlin',
      kickoffMinutes: 90,
      closingMinutes: 45,
      retentionMonths: 18,
      pairHealthNotices: false,
      weights: { topics: 60 },
      consentText: { en: 'Our own consent text.', de: 'Unser eigener Einwilligungstext.' },
      kickoffAt: '2031-03-03T09:00:00.000Z',
      trainingModules: [
        {
          id: 'listening',
          title: { en: 'Listening first', de: 'Erst zuhören' },
          text: { en: 'Ask before you show.', de: 'Erst fragen, dann zeigen.' },
          link: 'https://contoso.sharepoint.com/sites/tandem/listening',
        },
      ],
    });
    await call(h, 'POST', `/v1/programmes/${id}/co-managers`, { token: manager, body: { userId: 'it-head' } });
    const source = (await call(h, 'GET', `/v1/programmes/${id}`, { token: manager })).body;
    for (const userId of ['sales-senior-3', 'it-junior-1', 'guest-1'])
      await h.t.store.interest.create({
        id: userId,
        schemaVersion: 1,
        programmeId: id,
        userId,
        source: 'api',
        registeredAt: new Date().toISOString(),
      });

    const other = await h.token('it-head', ['Programme.Manage']);
    const res = await call(h, 'POST', `/v1/programmes/${id}/next-cohort`, {
      token: other,
      body: { name: 'Digital Leadership 2', inviteInterested: true },
      headers: { 'idempotency-key': 'clone-1' },
    });
    expect(res.status).toBe(201);
    const clone = res.body.programme;
    expect(res.headers.get('location')).toBe(`/api/v1/programmes/${clone.id}`);
    expect(clone).toMatchObject({
      name: 'Digital Leadership 2',
      phase: 'preparation',
      createdBy: 'it-head',
      clonedFrom: id,
    });
    expect(clone.coManagers).toEqual(['manager-1']);
    const run = ['id', 'etag', 'name', 'phase', 'kickoffAt', 'closingAt', 'optedInSince', 'createdBy', 'coManagers'];
    const time = [
      'createdAt',
      'updatedAt',
      'phaseChangedAt',
      'publishedAt',
      'matchingJobId',
      'consentTexts',
      'clonedFrom',
    ];
    const carried = Object.keys(source).filter((k) => ![...run, ...time].includes(k));
    expect(carried).toEqual(
      expect.arrayContaining([
        'description',
        'topics',
        'cadence',
        'mentorCapacity',
        'trainingRequired',
        'trainingModules',
        'anonymityThreshold',
        'organizer',
        'weights',
        'consentTextVersion',
        'retentionMonths',
        'pairHealthNotices',
        'timeZone',
        'kickoffMinutes',
        'closingMinutes',
      ]),
    );
    for (const key of carried) expect([key, clone[key]]).toEqual([key, source[key]]);
    expect(clone.kickoffAt).toBeUndefined();
    expect(clone.publishedAt).toBeUndefined();
    expect(clone.consentTexts).toEqual([
      expect.objectContaining({ version: source.consentTextVersion, en: 'Our own consent text.' }),
    ]);
    expect(res.body.invited).toEqual({ invited: 2, alreadyInvited: 0, notInvitable: ['guest-1'], listed: 3 });
    const people = (await call(h, 'GET', `/v1/programmes/${clone.id}/participants`, { token: manager })).body.items;
    expect(people.map((p: Json) => p.userId).sort()).toEqual(['it-junior-1', 'sales-senior-3']);
    expect((await outboxOf('invitation')).filter((m) => (m.payload as Json).programmeId === clone.id)).toHaveLength(2);
    const interest = await h.t.store.interest.get(id, 'sales-senior-3');
    expect(interest.invitedTo).toEqual([expect.objectContaining({ programmeId: clone.id })]);

    // The same request again (a retry) creates nothing new.
    const retry = await call(h, 'POST', `/v1/programmes/${id}/next-cohort`, {
      token: other,
      body: { name: 'Digital Leadership 2', inviteInterested: true },
      headers: { 'idempotency-key': 'clone-1' },
    });
    expect(retry.body.programme.id).toBe(clone.id);
    const audit = (await toArray(h.t.store.audit.all(clone.id))).map((e) => [e.action, e.actor, e.target ?? null]);
    expect(audit).toEqual(expect.arrayContaining([['programme.cloned', 'it-head', id]]));
  });

  it('clones into a draft without invitations when not asked, and refuses non-managers', async () => {
    const manager = await h.manager();
    const id = await programmeInMatching(h);
    const res = await call(h, 'POST', `/v1/programmes/${id}/next-cohort`, { token: manager, body: {} });
    expect(res.status).toBe(201);
    expect(res.body.programme).toMatchObject({ phase: 'draft', name: 'Digital Leadership (2)' });
    expect(res.body.invited).toBeUndefined();
    expect((await call(h, 'POST', `/v1/programmes/${id}/next-cohort`, { token: await h.hr(), body: {} })).status).toBe(
      403,
    );
    expect(
      (await call(h, 'POST', `/v1/programmes/${id}/next-cohort`, { token: manager, body: { name: '' } })).status,
    ).toBe(400);
  });
});
