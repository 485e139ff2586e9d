import { useId, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionRecord } from '../../../db/records';
import { InlineText } from '../../../ui/InlineText';
import { choicesInOrder } from '../model/choiceOrder';
import { answerVerdict, choiceVerdict } from '../model/scoring';
import { AnswerVerdictText, ChoiceMark } from './ChoiceMark';

interface Props {
  question: QuestionRecord;
  /** The order of the choices stored with the attempt. */
  order: readonly string[] | undefined;
  headingRef: RefObject<HTMLHeadingElement | null>;
  selected: readonly string[];
  onChange(selected: string[]): void;
  disabled: boolean;
  /** Once answered in a module quiz: each choice marked right, wrong or missed, and why. */
  showsFeedback: boolean;
}

/**
 * A question as native radio buttons or checkboxes (fully usable by keyboard), its choices in
 * the attempt's order. The buttons that move on belong to the quiz around it.
 */
export function QuestionView({ question, order, headingRef, selected, onChange, disabled, showsFeedback }: Props) {
  const { t } = useTranslation('course');
  const name = useId();
  const isMultiple = question.type === 'multiple';
  const verdict = answerVerdict(selected, question.correctChoiceIds);

  function toggle(choiceId: string, isChecked: boolean) {
    onChange(
      isMultiple ? (isChecked ? [...selected, choiceId] : selected.filter((id) => id !== choiceId)) : [choiceId],
    );
  }

  return (
    <>
      <fieldset disabled={disabled} data-question-id={question.id}>
        <legend>
          <h2 ref={headingRef} tabIndex={-1} className="question-prompt">
            <InlineText text={question.prompt} />
          </h2>
          {isMultiple && (
            <span className="hint" data-testid="choose-all">
              {t('quiz.chooseAll')}
            </span>
          )}
        </legend>
        <ul className="choices">
          {choicesInOrder(question.choices, order).map((choice) => {
            const choiceState = showsFeedback ? choiceVerdict(choice.id, selected, question.correctChoiceIds) : null;
            return (
              <li key={choice.id} className={`choice ${choiceState ? `is-${choiceState}` : ''}`}>
                <label>
                  <input
                    type={isMultiple ? 'checkbox' : 'radio'}
                    name={name}
                    value={choice.id}
                    checked={selected.includes(choice.id)}
                    onChange={(event) => toggle(choice.id, event.target.checked)}
                  />
                  <span>
                    <InlineText text={choice.text} />
                  </span>
                </label>
                {choiceState && <ChoiceMark verdict={choiceState} />}
              </li>
            );
          })}
        </ul>
      </fieldset>
      {showsFeedback && (
        <div className={`feedback is-${verdict}`} role="status">
          <p className="verdict">
            <AnswerVerdictText verdict={verdict} />
          </p>
          <p>
            <InlineText text={question.explanation} />
          </p>
        </div>
      )}
    </>
  );
}
