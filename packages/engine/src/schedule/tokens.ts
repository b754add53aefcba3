import { ScheduleError } from "./errors.ts";

export interface NumberToken {
  value: number;
  line: number;
  column: number;
}

/**
 * Splits a text file into integer tokens, remembering 1-based line/column for error messages.
 * Lines starting with `#` are comments (some instance collections add a header that way).
 */
export function integerTokens(text: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  const lines = text.split(/\r?\n/);
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    if (line.trimStart().startsWith("#")) continue;
    const re = /\S+/g;
    for (let match = re.exec(line); match !== null; match = re.exec(line)) {
      const word = match[0];
      const position = { line: li + 1, column: match.index + 1 };
      // Some files write integral values as "5.0"; accept them, reject anything fractional.
      if (!/^-?\d+(\.0+)?$/.test(word)) {
        throw new ScheduleError("PARSE_ERROR", `expected an integer, found "${word}"`, position);
      }
      tokens.push({ value: Number.parseInt(word, 10), ...position });
    }
  }
  return tokens;
}

/** Sequential reader over tokens with uniform "what was expected" errors. */
export class TokenReader {
  private index = 0;

  constructor(
    private readonly tokens: NumberToken[],
    private readonly lastLine: number,
  ) {}

  next(what: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
    const token = this.tokens[this.index++];
    if (!token) {
      throw new ScheduleError("PARSE_ERROR", `unexpected end of file: expected ${what}`, {
        line: this.lastLine,
        column: 1,
      });
    }
    if (token.value < min || token.value > max) {
      throw new ScheduleError(
        "PARSE_ERROR",
        `${what} must be between ${min} and ${max}, found ${token.value}`,
        token,
      );
    }
    return token.value;
  }

  /** Extra tokens after a complete instance are an error: they usually mean a wrong n or m. */
  expectEnd(): void {
    const token = this.tokens[this.index];
    if (token) {
      throw new ScheduleError(
        "PARSE_ERROR",
        `unexpected extra value ${token.value} after the last job`,
        token,
      );
    }
  }
}

export function readerFor(text: string): TokenReader {
  return new TokenReader(integerTokens(text), text.split(/\r?\n/).length);
}
