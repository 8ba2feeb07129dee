CREATE TABLE `submission_documents` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`submission_id` varchar(36),
	`policy_id` varchar(36),
	`kind` varchar(20) NOT NULL,
	`r2_key` varchar(200) NOT NULL,
	`filename` varchar(255) NOT NULL,
	`content_type` varchar(100) NOT NULL,
	`size_bytes` int NOT NULL,
	`sha256` varchar(64) NOT NULL,
	`extraction` json,
	`uploaded_by_user_id` varchar(36),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `submission_documents_id` PRIMARY KEY(`id`),
	CONSTRAINT `submission_documents_r2_key_uq` UNIQUE(`r2_key`),
	CONSTRAINT `submission_documents_org_policy_kind_uq` UNIQUE(`org_id`,`policy_id`,`kind`)
);
--> statement-breakpoint
CREATE TABLE `submission_drafts` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`agency_id` varchar(36) NOT NULL,
	`producer_user_id` varchar(36) NOT NULL,
	`source` varchar(12) NOT NULL,
	`form_values` json NOT NULL,
	`review` json,
	`needs_review` boolean NOT NULL DEFAULT false,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `submission_drafts_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `ledger_books` (
	`org_id` varchar(36) NOT NULL,
	`ledger` int unsigned NOT NULL,
	`mga_commission_rate` decimal(6,4) NOT NULL,
	`provisioned_at` datetime(3),
	CONSTRAINT `ledger_books_org_id` PRIMARY KEY(`org_id`)
);
--> statement-breakpoint
CREATE TABLE `ledger_entries` (
	`transfer_id` varchar(39) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`posting_id` varchar(36) NOT NULL,
	`position` int NOT NULL,
	`leg` varchar(30) NOT NULL,
	`debit_account` int NOT NULL,
	`credit_account` int NOT NULL,
	`amount_cents` bigint NOT NULL,
	`transfer_code` int NOT NULL,
	CONSTRAINT `ledger_entries_transfer_id` PRIMARY KEY(`transfer_id`),
	CONSTRAINT `ledger_entries_org_posting_position_uq` UNIQUE(`org_id`,`posting_id`,`position`)
);
--> statement-breakpoint
CREATE TABLE `ledger_postings` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`kind` varchar(20) NOT NULL,
	`status` varchar(20) NOT NULL,
	`policy_id` varchar(36),
	`invoice_id` varchar(36),
	`claim_id` varchar(36),
	`description` varchar(200) NOT NULL,
	`attempts` int NOT NULL DEFAULT 0,
	`last_error` varchar(500),
	`created_at` datetime(3) NOT NULL,
	`posted_at` datetime(3),
	CONSTRAINT `ledger_postings_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `payments` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`invoice_id` varchar(36) NOT NULL,
	`policy_id` varchar(36) NOT NULL,
	`amount_cents` bigint NOT NULL,
	`method` varchar(12) NOT NULL,
	`reference` varchar(60),
	`received_by_user_id` varchar(36) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `payments_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `deal_room_annotations` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`deal_room_id` varchar(36) NOT NULL,
	`author_user_id` varchar(36) NOT NULL,
	`target_kind` varchar(10) NOT NULL,
	`target` varchar(64) NOT NULL,
	`text` text NOT NULL,
	`resolved_by_user_id` varchar(36),
	`resolved_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `deal_room_annotations_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `deal_room_messages` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`deal_room_id` varchar(36) NOT NULL,
	`author_user_id` varchar(36) NOT NULL,
	`body` text NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `deal_room_messages_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `deal_room_participants` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`deal_room_id` varchar(36) NOT NULL,
	`user_id` varchar(36) NOT NULL,
	`role` varchar(20) NOT NULL,
	`can_chat` boolean NOT NULL,
	`can_annotate` boolean NOT NULL,
	`can_edit` boolean NOT NULL,
	`added_by_user_id` varchar(36) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `deal_room_participants_id` PRIMARY KEY(`id`),
	CONSTRAINT `deal_room_participants_room_user_uq` UNIQUE(`org_id`,`deal_room_id`,`user_id`)
);
--> statement-breakpoint
CREATE TABLE `deal_rooms` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`submission_id` varchar(36) NOT NULL,
	`status` varchar(10) NOT NULL DEFAULT 'active',
	`created_by_user_id` varchar(36) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`ended_reason` varchar(20),
	`ended_at` datetime(3),
	CONSTRAINT `deal_rooms_id` PRIMARY KEY(`id`),
	CONSTRAINT `deal_rooms_org_submission_uq` UNIQUE(`org_id`,`submission_id`)
);
--> statement-breakpoint
CREATE TABLE `dead_letter_events` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`event_id` varchar(36) NOT NULL,
	`event_type` varchar(40) NOT NULL,
	`attempts` int NOT NULL,
	`received_at` datetime(3) NOT NULL,
	`replayed_at` datetime(3),
	CONSTRAINT `dead_letter_events_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `domain_event_once` (
	`org_id` varchar(36) NOT NULL,
	`once_key` varchar(120) NOT NULL,
	`event_id` varchar(36) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `domain_event_once_org_id_once_key_pk` PRIMARY KEY(`org_id`,`once_key`)
);
--> statement-breakpoint
CREATE TABLE `notification_preferences` (
	`org_id` varchar(36) NOT NULL,
	`user_id` varchar(36) NOT NULL,
	`event_type` varchar(40) NOT NULL,
	`channel` varchar(10) NOT NULL,
	`enabled` boolean NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `notification_preferences_org_id_user_id_event_type_channel_pk` PRIMARY KEY(`org_id`,`user_id`,`event_type`,`channel`)
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`user_id` varchar(36) NOT NULL,
	`event_id` varchar(36) NOT NULL,
	`event_type` varchar(40) NOT NULL,
	`title` varchar(200) NOT NULL,
	`body` text NOT NULL,
	`link` varchar(300),
	`read_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `notifications_id` PRIMARY KEY(`id`),
	CONSTRAINT `notifications_event_user_uq` UNIQUE(`event_id`,`user_id`)
);
--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`endpoint_id` varchar(36) NOT NULL,
	`event_id` varchar(36) NOT NULL,
	`event_type` varchar(40) NOT NULL,
	`body` text NOT NULL,
	`status` varchar(10) NOT NULL DEFAULT 'pending',
	`attempts` int NOT NULL DEFAULT 0,
	`next_attempt_at` datetime(3),
	`last_status_code` int,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `webhook_deliveries_id` PRIMARY KEY(`id`),
	CONSTRAINT `webhook_deliveries_endpoint_event_uq` UNIQUE(`endpoint_id`,`event_id`)
);
--> statement-breakpoint
CREATE TABLE `webhook_delivery_attempts` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`delivery_id` varchar(36) NOT NULL,
	`attempt` int NOT NULL,
	`status_code` int,
	`error` varchar(500),
	`duration_ms` int NOT NULL,
	`attempted_at` datetime(3) NOT NULL,
	CONSTRAINT `webhook_delivery_attempts_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `webhook_endpoints` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`url` varchar(500) NOT NULL,
	`sealed_secret` varchar(255) NOT NULL,
	`event_types` json NOT NULL,
	`status` varchar(10) NOT NULL DEFAULT 'active',
	`consecutive_failures` int NOT NULL DEFAULT 0,
	`disabled_at` datetime(3),
	`created_by_user_id` varchar(36),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `webhook_endpoints_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `submission_knockout_answers` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`submission_id` varchar(36) NOT NULL,
	`rule_id` varchar(36) NOT NULL,
	`code` varchar(40) NOT NULL,
	`question` varchar(300) NOT NULL,
	`answer` boolean NOT NULL,
	`hit` boolean NOT NULL,
	`action` varchar(8) NOT NULL,
	`reason_code` varchar(40) NOT NULL,
	`cleared_by_user_id` varchar(36),
	`cleared_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `submission_knockout_answers_id` PRIMARY KEY(`id`),
	CONSTRAINT `submission_knockout_answers_org_submission_rule_uq` UNIQUE(`org_id`,`submission_id`,`rule_id`)
);
--> statement-breakpoint
CREATE TABLE `submission_notes` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`submission_id` varchar(36) NOT NULL,
	`author_user_id` varchar(36) NOT NULL,
	`visibility` varchar(8) NOT NULL,
	`kind` varchar(14) NOT NULL,
	`body` varchar(4000) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `submission_notes_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `underwriting_rules` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`program_id` varchar(36) NOT NULL,
	`code` varchar(40) NOT NULL,
	`question` varchar(300) NOT NULL,
	`adverse_answer` boolean NOT NULL,
	`action` varchar(8) NOT NULL,
	`reason_code` varchar(40) NOT NULL,
	`position` int NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `underwriting_rules_id` PRIMARY KEY(`id`),
	CONSTRAINT `underwriting_rules_org_program_code_uq` UNIQUE(`org_id`,`program_id`,`code`)
);
--> statement-breakpoint
ALTER TABLE `quotes` ADD `schedule` json;--> statement-breakpoint
ALTER TABLE `submissions` ADD `decline_code` varchar(40);--> statement-breakpoint
ALTER TABLE `submissions` ADD `decline_rationale` varchar(2000);--> statement-breakpoint
CREATE INDEX `submission_documents_org_submission_idx` ON `submission_documents` (`org_id`,`submission_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `submission_drafts_org_agency_idx` ON `submission_drafts` (`org_id`,`agency_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `ledger_postings_status_idx` ON `ledger_postings` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `ledger_postings_org_idx` ON `ledger_postings` (`org_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `payments_org_invoice_idx` ON `payments` (`org_id`,`invoice_id`);--> statement-breakpoint
CREATE INDEX `payments_org_policy_idx` ON `payments` (`org_id`,`policy_id`);--> statement-breakpoint
CREATE INDEX `deal_room_annotations_room_created_idx` ON `deal_room_annotations` (`org_id`,`deal_room_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `deal_room_messages_room_created_idx` ON `deal_room_messages` (`org_id`,`deal_room_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `deal_room_participants_org_user_idx` ON `deal_room_participants` (`org_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `deal_rooms_org_status_idx` ON `deal_rooms` (`org_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `dead_letter_events_org_received_idx` ON `dead_letter_events` (`org_id`,`received_at`);--> statement-breakpoint
CREATE INDEX `notifications_org_user_read_idx` ON `notifications` (`org_id`,`user_id`,`read_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_org_endpoint_idx` ON `webhook_deliveries` (`org_id`,`endpoint_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_due_idx` ON `webhook_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `webhook_delivery_attempts_org_delivery_idx` ON `webhook_delivery_attempts` (`org_id`,`delivery_id`,`attempt`);--> statement-breakpoint
CREATE INDEX `webhook_endpoints_org_idx` ON `webhook_endpoints` (`org_id`,`status`);--> statement-breakpoint
CREATE INDEX `submission_notes_org_submission_idx` ON `submission_notes` (`org_id`,`submission_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `outbox_events_unpublished_idx` ON `outbox_events` (`published_at`,`created_at`);