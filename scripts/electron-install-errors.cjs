// Loaded with `node --require` in front of Electron's installer (node_modules/electron/install.js)
// by scripts/electron-binary.mjs. The installer prints a failure as `console.error(err.stack)`
// and exits 1: a stack trace is not what a person running `npm start` can act on. Here the first
// line of whatever it reports goes to fd 3, which the parent reads, and nothing reaches the terminal;
// its progress bar (written to stderr directly) is untouched.
const { writeSync } = require('node:fs');

/** @param {...unknown} parts */
console.error = (...parts) => {
  const first = parts[0] instanceof Error ? parts[0].message : String(parts[0] ?? '');
  try {
    writeSync(3, `${first.split('\n')[0]}\n`);
  } catch {
    // No fd 3: run by hand. The message still must not vanish.
    process.stderr.write(`${first}\n`);
  }
};
