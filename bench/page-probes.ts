/**
 * What the board page benchmark injects into the page before any of its
 * scripts run (page.addInitScript serialises this function, so it must not
 * use anything from outside its body):
 * - long tasks, from a PerformanceObserver, to tell when the main thread is free;
 * - the first frame at which the page shows `expectedCards` cards;
 * - React render counting in the style of why-did-you-render / react-scan:
 *   a minimal `__REACT_DEVTOOLS_GLOBAL_HOOK__` that React (production builds
 *   too) calls after every commit; walking the committed tree the way
 *   React DevTools does, it counts the card components that actually rendered
 *   (a mounted fiber, or one whose PerformedWork flag is set in a subtree
 *   React did not skip). Cards are recognised by what they render:
 *   `li.card-slot` (the draggable wrapper) and `article.demand-card`. The
 *   wrapper's dnd-kit wiring is a separate component that renders nothing
 *   (displayName "CardDragBinding"); its renders count as wrapper renders too.
 */
export function installPageProbes(): void {
  interface Fiber {
    tag: number;
    type: unknown;
    elementType: unknown;
    flags: number;
    child: Fiber | null;
    sibling: Fiber | null;
    alternate: Fiber | null;
    memoizedProps: { className?: unknown } | null;
  }
  const PERFORMED_WORK = 1;
  const FUNCTION_TAGS = new Set([0, 11, 14, 15]);
  const probes = {
    longTasks: [] as [number, number][],
    expectedCards: 0,
    renderedAt: null as number | null,
    counting: false,
    commits: 0,
    wrapperRenders: 0,
    cardRenders: 0,
    frames: [] as number[],
    recordingFrames: false,
  };
  (window as unknown as { __bench: typeof probes }).__bench = probes;

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      probes.longTasks.push([entry.startTime, entry.startTime + entry.duration]);
  }).observe({ type: "longtask", buffered: true });

  const cards = document.getElementsByClassName("demand-card");
  let last = 0;
  const onFrame = (now: number) => {
    // The frame's timestamp is when the frame began, which can predate a long render that
    // delayed it; the moment the cards are seen is now.
    if (probes.renderedAt === null && probes.expectedCards > 0 && cards.length >= probes.expectedCards) {
      probes.renderedAt = performance.now();
    }
    if (probes.recordingFrames && last > 0) probes.frames.push(now - last);
    last = now;
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);

  const hostClass = (fiber: Fiber | null, tagName: string) =>
    fiber !== null &&
    fiber.tag === 5 &&
    fiber.type === tagName &&
    typeof fiber.memoizedProps?.className === "string"
      ? (fiber.memoizedProps.className as string)
      : "";
  // A memo component's fiber has the inner function as its type and the memo (with the displayName) as elementType.
  const isDragBinding = (fiber: Fiber) =>
    (fiber.elementType as { displayName?: string } | null)?.displayName === "CardDragBinding";
  const countRendered = (root: Fiber) => {
    const stack: Fiber[] = [root];
    while (stack.length > 0) {
      const fiber = stack.pop() as Fiber;
      const mounted = fiber.alternate === null;
      if (FUNCTION_TAGS.has(fiber.tag) && (mounted || (fiber.flags & PERFORMED_WORK) !== 0)) {
        if (hostClass(fiber.child, "li").split(" ").includes("card-slot")) probes.wrapperRenders++;
        if (hostClass(fiber.child, "article").split(" ").includes("demand-card")) probes.cardRenders++;
        if (isDragBinding(fiber)) probes.wrapperRenders++;
      }
      // A subtree React skipped shares its children with the previous tree: nothing in it rendered.
      if (fiber.child && (mounted || fiber.child !== fiber.alternate?.child)) stack.push(fiber.child);
      if (fiber.sibling) stack.push(fiber.sibling);
    }
  };
  (window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown }).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    renderers: new Map(),
    supportsFiber: true,
    isDisabled: false,
    inject: () => 1,
    checkDCE: () => {},
    onScheduleFiberRoot: () => {},
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
    onCommitFiberRoot: (_id: number, root: { current: Fiber }) => {
      if (!probes.counting) return;
      probes.commits++;
      if (root.current.child) countRendered(root.current.child);
    },
  };
}
