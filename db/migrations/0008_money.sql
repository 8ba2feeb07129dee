CREATE TABLE `carrier_statements` (
	`id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`carrier_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`period` char(7) NOT NULL,
	`transaction_count` int NOT NULL,
	`gross_cents` bigint NOT NULL,
	`commission_cents` bigint NOT NULL,
	`fees_cents` bigint NOT NULL,
	`taxes_cents` bigint NOT NULL,
	`net_cents` bigint NOT NULL,
	`settlement_posting_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`settled_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `carrier_statements_id` PRIMARY KEY(`id`),
	CONSTRAINT `carrier_statements_org_carrier_period_uq` UNIQUE(`org_id`,`carrier_id`,`period`)
);
--> statement-breakpoint
CREATE TABLE `commission_statements` (
	`id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`agency_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`period` char(7) NOT NULL,
	`transaction_count` int NOT NULL,
	`premium_cents` bigint NOT NULL,
	`commission_cents` bigint NOT NULL,
	`status` varchar(10) NOT NULL,
	`approved_by_user_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`approved_at` datetime(3),
	`payout_posting_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`paid_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `commission_statements_id` PRIMARY KEY(`id`),
	CONSTRAINT `commission_statements_org_agency_period_uq` UNIQUE(`org_id`,`agency_id`,`period`)
);
--> statement-breakpoint
CREATE TABLE `payment_returns` (
	`id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`payment_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`reason` varchar(200) NOT NULL,
	`recorded_by_user_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `payment_returns_id` PRIMARY KEY(`id`),
	CONSTRAINT `payment_returns_org_payment_uq` UNIQUE(`org_id`,`payment_id`)
);
--> statement-breakpoint
CREATE TABLE `tax_remittances` (
	`id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`state` char(2) NOT NULL,
	`period` char(7) NOT NULL,
	`amount_cents` bigint NOT NULL,
	`recorded_by_user_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `tax_remittances_id` PRIMARY KEY(`id`),
	CONSTRAINT `tax_remittances_org_state_period_uq` UNIQUE(`org_id`,`state`,`period`)
);
--> statement-breakpoint
CREATE INDEX `commission_statements_org_period_idx` ON `commission_statements` (`org_id`,`period`);--> statement-breakpoint
CREATE INDEX `installments_org_invoice_idx` ON `installments` (`org_id`,`invoice_id`);