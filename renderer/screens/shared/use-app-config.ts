import { useCallback, useEffect, useState } from 'react';
import type { AppConfig } from '../../../common/ipc';
import { useBridge } from '../../session/session-context';

/** The app's configuration from main, re-read on demand (after a save). */
export function useAppConfig(): {
  config: AppConfig | null;
  error: string | null;
  reload(): Promise<AppConfig | null>;
} {
  const bridge = useBridge();
  const [config, setConfig] = useState<AppConfig | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      const next = await bridge.config.get();
      setConfig(next);
      setError(null);
      return next;
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
      return null;
    }
  }, [bridge]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { config, error, reload };
}
