import { describe, expect, it } from "vitest";
import { alternativesAt, deleteTurn, openAlternative, switchAlternative, type Branches } from "./branches";

type M = { id: string; role: string };
const m = (id: string, role = id.startsWith("u") ? "user" : "assistant"): M => ({ id, role });

describe("conversation branches", () => {
  it("regenerating keeps the earlier answer as a sibling you can flip back to, with what followed it", () => {
    const first = [m("u1"), m("a1"), m("u2"), m("a2")];
    let branches: Branches<M> = {};
    expect(alternativesAt(branches, first, 1)).toBeNull();
    // Regenerate a1: the tail from index 1 is kept, a new answer comes.
    branches = openAlternative(branches, first, 1);
    const second = [m("u1"), m("a1b")];
    expect(alternativesAt(branches, second, 1)).toEqual({ current: 1, count: 2 });

    const back = switchAlternative(branches, second, 1, 0);
    expect(back.messages.map((x) => x.id)).toEqual(["u1", "a1", "u2", "a2"]);
    expect(alternativesAt(back.branches, back.messages, 1)).toEqual({ current: 0, count: 2 });

    const forth = switchAlternative(back.branches, back.messages, 1, 1);
    expect(forth.messages.map((x) => x.id)).toEqual(["u1", "a1b"]);
  });

  it("editing the first message forks at the start; a third alternative counts 3", () => {
    let branches: Branches<M> = {};
    branches = openAlternative(branches, [m("u1"), m("a1")], 0);
    branches = openAlternative(branches, [m("u1b"), m("a1b")], 0);
    expect(alternativesAt(branches, [m("u1c")], 0)).toEqual({ current: 2, count: 3 });
    expect(switchAlternative(branches, [m("u1c")], 0, 1).messages.map((x) => x.id)).toEqual(["u1b", "a1b"]);
  });

  it("switching to the alternative already shown, or one that does not exist, changes nothing", () => {
    const messages = [m("u1"), m("a1")];
    const branches = openAlternative({}, messages, 1);
    expect(switchAlternative(branches, messages, 1, 1).messages).toBe(messages);
    expect(switchAlternative(branches, messages, 1, 5).messages).toBe(messages);
  });

  it("deleting a turn removes the question and its answers, nothing else", () => {
    const messages = [m("u1"), m("a1"), m("u2"), m("a2"), m("u3")];
    expect(deleteTurn(messages, 2).map((x) => x.id)).toEqual(["u1", "a1", "u3"]);
    expect(deleteTurn(messages, 4).map((x) => x.id)).toEqual(["u1", "a1", "u2", "a2"]);
  });
});
