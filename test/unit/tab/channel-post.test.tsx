/** @jest-environment jsdom */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { ChannelPost } from '../../../tab/src/pages/console/steering/channel-post';
import { AnnouncementComposer } from '../../../tab/src/pages/console/steering/announcement-composer';
import { WorkspaceProvider, type Workspace } from '../../../tab/src/pages/console/workspace-data';
import { fakeApi, renderTab } from './support/render';
import { aProgramme } from './support/builders';

const workspace: Workspace = {
  programme: aProgramme({ phase: 'steering' }),
  participants: [],
  pairs: [],
  name: (id) => id,
  reload: jest.fn(async () => undefined),
  setProgramme: jest.fn(),
};

describe('posting to a Teams channel from the console', () => {
  it('offers the channels of teams with the app and posts the German and English text to the chosen one', async () => {
    const api = fakeApi({
      teamChannels: () => ({
        items: [
          { channelId: '19:general@thread.tacv2', teamId: '19:general@thread.tacv2', teamName: 'Sales Germany' },
          {
            channelId: '19:news@thread.tacv2',
            channelName: 'News',
            teamId: '19:general@thread.tacv2',
            teamName: 'Sales Germany',
          },
        ],
      }),
      postToChannel: () => ({ id: 'post-1', channelId: '19:news@thread.tacv2' }),
    });
    renderTab(
      <WorkspaceProvider value={workspace}>
        <ChannelPost />
      </WorkspaceProvider>,
      { api },
    );
    const select = (await screen.findByTestId('channel-post-channel')) as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.textContent)).toEqual([
      'Sales Germany › General',
      'Sales Germany › News',
    ]);
    fireEvent.change(select, { target: { value: '19:news@thread.tacv2' } });
    const send = screen.getByTestId('channel-post-send') as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    const de = within(screen.getByTestId('channel-post-de'));
    fireEvent.change(de.getByLabelText('Title'), { target: { value: 'Die nächste Runde' } });
    fireEvent.change(de.getByLabelText('Message'), { target: { value: 'Jetzt vormerken.' } });
    const en = within(screen.getByTestId('channel-post-en'));
    fireEvent.change(en.getByLabelText('Title'), { target: { value: 'The next cohort' } });
    fireEvent.change(en.getByLabelText('Message'), { target: { value: 'Register now.' } });
    expect(send.disabled).toBe(false);
    fireEvent.click(send);
    const dialog = await screen.findByRole('alertdialog', { hidden: true });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Post to channel', hidden: true }));
    });
    expect(api.postToChannel).toHaveBeenCalledWith('p-1', {
      channelId: '19:news@thread.tacv2',
      de: { title: 'Die nächste Runde', text: 'Jetzt vormerken.' },
      en: { title: 'The next cohort', text: 'Register now.' },
      testimonials: false,
    });
    expect(screen.getByTestId('channel-posted').textContent).toContain('Sales Germany › News');
  });

  it('says how to get a channel when the app is in no team yet', async () => {
    renderTab(
      <WorkspaceProvider value={workspace}>
        <ChannelPost />
      </WorkspaceProvider>,
      { api: fakeApi({ teamChannels: () => ({ items: [] }) }) },
    );
    await screen.findByText(/Tandem is not installed in any team yet/);
  });
});

describe('a bilingual announcement to the participants', () => {
  it('sends the text in its language and the translation in the other one', async () => {
    const api = fakeApi({ announce: () => ({ id: 'a-1', recipients: 0 }) });
    renderTab(
      <WorkspaceProvider value={workspace}>
        <AnnouncementComposer />
      </WorkspaceProvider>,
      { api },
    );
    fireEvent.change(screen.getAllByLabelText(/^Title/)[0] as HTMLElement, { target: { value: 'Closing event' } });
    fireEvent.change(screen.getAllByLabelText(/^Message/)[0] as HTMLElement, { target: { value: 'On 14 July.' } });
    fireEvent.change(screen.getByTestId('announce-translation-title'), { target: { value: 'Abschluss' } });
    const send = screen.getByRole('button', { name: 'Send announcement' }) as HTMLButtonElement;
    // Half a translation is not sent.
    expect(send.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('announce-translation-text'), { target: { value: 'Am 14. Juli.' } });
    expect(send.disabled).toBe(false);
    fireEvent.click(send);
    const dialog = await screen.findByRole('alertdialog', { hidden: true });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Send announcement', hidden: true }));
    });
    expect(api.announce).toHaveBeenCalledWith('p-1', {
      title: 'Closing event',
      text: 'On 14 July.',
      audience: 'all',
      translations: {
        en: { title: 'Closing event', text: 'On 14 July.' },
        de: { title: 'Abschluss', text: 'Am 14. Juli.' },
      },
    });
  });
});
