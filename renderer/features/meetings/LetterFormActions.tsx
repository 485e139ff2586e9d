import { useTranslation } from 'react-i18next';

export type LetterFormProblem = 'invalid' | 'not-saved' | null;

/** The end of both letter forms: why the last save failed, then Save and Cancel. */
export function LetterFormActions({
  problem,
  back,
  isSaving = false,
}: {
  problem: LetterFormProblem;
  back: string;
  isSaving?: boolean;
}) {
  const { t } = useTranslation('meetings');
  return (
    <>
      {problem && (
        <p className="field-error" role="alert" data-testid="letter-problem">
          {problem === 'invalid' ? t('letter.invalid') : t('letter.notSaved')}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={isSaving} data-testid="letter-save">
          {t('letter.save')}
        </button>
        <a className="button" href={back}>
          {t('letter.cancel')}
        </a>
      </div>
    </>
  );
}
