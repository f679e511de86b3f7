import { type ComponentType, lazy, type ReactNode, Suspense } from "react";
import { BrowserRouter, Link, Route, Routes } from "react-router";
import { AppLayout } from "./app-layout";
import { RequireSession } from "./features/auth/require-session";
import { BoardPage } from "./features/board/board-page";
import { useT } from "./i18n/use-t";
import { withMessages } from "./i18n/with-messages";

// The dashboard (charting library), settings and stand-up pages load on first visit, each with
// its own messages, so the board itself starts from a smaller bundle
// (scripts/check-bundle-size.mjs holds it to a budget; docs/decisions/016).
const BoardSettingsPage = lazy(() =>
  withMessages("settings", () => import("./features/settings/board-settings-page")).then((module) => ({
    default: module.BoardSettingsPage,
  })),
);
const DashboardPage = lazy(() =>
  withMessages("dashboard", () => import("./features/dashboard/dashboard-page")).then((module) => ({
    default: module.DashboardPage,
  })),
);
const QuarterlyReportPage = lazy(() =>
  withMessages("report", () => import("./features/report/quarterly-report-page")).then((module) => ({
    default: module.QuarterlyReportPage,
  })),
);
const PortfolioPage = lazy(() =>
  withMessages("portfolio", () => import("./features/portfolio/portfolio-page")).then((module) => ({
    default: module.PortfolioPage,
  })),
);
const PortfolioStandupPage = lazy(() =>
  withMessages("portfolio", () => import("./features/portfolio/portfolio-standup-page")).then((module) => ({
    default: module.PortfolioStandupPage,
  })),
);
const BoardListPage = lazy(() =>
  withMessages("board-list", () => import("./features/board/board-list-page")).then((module) => ({
    default: module.BoardListPage,
  })),
);
const SignInPage = lazy(() =>
  withMessages("sign-in", () => import("./features/auth/sign-in-page")).then((module) => ({
    default: module.SignInPage,
  })),
);
const InvitationPage = lazy(() =>
  withMessages("sign-in", () => import("./features/auth/invitation-page")).then((module) => ({
    default: module.InvitationPage,
  })),
);
const AccountPage = lazy(() =>
  withMessages("account", () => import("./features/account/account-page")).then((module) => ({
    default: module.AccountPage,
  })),
);
const ConfirmSignUpPage = lazy(() =>
  withMessages("sign-in", () => import("./features/auth/confirm-sign-up-page")).then((module) => ({
    default: module.ConfirmSignUpPage,
  })),
);
const ForgotPasswordPage = lazy(() =>
  withMessages("sign-in", () => import("./features/auth/password-reset-pages")).then((module) => ({
    default: module.ForgotPasswordPage,
  })),
);
const ResetPasswordPage = lazy(() =>
  withMessages("sign-in", () => import("./features/auth/password-reset-pages")).then((module) => ({
    default: module.ResetPasswordPage,
  })),
);
const StandupPage = lazy(() =>
  withMessages("standup", () => import("./features/standup/standup-page")).then((module) => ({
    default: module.StandupPage,
  })),
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

function Lazy({ page: Page }: { page: ComponentType }) {
  return (
    <Loading>
      <Page />
    </Loading>
  );
}

// Declarative routes rather than createBrowserRouter: the app uses no loaders, actions
// or fetchers, and the data router's code is 16 kB gzip of the board's first load.
function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={<Lazy page={SignInPage} />} />
      <Route
        path="/sign-up"
        element={
          <Loading>
            <SignInPage mode="sign-up" />
          </Loading>
        }
      />
      <Route path="/invitations/:token" element={<Lazy page={InvitationPage} />} />
      <Route path="/confirm-sign-up/:token" element={<Lazy page={ConfirmSignUpPage} />} />
      <Route path="/forgot-password" element={<Lazy page={ForgotPasswordPage} />} />
      <Route path="/reset-password/:token" element={<Lazy page={ResetPasswordPage} />} />
      <Route element={<RequireSession />}>
        <Route path="boards/:boardId/standup" element={<Lazy page={StandupPage} />} />
        <Route path="portfolios/:portfolioId/standup" element={<Lazy page={PortfolioStandupPage} />} />
        <Route element={<AppLayout />}>
          <Route index element={<Lazy page={BoardListPage} />} />
          <Route path="boards/:boardId" element={<BoardPage />} />
          <Route path="boards/:boardId/settings" element={<Lazy page={BoardSettingsPage} />} />
          <Route path="boards/:boardId/report" element={<Lazy page={QuarterlyReportPage} />} />
          <Route path="portfolios/:portfolioId" element={<Lazy page={PortfolioPage} />} />
          <Route path="boards/:boardId/dashboard" element={<Lazy page={DashboardPage} />} />
          <Route path="account" element={<Lazy page={AccountPage} />} />
        </Route>
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <AppRoutes />
    </BrowserRouter>
  );
}
