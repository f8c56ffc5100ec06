/** What the member list showed, so coming back from a member page finds the same search. */
import { create } from 'zustand';

interface MemberListState {
  query: string;
  setQuery: (query: string) => void;
}

export const useMemberList = create<MemberListState>()((set) => ({
  query: '',
  setQuery: (query) => set({ query }),
}));
