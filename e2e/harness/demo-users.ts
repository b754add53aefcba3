import { DEFAULT_DEMO_SEED, type DemoPersona, generateDemoCluster } from "@clusterbrain/demo";

export interface Credentials {
  email: string;
  password: string;
}

/** Sign-in of a demo persona, taken from the same generator the server loads (never hard-coded here). */
export function demoCredentials(persona: DemoPersona): Credentials {
  const user = generateDemoCluster(DEFAULT_DEMO_SEED).users.find((u) => u.persona === persona);
  if (user === undefined) throw new Error(`the demo cluster has no ${persona} user`);
  return { email: user.email, password: user.password };
}
