/**
 * One process owns a data file. Electron adds its own single-instance lock for the window, but the
 * loopback server and scripts need the same guarantee, so the lock is a file beside the data:
 * created exclusively, holding the owner's pid; a lock whose process is gone is taken over.
 */
import fs from 'node:fs';
import path from 'node:path';

export class InstanceLockedError extends Error {
  readonly pid: number;
  constructor(file: string, pid: number) {
    super(`${file} is in use by process ${pid}; close the other Regulars window first`);
    this.name = 'InstanceLockedError';
    this.pid = pid;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Take the lock for `dataFile`; returns the function that releases it. */
export function acquireInstanceLock(dataFile: string): () => void {
  const lockFile = path.join(path.dirname(dataFile), `${path.basename(dataFile)}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.rmSync(lockFile);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(fs.readFileSync(lockFile, 'utf8'));
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) throw new InstanceLockedError(dataFile, pid);
      fs.rmSync(lockFile, { force: true }); // stale: its process is gone (crash, power cut)
    }
  }
  throw new Error(`could not lock ${dataFile}`);
}
