import { type ComponentType, lazy, type ReactNode, Suspense, use } from "react";
import { Link, Route, Router, Switch } from "wouter";
import { AppLayout } from "./app-layout";
import { RequireSession } from "./features/auth/require-session";
import { BoardPage } from "./features/board/board-page";
import { firstPageOf } from "./first-page";
import { useT } from "./i18n/use-t";
import { withMessages } from "./i18n/with-messages";
import { sameAddressReplaces } from "./routing";

// The dashboard (charting library), settings and stand-up pages load on first visit, each with
// its own messages, so the board itself starts from a smaller bundle
// (scripts/check-bundle-size.mjs holds it to a budget; docs/decisions/016).
const BoardSettingsPage = lazy(() =>
  withMessages("settings", () => import("./features/settings/board-settings-page")).then((module) => ({
    default: module.BoardSettingsPage,
  })),
);
/**
 * A page loaded on first visit (its code and its messages) that can start loading before React
 * renders (`preload`), and once here renders at once. React.lazy suspends on every first render,
 * even of a module already loaded, and React then holds the boundary's content for 300 ms after
 * its fallback showed: a wait before the board list's or the dashboard's first content, whose
 * modules the server preloads with the page (issue 19, docs/decisions/020).
 */
interface PreloadablePage {
  loaded: ComponentType | null;
  preload: () => Promise<void>;
}

function preloadablePage(load: () => Promise<ComponentType>): PreloadablePage {
  let loading: Promise<void> | null = null;
  const page: PreloadablePage = {
    loaded: null,
    preload: () => {
      loading ??= load().then((component) => {
        page.loaded = component;
      });
      return loading;
    },
  };
  return page;
}

function Preloaded({ page }: { page: PreloadablePage }) {
  if (!page.loaded) use(page.preload());
  const Loaded = page.loaded as unknown as ComponentType;
  return <Loaded />;
}

const dashboard = preloadablePage(() =>
  withMessages("dashboard", () => import("./features/dashboard/dashboard-page")).then(
    (module) => module.DashboardPage,
  ),
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
const boardList = preloadablePage(() =>
  withMessages("board-list", () => import("./features/board/board-list-page")).then(
    (module) => module.BoardListPage,
  ),
);

/**
 * Starts loading the page at `pathname` when it is one the server preloads; main.tsx waits for
 * it before the first render, and a server that renders pages (entry-server.tsx) for every one.
 */
export function preloadFirstPage(pathname: string): Promise<void> {
  const page = firstPageOf(pathname)?.kind;
  if (page === "board-list") return boardList.preload();
  if (page === "dashboard") return dashboard.preload();
  return Promise.resolve();
}

/** Loads every page the server renders (entry-server.tsx), so that rendering one never waits. */
export function preloadFirstPages(): Promise<void> {
  return Promise.all([boardList.preload(), dashboard.preload()]).then(() => undefined);
}
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

/** A signed-in page under the app bar. */
function SignedIn({ children }: { children: ReactNode }) {
  return (
    <RequireSession>
      <AppLayout>{children}</AppLayout>
    </RequireSession>
  );
}

// The first route whose path matches renders (wouter, docs/decisions/018). A page that stays
// under the same frame from one route to the next (SignedIn, Lazy) keeps that frame mounted,
// so the app bar does not flicker between the board list and a board.
function AppRoutes() {
  return (
    <Switch>
      <Route path="/sign-in">
        <Lazy page={SignInPage} />
      </Route>
      <Route path="/sign-up">
        <Loading>
          <SignInPage mode="sign-up" />
        </Loading>
      </Route>
      <Route path="/invitations/:token">
        <Lazy page={InvitationPage} />
      </Route>
      <Route path="/confirm-sign-up/:token">
        <Lazy page={ConfirmSignUpPage} />
      </Route>
      <Route path="/forgot-password">
        <Lazy page={ForgotPasswordPage} />
      </Route>
      <Route path="/reset-password/:token">
        <Lazy page={ResetPasswordPage} />
      </Route>
      <Route path="/boards/:boardId/standup">
        <RequireSession>
          <Lazy page={StandupPage} />
        </RequireSession>
      </Route>
      <Route path="/portfolios/:portfolioId/standup">
        <RequireSession>
          <Lazy page={PortfolioStandupPage} />
        </RequireSession>
      </Route>
      <Route path="/">
        <SignedIn>
          <Loading>
            <Preloaded page={boardList} />
          </Loading>
        </SignedIn>
      </Route>
      <Route path="/boards/:boardId">
        <SignedIn>
          <BoardPage />
        </SignedIn>
      </Route>
      <Route path="/boards/:boardId/settings">
        <SignedIn>
          <Lazy page={BoardSettingsPage} />
        </SignedIn>
      </Route>
      <Route path="/boards/:boardId/report">
        <SignedIn>
          <Lazy page={QuarterlyReportPage} />
        </SignedIn>
      </Route>
      <Route path="/portfolios/:portfolioId">
        <SignedIn>
          <Lazy page={PortfolioPage} />
        </SignedIn>
      </Route>
      <Route path="/boards/:boardId/dashboard">
        <SignedIn>
          <Loading>
            <Preloaded page={dashboard} />
          </Loading>
        </SignedIn>
      </Route>
      <Route path="/account">
        <SignedIn>
          <Lazy page={AccountPage} />
        </SignedIn>
      </Route>
      <Route>
        <NotFoundPage />
      </Route>
    </Switch>
  );
}

/** The app; `ssrPath` is the address (path and query) a server renders it for. */
export function App({ ssrPath }: { ssrPath?: string }) {
  return (
    <Router aroundNav={sameAddressReplaces} ssrPath={ssrPath}>
      <AppRoutes />
    </Router>
  );
}
