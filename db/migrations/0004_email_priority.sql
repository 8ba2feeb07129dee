DROP INDEX `email_outbox_status_idx` ON `email_outbox`;--> statement-breakpoint
ALTER TABLE `email_outbox` ADD `priority` tinyint DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX `email_outbox_status_idx` ON `email_outbox` (`status`,`priority`,`created_at`);