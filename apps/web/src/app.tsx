import { lazy, type ReactNode, Suspense } from "react";
import { createBrowserRouter, Link, RouterProvider } from "react-router";
import { AppLayout } from "./app-layout";
import { InvitationPage } from "./features/auth/invitation-page";
import { ForgotPasswordPage, ResetPasswordPage } from "./features/auth/password-reset-pages";
import { RequireSession } from "./features/auth/require-session";
import { SignInPage } from "./features/auth/sign-in-page";
import { BoardListPage } from "./features/board/board-list-page";
import { BoardPage } from "./features/board/board-page";
import { BoardSettingsPage } from "./features/settings/board-settings-page";

// The dashboard (charting library) and stand-up pages load on first visit, so
// the board itself starts from a smaller bundle.
const DashboardPage = lazy(() =>
  import("./features/dashboard/dashboard-page").then((module) => ({ default: module.DashboardPage })),
);
const QuarterlyReportPage = lazy(() =>
  import("./features/report/quarterly-report-page").then((module) => ({
    default: module.QuarterlyReportPage,
  })),
);
const PortfolioPage = lazy(() =>
  import("./features/portfolio/portfolio-page").then((module) => ({ default: module.PortfolioPage })),
);
const StandupPage = lazy(() =>
  import("./features/standup/standup-page").then((module) => ({ default: module.StandupPage })),
);

function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<p className="page-message">Loading…</p>}>{children}</Suspense>;
}

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
  { path: "/sign-up", element: <SignInPage mode="sign-up" /> },
  { path: "/invitations/:token", element: <InvitationPage /> },
  { path: "/forgot-password", element: <ForgotPasswordPage /> },
  { path: "/reset-password/:token", element: <ResetPasswordPage /> },
  {
    element: <RequireSession />,
    children: [
      {
        path: "boards/:boardId/standup",
        element: (
          <Loading>
            <StandupPage />
          </Loading>
        ),
      },
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <BoardListPage /> },
          { path: "boards/:boardId", element: <BoardPage /> },
          { path: "boards/:boardId/settings", element: <BoardSettingsPage /> },
          {
            path: "boards/:boardId/report",
            element: (
              <Loading>
                <QuarterlyReportPage />
              </Loading>
            ),
          },
          {
            path: "portfolios/:portfolioId",
            element: (
              <Loading>
                <PortfolioPage />
              </Loading>
            ),
          },
          {
            path: "boards/:boardId/dashboard",
            element: (
              <Loading>
                <DashboardPage />
              </Loading>
            ),
          },
        ],
      },
    ],
  },
  { path: "*", element: <NotFoundPage /> },
]);

export function App() {
  return <RouterProvider router={router} />;
}
