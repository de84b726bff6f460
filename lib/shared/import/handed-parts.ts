import type { ParsedArticle } from '../../protocol.ts';

/** The articles a reader hands over while it reads a file, kept until the import takes them. */
export interface HandedParts {
  push(articles: ParsedArticle[]): void;
  /** The parts handed over so far, then each as it comes, until the read `ended`. */
  until(ended: Promise<unknown>): AsyncGenerator<ParsedArticle[]>;
}

export function handedParts(): HandedParts {
  const parts: ParsedArticle[][] = [];
  let wake: () => void = () => undefined;
  return {
    push(articles) {
      parts.push(articles);
      wake();
    },
    async *until(ended) {
      let over = false;
      const end = () => {
        over = true;
        wake();
      };
      void ended.then(end, end);
      for (;;) {
        const next = parts.shift();
        if (next) yield next;
        else if (over) return;
        else await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}
