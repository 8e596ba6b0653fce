/**
 * The call screens (built on the calling layer's hooks) and settings load lazily, like the SDK:
 * they are not needed to paint the shell or the sign-in screen, and keep the initial bundle small.
 */
import { lazy } from 'react';

export const DialerScreen = lazy(() =>
  import('../screens/dialer/DialerScreen').then((m) => ({ default: m.DialerScreen })),
);
export const DeviceSetup = lazy(() =>
  import('../screens/devices/DeviceSetup').then((m) => ({ default: m.DeviceSetup })),
);
export const IncomingCallScreen = lazy(() =>
  import('../screens/incoming/IncomingCallScreen').then((m) => ({ default: m.IncomingCallScreen })),
);
export const InCallScreen = lazy(() =>
  import('../screens/in-call/InCallScreen').then((m) => ({ default: m.InCallScreen })),
);
export const PreJoinScreen = lazy(() =>
  import('../screens/pre-join/PreJoinScreen').then((m) => ({ default: m.PreJoinScreen })),
);
export const SettingsScreen = lazy(() =>
  import('../screens/settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })),
);
