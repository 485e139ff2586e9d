import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DEADLINE_KINDS, MEETING_FORMATS, MEETING_KINDS, type MeetingKind, type MeetingRecord } from '../../db/records';
import { hashOf, navigate } from '../../state/view';
import { BackLink } from '../../ui/BackLink';
import { PageHeading } from '../../ui/PageHeading';
import { useLanguage } from '../../i18n/useLanguage';
import { DeadlineFields } from './DeadlineFields';
import { saveMeetingFromLetter } from './letterActions';
import { groupLabel } from './model/groupLabel';
import { emptyLetterForm, letterFormOf, type LetterForm, type LetterFormErrors } from './model/letterForm';
import type { MeetingsData } from './useMeetings';
import { LetterFormActions, type LetterFormProblem } from './LetterFormActions';

/**
 * #/meetings/add and #/meetings/edit/<id>: a meeting typed in from its collective letter, or
 * one the delegate typed in or imported, edited. The dates the letter prints are saved as official.
 */
export function LetterFormPage({ data, meeting }: { data: MeetingsData; meeting?: MeetingRecord | undefined }) {
  const { t } = useTranslation('meetings');
  const lang = useLanguage();
  const [form, setForm] = useState<LetterForm>(() => (meeting ? letterFormOf(meeting, lang) : emptyLetterForm()));
  const [errors, setErrors] = useState<LetterFormErrors>({});
  const [problem, setProblem] = useState<LetterFormProblem>(null);
  const [isSaving, setSaving] = useState(false);
  const set = (changes: Partial<LetterForm>) => {
    setForm((previous) => ({ ...previous, ...changes }));
    // A field's message goes once the field is changed; the others stay until the next save.
    setErrors((previous) => {
      const changed = new Set<string>(Object.keys(changes));
      if (changes.deadlines) for (const kind of DEADLINE_KINDS) changed.add(`deadline-${kind}`);
      return Object.fromEntries(Object.entries(previous).filter(([key]) => !changed.has(key)));
    });
  };
  const back = meeting ? hashOf('meetings', ['meeting', meeting.id]) : hashOf('meetings');

  const save = async () => {
    setSaving(true);
    const outcome = await saveMeetingFromLetter(form, lang, meeting?.id);
    setSaving(false);
    if (outcome.kind === 'saved') {
      navigate('meetings', 'meeting', outcome.meetingId);
      return;
    }
    setErrors(outcome.kind === 'invalid' ? outcome.errors : {});
    setProblem(outcome.kind);
  };

  const field = (key: keyof Omit<LetterForm, 'deadlines'>, control: ReactNode, wide = false) => (
    <label className={wide ? 'letter-field is-wide' : 'letter-field'}>
      <span>{t(`letter.fields.${key}`)}</span>
      {control}
      {errors[key] && <span className="field-error">{t(`letter.errors.${errors[key]}`)}</span>}
    </label>
  );
  const text = (key: 'group' | 'title' | 'timeZone' | 'place' | 'collectiveLetter', extra: object = {}) => (
    <input
      dir="auto"
      value={form[key]}
      data-testid={`letter-${key}`}
      aria-invalid={errors[key] ? true : undefined}
      onChange={(event) => set({ [key]: event.target.value })}
      {...extra}
    />
  );
  const input = (key: 'start' | 'end' | 'dailyStart' | 'dailyEnd', type: 'date' | 'time') => (
    <input
      type={type}
      value={form[key]}
      data-testid={`letter-${key}`}
      aria-invalid={errors[key] ? true : undefined}
      onChange={(event) => set({ [key]: event.target.value })}
    />
  );

  return (
    <>
      <BackLink href={back} label={t('meeting.back')} />
      <PageHeading title={meeting ? t('letter.editHeading') : t('letter.addHeading')} intro={t('letter.intro')} />
      <form
        className="card letter-form"
        data-testid="letter-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div className="letter-grid">
          {field(
            'group',
            <>
              {text('group', { list: 'letter-groups', autoComplete: 'off' })}
              <datalist id="letter-groups">
                {data.groups.map((g) => (
                  <option key={g.id} value={g.id}>
                    {groupLabel(g.id, lang)}
                  </option>
                ))}
              </datalist>
            </>,
          )}
          {field(
            'kind',
            <select
              value={form.kind}
              data-testid="letter-kind"
              onChange={(event) => set({ kind: event.target.value as MeetingKind })}
            >
              {MEETING_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </select>,
          )}
          {field('title', text('title'), true)}
          {field('start', input('start', 'date'))}
          {field('end', input('end', 'date'))}
          {field('dailyStart', input('dailyStart', 'time'))}
          {field('dailyEnd', input('dailyEnd', 'time'))}
          {field('timeZone', text('timeZone', { autoComplete: 'off', spellCheck: false }), true)}
          {field(
            'format',
            <select
              value={form.format}
              data-testid="letter-format"
              onChange={(event) => set({ format: event.target.value as LetterForm['format'] })}
            >
              {MEETING_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {t(`formats.${f}`)}
                </option>
              ))}
            </select>,
          )}
          {form.format !== 'virtual' && field('place', text('place'))}
          {field('collectiveLetter', text('collectiveLetter'), true)}
        </div>
        {form.kind !== 'personal' && (
          <DeadlineFields
            values={form.deadlines}
            errors={errors}
            onChange={(kind, date) => set({ deadlines: { ...form.deadlines, [kind]: date } })}
          />
        )}
        <LetterFormActions problem={problem} back={back} isSaving={isSaving} />
      </form>
    </>
  );
}
