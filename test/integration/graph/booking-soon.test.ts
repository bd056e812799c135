/**
 * Booking as soon as it becomes possible, with the real Graph booking against the stand-in: the
 * request that makes a pair bookable waits for the first attempt, the minute queue books the rest,
 * and a manager's "Book now" / "Retry" books one pair at once. No daily run, no manual timer.
 */
import { syncDirectory } from '../../../functions/src/app/directory-sync';
import { bookPairNow, bookWithin, drainBookingQueue } from '../../../functions/src/app/book-soon';
import { changePhase } from '../../../functions/src/app/phase';
import { PAIR_ENDED } from '../../../functions/src/app/calendar-texts';
import { answerProposal } from '../../../functions/src/app/pairs';
import { ROLE_MANAGE, type Caller } from '../../../functions/src/app/caller';
import type { AppDeps } from '../../../functions/src/app/deps';
import { ConflictError, ForbiddenError } from '../../../functions/src/core/errors';
import type { Pair } from '../../../functions/src/core/model';
import type { StandInUser } from '../../../functions/src/local/graph-stand-in/directory-state';
import { toArray } from '../../../functions/src/ports/store';
import { aPair, aProgramme, anOptedInParticipant } from '../../support/builders';
import { openHarness, TENANT, type Harness } from './graph-harness';

let h: Harness;
let app: AppDeps;
let people: StandInUser[];
let next = 0;
let log: jest.SpyInstance;
const manager: Caller = { userId: 'manager-1', tenantId: TENANT, roles: [ROLE_MANAGE] };

beforeEach(() => (log = jest.spyOn(console, 'error').mockImplementation(() => undefined)));
afterEach(() => log.mockRestore());

beforeAll(async () => {
  h = await openHarness({ size: 160, seed: 31, meetingsPerDay: 0 });
  people = [...h.standIn.directory.users.values()].filter(
    (u) => u.userType === 'Member' && u.accountEnabled && u.timeZone === 'Europe/Berlin',
  );
  const deps = h.deps();
  await syncDirectory(deps);
  app = await h.app();
});
afterAll(async () => h.close());

async function aProgrammeIn(id: string, phase: 'matching' | 'execution'): Promise<void> {
  await h.t.store.programmes.create(
    aProgramme({
      id,
      phase,
      publishedAt: '2026-02-19T10:00:00.000Z',
      cadence: {
        intervalWeeks: 2,
        weekday: 'wed',
        window: { start: '08:00', end: '18:00' },
        sessionMinutes: 45,
        sessions: 4,
      },
    }),
  );
}

/** A published pair of two people not used by another test; confirmed unless said otherwise. */
async function aPublishedPair(
  programmeId: string,
  id: string,
  overrides: Partial<Pair> = {},
  languages: { mentor?: string[]; mentee?: string[] } = {},
) {
  const [mentee, mentor] = [people[2 * next]!, people[2 * next++ + 1]!];
  for (const [u, role] of [
    [mentor, 'mentor'],
    [mentee, 'mentee'],
  ] as const)
    await h.t.store.participants.create(
      anOptedInParticipant({
        programmeId,
        id: u.id,
        userId: u.id,
        role,
        ...(languages[role] ? { languages: languages[role] } : {}),
      }),
    );
  await h.t.store.pairs.create(
    aPair({
      id,
      programmeId,
      mentorId: mentor.id,
      menteeId: mentee.id,
      status: 'confirmed',
      mentor: { state: 'accepted' },
      mentee: { state: 'accepted' },
      publishedAt: '2026-02-19T10:00:00.000Z',
      ...overrides,
    }),
  );
  return { mentor, mentee };
}

const seriesEventsOf = (organizer: string) =>
  [...h.standIn.calendar.events.values()].filter((e) => e.organizerId === organizer && e.recurrence !== undefined);

