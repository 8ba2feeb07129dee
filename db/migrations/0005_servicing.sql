CREATE TABLE `policy_notices` (
	`id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`policy_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`kind` varchar(12) NOT NULL,
	`reason` varchar(30) NOT NULL,
	`invoice_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`overdue_cents` bigint,
	`issued_on` date NOT NULL,
	`effective_on` date NOT NULL,
	`status` varchar(10) NOT NULL,
	`transaction_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`document_key` varchar(200),
	`details` json,
	`created_by_user_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `policy_notices_id` PRIMARY KEY(`id`),
	CONSTRAINT `policy_notices_org_invoice_uq` UNIQUE(`org_id`,`invoice_id`)
);
--> statement-breakpoint
ALTER TABLE `policies` ADD `servicing_details` json;--> statement-breakpoint
ALTER TABLE `policies` ADD `renewal_of_policy_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;--> statement-breakpoint
ALTER TABLE `policy_transactions` ADD `changes` json;--> statement-breakpoint
ALTER TABLE `policy_transactions` ADD `reason` varchar(30);--> statement-breakpoint
ALTER TABLE `policy_transactions` ADD `calculation` json;--> statement-breakpoint
ALTER TABLE `programs` ADD `minimum_earned_rate` decimal(6,4);--> statement-breakpoint
CREATE INDEX `policy_notices_org_policy_idx` ON `policy_notices` (`org_id`,`policy_id`);--> statement-breakpoint
CREATE INDEX `policy_notices_status_idx` ON `policy_notices` (`status`,`effective_on`);