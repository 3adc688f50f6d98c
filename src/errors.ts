// Errors carry their exit code and a message code (rendered in the UI language); only cli/main exits.
export const EXIT = { ok: 0, internal: 1, usage: 2, invalid: 3, storage: 4, verify: 5, cancelled: 130 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class UserError extends Error {
  constructor(
    readonly exit: ExitCode,
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly hint?: { code: string; params?: Record<string, string | number> },
  ) {
    super(code);
    this.name = 'UserError';
  }
}
