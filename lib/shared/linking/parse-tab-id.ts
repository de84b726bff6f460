/** The tab id in `?tabId=`, or null unless it is a whole number (tab ids start at 0 in Firefox). */
export function parseTabId(value: string | null): number | null {
  if (value === null || !/^(0|[1-9]\d*)$/.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : null;
}
