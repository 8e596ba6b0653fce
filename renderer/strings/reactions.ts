/** Sentences for reactions and spotlight (issue 14): the control, the badges, the announcements. */
import { words } from './i18n';
import type Reactions from './locales/en/reactions.json';

/** The SDK's reaction types; `said` names each as it reads in a sentence ("reacted with applause"). */
type ReactionName = keyof (typeof Reactions)['reactions']['said'];

export const reactionStrings = words<(typeof Reactions)['reactions']>()('reactions', 'reactions', (t) => {
  const said = (reaction: ReactionName) => t(`said.${reaction}`);
  return {
    /** The badge on a tile: what a screen reader reads for the icon. */
    badge: (reaction: ReactionName) => t('badge', { reaction: said(reaction) }),
    /** Announced politely as it arrives. */
    announce: (name: string, reaction: ReactionName) => t('announce', { name, reaction: said(reaction) }),
    announceMine: (reaction: ReactionName) => t('announceMine', { reaction: said(reaction) }),
  };
});

export const spotlightStrings = words<(typeof Reactions)['spotlight']>()('reactions', 'spotlight', (t) => ({
  spotlight: (name: string) => t('spotlight', { name }),
  stop: (name: string) => t('stop', { name }),
  full: (max: number) => t('full', { max }),
}));
