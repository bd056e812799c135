/**
 * Renders tab components the way the tab does: Fluent's Teams theme, the translator with both
 * languages loaded, and the app context with a stand-in API whose methods the test fills in.
 */
import type { ReactElement } from 'react';
import { render, type RenderResult } from '@testing-library/react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import en from '../../../../tab/resources/en.json';
import de from '../../../../tab/resources/de.json';
import { I18nProvider } from '../../../../tab/src/i18n/i18n-context';
import { registerResources, type Lang } from '../../../../tab/src/i18n/translate';
import { AppContextProvider, type AppContextValue } from '../../../../tab/src/app/app-context';
import type { Api } from '../../../../tab/src/api/endpoints';
import type { Me } from '../../../../tab/src/api/types';
import { NOW } from './builders';

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one (nothing to measure here).
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

registerResources('en', en);
registerResources('de', de);

export type FakeApi = { [K in keyof Api]: jest.Mock };

/** An API whose every route fails loudly unless the test gives it an answer. */
export function fakeApi(answers: Partial<Record<keyof Api, (...args: never[]) => unknown>> = {}): FakeApi {
  return new Proxy({} as FakeApi, {
    get(target, name: string) {
      if (!(name in target)) {
        const answer = (answers as Record<string, (...args: unknown[]) => unknown>)[name];
        (target as Record<string, jest.Mock>)[name] = jest.fn(
          answer
            ? async (...args: unknown[]) => answer(...args)
            : async () => Promise.reject(new Error(`unexpected call: ${name}`)),
        );
      }
      return (target as Record<string, jest.Mock>)[name];
    },
  });
}

export function aMe(overrides: Partial<Me> = {}): Me {
  return {
    userId: 'u-mentee',
    tenantId: 'local',
    displayName: 'Lena Hoffmann',
    roles: [],
    isProgrammeManager: false,
    canReadReports: false,
    enrollments: [],
    ...overrides,
  };
}

export function renderTab(
  ui: ReactElement,
  options: { api?: FakeApi; me?: Me; lang?: Lang; go?: jest.Mock; programmeId?: string } = {},
): RenderResult & { api: FakeApi } {
  const api = options.api ?? fakeApi();
  const value: AppContextValue = {
    api: api as unknown as Api,
    me: options.me ?? aMe(),
    reloadMe: jest.fn(async () => undefined),
    nav: {
      view: 'my-tandem',
      ...(options.programmeId ? { programmeId: options.programmeId } : {}),
      go: options.go ?? jest.fn(),
    },
    hostKind: 'standalone',
    // The builders' data lies around NOW: pages judge it at that instant, whatever the machine's date.
    now: () => NOW,
  };
  const result = render(
    <FluentProvider theme={teamsLightTheme}>
      <I18nProvider lang={options.lang ?? 'en'}>
        <AppContextProvider value={value}>{ui}</AppContextProvider>
      </I18nProvider>
    </FluentProvider>,
  );
  return { ...result, api };
}
