import { useTranslation } from 'react-i18next';
import { DEADLINE_KINDS, type DeadlineKind } from '../../db/records';
import type { LetterFormErrors } from './model/letterForm';

/** The deadlines a collective letter prints, one date field each; empty when the letter has none. */
export function DeadlineFields({
  values,
  errors,
  onChange,
}: {
  values: Record<DeadlineKind, string>;
  errors: LetterFormErrors;
  onChange: (kind: DeadlineKind, date: string) => void;
}) {
  const { t } = useTranslation('meetings');
  return (
    <fieldset className="letter-deadlines">
      <legend>{t('letter.deadlinesHeading')}</legend>
      <p className="hint">{t('letter.deadlinesHint')}</p>
      <div className="letter-grid">
        {DEADLINE_KINDS.map((kind) => {
          const error = errors[`deadline-${kind}`];
          return (
            <label className="letter-field" key={kind}>
              <span>{t(`deadlines.kinds.${kind}`)}</span>
              <input
                type="date"
                value={values[kind]}
                data-testid={`letter-deadline-${kind}`}
                aria-invalid={error ? true : undefined}
                onChange={(event) => onChange(kind, event.target.value)}
              />
              {error && <span className="field-error">{t(`letter.errors.${error}`)}</span>}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
