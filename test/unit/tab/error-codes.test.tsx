/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import { renderTab } from './support/render';
import { ErrorMessage } from '../../../tab/src/components/error-message';
import { ApiError } from '../../../tab/src/api/problem';
import { ERROR_CODES } from '../../../functions/src/core/errors';
import { STATUS_CODES } from '../../../functions/src/http/problem';
import tabEn from '../../../tab/resources/en.json';
import tabDe from '../../../tab/resources/de.json';
import botEn from '../../../bot/resources/en.json';
import botDe from '../../../bot/resources/de.json';

const closed = new ApiError({
  status: 409,
  code: 'programme-closed',
  title: 'Conflict',
  detail: 'The programme is closed.',
});

describe('API errors in the tab', () => {
  it('shows the translated message for the API’s stable code, not the English detail', () => {
    renderTab(<ErrorMessage error={closed} />, { lang: 'de' });
    expect(screen.getByRole('alert').textContent).toContain('Das Programm ist abgeschlossen.');
    expect(screen.getByRole('alert').textContent).not.toContain('The programme is closed.');
  });

  it('falls back to the detail for a code the tab has no words for', () => {
    const other = new ApiError({ status: 409, code: 'conflict', detail: 'Only a booked series can be moved.' });
    renderTab(<ErrorMessage error={other} />, { lang: 'de' });
    expect(screen.getByRole('alert').textContent).toContain('Only a booked series can be moved.');
  });

  it('has words in German and English, in the tab and in the bot, for every code beyond the HTTP status', () => {
    const generic = new Set<string>(Object.values(STATUS_CODES));
    const specific = ERROR_CODES.filter((code) => !generic.has(code));
    expect(specific.length).toBeGreaterThan(5);
    for (const catalogue of [tabEn, tabDe, botEn, botDe] as Record<string, string>[])
      for (const code of specific) expect([code, catalogue[`errorCode.${code}`]]).toEqual([code, expect.any(String)]);
  });
});
