CREATE TABLE `agency_appointments` (
	`id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`agency_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`program_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`commission_rate` decimal(6,4) NOT NULL,
	`appointed_on` date NOT NULL,
	`terminated_on` date,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `agency_appointments_id` PRIMARY KEY(`id`),
	CONSTRAINT `agency_appointments_org_agency_program_uq` UNIQUE(`org_id`,`agency_id`,`program_id`)
);
--> statement-breakpoint
CREATE TABLE `da_agreement_amendments` (
	`id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`agreement_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`kind` varchar(12) NOT NULL,
	`effective_on` date NOT NULL,
	`changes` json NOT NULL,
	`reason` varchar(500) NOT NULL,
	`actor_user_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `da_agreement_amendments_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `invitation_affiliations` (
	`id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`invitation_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`agency_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`insured_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`carrier_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `invitation_affiliations_id` PRIMARY KEY(`id`),
	CONSTRAINT `invitation_affiliations_invitation_uq` UNIQUE(`invitation_id`)
);
--> statement-breakpoint
CREATE TABLE `member_suspensions` (
	`id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`user_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`reason` varchar(500) NOT NULL,
	`suspended_by_user_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`suspended_at` datetime(3) NOT NULL,
	CONSTRAINT `member_suspensions_id` PRIMARY KEY(`id`),
	CONSTRAINT `member_suspensions_org_user_uq` UNIQUE(`org_id`,`user_id`)
);
--> statement-breakpoint
CREATE TABLE `org_settings` (
	`id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`time_zone` varchar(64) NOT NULL,
	`document_name` varchar(200),
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `org_settings_id` PRIMARY KEY(`id`),
	CONSTRAINT `org_settings_org_uq` UNIQUE(`org_id`)
);
--> statement-breakpoint
ALTER TABLE `programs` ADD `retired_at` datetime(3);--> statement-breakpoint
CREATE INDEX `da_agreement_amendments_org_agreement_idx` ON `da_agreement_amendments` (`org_id`,`agreement_id`,`created_at`);