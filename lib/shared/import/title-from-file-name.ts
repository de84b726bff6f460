import { cleanField } from './clean-field.ts';

/**
 * The title an imported file gets when its content names none: the file's name without folders
 * and without its extension (`notes/2024/Harbour report.md` → "Harbour report"). A blank name
 * gives "Untitled".
 */
export function titleFromFileName(name: string): string {
  const base = name.split(/[\\/]/).at(-1) ?? '';
  const dot = base.lastIndexOf('.');
  return cleanField(dot > 0 ? base.slice(0, dot) : base) ?? 'Untitled';
}
