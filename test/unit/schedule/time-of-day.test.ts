import { narrowWindow } from '../../../functions/src/core/schedule';

describe('narrowing the session window to the times of day a pair picked', () => {
  const window = { start: '09:00', end: '17:00' };

  it('keeps the programme window when no time of day is picked', () => {
    expect(narrowWindow(window, [], 45)).toEqual(window);
  });

  it('spans from the earliest to the latest picked time of day, inside the programme window', () => {
    expect(narrowWindow(window, ['morning'], 45)).toEqual({ start: '09:00', end: '12:00' });
    expect(narrowWindow(window, ['afternoon', 'midday'], 45)).toEqual({ start: '11:00', end: '17:00' });
  });

  it('has no window when what is left is shorter than one session', () => {
    expect(narrowWindow({ start: '11:30', end: '17:00' }, ['morning'], 45)).toBeUndefined();
    expect(narrowWindow({ start: '11:00', end: '17:00' }, ['morning'], 60)).toEqual({ start: '11:00', end: '12:00' });
  });
});
