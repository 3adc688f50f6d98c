// SIGTERM, SIGHUP and SIGINT end irbook cleanly wherever they arrive: a prompt has put the terminal
// in raw mode with the cursor hidden, and dying of the signal would leave it so (`-icanon -echo`).
// Exiting instead runs the exit hooks, which release incident locks and remove temp files.
const CODES = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

export function exitCleanlyOnSignals(): void {
  for (const [sig, code] of Object.entries(CODES)) {
    process.once(sig, () => {
      const stdin = process.stdin;
      if (stdin.isTTY && stdin.isRaw) stdin.setRawMode(false);
      // Show the cursor again and end the prompt's line.
      if (process.stdout.isTTY) process.stdout.write('\x1b[?25h\n');
      process.exit(code);
    });
  }
}
