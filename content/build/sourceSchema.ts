import { z } from 'zod';

/** One module as written in content/course/<lang>/m<N>.yaml (see content/README.md). */
const text = z.string().trim().min(1);

/**
 * `fixedLast: true` keeps a choice last when the choices are shuffled for an attempt: for an
 * "All of the above" or "None of the above" choice, which reads wrongly anywhere else.
 */
const choice = z.strictObject({ id: z.string().min(1), text, fixedLast: z.literal(true).optional() });

export const questionSource = z
  .strictObject({
    id: z.string().regex(/^m\d-q\d{2}$/),
    lesson: z.string().regex(/^m\d-l\d$/),
    // Module facts (M1-01) or the fact sheet's N-series (N-05).
    fact: z.string().regex(/^(M\d|N)-\d{2}$/),
    type: z.enum(['single', 'multiple', 'true-false']),
    prompt: text,
    choices: z.array(choice).min(2).max(5),
    correct: z.array(z.string()).min(1),
    explanation: text,
  })
  .superRefine((question, context) => {
    const ids = question.choices.map((c) => c.id);
    if (new Set(ids).size !== ids.length) context.addIssue({ code: 'custom', message: 'choice ids repeat' });
    for (const id of question.correct) {
      if (!ids.includes(id)) context.addIssue({ code: 'custom', message: `correct choice ${id} is not a choice` });
    }
    if (question.type !== 'multiple' && question.correct.length !== 1) {
      context.addIssue({ code: 'custom', message: `a ${question.type} question has exactly one correct choice` });
    }
    if (question.type === 'true-false' && ids.join() !== 'true,false') {
      context.addIssue({ code: 'custom', message: 'true-false choices are "true" then "false"' });
    }
    if (question.type !== 'true-false' && (ids.length < 3 || ids.length > 5)) {
      context.addIssue({ code: 'custom', message: 'single and multiple questions have 3 to 5 choices' });
    }
  });

export const moduleSource = z.strictObject({
  id: z.string().regex(/^m\d$/),
  order: z.number().int().min(1),
  title: text,
  summary: text,
  lessons: z
    .array(
      z.strictObject({
        id: z.string().regex(/^m\d-l\d$/),
        title: text,
        sources: z.array(text).min(1),
        body: text,
      }),
    )
    .min(4),
  questions: z.array(questionSource).min(15),
});

export type ModuleSource = z.infer<typeof moduleSource>;
