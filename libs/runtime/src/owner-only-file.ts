import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Makes a database file readable and writable by the service's user alone (0600) before SQLite opens it:
 * created empty with that mode when missing, its mode set when it exists (an older install, a restored
 * copy). SQLite gives the -wal and -shm files it creates the mode of the database file, so they follow;
 * any already there are set too. Used for every file that holds password hashes, ballots or events.
 */
export function ownerOnlyDatabaseFile(path: string): string {
  mkdirSync(dirname(path), { recursive: true });
  closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) {
    try {
      chmodSync(file, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return path;
}
