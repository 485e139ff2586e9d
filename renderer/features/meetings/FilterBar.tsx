import { useTranslation } from 'react-i18next';
import { MEETING_KINDS, type MeetingKind, type StudyGroupRecord } from '../../db/records';
import { useLanguage } from '../../i18n/useLanguage';
import { useMeetingFilters } from './filterStore';
import { groupLabel } from './model/groupLabel';

export function FilterBar({ groups, resultCount }: { groups: readonly StudyGroupRecord[]; resultCount: number }) {
  const { t } = useTranslation('meetings');
  const lang = useLanguage();
  const { group, kind, query } = useMeetingFilters();
  const byNumber = [...groups].sort(
    (a, b) => a.kind.localeCompare(b.kind) || Number(a.id.slice(2)) - Number(b.id.slice(2)),
  );
  return (
    <div className="filter-bar" role="search" aria-label={t('filters.label')}>
      <label>
        {t('filters.group')}
        <select
          value={group ?? ''}
          data-testid="filter-group"
          onChange={(event) => useMeetingFilters.setState({ group: event.target.value || null })}
        >
          <option value="">{t('filters.allGroups')}</option>
          {byNumber.map((g) => (
            <option key={g.id} value={g.id}>
              {groupLabel(g.id, lang)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filters.kind')}
        <select
          value={kind ?? ''}
          onChange={(event) => useMeetingFilters.setState({ kind: (event.target.value || null) as MeetingKind | null })}
        >
          <option value="">{t('filters.allKinds')}</option>
          {MEETING_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="filter-search">
        {t('filters.search')}
        <input
          type="search"
          value={query}
          data-testid="filter-search"
          placeholder={t('filters.searchPlaceholder')}
          onChange={(event) => useMeetingFilters.setState({ query: event.target.value })}
        />
      </label>
      <p className="filter-count" role="status" data-testid="filter-count">
        {t('filters.results', { count: resultCount })}
      </p>
    </div>
  );
}
