/** How many questions a module quiz and the practice assessment draw, and its time limit. */
export const MODULE_QUIZ_SIZE = 10;
export const PRACTICE_SIZE = 20;
export const PRACTICE_MINUTES = 30;
