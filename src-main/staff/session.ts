/**
 * The till's session: who is signed in at this till now. It lives in the main process, one per running
 * app (Electron's window or the loopback bridge's page), so a reload of the page keeps it and nothing
 * the page holds can claim to be someone else. Dispatch checks every call against it.
 */
export class TillSession {
  staffId: string | null = null;
  since: string | null = null;

  signIn(staffId: string, at: string): void {
    this.staffId = staffId;
    this.since = at;
  }

  signOut(): void {
    this.staffId = null;
    this.since = null;
  }
}
