/**
 * The system's folder chooser, for where backups go (Back office → Backups). Only the desktop shell has
 * one; under `npm run serve` the owner types the path.
 */
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';

export function electronFolderPicker(window: () => BrowserWindow | undefined): () => Promise<string | null> {
  return async () => {
    const options: OpenDialogOptions = { properties: ['openDirectory', 'createDirectory', 'promptToCreate'] };
    const parent = window();
    // Modal on the till's window, so the choice comes back to the screen that asked.
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
