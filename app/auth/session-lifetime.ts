// Sessions slide: each use within SESSION_TTL_SECONDS extends them. This caps the slide: a session
// older than the absolute lifetime ends however recently it was used, and its user signs in again.

export const SESSION_ABSOLUTE_LIFETIME_SECONDS = 24 * 60 * 60;

export function sessionHasOutlived(createdAt: Date | string, now = new Date()): boolean {
  return now.getTime() - new Date(createdAt).getTime() > SESSION_ABSOLUTE_LIFETIME_SECONDS * 1000;
}
