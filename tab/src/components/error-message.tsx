/** An API failure in words a person can act on, with the fields the API named. */
import { MessageBar, MessageBarBody, MessageBarTitle, MessageBarActions, Button } from '@fluentui/react-components';
import { ApiError } from '../api/problem';
import { useT } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/translate';

const TITLES: Record<number, MessageKey> = {
  0: 'error.network',
  400: 'error.invalid',
  401: 'error.unauthenticated',
  403: 'error.forbidden',
  404: 'error.notFound',
  409: 'error.conflict',
  412: 'error.stale',
  413: 'error.invalid',
  503: 'error.unavailable',
};

export function ErrorMessage({
  error,
  onRetry,
  onDismiss,
}: {
  error: unknown;
  onRetry?: () => void;
  onDismiss?: () => void;
}) {
  const { t, tk, has } = useT();
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : undefined;
  const title = t(problem ? (TITLES[problem.status] ?? 'error.generic') : 'error.generic');
  // The API's stable code in the reader's language; its English detail only where the tab has no words.
  const codeKey = problem?.code ? `errorCode.${problem.code}` : undefined;
  const detail =
    codeKey && has(codeKey)
      ? tk(codeKey)
      : (problem?.detail ?? (error instanceof Error && !problem ? error.message : undefined));
  const fields = Object.entries(problem?.errors ?? {});
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle> {detail}
        {fields.length > 0 && (
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {fields.map(([field, messages]) => (
              <li key={field}>
                {field}: {messages.join('; ')}
              </li>
            ))}
          </ul>
        )}
      </MessageBarBody>
      {(onRetry || onDismiss) && (
        <MessageBarActions>
          {onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
          {onDismiss && <Button onClick={onDismiss}>{t('common.dismiss')}</Button>}
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
