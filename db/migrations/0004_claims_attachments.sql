CREATE TABLE `claim_attachments` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`claim_id` varchar(36) NOT NULL,
	`r2_key` varchar(200) NOT NULL,
	`filename` varchar(160) NOT NULL,
	`content_type` varchar(40) NOT NULL,
	`size_bytes` int NOT NULL,
	`sha256` varchar(64) NOT NULL,
	`uploaded_by_user_id` varchar(36),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `claim_attachments_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE INDEX `claim_attachments_org_claim_idx` ON `claim_attachments` (`org_id`,`claim_id`);