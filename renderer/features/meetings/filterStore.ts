import { create } from 'zustand';
import type { AgendaFilter } from './model/agenda';

/** The agenda's filters and the month on show: screen state, not stored. */
export const useMeetingFilters = create<AgendaFilter & { month: string }>(() => ({
  group: null,
  kind: null,
  query: '',
  month: new Date().toISOString().slice(0, 7),
}));
