import { t } from '../i18n';
import { href } from '../router';

export function NotFound({ message = t('notFoundPage') }: { message?: string }) {
  return (
    <div data-page="not-found">
      <h1>{t('notFound')}</h1>
      <p>{message}</p>
      <p><a href={href('/')}>{t('backToOverview')}</a></p>
    </div>
  );
}
