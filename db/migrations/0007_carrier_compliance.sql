CREATE TABLE `audit_chain_heads` (
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`last_sequence` bigint NOT NULL,
	`last_hash` varchar(64) NOT NULL,
	CONSTRAINT `audit_chain_heads_org_id_pk` PRIMARY KEY(`org_id`)
);
--> statement-breakpoint
CREATE TABLE `bordereau_claim_lines` (
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`bordereau_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`line_number` int NOT NULL,
	`claim_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`claim_number` varchar(30) NOT NULL,
	`policy_number` varchar(30) NOT NULL,
	`date_of_loss` date NOT NULL,
	`reported_on` date NOT NULL,
	`loss_type` varchar(60) NOT NULL,
	`status` varchar(14) NOT NULL,
	`case_reserve_cents` bigint NOT NULL,
	`paid_cents` bigint NOT NULL,
	`incurred_cents` bigint NOT NULL,
	CONSTRAINT `bordereau_claim_lines_bordereau_id_line_number_pk` PRIMARY KEY(`bordereau_id`,`line_number`)
);
--> statement-breakpoint
CREATE TABLE `bordereau_premium_lines` (
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`bordereau_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`line_number` int NOT NULL,
	`policy_transaction_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`policy_number` varchar(30) NOT NULL,
	`insured_name` varchar(200) NOT NULL,
	`insured_state` varchar(2) NOT NULL,
	`naics_code` varchar(6) NOT NULL,
	`line_of_business` varchar(4) NOT NULL,
	`policy_effective_date` date NOT NULL,
	`policy_expiration_date` date NOT NULL,
	`transaction_type` varchar(14) NOT NULL,
	`transaction_effective_date` date NOT NULL,
	`booked_on` date NOT NULL,
	`gross_premium_cents` bigint NOT NULL,
	`fees_cents` bigint NOT NULL,
	`taxes_cents` bigint NOT NULL,
	`producer_commission_rate` decimal(6,4) NOT NULL,
	`producer_commission_cents` bigint NOT NULL,
	`mga_commission_rate` decimal(6,4) NOT NULL,
	`mga_commission_cents` bigint NOT NULL,
	`net_to_carrier_cents` bigint NOT NULL,
	CONSTRAINT `bordereau_premium_lines_bordereau_id_line_number_pk` PRIMARY KEY(`bordereau_id`,`line_number`)
);
--> statement-breakpoint
CREATE TABLE `bordereau_steps` (
	`id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`bordereau_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`kind` varchar(10) NOT NULL,
	`line_number` int,
	`comment` text,
	`answers_step_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`actor_user_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `bordereau_steps_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `bordereaux` (
	`id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`carrier_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`da_agreement_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`kind` varchar(8) NOT NULL,
	`period_start` date NOT NULL,
	`period_end` date NOT NULL,
	`version` int NOT NULL,
	`status` varchar(10) NOT NULL,
	`line_count` int NOT NULL,
	`totals` json NOT NULL,
	`checks` json NOT NULL,
	`generated_by_user_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`generated_at` datetime(3) NOT NULL,
	`submitted_at` datetime(3),
	`accepted_at` datetime(3),
	CONSTRAINT `bordereaux_id` PRIMARY KEY(`id`),
	CONSTRAINT `bordereaux_org_agreement_kind_period_version_uq` UNIQUE(`org_id`,`da_agreement_id`,`kind`,`period_start`,`version`)
);
--> statement-breakpoint
CREATE TABLE `da_breach_attempts` (
	`id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`da_agreement_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`submission_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`quote_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`user_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`outcome` varchar(8) NOT NULL,
	`checks` json NOT NULL,
	`gross_premium_cents` bigint NOT NULL,
	`attempted_on` date NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `da_breach_attempts_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `producer_licences` (
	`id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`producer_user_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`agency_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`state` varchar(2) NOT NULL,
	`licence_number` varchar(40) NOT NULL,
	`lines` json NOT NULL,
	`effective_on` date NOT NULL,
	`expires_on` date NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `producer_licences_id` PRIMARY KEY(`id`),
	CONSTRAINT `producer_licences_org_producer_state_uq` UNIQUE(`org_id`,`producer_user_id`,`state`,`licence_number`)
);
--> statement-breakpoint
CREATE TABLE `surplus_lines_filings` (
	`id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`state` varchar(2) NOT NULL,
	`period_start` date NOT NULL,
	`period_end` date NOT NULL,
	`due_on` date NOT NULL,
	`taxable_premium_cents` bigint NOT NULL,
	`tax_cents` bigint NOT NULL,
	`filed_on` date,
	`confirmation` varchar(60),
	`filed_by_user_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `surplus_lines_filings_id` PRIMARY KEY(`id`),
	CONSTRAINT `surplus_lines_filings_org_state_period_uq` UNIQUE(`org_id`,`state`,`period_start`)
);
--> statement-breakpoint
ALTER TABLE `audit_log` ADD `chain_sequence` bigint;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `previous_hash` varchar(64);--> statement-breakpoint
ALTER TABLE `audit_log` ADD `hash` varchar(64);--> statement-breakpoint
ALTER TABLE `audit_log` ADD CONSTRAINT `audit_log_org_chain_uq` UNIQUE(`org_id`,`chain_sequence`);--> statement-breakpoint
CREATE INDEX `bcl_org_idx` ON `bordereau_claim_lines` (`org_id`,`bordereau_id`);--> statement-breakpoint
CREATE INDEX `bpl_org_idx` ON `bordereau_premium_lines` (`org_id`,`bordereau_id`);--> statement-breakpoint
CREATE INDEX `bordereau_steps_org_bordereau_idx` ON `bordereau_steps` (`org_id`,`bordereau_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `bordereaux_org_carrier_idx` ON `bordereaux` (`org_id`,`carrier_id`,`period_start`);--> statement-breakpoint
CREATE INDEX `da_breach_attempts_org_agreement_idx` ON `da_breach_attempts` (`org_id`,`da_agreement_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `producer_licences_org_expires_idx` ON `producer_licences` (`org_id`,`expires_on`);