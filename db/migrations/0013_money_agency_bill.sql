CREATE TABLE `agency_statement_items` (
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`statement_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`invoice_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`policy_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`gross_cents` bigint NOT NULL,
	`commission_cents` bigint NOT NULL,
	`payment_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	CONSTRAINT `agency_statement_items_org_id_statement_id_invoice_id_pk` PRIMARY KEY(`org_id`,`statement_id`,`invoice_id`),
	CONSTRAINT `agency_statement_items_org_invoice_uq` UNIQUE(`org_id`,`invoice_id`)
);
--> statement-breakpoint
CREATE TABLE `agency_statements` (
	`id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`agency_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`period` char(7) NOT NULL,
	`invoice_count` int NOT NULL,
	`gross_cents` bigint NOT NULL,
	`commission_cents` bigint NOT NULL,
	`net_cents` bigint NOT NULL,
	`status` varchar(10) NOT NULL,
	`received_by_user_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`received_at` datetime(3),
	`reference` varchar(60),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `agency_statements_id` PRIMARY KEY(`id`),
	CONSTRAINT `agency_statements_org_agency_period_uq` UNIQUE(`org_id`,`agency_id`,`period`)
);
--> statement-breakpoint
ALTER TABLE `policies` ADD `billing_method` varchar(6) DEFAULT 'direct' NOT NULL;--> statement-breakpoint
ALTER TABLE `programs` ADD `agency_bill_allowed` boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `agency_statements_org_period_idx` ON `agency_statements` (`org_id`,`period`);