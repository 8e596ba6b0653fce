/**
 * The lazily loaded effects chunk: the only module importing `@azure/communication-calling-effects`
 * (background blur/replacement and deep noise suppression, with their WebAssembly and models),
 * reached only through `import('./effects-package')` in effects.ts, once the user has an effect
 * switched on and a camera or call to apply it to. `satisfies EffectsPackage` is where the compiler
 * checks the package's classes against what the calling SDK declares it accepts.
 */
import {
  BackgroundBlurEffect,
  BackgroundReplacementEffect,
  DeepNoiseSuppressionEffect,
} from '@azure/communication-calling-effects';
import type { EffectsPackage } from './sdk-surface';

export const effectsPackage = {
  backgroundBlur: () => new BackgroundBlurEffect(),
  backgroundReplacement: (backgroundImageUrl) => new BackgroundReplacementEffect({ backgroundImageUrl }),
  deepNoiseSuppression: () => new DeepNoiseSuppressionEffect(),
} satisfies EffectsPackage;
