/** What the organizer-reminders feature offers other features: its public module. Nothing else of it is imported from outside. */
export { type ReminderCall, reminderSchedule } from "./moments";
