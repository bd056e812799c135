/**
 * Kick-off and closing with the real Graph booking against the stand-in: one Teams meeting each at the
 * programme's local time, everyone in a published pair invited, the rest beyond Graph's limit of 500
 * attendees reached by card with the same link, and a time change moving the event in every calendar.
 */
import { syncDirectory } from '../../../functions/src/app/directory-sync';
import { updateProgramme } from '../../../functions/src/app/programmes';
import { ROLE_MANAGE, type Caller } from '../../../functions/src/app/caller';
import type { AppDeps } from '../../../functions/src/app/deps';
import { MAX_EVENT_ATTENDEES } from '../../../functions/src/app/graph-programme-events';
import { zonedToUtc } from '../../../functions/src/core/schedule';
import type { StandInEvent } from '../../../functions/src/local/graph-stand-in/calendar-state';
import type { StandInUser } from '../../../functions/src/local/graph-stand-in/directory-state';
import { toArray } from '../../../functions/src/ports/store';
import { aMeetingSeries, aPair, aProgramme, anOptedInParticipant } from '../../support/builders';
import { openHarness, TENANT, type Harness } from './graph-harness';

let h: Harness;
let app: AppDeps;
let people: StandInUser[];
let next = 0;
const manager: Caller = { userId: 'manager-1', tenantId: TENANT, roles: [ROLE_MANAGE] };
const at = (date: string, time: string, zone: string) => new Date(zonedToUtc(date, time, zone)).toISOString();

beforeAll(async () => {
  h = await openHarness({ size: 1200, seed: 7, meetingsPerDay: 0 });
  people = [...h.standIn.directory.users.values()].filter((u) => u.userType === 'Member' && u.accountEnabled);
  const deps = h.deps();
  await syncDirectory(deps);
  app = await h.app();
  // The organiser of the programmes' events (the manager) must be a mailbox the stand-in knows.
  manager.userId = people[people.length - 1]!.id;
});
afterAll(async () => h.close());

async function aPublishedProgramme(id: string, pairs: number, locale: 'en' | 'de' | 'both' = 'en') {
  await h.t.store.programmes.create(
    aProgramme({
      id,
      phase: 'matching',
      publishedAt: '2026-02-19T10:00:00.000Z',
      createdBy: manager.userId,
      timeZone: 'America/New_York',
      kickoffAt: at('2026-03-10', '16:00', 'America/New_York'),
      kickoffMinutes: 90,
      closingAt: at('2026-06-30', '15:30', 'America/New_York'),
    }),
  );
  for (let i = 0; i < pairs; i++) {
    const [mentee, mentor] = [people[next++]!, people[next++]!];
    for (const [u, role] of [
      [mentor, 'mentor'],
      [mentee, 'mentee'],
    ] as const)
      await h.t.store.participants.create(
        anOptedInParticipant({
          programmeId: id,
          id: u.id,
          userId: u.id,
          role,
          locale: locale === 'both' ? (role === 'mentor' ? 'de' : 'en') : locale,
        }),
      );
    await h.t.store.pairs.create(
      aPair({
        id: `${id}-pair-${i}`,
        programmeId: id,
        mentorId: mentor.id,
        menteeId: mentee.id,
        status: 'confirmed',
        mentor: { state: 'accepted' },
        mentee: { state: 'accepted' },
        publishedAt: '2026-02-19T10:00:00.000Z',
      }),
    );
  }
}

const eventsOf = (programmeId: string, kind: 'kickoff' | 'closing'): StandInEvent[] =>
  [...h.standIn.calendar.events.values()].filter((e) =>
    e.properties[Object.keys(e.properties)[0] ?? '']?.startsWith(`tandem-${programmeId}-${kind}`),
  );

async function cards(programmeId: string) {
  return (await toArray(h.t.store.outbox.all(undefined)))
    .map((m) => ({ ...(m.payload as { type: string; params: Record<string, unknown> }), recipient: m.recipient }))
    .filter((m) => m.type === 'programme-event' && m.params.programmeId === programmeId);
}

