CREATE TABLE `api_keys` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`name` varchar(100) NOT NULL,
	`prefix` varchar(24) NOT NULL,
	`secret_hash` varchar(64) NOT NULL,
	`roles` json NOT NULL,
	`agency_id` varchar(36),
	`created_by_user_id` varchar(36),
	`created_at` datetime(3) NOT NULL,
	`last_used_at` datetime(3),
	`revoked_at` datetime(3),
	CONSTRAINT `api_keys_id` PRIMARY KEY(`id`),
	CONSTRAINT `api_keys_secret_hash_uq` UNIQUE(`secret_hash`)
);
--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`org_id` varchar(36) NOT NULL,
	`idempotency_key` varchar(100) NOT NULL,
	`request_fingerprint` varchar(64) NOT NULL,
	`response_status` varchar(3) NOT NULL,
	`response_body` json NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `idempotency_keys_pk` PRIMARY KEY(`org_id`,`idempotency_key`)
);
--> statement-breakpoint
CREATE TABLE `account` (
	`id` varchar(36) NOT NULL,
	`account_id` varchar(255) NOT NULL,
	`provider_id` varchar(100) NOT NULL,
	`user_id` varchar(36) NOT NULL,
	`access_token` text,
	`refresh_token` text,
	`id_token` text,
	`access_token_expires_at` datetime(3),
	`refresh_token_expires_at` datetime(3),
	`scope` text,
	`password` text,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `account_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `invitation` (
	`id` varchar(36) NOT NULL,
	`organization_id` varchar(36) NOT NULL,
	`email` varchar(255) NOT NULL,
	`role` varchar(300),
	`status` varchar(20) NOT NULL DEFAULT 'pending',
	`expires_at` datetime(3) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`inviter_id` varchar(36) NOT NULL,
	CONSTRAINT `invitation_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `member` (
	`id` varchar(36) NOT NULL,
	`organization_id` varchar(36) NOT NULL,
	`user_id` varchar(36) NOT NULL,
	`role` varchar(300) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `member_id` PRIMARY KEY(`id`),
	CONSTRAINT `member_org_user_uq` UNIQUE(`organization_id`,`user_id`)
);
--> statement-breakpoint
CREATE TABLE `organization` (
	`id` varchar(36) NOT NULL,
	`name` varchar(200) NOT NULL,
	`slug` varchar(100) NOT NULL,
	`logo` text,
	`metadata` text,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `organization_id` PRIMARY KEY(`id`),
	CONSTRAINT `organization_slug_uq` UNIQUE(`slug`)
);
--> statement-breakpoint
CREATE TABLE `session` (
	`id` varchar(36) NOT NULL,
	`expires_at` datetime(3) NOT NULL,
	`token` varchar(255) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	`ip_address` varchar(64),
	`user_agent` text,
	`user_id` varchar(36) NOT NULL,
	`impersonated_by` varchar(36),
	`active_organization_id` varchar(36),
	CONSTRAINT `session_id` PRIMARY KEY(`id`),
	CONSTRAINT `session_token_uq` UNIQUE(`token`)
);
--> statement-breakpoint
CREATE TABLE `two_factor` (
	`id` varchar(36) NOT NULL,
	`secret` text NOT NULL,
	`backup_codes` text NOT NULL,
	`user_id` varchar(36) NOT NULL,
	`verified` boolean DEFAULT true,
	`failed_verification_count` int DEFAULT 0,
	`locked_until` datetime(3),
	CONSTRAINT `two_factor_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `user` (
	`id` varchar(36) NOT NULL,
	`name` varchar(200) NOT NULL,
	`email` varchar(255) NOT NULL,
	`email_verified` boolean NOT NULL DEFAULT false,
	`image` text,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	`role` varchar(100),
	`banned` boolean DEFAULT false,
	`ban_reason` text,
	`ban_expires` datetime(3),
	`two_factor_enabled` boolean DEFAULT false,
	CONSTRAINT `user_id` PRIMARY KEY(`id`),
	CONSTRAINT `user_email_uq` UNIQUE(`email`)
);
--> statement-breakpoint
CREATE TABLE `verification` (
	`id` varchar(36) NOT NULL,
	`identifier` varchar(255) NOT NULL,
	`value` text NOT NULL,
	`expires_at` datetime(3) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `verification_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `installments` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`policy_id` varchar(36) NOT NULL,
	`number` int NOT NULL,
	`due_date` date NOT NULL,
	`share_cents` bigint NOT NULL,
	`fee_cents` bigint NOT NULL,
	`amount_cents` bigint NOT NULL,
	`status` varchar(10) NOT NULL,
	`invoice_id` varchar(36),
	CONSTRAINT `installments_id` PRIMARY KEY(`id`),
	CONSTRAINT `installments_org_policy_number_uq` UNIQUE(`org_id`,`policy_id`,`number`)
);
--> statement-breakpoint
CREATE TABLE `invoices` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`invoice_number` varchar(30) NOT NULL,
	`policy_id` varchar(36) NOT NULL,
	`due_date` date NOT NULL,
	`amount_cents` bigint NOT NULL,
	`status` varchar(10) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `invoices_id` PRIMARY KEY(`id`),
	CONSTRAINT `invoices_org_number_uq` UNIQUE(`org_id`,`invoice_number`)
);
--> statement-breakpoint
CREATE TABLE `claims` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`claim_number` varchar(30) NOT NULL,
	`policy_id` varchar(36) NOT NULL,
	`status` varchar(14) NOT NULL,
	`date_of_loss` date NOT NULL,
	`reported_on` date NOT NULL,
	`loss_type` varchar(60) NOT NULL,
	`assigned_adjuster_id` varchar(36),
	`case_reserve_cents` bigint NOT NULL DEFAULT 0,
	`paid_cents` bigint NOT NULL DEFAULT 0,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `claims_id` PRIMARY KEY(`id`),
	CONSTRAINT `claims_org_number_uq` UNIQUE(`org_id`,`claim_number`)
);
--> statement-breakpoint
CREATE TABLE `agencies` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`name` varchar(200) NOT NULL,
	`licensed_states` json NOT NULL,
	`license_number` varchar(40),
	`license_expires_on` date,
	`commission_rate` decimal(6,4) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `agencies_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `carriers` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`name` varchar(200) NOT NULL,
	`naic_company_code` varchar(10),
	`am_best_rating` varchar(10),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `carriers_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `insureds` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`agency_id` varchar(36) NOT NULL,
	`name` varchar(200) NOT NULL,
	`naics_code` varchar(6) NOT NULL,
	`address_line1` varchar(200) NOT NULL,
	`city` varchar(100) NOT NULL,
	`state` varchar(2) NOT NULL,
	`postal_code` varchar(10) NOT NULL,
	`years_in_business` decimal(5,1),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `insureds_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `user_affiliations` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`user_id` varchar(36) NOT NULL,
	`agency_id` varchar(36),
	`insured_id` varchar(36),
	`carrier_id` varchar(36),
	CONSTRAINT `user_affiliations_id` PRIMARY KEY(`id`),
	CONSTRAINT `user_affiliations_org_user_uq` UNIQUE(`org_id`,`user_id`)
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`actor_user_id` varchar(36),
	`actor_email` varchar(255),
	`action` varchar(60) NOT NULL,
	`target_type` varchar(60),
	`target_id` varchar(64),
	`detail` json,
	`ip_address` varchar(64),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `audit_log_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `email_outbox` (
	`id` varchar(36) NOT NULL,
	`to_address` varchar(255) NOT NULL,
	`subject` varchar(300) NOT NULL,
	`text_body` text NOT NULL,
	`status` varchar(20) NOT NULL DEFAULT 'pending',
	`attempts` int NOT NULL DEFAULT 0,
	`last_error` text,
	`created_at` datetime(3) NOT NULL,
	`claimed_at` datetime(3),
	`sent_at` datetime(3),
	CONSTRAINT `email_outbox_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `outbox_events` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`type` varchar(40) NOT NULL,
	`payload` json NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`published_at` datetime(3),
	CONSTRAINT `outbox_events_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `rate_limit_counter` (
	`bucket` varchar(300) NOT NULL,
	`window_start` datetime(3) NOT NULL,
	`hits` int NOT NULL,
	CONSTRAINT `rate_limit_counter_bucket_pk` PRIMARY KEY(`bucket`)
);
--> statement-breakpoint
CREATE TABLE `policies` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`policy_number` varchar(30) NOT NULL,
	`submission_id` varchar(36),
	`quote_option_id` varchar(36),
	`insured_id` varchar(36) NOT NULL,
	`agency_id` varchar(36) NOT NULL,
	`program_id` varchar(36) NOT NULL,
	`carrier_id` varchar(36) NOT NULL,
	`line_of_business` varchar(4) NOT NULL,
	`state` varchar(2) NOT NULL,
	`status` varchar(12) NOT NULL,
	`effective_date` date NOT NULL,
	`expiration_date` date NOT NULL,
	`gross_premium_cents` bigint NOT NULL,
	`fees_cents` bigint NOT NULL,
	`taxes_cents` bigint NOT NULL,
	`occurrence_limit_cents` bigint,
	`aggregate_limit_cents` bigint,
	`deductible_cents` bigint,
	`installment_plan` varchar(12),
	`declarations_key` varchar(200),
	`bound_by_user_id` varchar(36),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `policies_id` PRIMARY KEY(`id`),
	CONSTRAINT `policies_org_number_uq` UNIQUE(`org_id`,`policy_number`),
	CONSTRAINT `policies_org_quote_option_uq` UNIQUE(`org_id`,`quote_option_id`)
);
--> statement-breakpoint
CREATE TABLE `da_agreements` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`carrier_id` varchar(36) NOT NULL,
	`program_id` varchar(36) NOT NULL,
	`reference` varchar(40) NOT NULL,
	`effective_date` date NOT NULL,
	`expiration_date` date NOT NULL,
	`status` varchar(12) NOT NULL,
	`max_occurrence_limit_cents` bigint NOT NULL,
	`max_aggregate_limit_cents` bigint NOT NULL,
	`max_premium_per_policy_cents` bigint NOT NULL,
	`authorized_states` json NOT NULL,
	`excluded_states` json NOT NULL,
	`authorized_naics_codes` json NOT NULL,
	`excluded_naics_codes` json NOT NULL,
	`naics_vintage` int NOT NULL,
	`annual_gwp_limit_cents` bigint NOT NULL,
	`quarterly_gwp_limit_cents` bigint,
	`bound_gwp_cents` bigint NOT NULL DEFAULT 0,
	`max_policies_per_insured` int NOT NULL,
	`max_insured_revenue_cents` bigint,
	`allowed_terms_months` json NOT NULL,
	`min_years_in_business` int,
	`referral_triggers` json NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `da_agreements_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `programs` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`carrier_id` varchar(36) NOT NULL,
	`name` varchar(200) NOT NULL,
	`line_of_business` varchar(4) NOT NULL,
	`states` json NOT NULL,
	`auto_bind_premium_cents` bigint NOT NULL,
	`default_commission_rate` decimal(6,4) NOT NULL,
	`quote_valid_days` int NOT NULL DEFAULT 30,
	`minimum_premium_cents` bigint NOT NULL,
	`installment_plans` json NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `programs_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `quote_options` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`quote_id` varchar(36) NOT NULL,
	`position` int NOT NULL,
	`occurrence_limit_cents` bigint NOT NULL,
	`aggregate_limit_cents` bigint NOT NULL,
	`deductible_cents` bigint NOT NULL,
	`gross_premium_cents` bigint NOT NULL,
	`fees_cents` bigint NOT NULL,
	`taxes_cents` bigint NOT NULL,
	`total_due_cents` bigint NOT NULL,
	`rating` json NOT NULL,
	`within_authority` boolean NOT NULL,
	CONSTRAINT `quote_options_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `quotes` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`submission_id` varchar(36) NOT NULL,
	`rate_table_id` varchar(36) NOT NULL,
	`rate_table_version` varchar(30) NOT NULL,
	`tax_table_id` varchar(36) NOT NULL,
	`status` varchar(12) NOT NULL,
	`expires_on` date NOT NULL,
	`da_flags` json NOT NULL,
	`created_by_user_id` varchar(36) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `quotes_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `rate_tables` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`program_id` varchar(36) NOT NULL,
	`version` varchar(30) NOT NULL,
	`effective_date` date NOT NULL,
	`status` varchar(10) NOT NULL,
	`definition` json NOT NULL,
	`activated_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `rate_tables_id` PRIMARY KEY(`id`),
	CONSTRAINT `rate_tables_org_program_version_uq` UNIQUE(`org_id`,`program_id`,`version`)
);
--> statement-breakpoint
CREATE TABLE `sequences` (
	`org_id` varchar(36) NOT NULL,
	`name` varchar(60) NOT NULL,
	`last_value` int NOT NULL,
	CONSTRAINT `sequences_pk` PRIMARY KEY(`org_id`,`name`)
);
--> statement-breakpoint
CREATE TABLE `tax_tables` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`version` varchar(30) NOT NULL,
	`effective_date` date NOT NULL,
	`definition` json NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `tax_tables_id` PRIMARY KEY(`id`),
	CONSTRAINT `tax_tables_org_version_uq` UNIQUE(`org_id`,`version`)
);
--> statement-breakpoint
CREATE TABLE `authority_profiles` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`name` varchar(100) NOT NULL,
	`tier` varchar(20) NOT NULL,
	`grants` json NOT NULL,
	CONSTRAINT `authority_profiles_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `referral_activity` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`referral_id` varchar(36) NOT NULL,
	`actor_user_id` varchar(36),
	`action` varchar(20) NOT NULL,
	`note` varchar(2000),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `referral_activity_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `referrals` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`submission_id` varchar(36) NOT NULL,
	`quote_id` varchar(36) NOT NULL,
	`reasons` json NOT NULL,
	`status` varchar(10) NOT NULL,
	`assigned_to_user_id` varchar(36),
	`decided_by_user_id` varchar(36),
	`decision_code` varchar(40),
	`decision_rationale` varchar(2000),
	`created_at` datetime(3) NOT NULL,
	`decided_at` datetime(3),
	CONSTRAINT `referrals_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `submission_declinations` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`submission_id` varchar(36) NOT NULL,
	`carrier_name` varchar(200) NOT NULL,
	`declined_on` date NOT NULL,
	`reason` varchar(300) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `submission_declinations_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `submission_events` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`submission_id` varchar(36) NOT NULL,
	`actor_user_id` varchar(36),
	`type` varchar(40) NOT NULL,
	`detail` json,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `submission_events_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `submissions` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`reference` varchar(20) NOT NULL,
	`agency_id` varchar(36) NOT NULL,
	`producer_user_id` varchar(36) NOT NULL,
	`insured_id` varchar(36) NOT NULL,
	`program_id` varchar(36) NOT NULL,
	`line_of_business` varchar(4) NOT NULL,
	`state` varchar(2) NOT NULL,
	`naics_code` varchar(6) NOT NULL,
	`annual_revenue_cents` bigint,
	`payroll_cents` bigint,
	`requested_limit_cents` bigint NOT NULL,
	`deductible_cents` bigint NOT NULL,
	`effective_date` date NOT NULL,
	`term_months` int NOT NULL,
	`prior_loss_count` int NOT NULL DEFAULT 0,
	`prior_loss_incurred_cents` bigint NOT NULL DEFAULT 0,
	`status` varchar(12) NOT NULL,
	`assigned_underwriter_id` varchar(36),
	`indicated_premium_cents` bigint,
	`submitted_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `submissions_id` PRIMARY KEY(`id`),
	CONSTRAINT `submissions_org_reference_uq` UNIQUE(`org_id`,`reference`)
);
--> statement-breakpoint
CREATE TABLE `user_authority` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`user_id` varchar(36) NOT NULL,
	`profile_id` varchar(36) NOT NULL,
	CONSTRAINT `user_authority_id` PRIMARY KEY(`id`),
	CONSTRAINT `user_authority_org_user_uq` UNIQUE(`org_id`,`user_id`)
);
--> statement-breakpoint
CREATE INDEX `api_keys_org_idx` ON `api_keys` (`org_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `account_user_idx` ON `account` (`user_id`);--> statement-breakpoint
CREATE INDEX `invitation_org_idx` ON `invitation` (`organization_id`);--> statement-breakpoint
CREATE INDEX `invitation_email_idx` ON `invitation` (`email`);--> statement-breakpoint
CREATE INDEX `member_user_idx` ON `member` (`user_id`);--> statement-breakpoint
CREATE INDEX `session_user_idx` ON `session` (`user_id`);--> statement-breakpoint
CREATE INDEX `two_factor_user_idx` ON `two_factor` (`user_id`);--> statement-breakpoint
CREATE INDEX `verification_identifier_idx` ON `verification` (`identifier`);--> statement-breakpoint
CREATE INDEX `installments_org_due_idx` ON `installments` (`org_id`,`status`,`due_date`);--> statement-breakpoint
CREATE INDEX `invoices_org_due_idx` ON `invoices` (`org_id`,`status`,`due_date`);--> statement-breakpoint
CREATE INDEX `invoices_org_policy_idx` ON `invoices` (`org_id`,`policy_id`);--> statement-breakpoint
CREATE INDEX `claims_org_adjuster_idx` ON `claims` (`org_id`,`assigned_adjuster_id`);--> statement-breakpoint
CREATE INDEX `claims_org_policy_idx` ON `claims` (`org_id`,`policy_id`);--> statement-breakpoint
CREATE INDEX `agencies_org_idx` ON `agencies` (`org_id`,`name`);--> statement-breakpoint
CREATE INDEX `carriers_org_idx` ON `carriers` (`org_id`,`name`);--> statement-breakpoint
CREATE INDEX `insureds_org_agency_idx` ON `insureds` (`org_id`,`agency_id`);--> statement-breakpoint
CREATE INDEX `audit_log_org_created_idx` ON `audit_log` (`org_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `email_outbox_status_idx` ON `email_outbox` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `outbox_events_org_published_idx` ON `outbox_events` (`org_id`,`published_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `policies_org_agency_idx` ON `policies` (`org_id`,`agency_id`);--> statement-breakpoint
CREATE INDEX `policies_org_insured_idx` ON `policies` (`org_id`,`insured_id`);--> statement-breakpoint
CREATE INDEX `policies_org_carrier_idx` ON `policies` (`org_id`,`carrier_id`);--> statement-breakpoint
CREATE INDEX `da_agreements_org_program_idx` ON `da_agreements` (`org_id`,`program_id`);--> statement-breakpoint
CREATE INDEX `programs_org_idx` ON `programs` (`org_id`,`line_of_business`);--> statement-breakpoint
CREATE INDEX `quote_options_org_quote_idx` ON `quote_options` (`org_id`,`quote_id`,`position`);--> statement-breakpoint
CREATE INDEX `quotes_org_submission_idx` ON `quotes` (`org_id`,`submission_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `rate_tables_org_program_effective_idx` ON `rate_tables` (`org_id`,`program_id`,`effective_date`);--> statement-breakpoint
CREATE INDEX `tax_tables_org_effective_idx` ON `tax_tables` (`org_id`,`effective_date`);--> statement-breakpoint
CREATE INDEX `authority_profiles_org_idx` ON `authority_profiles` (`org_id`);--> statement-breakpoint
CREATE INDEX `referral_activity_org_referral_idx` ON `referral_activity` (`org_id`,`referral_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `referrals_org_status_idx` ON `referrals` (`org_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `referrals_org_submission_idx` ON `referrals` (`org_id`,`submission_id`);--> statement-breakpoint
CREATE INDEX `submission_declinations_org_submission_idx` ON `submission_declinations` (`org_id`,`submission_id`);--> statement-breakpoint
CREATE INDEX `submission_events_org_submission_idx` ON `submission_events` (`org_id`,`submission_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `submissions_org_status_idx` ON `submissions` (`org_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `submissions_org_agency_idx` ON `submissions` (`org_id`,`agency_id`,`created_at`);