/**
 * Replaces a file so that a crash at any instant leaves either the old content or the new one,
 * never a mix: write a temp file beside it, fsync it, rename it over the target (atomic on one
 * filesystem), then fsync the directory so the rename itself survives a power cut.
 */
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The file-system calls used, so tests can make one of them fail at a chosen step. */
export type AtomicFs = Pick<typeof nodeFs, 'open' | 'rename' | 'unlink' | 'mkdir' | 'readdir'>;

const TEMP_SUFFIX = '.tmp';

/** The temp name for `target`: hidden, beside it, unique per write. */
function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
}

export async function writeFileAtomic(target: string, data: string, fs: AtomicFs = nodeFs): Promise<void> {
  const directory = dirname(target);
  await fs.mkdir(directory, { recursive: true });
  const temp = tempPathFor(target);
  const handle = await fs.open(temp, 'wx', 0o600);
  try {
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
  } catch (error) {
    await fs.unlink(temp).catch(() => {});
    throw error;
  }
  await syncDirectory(directory, fs);
}

/** Makes the rename durable. Windows cannot open a directory for syncing; NTFS journals renames. */
async function syncDirectory(directory: string, fs: AtomicFs): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Removes temp files a crash left behind for `target` (they never replaced it, so they hold nothing of value). */
export async function removeStaleTempFiles(target: string, fs: AtomicFs = nodeFs): Promise<number> {
  const prefix = `.${basename(target)}.`;
  let names: string[];
  try {
    names = await fs.readdir(dirname(target));
  } catch {
    return 0;
  }
  const stale = names.filter((name) => name.startsWith(prefix) && name.endsWith(TEMP_SUFFIX));
  await Promise.all(stale.map((name) => fs.unlink(join(dirname(target), name)).catch(() => {})));
  return stale.length;
}
