import {
  claimRefusal,
  keepsApart,
  sidesOf,
  withClaim,
  withoutClaim,
  type Participant,
} from '../../../functions/src/core/model';
import { anOptedInParticipant, aPair } from '../../support/builders';

const mentee = (over: Partial<Participant> = {}) =>
  anOptedInParticipant({ id: 'e1', userId: 'e1', role: 'mentee', ...over }) as Participant;
const mentor = (over: Partial<Participant> = {}) =>
  anOptedInParticipant({ id: 'm1', userId: 'm1', role: 'mentor', ...over }) as Participant;
const [menteeSide, mentorSide] = sidesOf({ mentorId: 'm1', menteeId: 'e1' });
const AT = '2027-01-04T09:00:00.000Z';

describe('the pairing rules an enrollment holds', () => {
  it('gives a mentee one place and a mentor as many as the programme allows', () => {
    const once = withClaim(mentee(), menteeSide, 'p1', AT);
    expect(claimRefusal(once, { ...menteeSide, partnerId: 'm2' }, 'p2', 2)).toMatch(/already has a partner/);
    const m1 = withClaim(mentor(), mentorSide, 'p1', AT);
    expect(claimRefusal(m1, { ...mentorSide, partnerId: 'e2' }, 'p2', 1)).toMatch(/already has a partner/);
    expect(claimRefusal(m1, { ...mentorSide, partnerId: 'e2' }, 'p2', 2)).toBeUndefined();
    const m2 = withClaim(m1, { ...mentorSide, partnerId: 'e2' }, 'p2', AT);
    expect(claimRefusal(m2, { ...mentorSide, partnerId: 'e3' }, 'p3', 2)).toMatch(/2 partners/);
  });

  it('takes the same claim twice harmlessly, and never a second pair with the same partner', () => {
    const once = withClaim(mentor(), mentorSide, 'p1', AT);
    expect(withClaim(once, mentorSide, 'p1', AT)).toBe(once);
    expect(claimRefusal(once, mentorSide, 'p1', 2)).toBeUndefined();
    expect(claimRefusal(once, mentorSide, 'p9', 2)).toMatch(/already paired with e1/);
  });

  it('refuses a past partner, someone who is not taking part now, and the wrong role', () => {
    const past = withoutClaim(withClaim(mentee(), menteeSide, 'p1', AT), 'p1', { partnerId: 'm1' });
    expect(past.claims).toEqual([]);
    expect(past.pastPartners).toEqual(['m1']);
    expect(claimRefusal(past, menteeSide, 'p2', 1)).toMatch(/were paired before/);
    expect(claimRefusal(mentee({ status: 'paused' }), menteeSide, 'p2', 1)).toMatch(/not taking part/);
    expect(claimRefusal(mentee({ status: 'left' }), menteeSide, 'p2', 1)).toMatch(/not taking part/);
    expect(claimRefusal(mentee({ erasedAt: AT }), menteeSide, 'p2', 1)).toMatch(/not taking part/);
    expect(claimRefusal(mentee(), mentorSide, 'p2', 1)).toMatch(/as mentee, not as mentor/);
  });

  it('lets a replaced proposal go without keeping anyone apart, and records a past partner once', () => {
    const held = withClaim(mentee(), menteeSide, 'p1', AT);
    expect(withoutClaim(held, 'p1').pastPartners).toBeUndefined();
    const twice = withoutClaim(withoutClaim(held, 'p1', { partnerId: 'm1' }), 'p1', { partnerId: 'm1' });
    expect(twice.pastPartners).toEqual(['m1']);
  });

  it('keeps two people apart after a decline or any end, but not after a withdrawn unpublished proposal', () => {
    expect(keepsApart(aPair({ status: 'declined' }))).toBe(true);
    for (const endReason of ['left', 'paused', 'excluded', 'programme-closed', 'removed-from-directory'] as const)
      expect(keepsApart(aPair({ status: 'ended', endReason, publishedAt: AT }))).toBe(true);
    expect(keepsApart(aPair({ status: 'ended', endReason: 'withdrawn', publishedAt: AT }))).toBe(true);
    const unpublished = aPair({ status: 'ended', endReason: 'withdrawn' });
    delete (unpublished as { publishedAt?: string }).publishedAt;
    expect(keepsApart(unpublished)).toBe(false);
    for (const status of ['proposed', 'confirmed', 'active'] as const)
      expect(keepsApart(aPair({ status }))).toBe(false);
  });
});