describe('kick-off and closing', () => {
  it('books one Teams meeting each at the chosen local time, in the programme’s zone, everyone invited', async () => {
    await aPublishedProgramme('ev-small', 3);
    expect(await app.booking.bookProgrammeEvents('ev-small')).toMatchObject({ booked: 2, failed: 0 });
    const [kickoff, ...more] = eventsOf('ev-small', 'kickoff');
    expect(more).toHaveLength(0);
    expect(kickoff).toMatchObject({
      startDate: '2026-03-10',
      startTime: '16:00',
      durationMinutes: 90,
      zoneName: 'Eastern Standard Time',
      allowNewTimeProposals: false,
    });
    expect(kickoff?.joinUrl).toBeTruthy();
    expect(kickoff?.attendees).toHaveLength(6);
    expect(eventsOf('ev-small', 'closing')[0]).toMatchObject({
      startDate: '2026-06-30',
      startTime: '15:30',
      durationMinutes: 60,
    });
    // Run again: nothing changes, nothing is sent.
    expect(await app.booking.bookProgrammeEvents('ev-small')).toEqual({ booked: 0, updated: 0, linked: 0, failed: 0 });
  });

  it('holds a 1,000-person kick-off as one meeting: 500 invited, the other 500 get its link by card', async () => {
    await aPublishedProgramme('ev-large', 500);
    await app.booking.bookProgrammeEvents('ev-large');
    const kickoffs = eventsOf('ev-large', 'kickoff');
    expect(kickoffs).toHaveLength(1);
    const kickoff = kickoffs[0]!;
    expect(kickoff.attendees).toHaveLength(MAX_EVENT_ATTENDEES);
    const sent = (await cards('ev-large')).filter((c) => c.params.kind === 'kickoff');
    expect(sent).toHaveLength(500);
    const invited = new Set(kickoff.attendees.map((a) => a.address.toLowerCase()));
    const byId = new Map(people.map((p) => [p.id, p]));
    expect(sent.every((c) => !invited.has(byId.get(c.recipient)!.mail!.toLowerCase()))).toBe(true);
    const doc = await h.t.store.meetings.get('ev-large', 'ev-large-kickoff');
    expect(doc.joinUrl).toBe(kickoff.joinUrl);
    expect(doc.linked).toHaveLength(500);
    expect(sent[0]?.params).toMatchObject({ seriesId: 'ev-large-kickoff', start: doc.occurrences[0]?.start });
    // The next run finds everything as it should be: nothing is patched and no card is queued again.
    expect(await app.booking.bookProgrammeEvents('ev-large')).toEqual({ booked: 0, updated: 0, linked: 0, failed: 0 });

    // A new time: the one meeting moves, and everyone beyond the limit is told the new time by card.
    const programme = await h.t.store.programmes.get('ev-large', 'ev-large');
    const moved = at('2026-03-11', '09:00', 'America/New_York');
    await updateProgramme(app, manager, 'ev-large', { kickoffAt: moved }, programme.etag);
    expect(eventsOf('ev-large', 'kickoff')).toEqual([expect.objectContaining({ id: kickoff.id, startTime: '09:00' })]);
    // The request waits at most FIRST_ATTEMPT_WAIT_MS for the attempt, which goes on queuing the cards
    // after it answered (on a loaded machine 500 cards can take longer): wait for it to finish.
    const movedCards = async () =>
      (await cards('ev-large')).filter((c) => c.params.kind === 'kickoff' && c.params.start === moved);
    for (let waited = 0; (await movedCards()).length < 500 && waited < 20_000; waited += 250)
      await new Promise((r) => setTimeout(r, 250));
    const again = await movedCards();
    expect(again).toHaveLength(500);
  });

  it('moves the event in every calendar when the time changes, and updates attendees in one go', async () => {
    await aPublishedProgramme('ev-move', 2);
    await app.booking.bookProgrammeEvents('ev-move');
    const [before] = eventsOf('ev-move', 'kickoff');
    const programme = await h.t.store.programmes.get('ev-move', 'ev-move');
    await updateProgramme(
      app,
      manager,
      'ev-move',
      { kickoffAt: at('2026-03-12', '10:00', 'America/New_York') },
      programme.etag,
    );
    const [after, ...more] = eventsOf('ev-move', 'kickoff');
    expect(more).toHaveLength(0);
    expect(after?.id).toBe(before?.id);
    expect(after).toMatchObject({ startDate: '2026-03-12', startTime: '10:00', updates: 1 });
    expect((await h.t.store.meetings.get('ev-move', 'ev-move-kickoff')).occurrences[0]?.start).toBe(
      at('2026-03-12', '10:00', 'America/New_York'),
    );

    // A pair ends: its two people leave the invitation in one PATCH at the next run.
    const pair = await h.t.store.pairs.get('ev-move', 'ev-move-pair-0');
    await h.t.store.pairs.replace({ ...pair, status: 'ended' }, pair.etag);
    expect(await app.booking.bookProgrammeEvents('ev-move')).toMatchObject({ updated: 2 });
    expect(eventsOf('ev-move', 'kickoff')[0]?.attendees).toHaveLength(2);
  });

  it('writes the subject in the programme’s languages', async () => {
    await aPublishedProgramme('ev-de', 1, 'de');
    await aPublishedProgramme('ev-both', 1, 'both');
    await app.booking.bookProgrammeEvents('ev-de');
    await app.booking.bookProgrammeEvents('ev-both');
    const name = aProgramme().name;
    expect(eventsOf('ev-de', 'kickoff')[0]?.subject).toBe(`Tandem: ${name} — Auftakt`);
    expect(eventsOf('ev-de', 'closing')[0]?.subject).toBe(`Tandem: ${name} — Abschluss`);
    expect(eventsOf('ev-both', 'kickoff')[0]?.subject).toBe(`Tandem: ${name} — Auftakt / Kick-off`);
    expect(eventsOf('ev-both', 'kickoff')[0]?.body).toContain('lang="de"');
    expect(eventsOf('ev-both', 'kickoff')[0]?.body).toContain('lang="en"');
  });

  it('leaves a kick-off booked the old way (chunks) as it is instead of inviting people twice', async () => {
    await aPublishedProgramme('ev-legacy', 1);
    await h.t.store.meetings.create(
      aMeetingSeries({
        id: 'ev-legacy-kickoff-0',
        programmeId: 'ev-legacy',
        kind: 'kickoff',
        pairId: undefined,
        status: 'booked',
      }),
    );
    expect(await app.booking.bookProgrammeEvents('ev-legacy')).toMatchObject({ booked: 1 });
    expect(eventsOf('ev-legacy', 'kickoff')).toHaveLength(0);
    expect(eventsOf('ev-legacy', 'closing')).toHaveLength(1);
  });

  it('books nothing before the pairs are published', async () => {
    await h.t.store.programmes.create(
      aProgramme({ id: 'ev-draft', phase: 'matching', kickoffAt: at('2026-03-10', '16:00', 'UTC') }),
    );
    expect(await app.booking.bookProgrammeEvents('ev-draft')).toEqual({ booked: 0, updated: 0, linked: 0, failed: 0 });
  });
});
