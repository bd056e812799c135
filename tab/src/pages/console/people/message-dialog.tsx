/** A message card from the programme team to one person or to their pair, sent through the bot. */
import { useEffect, useState } from 'react';
import { Button, Field, Input, Radio, RadioGroup, Text, Textarea, tokens } from '@fluentui/react-components';
import { useApp } from '../../../app/app-context';
import { useT } from '../../../i18n/i18n-context';
import { useAction } from '../../../hooks/use-action';
import { Modal } from '../../../components/modal';
import { ErrorMessage } from '../../../components/error-message';
import type { ParticipantRow } from '../../../api/manage-endpoints';
import { useWorkspace } from '../workspace-data';

export interface MessageTarget {
  person: ParticipantRow;
}

export function MessageDialog({
  target,
  onClose,
  onSent,
}: {
  target: MessageTarget | undefined;
  onClose(): void;
  onSent(recipients: number): void;
}) {
  const { t } = useT();
  const { api } = useApp();
  const w = useWorkspace();
  const [to, setTo] = useState('person');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  useEffect(() => {
    setTo('person');
    setTitle('');
    setText('');
  }, [target]);
  const person = target?.person;
  const send = useAction(async () => {
    if (!person) return;
    const result = await api.sendMessage(w.programme.id, {
      ...(to === 'person' ? { userId: person.userId } : { pairId: to }),
      title: title.trim(),
      text: text.trim(),
    });
    onSent(result.recipients);
  });
  return (
    <Modal
      open={Boolean(person)}
      title={person ? t('people.messageTitle', { name: person.displayName }) : ''}
      onClose={onClose}
      onSubmit={() => void send.run()}
      testId="message-dialog"
      actions={
        <>
          <Button type="button" appearance="secondary" onClick={onClose} disabled={send.busy}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            appearance="primary"
            disabled={send.busy || !title.trim() || !text.trim()}
            data-testid="message-send"
          >
            {t('people.messageSend')}
          </Button>
        </>
      }
    >
      {person && (
        <>
          {person.pairs.length > 0 && (
            <Field label={t('people.messageTo')}>
              <RadioGroup value={to} onChange={(_, d) => setTo(d.value)}>
                <Radio value="person" label={t('people.messageToPerson', { name: person.displayName })} />
                {person.pairs.map((p) => (
                  <Radio
                    key={p.pairId}
                    value={p.pairId}
                    label={t('people.messageToPair', { a: person.displayName, b: p.partnerName })}
                  />
                ))}
              </RadioGroup>
            </Field>
          )}
          <Field label={t('people.messageSubject')} required>
            <Input value={title} maxLength={120} onChange={(_, d) => setTitle(d.value)} data-testid="message-title" />
          </Field>
          <Field label={t('people.messageText')} required>
            <Textarea
              value={text}
              maxLength={2000}
              resize="vertical"
              onChange={(_, d) => setText(d.value)}
              data-testid="message-text"
            />
          </Field>
          <Text size={200} style={{ color: tokens.colorNeutralForeground2 }}>
            {t('people.messageHint')}
          </Text>
          <ErrorMessage error={send.error} />
        </>
      )}
    </Modal>
  );
}
