/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ConsolePage } from '../../../tab/src/pages/console/console-page';
import { CreateProgramme } from '../../../tab/src/pages/console/create-programme';
import { PhaseAction } from '../../../tab/src/pages/console/phase-action';
import { AuditLog } from '../../../tab/src/pages/console/steering/audit-log';
import { WorkspaceProvider, type Workspace } from '../../../tab/src/pages/console/workspace-data';
import { aMe, fakeApi, renderTab } from './support/render';
import { aProgramme } from './support/builders';
import type { Phase } from '../../../tab/src/api/types';

function aWorkspace(phase: Phase): Workspace {
  return {
    programme: aProgramme({ phase }),
    participants: [],
    pairs: [],
    name: (id) => id,
    reload: jest.fn(async () => undefined),
    setProgramme: jest.fn(),
  };
}

describe('small console defects', () => {
  it('the programme list’s badge shows the new phase as soon as the workspace changes it', async () => {
    const before = aProgramme({ phase: 'preparation' });
    const api = fakeApi({
      programmes: () => [before],
      programme: () => before,
      participants: () => [],
      pairs: () => [],
      stuckWork: () => ({ bookings: [], outbox: [], timers: [] }),
      departments: () => [],
      changePhase: () => ({ ...before, phase: 'matching', etag: 'etag-2' }),
      matchingReview: () => ({
        fitBelow: 40,
        timezoneHours: 3,
        cautions: {},
        lastRun: null,
        currentScore: 0,
        cost: 0,
        changed: false,
      }),
    });
    renderTab(<ConsolePage />, { api, me: aMe({ isProgrammeManager: true }), programmeId: 'p-1' });
    const item = await screen.findByTestId('programme-p-1');
    expect(within(item).getByText('Preparation')).toBeTruthy();
    fireEvent.click(await screen.findByTestId('phase-next'));
    const dialog = await screen.findByRole('alertdialog', { hidden: true });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Start matching', hidden: true }));
    });
    await waitFor(() => expect(within(screen.getByTestId('programme-p-1')).getByText('Matching')).toBeTruthy());
    expect(api.programmes).toHaveBeenCalledTimes(1);
  });

  it('the audit log says which phase the programme moved from and to', async () => {
    const api = fakeApi({
      audit: () => ({
        items: [
          {
            id: 'a1',
            schemaVersion: 1,
            programmeId: 'p-1',
            actor: 'u-manager',
            actorName: 'Hanna Manager',
            action: 'programme.phase',
            details: { from: 'preparation', to: 'matching' },
            at: '2026-03-01T10:00:00.000Z',
          },
        ],
      }),
    });
    renderTab(
      <WorkspaceProvider value={aWorkspace('matching')}>
        <AuditLog />
      </WorkspaceProvider>,
      { api },
    );
    await screen.findByText('moved the programme from Preparation to Matching');
  });

  it('a draft offers no "Close early"; a programme in preparation does', () => {
    const draft = renderTab(
      <WorkspaceProvider value={aWorkspace('draft')}>
        <PhaseAction />
      </WorkspaceProvider>,
    );
    expect(screen.queryByRole('button', { name: 'Close early' })).toBeNull();
    draft.unmount();
    renderTab(
      <WorkspaceProvider value={aWorkspace('preparation')}>
        <PhaseAction />
      </WorkspaceProvider>,
    );
    expect(screen.getByRole('button', { name: 'Close early' })).toBeTruthy();
  });

  it('"Name at least one topic" goes away as soon as a topic is named', () => {
    renderTab(<CreateProgramme onCancel={jest.fn()} onCreated={jest.fn()} />);
    fireEvent.change(screen.getByTestId('programme-name'), { target: { value: 'Reverse Mentoring 2027' } });
    fireEvent.click(screen.getByTestId('wizard-next'));
    fireEvent.click(screen.getByTestId('wizard-next'));
    expect(screen.getByText('Name at least one topic.')).toBeTruthy();
    fireEvent.change(screen.getByTestId('topic-name-0'), { target: { value: 'AI assistants' } });
    expect(screen.queryByText('Name at least one topic.')).toBeNull();
  });
});
