import type { OperatingSystem } from '../../strings';

interface NavigatorWithUAData extends Navigator {
  userAgentData?: { platform?: string };
}

/** Which OS the window runs on: for settings paths in instructions and Ctrl vs ⌘ in shortcuts. */
export function detectOperatingSystem(nav: Navigator = navigator): OperatingSystem {
  const platform = `${(nav as NavigatorWithUAData).userAgentData?.platform ?? ''} ${nav.platform ?? ''} ${nav.userAgent ?? ''}`;
  if (/mac/i.test(platform)) return 'macos';
  if (/win/i.test(platform)) return 'windows';
  return 'linux';
}
