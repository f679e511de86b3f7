import { createBrowserRouter, Link, RouterProvider } from "react-router";
import { AppLayout } from "./app-layout";
import { RequireSession } from "./features/auth/require-session";
import { SignInPage } from "./features/auth/sign-in-page";
import { BoardListPage } from "./features/board/board-list-page";
import { BoardPage } from "./features/board/board-page";
import { DashboardPage } from "./features/dashboard/dashboard-page";
import { BoardSettingsPage } from "./features/settings/board-settings-page";
import { StandupPage } from "./features/standup/standup-page";

function NotFoundPage() {
  return (
    <main className="page-message">
      <h1>Page not found</h1>
      <Link to="/">Back to your boards</Link>
    </main>
  );
}

const router = createBrowserRouter([
  { path: "/sign-in", element: <SignInPage /> },
  {
    element: <RequireSession />,
    children: [
      { path: "boards/:boardId/standup", element: <StandupPage /> },
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <BoardListPage /> },
          { path: "boards/:boardId", element: <BoardPage /> },
          { path: "boards/:boardId/settings", element: <BoardSettingsPage /> },
          { path: "boards/:boardId/dashboard", element: <DashboardPage /> },
        ],
      },
    ],
  },
  { path: "*", element: <NotFoundPage /> },
]);

export function App() {
  return <RouterProvider router={router} />;
}
