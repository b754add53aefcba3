import type { LoginRequest, MeResponse } from "@clusterbrain/contracts";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { ApiError } from "../api/api-error.ts";
import { api } from "../api/endpoints.ts";
import { setCsrfToken, setUnauthorizedHandler } from "../api/http.client.ts";

export type SessionState =
  | { status: "loading" }
  | { status: "anonymous"; error?: unknown }
  | { status: "signed-in"; me: MeResponse };

interface Session {
  state: SessionState;
  login: (body: LoginRequest) => Promise<void>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });

  const signIn = useCallback((me: MeResponse) => {
    setCsrfToken(me.csrfToken);
    setState({ status: "signed-in", me });
  }, []);

  const signOut = useCallback(() => {
    setCsrfToken(null);
    setState({ status: "anonymous" });
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    api.auth.me(controller.signal).then(signIn, (err: unknown) => {
      if (controller.signal.aborted) return;
      // 401 simply means "not signed in"; anything else is worth showing on the login page.
      setState({
        status: "anonymous",
        error: err instanceof ApiError && err.status === 401 ? undefined : err,
      });
    });
    setUnauthorizedHandler(signOut);
    return () => {
      controller.abort();
      setUnauthorizedHandler(null);
    };
  }, [signIn, signOut]);

  const value = useMemo<Session>(
    () => ({
      state,
      login: async (body) => signIn(await api.auth.login(body)),
      logout: async () => {
        try {
          await api.auth.logout();
        } finally {
          signOut();
        }
      },
    }),
    [state, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (ctx === null) throw new Error("useSession must be used inside <SessionProvider>");
  return ctx;
}

/** The signed-in caller; only valid below the route guard that waits for a session. */
export function useMe(): MeResponse {
  const { state } = useSession();
  if (state.status !== "signed-in") throw new Error("useMe needs a signed-in session");
  return state.me;
}
