import { z } from 'zod';

/**
 * The hub's answers to `POST /v1/certificates`, as the app reads them (docs/certificates.md). The
 * hub builds them (server/src/certificates/), the app checks them: nothing from the network is
 * taken on trust, and the code is verified against the known keys before it is stored.
 */
export const IGNORED_REASONS = [
  'unknown-module',
  'foreign-question',
  'repeated-question',
  'too-few-questions',
] as const;
export type IgnoredReason = (typeof IGNORED_REASONS)[number];

const basisPoints = z.number().int().min(0).max(10_000);

/** The hub's own figures, in basis points, so the app can show where its grading differs. */
export const hubStandingSchema = z.object({
  courseId: z.string(),
  contentVersion: z.string(),
  overallScore: basisPoints,
  threshold: basisPoints,
  attemptedModules: z.number().int().min(0),
  totalModules: z.number().int().min(0),
  modules: z.array(z.object({ moduleId: z.string(), best: basisPoints.nullable(), attempts: z.number().int().min(0) })),
  /** Module attempts the hub did not count, and why. */
  ignoredAttempts: z.array(z.object({ attemptId: z.string(), reason: z.enum(IGNORED_REASONS) })),
  isEarned: z.boolean(),
});
export type HubStanding = z.infer<typeof hubStandingSchema>;

/** 200 or 201: the signed code; its payload is read from the code itself, once verified. */
export const issuedAnswerSchema = z.object({ code: z.string().max(2048) });

/** 422: the rule is not met by the attempts the hub holds, graded by its own key. */
export const ruleNotMetAnswerSchema = z.object({ error: z.literal('rule-not-met'), standing: hubStandingSchema });
