/** A question before something that cannot be undone easily (leave, erase, publish, exclude). */
import type { ReactNode } from 'react';
import { Button } from '@fluentui/react-components';
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
