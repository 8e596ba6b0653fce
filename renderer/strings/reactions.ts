/** Sentences for reactions and spotlight (issue 14): the control, the badges, the announcements. */

/** The SDK's reaction types, as said in a sentence ("reacted with applause"). */
const REACTION_NAMES = {
  like: 'like',
  heart: 'heart',
  laugh: 'laugh',
  surprised: 'surprised',
  applause: 'applause',
} as const;
type ReactionName = keyof typeof REACTION_NAMES;

export const reactionStrings = {
  control: 'React',
  pickerLabel: 'Send a reaction',
  /** The buttons in the picker, capitalised as labels. */
  names: { like: 'Like', heart: 'Heart', laugh: 'Laugh', surprised: 'Surprised', applause: 'Applause' } as const,
  /** The badge on a tile: what a screen reader reads for the icon. */
  badge: (reaction: ReactionName) => `Reacted with ${REACTION_NAMES[reaction]}`,
  /** Announced politely as it arrives. */
  announce: (name: string, reaction: ReactionName) => `${name} reacted with ${REACTION_NAMES[reaction]}`,
  announceMine: (reaction: ReactionName) => `You reacted with ${REACTION_NAMES[reaction]}`,
  liveLabel: 'Reactions',
  notOffered: 'Reactions are available in group calls, rooms and Teams meetings, not in a call with one person.',
  notAllowed: 'Reactions are turned off in this meeting.',
  notAllowedDetail: "The meeting's organiser or your organisation's Teams policy has turned reactions off.",
};

export const spotlightStrings = {
  marker: 'Spotlighted',
  spotlight: (name: string) => `Spotlight ${name}`,
  stop: (name: string) => `Stop spotlight for ${name}`,
  spotlightMe: 'Spotlight me',
  stopMine: 'Stop spotlighting me',
  stopAll: 'Stop all spotlights',
  /** Shown in the people pane while I am spotlighted. */
  youAreSpotlighted: 'You are spotlighted: everyone sees your video large.',
  full: (max: number) => `Up to ${max} people can be spotlighted at once. Stop a spotlight first.`,
  notAllowed: 'Only the meeting organiser, a co-organiser or a presenter can change spotlights here.',
  notOffered: 'Spotlight is available in group calls, rooms and Teams meetings.',
};
