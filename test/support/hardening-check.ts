/**
 * Runs a fast-check property and, when it fails, throws one short error: the property's own
 * message and the shrunk counterexample cut to a readable length (a counterexample may hold
 * a 200 000-character string), with the seed and path to replay it.
 */
import fc from 'fast-check';

const cut = (text: string, max = 1200) => (text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text);

function describe(value: unknown): string {
  try {
    return cut(
      JSON.stringify(value, (_key, v: unknown) =>
        typeof v === 'string' && v.length > 200 ? `${v.slice(0, 60)}…[${v.length}]` : typeof v === 'bigint' ? `${v}n` : v,
      ) ?? String(value),
    );
  } catch {
    return cut(fc.stringify(value));
  }
}

export async function check<T>(property: fc.IProperty<T> | fc.IAsyncProperty<T>, parameters: fc.Parameters<T>): Promise<number> {
  const details = await fc.check(property as fc.IAsyncProperty<T>, parameters);
  if (details.failed) {
    const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(
      `${cut(error, 2000)}\ncounterexample: ${describe(details.counterexample)}\nreplay: { seed: ${details.seed}, path: "${details.counterexamplePath}" }`,
    );
  }
  return details.numRuns;
}
