/**
 * Graph bodies typed with Microsoft's @microsoft/microsoft-graph-types, in the adapters and the
 * stand-in alike: what the stand-in answers has Graph's shape (the type check found its recurrence
 * naming days as Tandem does, "wed", where Graph says "wednesday"), and a misspelt field does not compile.
 */
import type { Event, MailboxSettings, ScheduleInformation, Subscription } from '@microsoft/microsoft-graph-types';
import { openHarness, type Harness } from './graph-harness';
import type { NewEvent } from '../../../functions/src/ports/calendar';

let h: Harness;
beforeAll(async () => {
  h = await openHarness({ size: 40, seed: 5, meetingsPerDay: 0 });
});
afterAll(async () => h.close());

describe('Graph bodies', () => {
  it('a series booked through the adapter reads back from the stand-in with Graph’s recurrence: days named in full', async () => {
    const organizer = [...h.standIn.directory.users.values()].find((u) => u.userType === 'Member' && u.accountEnabled)!;
    const e: NewEvent = {
      subject: 'Tandem: typed',
      bodyHtml: '<p>x</p>',
      attendees: [{ id: organizer.id, mail: organizer.mail }],
      startDate: '2026-03-04',
      startTime: '10:00',
      durationMinutes: 45,
      timeZone: 'Europe/Berlin',
      recurrence: { intervalWeeks: 2, weekday: 'wed', count: 3 },
      transactionId: 'typed-1',
      key: 'typed-1',
    };
    const created = await h.deps().calendar.createEvent(organizer.id, e);
    const read = (await h.conn.client.api(`/users/${organizer.id}/events/${created.id}`).get()) as Event;
    expect(read.type).toBe('seriesMaster');
    expect(read.recurrence?.pattern).toEqual({
      type: 'weekly',
      interval: 2,
      daysOfWeek: ['wednesday'],
      firstDayOfWeek: 'monday',
    });
    expect(read.body?.content ?? read.subject).toBeTruthy();
  });

  it('refuse a misspelt field at compile time (each line below must fail the type check)', () => {
    // @ts-expect-error Graph's field is `subject`
    const event: Event = { subjct: 'x' };
    // @ts-expect-error Graph's field is `availabilityView`
    const schedule: ScheduleInformation = { availabiltyView: '000' };
    // @ts-expect-error Graph's field is `timeZone`
    const mailbox: MailboxSettings = { timezone: 'UTC' };
    // @ts-expect-error Graph's field is `expirationDateTime`
    const subscription: Subscription = { expirationDate: '2026-01-01T00:00:00Z' };
    expect([event, schedule, mailbox, subscription]).toHaveLength(4);
  });
});
