// Alternatives in a conversation: regenerating an answer or editing a message
// keeps what was there as a sibling, and you can flip between them. The
// visible conversation is one path; each point where it forked remembers
// every tail that ever followed it (keyed by the message before the fork), so
// switching back restores that tail with everything that came after it.

type Identified = { id: string };

type Fork<M> = { tails: M[][]; active: number };
export type Branches<M> = Record<string, Fork<M>>;

/** The fork point of position `index`: the message before it, or the start. */
function forkKey<M extends Identified>(messages: M[], index: number): string {
  return index === 0 ? "(start)" : (messages[index - 1]?.id ?? "(start)");
}

/** Before a message at `index` is replaced (regenerate, edit): keep the current tail and open a new slot for what comes. */
export function openAlternative<M extends Identified>(branches: Branches<M>, messages: M[], index: number): Branches<M> {
  const key = forkKey(messages, index);
  const fork = branches[key] ?? { tails: [[]], active: 0 };
  const tails = fork.tails.map((t, i) => (i === fork.active ? messages.slice(index) : t));
  return { ...branches, [key]: { tails: [...tails, []], active: tails.length } };
}

/** Shows alternative `to` at `index`; the tail being left is kept as it is now. */
export function switchAlternative<M extends Identified>(branches: Branches<M>, messages: M[], index: number, to: number): { branches: Branches<M>; messages: M[] } {
  const key = forkKey(messages, index);
  const fork = branches[key];
  if (!fork || to < 0 || to >= fork.tails.length || to === fork.active) return { branches, messages };
  const tails = fork.tails.map((t, i) => (i === fork.active ? messages.slice(index) : t));
  return { branches: { ...branches, [key]: { tails, active: to } }, messages: [...messages.slice(0, index), ...tails[to]!] };
}

/** "2 of 3" at `index`, or null where nothing forked. */
export function alternativesAt<M extends Identified>(branches: Branches<M>, messages: M[], index: number): { current: number; count: number } | null {
  const fork = branches[forkKey(messages, index)];
  return fork && fork.tails.length > 1 ? { current: fork.active, count: fork.tails.length } : null;
}

/** Removes the turn a user message opens: it and the answers up to the next user message. */
export function deleteTurn<M extends Identified & { role: string }>(messages: M[], index: number): M[] {
  let end = index + 1;
  while (end < messages.length && messages[end]!.role !== "user") end++;
  return [...messages.slice(0, index), ...messages.slice(end)];
}
