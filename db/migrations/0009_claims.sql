CREATE TABLE `adjuster_profiles` (
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`user_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`licensed_states` json NOT NULL,
	`reserve_authority_cents` bigint NOT NULL,
	`payment_authority_cents` bigint NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `adjuster_profiles_org_id_user_id_pk` PRIMARY KEY(`org_id`,`user_id`)
);
--> statement-breakpoint
CREATE TABLE `claim_attachments` (
	`id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`claim_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`r2_key` varchar(200) NOT NULL,
	`filename` varchar(160) NOT NULL,
	`content_type` varchar(40) NOT NULL,
	`size_bytes` int NOT NULL,
	`sha256` varchar(64) NOT NULL,
	`uploaded_by_user_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `claim_attachments_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `claim_claimants` (
	`id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`claim_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`role` varchar(20) NOT NULL,
	`phi` text NOT NULL,
	`key_version` int NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `claim_claimants_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `claim_reserve_changes` (
	`id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`claim_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`reserve_type` varchar(10) NOT NULL,
	`previous_cents` bigint NOT NULL,
	`new_cents` bigint NOT NULL,
	`rationale` varchar(1000) NOT NULL,
	`status` varchar(20) NOT NULL,
	`requested_by_user_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`decided_by_user_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`decided_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `claim_reserve_changes_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `claim_tasks` (
	`id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`claim_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`assignee_user_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`title` varchar(200) NOT NULL,
	`due_on` date NOT NULL,
	`done_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `claim_tasks_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `claim_timeline` (
	`id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`claim_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`kind` varchar(10) NOT NULL,
	`summary` varchar(500) NOT NULL,
	`body` text,
	`actor_user_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `claim_timeline_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `claim_transactions` (
	`id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`claim_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`kind` varchar(10) NOT NULL,
	`category` varchar(12) NOT NULL,
	`amount_cents` bigint NOT NULL,
	`counterparty` varchar(120) NOT NULL,
	`method` varchar(8) NOT NULL,
	`reference` varchar(60),
	`recorded_by_user_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `claim_transactions_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `org_data_keys` (
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`version` int NOT NULL,
	`master_key_id` varchar(40) NOT NULL,
	`wrapped_key` varchar(200) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `org_data_keys_org_id_version_pk` PRIMARY KEY(`org_id`,`version`)
);
--> statement-breakpoint
CREATE TABLE `phi_access_log` (
	`id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`sequence` bigint NOT NULL,
	`actor_user_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`actor_api_key_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`action` varchar(5) NOT NULL,
	`claim_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`fields` json NOT NULL,
	`surface` varchar(40) NOT NULL,
	`ip_address` varchar(45),
	`occurred_at` datetime(3) NOT NULL,
	`previous_hash` varchar(64) NOT NULL,
	`hash` varchar(64) NOT NULL,
	CONSTRAINT `phi_access_log_id` PRIMARY KEY(`id`),
	CONSTRAINT `phi_access_log_org_sequence_uq` UNIQUE(`org_id`,`sequence`)
);
--> statement-breakpoint
CREATE TABLE `phi_chain_heads` (
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`last_sequence` bigint NOT NULL,
	`last_hash` varchar(64) NOT NULL,
	CONSTRAINT `phi_chain_heads_org_id` PRIMARY KEY(`org_id`)
);
--> statement-breakpoint
ALTER TABLE `claims` ADD `time_of_loss` varchar(5);--> statement-breakpoint
ALTER TABLE `claims` ADD `loss_cause` varchar(120);--> statement-breakpoint
ALTER TABLE `claims` ADD `loss_state` varchar(2);--> statement-breakpoint
ALTER TABLE `claims` ADD `loss_location` varchar(200);--> statement-breakpoint
ALTER TABLE `claims` ADD `description` varchar(4000);--> statement-breakpoint
ALTER TABLE `claims` ADD `injuries` boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `claims` ADD `authority_report` varchar(80);--> statement-breakpoint
ALTER TABLE `claims` ADD `reporter_name` varchar(120);--> statement-breakpoint
ALTER TABLE `claims` ADD `reported_by_user_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;--> statement-breakpoint
ALTER TABLE `claims` ADD `channel` varchar(10);--> statement-breakpoint
ALTER TABLE `claims` ADD `coverage_flag` varchar(40);--> statement-breakpoint
ALTER TABLE `claims` ADD `indemnity_reserve_cents` bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `claims` ADD `expense_reserve_cents` bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `claims` ADD `paid_indemnity_cents` bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `claims` ADD `paid_expense_cents` bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `claims` ADD `recovered_cents` bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `claims` ADD `denial_reason` varchar(1000);--> statement-breakpoint
ALTER TABLE `claims` ADD `closing_reason` varchar(200);--> statement-breakpoint
ALTER TABLE `claims` ADD `closed_at` datetime(3);--> statement-breakpoint
CREATE INDEX `claim_attachments_org_claim_idx` ON `claim_attachments` (`org_id`,`claim_id`);--> statement-breakpoint
CREATE INDEX `claim_claimants_org_claim_idx` ON `claim_claimants` (`org_id`,`claim_id`);--> statement-breakpoint
CREATE INDEX `claim_reserve_changes_org_claim_idx` ON `claim_reserve_changes` (`org_id`,`claim_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `claim_reserve_changes_org_status_idx` ON `claim_reserve_changes` (`org_id`,`status`);--> statement-breakpoint
CREATE INDEX `claim_tasks_org_assignee_idx` ON `claim_tasks` (`org_id`,`assignee_user_id`,`done_at`,`due_on`);--> statement-breakpoint
CREATE INDEX `claim_timeline_org_claim_idx` ON `claim_timeline` (`org_id`,`claim_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `claim_transactions_org_claim_idx` ON `claim_transactions` (`org_id`,`claim_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `phi_access_log_org_claim_idx` ON `phi_access_log` (`org_id`,`claim_id`);--> statement-breakpoint
CREATE INDEX `claims_org_reported_idx` ON `claims` (`org_id`,`reported_on`,`id`);--> statement-breakpoint
CREATE INDEX `claims_org_status_idx` ON `claims` (`org_id`,`status`);