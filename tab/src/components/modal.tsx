/**
 * A modal dialog on the browser's own `<dialog>`: the browser traps focus, makes the page behind it
 * inert, closes on Escape and returns focus afterwards. Styled like Fluent's dialog. (Fluent's own
 * Dialog puts focusable, aria-hidden sentinels around the whole page for its focus trap.)
 */
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  dialog: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow64,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    padding: '24px',
    width: 'min(560px, calc(100vw - 32px))',
    maxHeight: 'calc(100vh - 48px)',
    boxSizing: 'border-box',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    '::backdrop': { backgroundColor: 'rgba(0, 0, 0, 0.4)' },
  },
  form: { display: 'flex', flexDirection: 'column', gap: '16px', margin: 0 },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  body: { display: 'flex', flexDirection: 'column', gap: '12px' },
  actions: { display: 'flex', justifyContent: 'flex-end', gap: '8px', flexWrap: 'wrap' },
});

export interface ModalProps {
  open: boolean;
  title: ReactNode;
  children: ReactNode;
  /** The buttons; a submit button submits `onSubmit`. */
  actions: ReactNode;
  onClose(): void;
  onSubmit?: () => void;
  /** `alertdialog` for questions before something irreversible. */
  role?: 'dialog' | 'alertdialog';
  testId?: string;
}

export function Modal({ open, title, children, actions, onClose, onSubmit, role = 'dialog', testId }: ModalProps) {
  const s = useStyles();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) {
      if (typeof el.showModal === 'function') el.showModal();
      else el.setAttribute('open', '');
    } else if (!open && el.open) {
      if (typeof el.close === 'function') el.close();
      else el.removeAttribute('open');
    }
  }, [open]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit?.();
  };
  return (
    <dialog
      ref={ref}
      className={s.dialog}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-modal="true"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {open && (
        <form className={s.form} onSubmit={submit} method="dialog">
          <h2 className={s.title} id={titleId}>
            {title}
          </h2>
          <div className={s.body}>{children}</div>
          <div className={s.actions}>{actions}</div>
        </form>
      )}
    </dialog>
  );
}
