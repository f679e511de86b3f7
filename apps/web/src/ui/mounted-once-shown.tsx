import { type ReactNode, Suspense, useState } from "react";

/**
 * Renders `children` (typically a React.lazy component, whose code then loads) from the
 * first time `shown` is true, and keeps it mounted afterwards, so a dialog or a notice
 * closes as its own component closes it. Nothing renders while the code loads.
 */
export function MountedOnceShown({ shown, children }: { shown: boolean; children: ReactNode }) {
  const [mounted, setMounted] = useState(shown);
  if (shown && !mounted) setMounted(true);
  if (!mounted) return null;
  return <Suspense fallback={null}>{children}</Suspense>;
}
