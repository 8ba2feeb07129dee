CREATE INDEX `claims_org_status_reported_idx` ON `claims` (`org_id`,`status`,`reported_on`);--> statement-breakpoint
CREATE INDEX `claims_org_loss_idx` ON `claims` (`org_id`,`date_of_loss`);--> statement-breakpoint
CREATE INDEX `claims_org_reserve_idx` ON `claims` (`org_id`,`case_reserve_cents`);--> statement-breakpoint
CREATE INDEX `claims_org_paid_idx` ON `claims` (`org_id`,`paid_cents`);