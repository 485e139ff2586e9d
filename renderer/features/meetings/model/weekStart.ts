/** 1 = Monday … 7 = Sunday, as Intl's weekInfo numbers the days. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

interface WeekInfoLocale {
  getWeekInfo?: () => { firstDay: number };
  weekInfo?: { firstDay: number };
}

function firstDayOf(tag: string): IsoWeekday | null {
  try {
    const locale = new Intl.Locale(tag) as Intl.Locale & WeekInfoLocale;
    // getWeekInfo() is the standard's name; older engines (Chromium before 130, Node 20) have a getter.
    const day = (locale.getWeekInfo?.() ?? locale.weekInfo)?.firstDay;
    return day !== undefined && day >= 1 && day <= 7 ? (day as IsoWeekday) : null;
  } catch {
    return null;
  }
}

/**
 * The first day of the week for a language, in the delegate's region where the system's own
 * locales name one for that language (en-GB: Monday, en-US: Sunday), else the language's CLDR
 * default (ar: Saturday). Where Intl has no weekInfo, Monday: ISO 8601 and the usage of ITU
 * calendars.
 */
export function firstDayOfWeek(intlLocale: string, systemLocales: readonly string[]): IsoWeekday {
  const language = intlLocale.split('-')[0]!.toLowerCase();
  const regional = systemLocales.find((tag) => tag.split('-')[0]!.toLowerCase() === language);
  return (regional && firstDayOf(regional)) || firstDayOf(intlLocale) || 1;
}
