/** A question before something that cannot be undone easily (leave, erase, publish, exclude). */
import { useState, type ReactNode } from 'react';
import { Button, Checkbox, Text } from '@fluentui/react-components';
import { useT } from '../i18n/i18n-context';
import { Modal } from './modal';

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  busy,
  danger,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
  busy?: boolean;
  danger?: boolean;
}) {
  const { t } = useT();
  return (
    <Modal
      open={open}
      title={title}
      role="alertdialog"
      onClose={onCancel}
      onSubmit={onConfirm}
      actions={
        <>
          <Button type="button" appearance="secondary" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" appearance="primary" disabled={busy} data-danger={danger || undefined}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <div>{children}</div>
    </Modal>
  );
}

/**
 * A ConfirmDialog for what cannot be undone at all (erase my data, withdraw consent): the confirm
 * button stays disabled until the person ticks that they understand.
 */
export function IrreversibleConfirmDialog({
  text,
  onConfirm,
  busy,
  ...dialog
}: {
  open: boolean;
  title: string;
  text: string;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
  busy?: boolean;
}) {
  const { t } = useT();
  const [understood, setUnderstood] = useState(false);
  return (
    <ConfirmDialog {...dialog} onConfirm={() => understood && onConfirm()} busy={busy || !understood} danger>
      <Text block>{text}</Text>
      <Checkbox
        checked={understood}
        onChange={(_, d) => setUnderstood(Boolean(d.checked))}
        label={t('myData.eraseUnderstood')}
        style={{ marginTop: 8 }}
      />
    </ConfirmDialog>
  );
}
