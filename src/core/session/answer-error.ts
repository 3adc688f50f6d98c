// An answer that cannot be used (an answers file without it, a wrong type, an override without a
// reason): the run stops naming the step; the command turns it into a usage error.
export class AnswerError extends Error {
  constructor(readonly step: string, readonly code: string, readonly params: Record<string, string | number> = {}) {
    super(`${step}: ${code}`);
    this.name = 'AnswerError';
  }
}

/** Thrown by a prompter when the responder puts the step off (or hands it to `owner`). */
export class StepDeferred extends Error {
  constructor(readonly reason: string, readonly owner?: string, readonly until?: string) {
    super('step deferred');
    this.name = 'StepDeferred';
  }
}

/** Thrown by a prompter when the responder takes up another step first (the incident menu). */
export class TakeUp extends Error {
  constructor(readonly step: string) {
    super(`take up ${step}`);
    this.name = 'TakeUp';
  }
}
