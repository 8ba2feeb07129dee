DROP INDEX `claims_org_adjuster_idx` ON `claims`;--> statement-breakpoint
CREATE INDEX `claims_org_adjuster_idx` ON `claims` (`org_id`,`assigned_adjuster_id`,`status`);