CREATE TABLE `daily_job_runs` (
	`org_id` varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`job` varchar(40) NOT NULL,
	`business_date` date NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `daily_job_runs_org_id_job_business_date_pk` PRIMARY KEY(`org_id`,`job`,`business_date`)
);
--> statement-breakpoint
ALTER TABLE `org_settings` ADD `logo_key` varchar(200);--> statement-breakpoint
ALTER TABLE `org_settings` ADD `logo_content_type` varchar(20);--> statement-breakpoint
CREATE INDEX `policies_org_program_idx` ON `policies` (`org_id`,`program_id`);