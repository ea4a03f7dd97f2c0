/** How a follow-up visit is made (回访方式). */
export const FOLLOW_UP_CHANNELS = [
  'PHONE',
  'ON_SITE',
  'FAX',
  'MAIL',
  'EMAIL',
  'SMS',
  'IVR',
  'WEB',
] as const;

/** One follow-up channel. */
export type FollowUpChannel = (typeof FOLLOW_UP_CHANNELS)[number];

/** Why a follow-up visit is made. */
export const FOLLOW_UP_PURPOSES = [
  'POST_ACTIVATION',
  'POST_REPAIR',
  'PERIODIC',
  'COMPLAINT',
  'OTHER',
] as const;

/** One follow-up purpose. */
export type FollowUpPurpose = (typeof FOLLOW_UP_PURPOSES)[number];
