import { createBrowserRouter, Link, RouterProvider } from "react-router";
import { AppLayout } from "./app-layout";
import { RequireSession } from "./features/auth/require-session";
import { SignInPage } from "./features/auth/sign-in-page";
import { BoardListPage } from "./features/board/board-list-page";
import { BoardPage } from "./features/board/board-page";
import { BoardSettingsPage } from "./features/settings/board-settings-page";

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
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <BoardListPage /> },
          { path: "boards/:boardId", element: <BoardPage /> },
          { path: "boards/:boardId/settings", element: <BoardSettingsPage /> },
        ],
      },
    ],
  },
  { path: "*", element: <NotFoundPage /> },
]);

export function App() {
  return <RouterProvider router={router} />;
}
