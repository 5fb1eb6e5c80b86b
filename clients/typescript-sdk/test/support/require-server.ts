import { serverEnvironment } from './environment.js';

/** Fails the whole run at once, with one clear message, when the server environment is missing or down. */
export default async function requireServer(): Promise<void> {
  const { baseUrl } = serverEnvironment();
  let status: number;
  try {
    status = (await fetch(`${baseUrl}/actuator/health`, { signal: AbortSignal.timeout(10_000) })).status;
  } catch (failure) {
    throw new Error(`No Performance OS server answers at PERFORMANCEOS_URL=${baseUrl}: ${String(failure)}`);
  }
  if (status !== 200) {
    throw new Error(`The server at PERFORMANCEOS_URL=${baseUrl} is not healthy: /actuator/health answered ${status}`);
  }
}
