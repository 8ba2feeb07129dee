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
CREATE INDEX `renewal_offers_org_agency_idx` ON `renewal_offers` (`org_id`,`agency_id`,`status`,`renewal_date`);--> statement-breakpoint
CREATE INDEX `renewal_offers_status_idx` ON `renewal_offers` (`status`,`renewal_date`);