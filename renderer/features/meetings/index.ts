/** What other features may use of the meetings feature; everything else is its own. */
export { formatCalendarDate, formatDaysFrom, formatRange, localTimeZone, todayIn } from './formatMeetings';
export { belongsToGroup, deadlinesOf, normalizeForSearch } from './model/agenda';
export { daysBetween, type CalendarDate } from './model/calendarDate';
export { meetingTitle } from './model/titles';
export { useMeetings } from './useMeetings';
