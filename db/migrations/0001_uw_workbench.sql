CREATE TABLE `submission_knockout_answers` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`submission_id` varchar(36) NOT NULL,
	`rule_id` varchar(36) NOT NULL,
	`code` varchar(40) NOT NULL,
	`question` varchar(300) NOT NULL,
	`answer` boolean NOT NULL,
	`hit` boolean NOT NULL,
	`action` varchar(8) NOT NULL,
	`reason_code` varchar(40) NOT NULL,
	`cleared_by_user_id` varchar(36),
	`cleared_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `submission_knockout_answers_id` PRIMARY KEY(`id`),
	CONSTRAINT `submission_knockout_answers_org_submission_rule_uq` UNIQUE(`org_id`,`submission_id`,`rule_id`)
);
--> statement-breakpoint
CREATE TABLE `submission_notes` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`submission_id` varchar(36) NOT NULL,
	`author_user_id` varchar(36) NOT NULL,
	`visibility` varchar(8) NOT NULL,
	`kind` varchar(14) NOT NULL,
	`body` varchar(4000) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `submission_notes_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `underwriting_rules` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`program_id` varchar(36) NOT NULL,
	`code` varchar(40) NOT NULL,
	`question` varchar(300) NOT NULL,
	`adverse_answer` boolean NOT NULL,
	`action` varchar(8) NOT NULL,
	`reason_code` varchar(40) NOT NULL,
	`position` int NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `underwriting_rules_id` PRIMARY KEY(`id`),
	CONSTRAINT `underwriting_rules_org_program_code_uq` UNIQUE(`org_id`,`program_id`,`code`)
);
--> statement-breakpoint
ALTER TABLE `quotes` ADD `schedule` json;--> statement-breakpoint
ALTER TABLE `submissions` ADD `decline_code` varchar(40);--> statement-breakpoint
ALTER TABLE `submissions` ADD `decline_rationale` varchar(2000);--> statement-breakpoint
CREATE INDEX `submission_notes_org_submission_idx` ON `submission_notes` (`org_id`,`submission_id`,`created_at`);