describe('booking within a minute of becoming possible', () => {
  it('books every confirmed pair in Outlook before the change to execution answers, with no timer run', async () => {
    await aProgrammeIn('soon-exec', 'matching');
    const pairs = [];
    for (let i = 0; i < 4; i++) pairs.push(await aPublishedPair('soon-exec', `soon-exec-${i}`));
    await changePhase(app, manager, 'soon-exec', 'execution');
    for (const { mentee } of pairs) expect(seriesEventsOf(mentee.id)).toHaveLength(1);
    const stored = await toArray(h.t.store.pairs.all('soon-exec'));
    expect(stored.map((p) => [p.status, p.booking])).toEqual(stored.map(() => ['active', 'booked']));
  });

  it('books a pair when the second person accepts during execution, in the same request', async () => {
    await aProgrammeIn('soon-accept', 'execution');
    const { mentor, mentee } = await aPublishedPair('soon-accept', 'soon-accept-1', {
      status: 'proposed',
      mentee: { state: 'accepted' },
      mentor: { state: 'pending' },
    });
    const answered = await answerProposal(
      app,
      { userId: mentor.id, tenantId: TENANT, roles: [] },
      'soon-accept',
      'soon-accept-1',
      true,
    );
    expect(answered).toMatchObject({ status: 'active', booking: 'booked' });
    expect(seriesEventsOf(mentee.id)).toHaveLength(1);
  });

  it('leaves what does not fit the wait to the minute queue, which books it (and only it) once', async () => {
    await aProgrammeIn('soon-queue', 'execution');
    const pairs = [];
    for (let i = 0; i < 3; i++) pairs.push(await aPublishedPair('soon-queue', `soon-queue-${i}`));
    // A request whose wait is over before the first attempt starts leaves every pair to the timer.
    expect(await bookWithin(app, 'soon-queue', ['soon-queue-0', 'soon-queue-1', 'soon-queue-2'], 0)).toMatchObject({
      leftToTimer: 3,
    });
    for (const { mentee } of pairs) expect(seriesEventsOf(mentee.id)).toHaveLength(0);
    const run = await drainBookingQueue(app);
    expect(run.outcomes.booked).toBeGreaterThanOrEqual(3);
    for (const { mentee } of pairs) expect(seriesEventsOf(mentee.id)).toHaveLength(1);
    const again = await drainBookingQueue(app);
    expect(again.outcomes).toEqual({});
    for (const { mentee } of pairs) expect(seriesEventsOf(mentee.id)).toHaveLength(1);
  });

  it('does not retry a failed booking every minute, but a manager’s "Retry" books it at once', async () => {
    await aProgrammeIn('soon-retry', 'execution');
    const { mentee } = await aPublishedPair('soon-retry', 'soon-retry-1');
    h.standIn.calendar.setOnlineMeetingProviders(mentee.id, []);
    await bookWithin(app, 'soon-retry', ['soon-retry-1']);
    expect(await h.t.store.pairs.get('soon-retry', 'soon-retry-1')).toMatchObject({ booking: 'failed' });
    expect((await drainBookingQueue(app)).outcomes.failed).toBeUndefined();

    await expect(
      bookPairNow(app, { userId: mentee.id, tenantId: TENANT, roles: [] }, 'soon-retry', 'soon-retry-1'),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const stillFailing = await bookPairNow(app, manager, 'soon-retry', 'soon-retry-1');
    expect(stillFailing).toMatchObject({ pending: false, pair: { booking: 'failed' } });
    expect(stillFailing.problem).toMatch(/Teams/);

    h.standIn.calendar.setOnlineMeetingProviders(mentee.id, ['teamsForBusiness']);
    const retried = await bookPairNow(app, manager, 'soon-retry', 'soon-retry-1');
    expect(retried).toMatchObject({ pending: false, pair: { status: 'active', booking: 'booked' } });
    expect(retried.problem).toBeUndefined();
    expect(seriesEventsOf(mentee.id)).toHaveLength(1);
    await expect(bookPairNow(app, manager, 'soon-retry', 'soon-retry-1')).rejects.toBeInstanceOf(ConflictError);
  });

  it('turns off new time proposals on every event it creates (Graph allows them unless told not to)', async () => {
    const created = [...h.standIn.calendar.events.values()];
    expect(created.length).toBeGreaterThan(0);
    expect(created.map((e) => e.allowNewTimeProposals)).toEqual(created.map(() => false));
  });

  it('writes subject, body and cancellation in German when both read German, else in English', async () => {
    await aProgrammeIn('soon-lang', 'execution');
    const german = await aPublishedPair('soon-lang', 'soon-lang-de', {}, { mentor: ['de'], mentee: ['de', 'en'] });
    const mixed = await aPublishedPair('soon-lang', 'soon-lang-mixed', {}, { mentor: ['de'], mentee: ['en'] });
    await bookWithin(app, 'soon-lang', ['soon-lang-de', 'soon-lang-mixed']);
    const [de] = seriesEventsOf(german.mentee.id);
    const [en] = seriesEventsOf(mixed.mentee.id);
    expect(de?.subject).toBe(`Tandem-Termin: ${german.mentor.displayName} & ${german.mentee.displayName}`);
    expect(de?.body).toContain('lang="de"');
    expect(de?.body).not.toContain('lang="en"');
    expect(en?.subject).toBe(`Tandem session: ${mixed.mentor.displayName} & ${mixed.mentee.displayName}`);
    expect(en?.body).toContain('lang="en"');
    expect(en?.body).not.toContain('lang="de"');

    await app.booking.cancelSeriesForPair('soon-lang', 'soon-lang-de', PAIR_ENDED);
    await app.booking.cancelSeriesForPair('soon-lang', 'soon-lang-mixed', PAIR_ENDED);
    const comments = h.standIn.calendar.cancellations.filter((c) => c.eventId === de?.id || c.eventId === en?.id);
    expect(comments.map((c) => [c.eventId, c.comment])).toEqual([
      [de?.id, 'Das Tandem ist beendet.'],
      [en?.id, 'The Tandem pair has ended.'],
    ]);
  });

  it('refuses "Book now" before execution', async () => {
    await aProgrammeIn('soon-early', 'matching');
    await aPublishedPair('soon-early', 'soon-early-1');
    await expect(bookPairNow(app, manager, 'soon-early', 'soon-early-1')).rejects.toThrow(/execution/);
  });
});
