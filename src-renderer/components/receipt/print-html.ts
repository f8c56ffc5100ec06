/**
 * Print a whole HTML page (the receipt as `print.preview` draws it) with the browser's own print, from
 * a hidden iframe, so the app's page and its print stylesheet stay out of it. Used where the main
 * process cannot reach the printer itself: the system printer when the till runs in a browser.
 */
let lastFrame: HTMLIFrameElement | null = null;

export function printHtml(html: string): Promise<void> {
  // Chromium may still be reading the previous frame for its print preview until `afterprint`; by the
  // next print it is done with it.
  lastFrame?.remove();
  const frame = document.createElement('iframe');
  frame.className = 'print-frame';
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  lastFrame = frame;
  return new Promise((resolve, reject) => {
    frame.addEventListener(
      'load',
      () => {
        const view = frame.contentWindow;
        if (!view) {
          reject(new Error('the print frame has no window'));
          return;
        }
        view.addEventListener(
          'afterprint',
          () => {
            frame.remove();
            if (lastFrame === frame) lastFrame = null;
          },
          { once: true },
        );
        // No view.focus(): the focus stays where the cashier is (on a done screen, "next sale").
        view.print();
        resolve();
      },
      { once: true },
    );
    frame.srcdoc = html;
    document.body.append(frame);
  });
}
