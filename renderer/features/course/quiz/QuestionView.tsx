import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionRecord } from '../../../db/records';
import { InlineText } from '../../../ui/InlineText';

interface Props {
  question: QuestionRecord;
  headingRef: RefObject<HTMLHeadingElement | null>;
  /** The stored answer while its feedback is shown; undefined while the question is open. */
  answered: string[] | undefined;
  isCorrect: boolean;
  isSaving: boolean;
  isLast: boolean;
  showsFeedback: boolean;
  onSubmit(choiceIds: string[]): void;
  onNext(): void;
}

/** A question as a form of native radio buttons or checkboxes: fully usable by keyboard. */
export function QuestionView({
  question,
  headingRef,
  answered,
  isCorrect,
  isSaving,
  isLast,
  showsFeedback,
  onSubmit,
  onNext,
}: Props) {
  const { t } = useTranslation('course');
  const [selected, setSelected] = useState<string[]>([]);
  const name = useId();
  const isMultiple = question.type === 'multiple';
  const isReviewing = answered !== undefined;
  const chosen = answered ?? selected;
  const submitRef = useRef<HTMLButtonElement>(null);

  // Once answered, the choices are disabled: focus goes to "Next", just after the explanation.
  useEffect(() => {
    if (isReviewing) submitRef.current?.focus();
  }, [isReviewing]);

  function toggle(choiceId: string, isChecked: boolean) {
    setSelected((current) =>
      isMultiple ? (isChecked ? [...current, choiceId] : current.filter((id) => id !== choiceId)) : [choiceId],
    );
  }

  return (
    <form
      className="question"
      data-question-id={question.id}
      onSubmit={(event) => {
        event.preventDefault();
        if (isReviewing) onNext();
        else if (selected.length > 0) onSubmit(selected);
      }}
    >
      <fieldset disabled={isReviewing || isSaving}>
        <legend>
          <h2 ref={headingRef} tabIndex={-1} className="question-prompt">
            <InlineText text={question.prompt} />
          </h2>
          {isMultiple && <span className="hint">{t('quiz.chooseAll')}</span>}
        </legend>
        <ul className="choices">
          {question.choices.map((choice) => {
            const isChosen = chosen.includes(choice.id);
            const isRight = question.correctChoiceIds.includes(choice.id);
            const state = isReviewing && showsFeedback ? (isRight ? 'is-right' : isChosen ? 'is-wrong' : '') : '';
            return (
              <li key={choice.id} className={`choice ${state}`}>
                <label>
                  <input
                    type={isMultiple ? 'checkbox' : 'radio'}
                    name={name}
                    value={choice.id}
                    checked={isChosen}
                    onChange={(event) => toggle(choice.id, event.target.checked)}
                  />
                  <span>
                    <InlineText text={choice.text} />
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      {isReviewing && showsFeedback && (
        <div className={`feedback ${isCorrect ? 'is-right' : 'is-wrong'}`} role="status">
          <p className="verdict">{isCorrect ? t('quiz.correct') : t('quiz.incorrect')}</p>
          <p>
            <InlineText text={question.explanation} />
          </p>
        </div>
      )}
      <button ref={submitRef} type="submit" className="button primary" disabled={!isReviewing && selected.length === 0}>
        {isReviewing ? (isLast ? t('quiz.finishReview') : t('quiz.next')) : t('quiz.check')}
      </button>
    </form>
  );
}
