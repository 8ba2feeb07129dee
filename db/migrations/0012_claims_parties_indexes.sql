CREATE TABLE `claim_contacts` (
	`id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`claim_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`role` varchar(20) NOT NULL,
	`name` varchar(120) NOT NULL,
	`company` varchar(120),
	`phone` varchar(40),
	`email` varchar(160),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `claim_contacts_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `claim_subrogations` (
	`id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`claim_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`target_name` varchar(160) NOT NULL,
	`target_carrier` varchar(160),
	`target_claim_number` varchar(60),
	`basis` varchar(500) NOT NULL,
	`demand_cents` bigint NOT NULL,
	`status` varchar(12) NOT NULL,
	`opened_on` date NOT NULL,
	`demand_sent_on` date,
	`closed_on` date,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `claim_subrogations_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `claim_suits` (
	`id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`claim_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`plaintiff_claimant_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`court` varchar(160) NOT NULL,
	`docket_number` varchar(60) NOT NULL,
	`venue_state` varchar(2) NOT NULL,
	`filed_on` date NOT NULL,
	`served_on` date,
	`plaintiff_counsel` varchar(160),
	`defense_firm` varchar(160),
	`defense_attorney` varchar(120),
	`defense_email` varchar(160),
	`defense_phone` varchar(40),
	`counsel_appointed_on` date,
	`trial_on` date,
	`status` varchar(10) NOT NULL,
	`resolved_on` date,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `claim_suits_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
DROP INDEX `claims_org_adjuster_idx` ON `claims`;--> statement-breakpoint
ALTER TABLE `claim_timeline` MODIFY COLUMN `kind` varchar(12) NOT NULL;--> statement-breakpoint
ALTER TABLE `claim_transactions` ADD `subrogation_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;--> statement-breakpoint
CREATE INDEX `claim_contacts_org_claim_idx` ON `claim_contacts` (`org_id`,`claim_id`);--> statement-breakpoint
CREATE INDEX `claim_subrogations_org_claim_idx` ON `claim_subrogations` (`org_id`,`claim_id`);--> statement-breakpoint
CREATE INDEX `claim_suits_org_claim_idx` ON `claim_suits` (`org_id`,`claim_id`);--> statement-breakpoint
CREATE INDEX `claim_claimants_org_key_idx` ON `claim_claimants` (`org_id`,`key_version`);--> statement-breakpoint
CREATE INDEX `claims_org_status_reported_idx` ON `claims` (`org_id`,`status`,`reported_on`);--> statement-breakpoint
CREATE INDEX `claims_org_loss_idx` ON `claims` (`org_id`,`date_of_loss`);--> statement-breakpoint
CREATE INDEX `claims_org_reserve_idx` ON `claims` (`org_id`,`case_reserve_cents`);--> statement-breakpoint
CREATE INDEX `claims_org_paid_idx` ON `claims` (`org_id`,`paid_cents`);--> statement-breakpoint
CREATE INDEX `claims_org_adjuster_idx` ON `claims` (`org_id`,`assigned_adjuster_id`,`status`);