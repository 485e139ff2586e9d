import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { MeetingRecord, StudyGroupRecord } from '../../../db/records';
import { LANGUAGES, isLanguageCode } from '../../../i18n/languages';
import { useLanguage } from '../../../i18n/useLanguage';
import {
  countWords,
  EMPTY_CONTACT,
  PURPOSES,
  writeCover,
  type Contact,
  type CoverFields,
  type Purpose,
} from '../model/draftDoc';
import { byGroupNumber } from '../model/studyGroupOrder';
import { belongsToGroup, formatRange, meetingTitle } from '../../meetings';

interface Props {
  doc: Y.Doc;
  cover: CoverFields;
  meetings: readonly MeetingRecord[];
  groups: readonly StudyGroupRecord[];
  /** Shared with this person to read only: every field shown, none changeable. */
  readOnly?: boolean;
}

/** The cover page's fields; each change goes straight into the draft's document (and so to disk). */
export function CoverForm({ doc, cover, meetings, groups, readOnly = false }: Props) {
  const { t } = useTranslation('drafts');
  const lang = useLanguage();
  const set = (changes: Partial<CoverFields>) => writeCover(doc, changes);
  const setContact = (index: number, changes: Partial<Contact>) =>
    set({ contacts: cover.contacts.map((c, i) => (i === index ? { ...c, ...changes } : c)) });
  const field = (key: 'questions' | 'placeAndDate' | 'source' | 'title' | 'keywords', hint?: string) => (
    <label className="field">
      <span>{t(`editor.fields.${key}`)}</span>
      {hint && <span className="hint">{hint}</span>}
      <input
        dir="auto"
        value={cover[key]}
        data-testid={`cover-${key}`}
        onChange={(event) => set({ [key]: event.target.value })}
      />
    </label>
  );
  const groupMeetings = meetings.filter((m) => !cover.studyGroup || belongsToGroup(m.group, cover.studyGroup));

  return (
    <section className="card cover-form" aria-labelledby="cover-heading">
      <h2 id="cover-heading">{t('editor.cover')}</h2>
      <fieldset className="cover-fields" disabled={readOnly}>
        <div className="field-grid">
          <label className="field">
            <span>{t('editor.fields.language')}</span>
            <select
              value={cover.language}
              data-testid="cover-language"
              onChange={(event) => isLanguageCode(event.target.value) && set({ language: event.target.value })}
            >
              {LANGUAGES.map((l) => (
                <option key={l.code} value={l.code} lang={l.code}>
                  {l.nativeName}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('editor.fields.studyGroup')}</span>
            <select
              value={cover.studyGroup}
              data-testid="cover-studyGroup"
              onChange={(event) => set({ studyGroup: event.target.value })}
            >
              <option value="" />
              {[...groups].sort(byGroupNumber).map((g) => (
                <option key={g.id} value={g.id}>
                  {g.id}
                  {g.title[lang] ? ` — ${g.title[lang]}` : ''}
                </option>
              ))}
            </select>
          </label>
          {field('questions', t('editor.fields.questionsHint'))}
          <label className="field">
            <span>{t('editor.fields.meeting')}</span>
            <select
              value={cover.meetingId ?? ''}
              data-testid="cover-meeting"
              onChange={(event) => {
                const meeting = meetings.find((m) => m.id === event.target.value);
                set({
                  meetingId: meeting?.id ?? null,
                  ...(meeting
                    ? {
                        // A virtual meeting has no place: its dates alone.
                        placeAndDate: [
                          meeting.place,
                          formatRange(meeting.start, meeting.end, cover.language, meeting.timeZone, false),
                        ]
                          .filter(Boolean)
                          .join(', '),
                      }
                    : {}),
                });
              }}
            >
              <option value="">{t('editor.fields.noMeeting')}</option>
              {groupMeetings.map((m) => (
                <option key={m.id} value={m.id}>
                  {meetingTitle(m, lang)} ({formatRange(m.start, m.end, lang, m.timeZone, false)})
                </option>
              ))}
            </select>
          </label>
          {field('placeAndDate')}
          {field('source', t('editor.fields.sourceHint'))}
          {field('title')}
          <label className="field">
            <span>{t('editor.fields.purpose')}</span>
            <select value={cover.purpose} onChange={(event) => set({ purpose: event.target.value as Purpose })}>
              {PURPOSES.map((p) => (
                <option key={p} value={p}>
                  {t(`editor.purposes.${p}`)}
                </option>
              ))}
            </select>
          </label>
        </div>

        <fieldset className="contacts">
          <legend>{t('editor.fields.contacts')}</legend>
          {cover.contacts.map((contact, index) => (
            <div className="contact" key={index} data-testid={`contact-${index}`}>
              {(['name', 'organization', 'country', 'phone', 'email'] as const).map((key) => (
                <label className="field" key={key}>
                  <span>{t(`editor.fields.${key}`)}</span>
                  <input
                    dir="auto"
                    value={contact[key]}
                    type={key === 'email' ? 'email' : key === 'phone' ? 'tel' : 'text'}
                    data-testid={`contact-${index}-${key}`}
                    onChange={(event) => setContact(index, { [key]: event.target.value })}
                  />
                </label>
              ))}
              {cover.contacts.length > 1 && (
                <button
                  type="button"
                  className="button subtle"
                  onClick={() => set({ contacts: cover.contacts.filter((_, i) => i !== index) })}
                >
                  {t('editor.fields.removeContact')}
                </button>
              )}
            </div>
          ))}
          <button
            type="button"
            className="button"
            onClick={() => set({ contacts: [...cover.contacts, { ...EMPTY_CONTACT }] })}
          >
            {t('editor.fields.addContact')}
          </button>
        </fieldset>

        {field('keywords')}
        <label className="field">
          <span>{t('editor.fields.abstract')}</span>
          <textarea
            rows={6}
            dir="auto"
            value={cover.abstract}
            data-testid="cover-abstract"
            onChange={(event) => set({ abstract: event.target.value })}
          />
          <span className="hint">
            {t('editor.fields.abstractWords', { count: countWords(cover.abstract, cover.language) })}
          </span>
        </label>
      </fieldset>
    </section>
  );
}
