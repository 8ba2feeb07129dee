CREATE TABLE `certificate_holders` (
	`id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`insured_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`name` varchar(200) NOT NULL,
	`address_line1` varchar(200) NOT NULL,
	`city` varchar(100) NOT NULL,
	`state` varchar(2) NOT NULL,
	`postal_code` varchar(10) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `certificate_holders_id` PRIMARY KEY(`id`),
	CONSTRAINT `certificate_holders_org_insured_name_uq` UNIQUE(`org_id`,`insured_id`,`name`,`address_line1`)
);
--> statement-breakpoint
CREATE TABLE `certificates` (
	`id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`policy_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`holder_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`certificate_number` varchar(40) NOT NULL,
	`issued_on` date NOT NULL,
	`additional_insured` boolean NOT NULL,
	`waiver_of_subrogation` boolean NOT NULL,
	`document_key` varchar(200) NOT NULL,
	`issued_by_user_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `certificates_id` PRIMARY KEY(`id`),
	CONSTRAINT `certificates_org_number_uq` UNIQUE(`org_id`,`certificate_number`)
);
--> statement-breakpoint
CREATE TABLE `renewal_offers` (
	`id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`policy_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`agency_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`renewal_date` date NOT NULL,
	`status` varchar(10) NOT NULL,
	`prepared_on` date NOT NULL,
	`submission_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`quote_option_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`expiring_premium_cents` bigint NOT NULL,
	`renewal_premium_cents` bigint,
	`renewal_total_due_cents` bigint,
	`comparison` json,
	`note` varchar(500),
	`renewal_policy_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`decided_by_user_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`decided_on` date,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `renewal_offers_id` PRIMARY KEY(`id`),
	CONSTRAINT `renewal_offers_org_policy_uq` UNIQUE(`org_id`,`policy_id`)
);
--> statement-breakpoint
CREATE INDEX `certificates_org_policy_idx` ON `certificates` (`org_id`,`policy_id`);--> statement-breakpoint
CREATE INDEX `renewal_offers_org_agency_idx` ON `renewal_offers` (`org_id`,`agency_id`,`status`,`renewal_date`);--> statement-breakpoint
CREATE INDEX `renewal_offers_status_idx` ON `renewal_offers` (`status`,`renewal_date`);