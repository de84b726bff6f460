// web-ext ships no types. This declares the one call Cairn makes: `web-ext lint` as a function
// (web-ext/lib/cmd/lint.js), which resolves to addons-linter's report.
declare module 'web-ext' {
  export interface LintMessage {
    code: string;
    message: string;
    description?: string | string[];
    file?: string;
    line?: number;
    column?: number;
  }

  export interface LintReport {
    count: number;
    summary: { errors: number; warnings: number; notices: number };
    errors: LintMessage[];
    warnings: LintMessage[];
    notices: LintMessage[];
  }

  export const cmd: {
    lint(
      params: { sourceDir: string; output?: 'json' | 'text' | 'none'; selfHosted?: boolean },
      options?: { shouldExitProgram?: boolean },
    ): Promise<LintReport>;
  };
}
