import { lazy, type ReactNode, Suspense } from "react";
import { createBrowserRouter, Link, RouterProvider } from "react-router";
import { AppLayout } from "./app-layout";
import { ConfirmSignUpPage } from "./features/auth/confirm-sign-up-page";
import { InvitationPage } from "./features/auth/invitation-page";
import { ForgotPasswordPage, ResetPasswordPage } from "./features/auth/password-reset-pages";
import { RequireSession } from "./features/auth/require-session";
import { SignInPage } from "./features/auth/sign-in-page";
import { BoardListPage } from "./features/board/board-list-page";
import { BoardPage } from "./features/board/board-page";
import { useT } from "./i18n/use-t";

// The dashboard (charting library), settings and stand-up pages load on first visit, so
// the board itself starts from a smaller bundle (scripts/check-bundle-size.mjs holds it to a budget).
const BoardSettingsPage = lazy(() =>
  import("./features/settings/board-settings-page").then((module) => ({ default: module.BoardSettingsPage })),
);
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
const PortfolioStandupPage = lazy(() =>
  import("./features/portfolio/portfolio-standup-page").then((module) => ({
    default: module.PortfolioStandupPage,
  })),
);
const StandupPage = lazy(() =>
  import("./features/standup/standup-page").then((module) => ({ default: module.StandupPage })),
);

function Loading({ children }: { children: ReactNode }) {
  const t = useT();
  return <Suspense fallback={<p className="page-message">{t("app.loading")}</p>}>{children}</Suspense>;
}

function NotFoundPage() {
  const t = useT();
  return (
    <main className="page-message">
      <h1>{t("app.notFound.title")}</h1>
      <Link to="/">{t("app.notFound.back")}</Link>
    </main>
  );
}

const router = createBrowserRouter([
  { path: "/sign-in", element: <SignInPage /> },
  { path: "/sign-up", element: <SignInPage mode="sign-up" /> },
  { path: "/invitations/:token", element: <InvitationPage /> },
  { path: "/confirm-sign-up/:token", element: <ConfirmSignUpPage /> },
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
        path: "portfolios/:portfolioId/standup",
        element: (
          <Loading>
            <PortfolioStandupPage />
          </Loading>
        ),
      },
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <BoardListPage /> },
          { path: "boards/:boardId", element: <BoardPage /> },
          {
            path: "boards/:boardId/settings",
            element: (
              <Loading>
                <BoardSettingsPage />
              </Loading>
            ),
          },
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
