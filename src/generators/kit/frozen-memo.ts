/**
 * Answers about one part of the model kept for as long as that part lives. A watch workspace
 * hands generators the declarations an edit did not reach as the very objects of the last build,
 * deep-frozen (analyzer/incremental/read-cache.ts), so a check that reads nothing but one such
 * object (a declaration's type tree, references not followed) gives the same answer for it in
 * every build: identity is a safe key. A part that is not frozen (just analysed, or built by a
 * test or a plugin) may still change, so its answer is computed every time.
 */

/**
 * `compute` remembered per frozen key, in a WeakMap (forgotten with the key). The answer is
 * frozen when it is an object (arrays included), so no caller can change what the next one gets.
 * `compute` must read nothing but its key and the objects inside it.
 */
export function perFrozenPart<K extends object, T>(compute: (part: K) => T): (part: K) => T {
  const answers = new WeakMap<K, T>();
  return (part) => {
    if (!Object.isFrozen(part)) return compute(part);
    if (answers.has(part)) return answers.get(part) as T;
    const answer = compute(part);
    if (typeof answer === 'object' && answer !== null) Object.freeze(answer);
    answers.set(part, answer);
    return answer;
  };
}
