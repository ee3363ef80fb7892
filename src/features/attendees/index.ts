/** What the attendees feature (the committee's side of registration) offers other features. Nothing else of it is imported from outside. */
export { REGISTRATION_POLICY_FIELDS } from "./policy";
export { loadPublicAttendees, type PublicAttendee } from "./public-list";
export { registrationFigures } from "./statistics";
