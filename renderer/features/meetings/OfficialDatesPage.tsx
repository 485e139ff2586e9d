import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingRecord } from '../../db/records';
import { hashOf, navigate } from '../../state/view';
import { BackLink } from '../../ui/BackLink';
import { PageHeading } from '../../ui/PageHeading';
import { useLanguage } from '../../i18n/useLanguage';
import { DeadlineFields } from './DeadlineFields';
import { saveOfficialDates } from './letterActions';
import { letterFormOf, type LetterEntryForm, type LetterFormErrors } from './model/letterForm';
import { meetingTitle } from './model/titles';
import { LetterFormActions, type LetterFormProblem } from './LetterFormActions';

/**
 * #/meetings/letter/<id>: for a meeting the calendar ships, the letter's number and the
 * deadlines it prints. They become official, replace the estimates, and outlive calendar updates.
 */
export function OfficialDatesPage({ meeting }: { meeting: MeetingRecord }) {
  const { t } = useTranslation('meetings');
  const lang = useLanguage();
  const [form, setForm] = useState<LetterEntryForm>(() => {
    const { collectiveLetter, deadlines } = letterFormOf(meeting, lang);
    return { collectiveLetter, deadlines };
  });
  const [errors, setErrors] = useState<LetterFormErrors>({});
  const [problem, setProblem] = useState<LetterFormProblem>(null);
  const back = hashOf('meetings', ['meeting', meeting.id]);

  const save = async () => {
    const outcome = await saveOfficialDates(meeting.id, form);
    if (outcome.kind === 'saved') {
      navigate('meetings', 'meeting', meeting.id);
      return;
    }
    setErrors(outcome.kind === 'invalid' ? outcome.errors : {});
    setProblem(outcome.kind);
  };

  return (
    <>
      <BackLink href={back} label={t('meeting.back')} />
      <PageHeading title={t('letter.officialHeading')} intro={t('letter.officialIntro')} />
      <form
        className="card letter-form"
        data-testid="official-dates-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <h2>{meetingTitle(meeting, lang)}</h2>
        <label className="letter-field is-wide">
          <span>{t('letter.fields.collectiveLetter')}</span>
          <input
            dir="auto"
            value={form.collectiveLetter}
            data-testid="letter-collectiveLetter"
            aria-invalid={errors.collectiveLetter ? true : undefined}
            onChange={(event) => setForm({ ...form, collectiveLetter: event.target.value })}
          />
          {errors.collectiveLetter && (
            <span className="field-error">{t(`letter.errors.${errors.collectiveLetter}`)}</span>
          )}
        </label>
        <DeadlineFields
          values={form.deadlines}
          errors={errors}
          onChange={(kind, date) => setForm({ ...form, deadlines: { ...form.deadlines, [kind]: date } })}
        />
        <LetterFormActions problem={problem} back={back} />
      </form>
    </>
  );
}
