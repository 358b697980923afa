/**
 * One-line content errors that name the file and the field, so a volunteer editor (or the
 * developer helping them) can find and fix the problem without reading a stack trace.
 */

/** An error in a content file, reported as one line. */
export class ContentError extends Error {
  constructor(file: string, field: string | undefined, problem: string) {
    const where = field ? `field "${field}" ${problem}` : problem;
    super(`Content error in ${displayPath(file)}: ${where}`);
    this.name = 'ContentError';
    // One clear line matters more than a stack trace here.
    this.stack = this.message;
  }

  /** The error as another process wrote it (the content gate's, src/content/gate-process.ts): its one line, unchanged. */
  static fromLine(line: string): ContentError {
    const error = new ContentError('', undefined, '');
    error.message = line;
    error.stack = line;
    return error;
  }
}

/** Shows a path relative to the working folder when it is inside it. */
export function displayPath(file: string): string {
  const cwd = `${process.cwd().replace(/\\/g, '/')}/`;
  const path = file.replace(/\\/g, '/');
  return path.startsWith(cwd) ? path.slice(cwd.length) : file;
}

/** The parts of a Zod issue that the message needs. */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  input?: unknown;
  expected?: string;
  keys?: readonly string[];
}

/** Turns a schema issue into the field name and a plain-English problem. */
export function describeIssue(issue: IssueLike): { field: string; problem: string } {
  const field = issue.path.map(String).join('.') || '(frontmatter)';
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys ?? [];
    const name = keys.join('", "');
    return {
      field: [...issue.path.map(String), name].filter(Boolean).join('.'),
      problem: 'is not a known field (check the spelling, or remove it)',
    };
  }
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return { field, problem: 'is required' };
    if (issue.expected === 'int' && typeof issue.input === 'number')
      return { field, problem: 'must be a whole number' };
    const got = Array.isArray(issue.input) ? 'a list' : issue.input === null ? 'empty' : `a ${typeof issue.input}`;
    return { field, problem: `should be ${article(issue.expected ?? 'value')}, not ${got}` };
  }
  return { field, problem: issue.message };
}

function article(type: string): string {
  const words: Record<string, string> = {
    string: 'text',
    number: 'a number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a group of fields',
    date: 'a date',
  };
  return words[type] ?? `a ${type}`;
}
