import { Link, Outlet, useNavigate } from "react-router";
import { useSession } from "./features/auth/session-store";
import { NotificationBell } from "./features/notifications/notification-bell";
import { NoticeStack } from "./ui/notice-stack";

/** The bar above every signed-in page. */
export function AppLayout() {
  const user = useSession((s) => s.user);
  const signOut = useSession((s) => s.signOut);
  const navigate = useNavigate();

  async function leave() {
    await signOut();
    await navigate("/sign-in");
  }

  return (
    <div className="app">
      <header className="app-bar">
        <Link to="/" className="brand">
          Tideway
        </Link>
        <span className="app-bar-spacer" />
        {user && <NotificationBell />}
        {user && <span className="app-bar-user">{user.name}</span>}
        <button type="button" className="link-button" onClick={() => void leave()}>
          Sign out
        </button>
      </header>
      <Outlet />
      <NoticeStack />
    </div>
  );
}
