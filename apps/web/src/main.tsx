// First: zod reads this setting when schemas are built (see the module).
import "@clusterbrain/contracts/zod-config";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { router } from "./app.router.tsx";
import { I18nProvider } from "./i18n/i18n.context.tsx";
import { SessionProvider } from "./shared/auth/session.context.tsx";

const root = document.getElementById("root");
if (root === null) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
