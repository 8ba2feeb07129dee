CREATE TABLE `submission_documents` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`submission_id` varchar(36),
	`policy_id` varchar(36),
	`kind` varchar(20) NOT NULL,
	`r2_key` varchar(200) NOT NULL,
	`filename` varchar(255) NOT NULL,
	`content_type` varchar(100) NOT NULL,
	`size_bytes` int NOT NULL,
	`sha256` varchar(64) NOT NULL,
	`extraction` json,
	`uploaded_by_user_id` varchar(36),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `submission_documents_id` PRIMARY KEY(`id`),
	CONSTRAINT `submission_documents_r2_key_uq` UNIQUE(`r2_key`),
	CONSTRAINT `submission_documents_org_policy_kind_uq` UNIQUE(`org_id`,`policy_id`,`kind`)
);
--> statement-breakpoint
CREATE TABLE `submission_drafts` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`agency_id` varchar(36) NOT NULL,
	`producer_user_id` varchar(36) NOT NULL,
	`source` varchar(12) NOT NULL,
	`form_values` json NOT NULL,
	`review` json,
	`needs_review` boolean NOT NULL DEFAULT false,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `submission_drafts_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE INDEX `submission_documents_org_submission_idx` ON `submission_documents` (`org_id`,`submission_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `submission_drafts_org_agency_idx` ON `submission_drafts` (`org_id`,`agency_id`,`updated_at`);