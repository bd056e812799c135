import { actionPayload, envelopeOf, listInput, numberInput, toggleInput } from '../../../bot/src/actions/payload';
import { InvalidError } from '../../../functions/src/core/errors';

describe('card action payloads', () => {
  it('read the verb and data of an Action.Execute invoke', () => {
    expect(
      actionPayload({ action: { type: 'Action.Execute', verb: 'pause', data: { verb: 'pause', programmeId: 'p' } } }),
    ).toEqual({
      verb: 'pause',
      fields: { verb: 'pause', programmeId: 'p' },
    });
  });

  it('read the verb inside the data of the Action.Submit fallback', () => {
    expect(actionPayload({ verb: 'pause', programmeId: 'p', msteams: { type: 'x' } })).toEqual({
      verb: 'pause',
      fields: { verb: 'pause', programmeId: 'p' },
    });
    expect(actionPayload({ text: 'hello' })).toBeUndefined();
    expect(actionPayload('pause')).toBeUndefined();
  });

  it('reject unknown verbs and malformed ids as invalid input', () => {
    expect(() => envelopeOf({ verb: 'deleteEverything', fields: {} })).toThrow(InvalidError);
    expect(() => envelopeOf({ verb: 'pause', fields: { programmeId: 'a/../b' } })).toThrow(InvalidError);
    expect(
      envelopeOf({ verb: 'submitFeedback', fields: { programmeId: 'p', pairId: 'x', occurrenceIndex: '2' } }),
    ).toMatchObject({
      occurrenceIndex: 2,
    });
  });

  it('convert card input strings', () => {
    expect(listInput('a, b,,c')).toEqual(['a', 'b', 'c']);
    expect(listInput(undefined)).toEqual([]);
    expect([toggleInput('true'), toggleInput('false'), toggleInput(undefined)]).toEqual([true, false, false]);
    expect([numberInput('4'), numberInput('four')]).toEqual([4, 'four']);
  });
});
