import { Link, Outlet } from "react-router";
import { useSession } from "./features/auth/session-store";
import { UserMenu } from "./features/auth/user-menu";
import { NotificationBell } from "./features/notifications/notification-bell";
import { NoticeStack } from "./ui/notice-stack";

/** The bar above every signed-in page. */
export function AppLayout() {
  const user = useSession((s) => s.user);

  return (
    <div className="app">
      <header className="app-bar">
        <Link to="/" className="brand">
          Tideway
        </Link>
        <span className="app-bar-spacer" />
        {user && <NotificationBell />}
        {user && <UserMenu user={user} />}
      </header>
      <Outlet />
      <NoticeStack />
    </div>
  );
}
