/** Performance mark set when the shell first renders; read by `npm run bench`. */
export const INTERACTIVE_MARK = 'gapbridge:interactive';
