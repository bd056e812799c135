import type { ParticipantStatus } from '@tandem/core/model';
import type { MessageKey, Translator } from '../i18n/translate';
import { bullets, card, execute, heading, subheading, text, type AdaptiveCard } from './elements';
import { data } from './common';

export interface WelcomeCardModel {
  programmes: Array<{ id: string; name: string; status: ParticipantStatus }>;
}

/** Welcome and help: what Tandem is, the person's programmes, and the words the bot understands. */
export function welcomeCard(t: Translator, model: WelcomeCardModel): AdaptiveCard {
  const programmes = model.programmes.length
    ? bullets(
        model.programmes.map((p) =>
          t.t('welcome.programmeLine', { name: p.name, status: t.t(`status.${p.status}` as MessageKey) }),
        ),
      )
    : text(t.t('welcome.noProgrammes'), { subtle: true });
  return card(
    [
      heading(t.t('welcome.title')),
      text(t.t('welcome.intro')),
      text(t.t('welcome.howItWorks')),
      subheading(t.t('welcome.programmesTitle')),
      programmes,
      subheading(t.t('welcome.commandsTitle')),
      bullets([
        t.t('welcome.command.help'),
        t.t('welcome.command.status'),
        t.t('welcome.command.pause'),
        t.t('welcome.command.share'),
      ]),
    ],
    // "My programmes" answers with where the person stands (or, in none, the interest list and the tab).
    [
      execute(t.t(model.programmes.length ? 'welcome.showStatus' : 'tandem.button'), data('showStatus', {}), {
        validate: false,
      }),
    ],
  );
}
