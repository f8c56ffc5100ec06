/**
 * Guards for every web contents and session the app creates. Regulars shows one local page and talks
 * to the main process through one IPC channel; everything else a browser can do (navigate away, open
 * windows, ask for the camera, embed <webview>) is something the till never needs, so it is refused.
 * The point: even if a hostile string ever got rendered as markup (a member's name, a product note),
 * it could neither load remote code nor take the window somewhere that can reach the IPC channel.
 */
import { app, session, shell, type Session, type WebContents } from 'electron';

/**
 * The same policy the loopback bridge sends (src-main/bridge/server.ts): only our own files run, and
 * the page may talk to nothing but itself. Inline styles are allowed because React sets style attributes.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'";

export interface SecurityOptions {
  /** True for our own page (dist/renderer/index.html): the only place the window may be. */
  isOwnPage: (url: string) => boolean;
}

/** Call once, before the app is ready, so that no web contents or session escapes the guards. */
export function installSecurityGuards(options: SecurityOptions): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, options));
  // Every session, not just the default one: a partition created later gets the same treatment.
  app.on('session-created', guardSession);
  void app.whenReady().then(() => guardSession(session.defaultSession));
}

/**
 * Open a link in the user's browser, but only a web link: shell.openExternal hands the URL to the OS,
 * which would just as happily run a file:, smb: or custom-scheme handler (a classic Electron RCE path).
 */
function openInBrowser(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return;
  shell.openExternal(parsed.href).catch((error: unknown) => console.error('[security] could not open a link in the browser:', error));
}

function guardWebContents(contents: WebContents, options: SecurityOptions): void {
  // The window must never leave our page: a remote page in this window would inherit the preload,
  // and with it window.regulars. Main-process loadFile does not emit this event; only the page's own
  // navigations (links, location changes) do. A web link the user clicked opens in their browser.
  contents.on('will-navigate', (event) => {
    if (options.isOwnPage(event.url)) return;
    event.preventDefault();
    openInBrowser(event.url);
  });
  // Subframes (an <iframe>) are held to the same rule; the main frame is handled above.
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame || options.isOwnPage(event.url)) return;
    event.preventDefault();
  });

  // No second windows: a new BrowserWindow would be one more renderer to secure. target="_blank" and
  // window.open() of a web link go to the user's browser instead; anything else is dropped.
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url);
    return { action: 'deny' };
  });

  // <webview> is off by default (webviewTag: false); refusing the attachment as well means a guest
  // page could never be created with preferences of its own choosing, e.g. nodeIntegration.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function guardSession(ses: Session): void {
  // Camera, microphone, geolocation, notifications, USB, serial, fullscreen…: the till uses none of
  // them, so every request is refused and every check answered "no", silently, without a prompt.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);

  // A Content-Security-Policy header on everything the session receives over HTTP(S), so any page
  // served that way (never the plan: still, e.g. a renderer dev server) is held to the same policy.
  // Our packaged page comes from file://, which carries no headers and never passes through
  // webRequest: there the same policy must be in a <meta http-equiv="Content-Security-Policy"> of
  // index.html. A policy the server sent is kept beside ours: every policy is enforced, so that only
  // makes the result stricter.
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[]> = {};
    const policies: string[] = [];
    for (const [name, values] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() === 'content-security-policy') policies.push(...values);
      else headers[name] = values;
    }
    headers['Content-Security-Policy'] = [...policies, CONTENT_SECURITY_POLICY];
    callback({ responseHeaders: headers });
  });
}
