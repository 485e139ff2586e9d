import ICAL from 'ical.js';

/** Thrown when expanding a recurrence (of an event or of a time zone) goes past its bounds. */
export class ExpansionLimitError extends Error {
  constructor(what: string) {
    super(`expansion limit reached: ${what}`);
  }
}

interface Budget {
  what: string;
  steps: number;
  maxSteps: number;
  deadline: number;
}

const active: Budget[] = [];

// ical.js's recurrence iterator has no bound of its own: a VTIMEZONE whose rule is FREQ=SECONDLY
// from 1601 makes it step through billions of seconds inside one call. Every step of its loop
// checks the "contracting" BY- rules, so counting those calls bounds every expansion (ours and
// the time-zone expansion ical.js does internally) in steps and in time.
const checkContractingRules = ICAL.RecurIterator.prototype.check_contracting_rules;
ICAL.RecurIterator.prototype.check_contracting_rules = function boundedCheck(this: ICAL.RecurIterator) {
  for (const budget of active) {
    budget.steps++;
    if (budget.steps > budget.maxSteps) throw new ExpansionLimitError(`${budget.what}: ${budget.maxSteps} steps`);
    if ((budget.steps & 0x3ff) === 0 && Date.now() > budget.deadline) {
      throw new ExpansionLimitError(`${budget.what}: time`);
    }
  }
  return checkContractingRules.call(this);
};

/**
 * Runs `work` with a bound on recurrence steps and on time; budgets nest (an event's expansion
 * inside the whole file's), and every active one is charged.
 */
export function withExpansionBudget<T>(what: string, maxSteps: number, maxMs: number, work: () => T): T {
  const budget: Budget = { what, steps: 0, maxSteps, deadline: Date.now() + maxMs };
  active.push(budget);
  try {
    return work();
  } finally {
    active.splice(active.indexOf(budget), 1);
  }
}
