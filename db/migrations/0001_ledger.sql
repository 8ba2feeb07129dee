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
CREATE INDEX `ledger_postings_status_idx` ON `ledger_postings` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `ledger_postings_org_idx` ON `ledger_postings` (`org_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `payments_org_invoice_idx` ON `payments` (`org_id`,`invoice_id`);--> statement-breakpoint
CREATE INDEX `payments_org_policy_idx` ON `payments` (`org_id`,`policy_id`);