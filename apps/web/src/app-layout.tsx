import { lazy, type ReactNode, Suspense } from "react";
import { Link } from "wouter";
import { useSession } from "./features/auth/session-store";
import { withMessages } from "./i18n/with-messages";
import { NoticeStack } from "./ui/notice-stack";
import { useHydrated } from "./ui/use-hydrated";

// The bell and the user menu (Radix's Popover, with its positioning library) load beside
// the page's data rather than before the page can paint.
const NotificationBell = lazy(() =>
  withMessages("notifications", () => import("./features/notifications/notification-bell")).then(
    (module) => ({
      default: module.NotificationBell,
    }),
  ),
);
const UserMenu = lazy(() =>
  withMessages("user-menu", () => import("./features/auth/user-menu")).then((module) => ({
    default: module.UserMenu,
  })),
);

/** The bar above every signed-in page. */
export function AppLayout({ children }: { children: ReactNode }) {
  const user = useSession((s) => s.user);
  const hydrated = useHydrated();

  return (
    <div className="app">
      <header className="app-bar">
        <Link to="/" className="brand">
          Tideway
        </Link>
        <span className="app-bar-spacer" />
        {user && hydrated && (
          <Suspense fallback={null}>
            <NotificationBell />
            <UserMenu user={user} />
          </Suspense>
        )}
      </header>
      {children}
      <NoticeStack />
    </div>
  );
}
