"use client";

import { useEffect, useRef } from "react";

/**
 * Keep a scroll container pinned to the bottom while content grows, unless the user scrolled up.
 * Content also grows without new messages (a finished code block highlighted, the markdown
 * renderer arriving, the run's stats filled in), so any change inside the container counts.
 */
export function useStickToBottom<T extends HTMLElement>(dependency: unknown) {
  const ref = useRef<T>(null);
  const pinned = useRef(true);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Only the user scrolling up unpins: content that grows between our scroll and its event
    // (a code block rendering) puts the bottom further away without anyone moving.
    let lastTop = el.scrollTop;
    const onScroll = () => {
      if (el.scrollHeight - el.scrollTop - el.clientHeight < 80) pinned.current = true;
      else if (el.scrollTop < lastTop - 1) pinned.current = false;
      lastTop = el.scrollTop;
    };
    let frame = 0;
    const follow = () => {
      if (frame || !pinned.current) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (pinned.current) el.scrollTop = el.scrollHeight;
      });
    };
    const changes = new MutationObserver(follow);
    changes.observe(el, { childList: true, subtree: true, characterData: true });
    el.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      el.removeEventListener("scroll", onScroll);
      changes.disconnect();
      cancelAnimationFrame(frame);
    };
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: new content (the dependency) is the trigger to scroll
  useEffect(() => {
    const el = ref.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [dependency]);
  return ref;
}
