CREATE TABLE `dead_letter_events` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`event_id` varchar(36) NOT NULL,
	`event_type` varchar(40) NOT NULL,
	`attempts` int NOT NULL,
	`received_at` datetime(3) NOT NULL,
	`replayed_at` datetime(3),
	CONSTRAINT `dead_letter_events_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `domain_event_once` (
	`org_id` varchar(36) NOT NULL,
	`once_key` varchar(120) NOT NULL,
	`event_id` varchar(36) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `domain_event_once_org_id_once_key_pk` PRIMARY KEY(`org_id`,`once_key`)
);
--> statement-breakpoint
CREATE TABLE `notification_preferences` (
	`org_id` varchar(36) NOT NULL,
	`user_id` varchar(36) NOT NULL,
	`event_type` varchar(40) NOT NULL,
	`channel` varchar(10) NOT NULL,
	`enabled` boolean NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `notification_preferences_org_id_user_id_event_type_channel_pk` PRIMARY KEY(`org_id`,`user_id`,`event_type`,`channel`)
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`user_id` varchar(36) NOT NULL,
	`event_id` varchar(36) NOT NULL,
	`event_type` varchar(40) NOT NULL,
	`title` varchar(200) NOT NULL,
	`body` text NOT NULL,
	`link` varchar(300),
	`read_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `notifications_id` PRIMARY KEY(`id`),
	CONSTRAINT `notifications_event_user_uq` UNIQUE(`event_id`,`user_id`)
);
--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`endpoint_id` varchar(36) NOT NULL,
	`event_id` varchar(36) NOT NULL,
	`event_type` varchar(40) NOT NULL,
	`body` text NOT NULL,
	`status` varchar(10) NOT NULL DEFAULT 'pending',
	`attempts` int NOT NULL DEFAULT 0,
	`next_attempt_at` datetime(3),
	`last_status_code` int,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `webhook_deliveries_id` PRIMARY KEY(`id`),
	CONSTRAINT `webhook_deliveries_endpoint_event_uq` UNIQUE(`endpoint_id`,`event_id`)
);
--> statement-breakpoint
CREATE TABLE `webhook_delivery_attempts` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`delivery_id` varchar(36) NOT NULL,
	`attempt` int NOT NULL,
	`status_code` int,
	`error` varchar(500),
	`duration_ms` int NOT NULL,
	`attempted_at` datetime(3) NOT NULL,
	CONSTRAINT `webhook_delivery_attempts_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `webhook_endpoints` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`url` varchar(500) NOT NULL,
	`sealed_secret` varchar(255) NOT NULL,
	`event_types` json NOT NULL,
	`status` varchar(10) NOT NULL DEFAULT 'active',
	`consecutive_failures` int NOT NULL DEFAULT 0,
	`disabled_at` datetime(3),
	`created_by_user_id` varchar(36),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `webhook_endpoints_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE INDEX `dead_letter_events_org_received_idx` ON `dead_letter_events` (`org_id`,`received_at`);--> statement-breakpoint
CREATE INDEX `notifications_org_user_read_idx` ON `notifications` (`org_id`,`user_id`,`read_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_org_endpoint_idx` ON `webhook_deliveries` (`org_id`,`endpoint_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_due_idx` ON `webhook_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `webhook_delivery_attempts_org_delivery_idx` ON `webhook_delivery_attempts` (`org_id`,`delivery_id`,`attempt`);--> statement-breakpoint
CREATE INDEX `webhook_endpoints_org_idx` ON `webhook_endpoints` (`org_id`,`status`);--> statement-breakpoint
CREATE INDEX `outbox_events_unpublished_idx` ON `outbox_events` (`published_at`,`created_at`);