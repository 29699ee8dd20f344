/**
 * One label per column that tells columns apart: a target that appears more
 * than once (a duplicated column to measure variance) gets "#2", "#3"... from
 * its second appearance, so tables, charts and the send-to list never show
 * two identical names.
 */
export function distinctLabels(names: string[]): string[] {
  const total = new Map<string, number>();
  for (const name of names) total.set(name, (total.get(name) ?? 0) + 1);
  const seen = new Map<string, number>();
  return names.map((name) => {
    const nth = (seen.get(name) ?? 0) + 1;
    seen.set(name, nth);
    return total.get(name)! > 1 ? `${name} #${nth}` : name;
  });
}
