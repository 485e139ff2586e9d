import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage';
import { isBlocking, type DraftIssue } from '../model/checks';
import { formatCalendarDate } from '../../meetings';

export function issueMessage(
  issue: DraftIssue,
  t: ReturnType<typeof useTranslation<'drafts'>>['t'],
  format: (date: string) => string,
) {
  switch (issue.code) {
    case 'missing':
      return t(`checks.missing.${issue.field}`);
    case 'questions-format':
      return t('checks.questions-format');
    case 'contact-email':
      return t('checks.contact-email', { number: issue.index + 1 });
    case 'abstract-length':
      return t('checks.abstract-length', { words: issue.words });
    case 'deadline-passed':
      return t('checks.deadline-passed', { date: format(issue.date) });
    case 'deadline-near':
      return t('checks.deadline-near', { count: issue.days, date: format(issue.date) });
  }
}

/** What must be filled before export (blocking) and what is worth a look (hints and deadlines). */
export function ChecksPanel({ issues }: { issues: readonly DraftIssue[] }) {
  const { t } = useTranslation('drafts');
  const lang = useLanguage();
  const format = (date: string) => formatCalendarDate(date, lang, 'medium');
  return (
    <section className="card checks" aria-labelledby="checks-heading" data-testid="checks">
      <h2 id="checks-heading">{t('checks.heading')}</h2>
      {issues.length === 0 ? (
        <p className="is-done">{t('checks.allGood')}</p>
      ) : (
        <ul>
          {issues.map((issue, index) => (
            <li key={index} className={isBlocking(issue) ? 'issue-blocking' : 'issue-hint'}>
              {issueMessage(issue, t, format)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
