ALTER TABLE `bordereau_claim_lines` ADD `claimant` varchar(500) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `bordereau_claim_lines` ADD `paid_indemnity_cents` bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `bordereau_claim_lines` ADD `paid_expense_cents` bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `bordereau_claim_lines` ADD `recovered_cents` bigint DEFAULT 0 NOT NULL;