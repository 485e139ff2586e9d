/** What other features may use of the course feature; everything else is its own. */
export { CERTIFICATE_THRESHOLD } from './model/scoring';
export { useCourseStanding } from './useCourse';
